import { badInput } from '../../../platform/errors.js';
import { recordEvent } from '../../../events/outbox.js';
import { CustomerAddressUpdated } from '../../../events/contracts/customers/index.js';
import { applyVerification, validateAddressInput, type AddressInput } from '../domain/address.js';
import { nicknameTaken, planUpdateAddress } from '../domain/address-book.js';
import { isUuid } from '../domain/ids.js';
import { AddressRepository } from '../store/address.repository.js';
import { toAddressSnapshot, type AddressRecord } from '../store/address.entity.js';
import { addressNotFound, bookProblemError, lockAddressBook, requireAddressBookOwner } from './address-book-access.js';
import { recordDefaultChange } from './address-book-events.js';
import type { UseCaseContext } from './deps.js';
import { inTransaction } from '../../../platform/database.js';

/** Replaces a saved address's fields (the whole input, re-verified). */
export async function updateAddress(ctx: UseCaseContext, id: string, input: AddressInput): Promise<AddressRecord> {
  const { subject: customerId } = requireAddressBookOwner(ctx);
  const checked = validateAddressInput(input);
  if (!checked.ok) throw badInput('The address is invalid', checked.fields);
  const draft = checked.value;
  // Not worth asking the address service about someone else's (or no) address.
  if (!isUuid(id) || !(await new AddressRepository(ctx.em).findOwned(customerId, id))) throw addressNotFound();
  const { postal, verification } = applyVerification(draft.postal, await ctx.deps.addressVerification.verify(draft.postal));

  const address = await inTransaction(ctx.em, async (em) => {
    await lockAddressBook(em, customerId);
    const addresses = new AddressRepository(em);
    const book = await addresses.listByCustomer(customerId);
    const plan = planUpdateAddress(book, id, draft);
    if (!plan.ok) throw bookProblemError(plan);
    if (plan.defaultChange) await addresses.moveDefault(book, plan.defaultChange);
    const target = book.find((a) => a.id === id)!;
    Object.assign(target, { nickname: draft.nickname, ...postal, verification });
    if ((await addresses.save()) === 'NICKNAME_TAKEN') throw bookProblemError(nicknameTaken());
    recordEvent(em, ctx.deps.eventNamespace, CustomerAddressUpdated, { customerId, address: toAddressSnapshot(target) }, { customerId });
    if (plan.defaultChange) recordDefaultChange(em, ctx.deps.eventNamespace, customerId, plan.defaultChange);
    return target;
  });
  ctx.loaders.addressesByCustomerId.clear(customerId);
  ctx.log.info({ customerId, addressId: id, verification }, 'address updated');
  return address;
}
