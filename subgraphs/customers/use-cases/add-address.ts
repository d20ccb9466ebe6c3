import { v7 as uuidv7 } from 'uuid';
import { badInput } from '../../../platform/errors.js';
import { recordEvent } from '../../../events/outbox.js';
import { CustomerAddressAdded } from '../../../events/contracts/customers/index.js';
import { applyVerification, validateAddressInput, type AddressInput } from '../domain/address.js';
import { nicknameTaken, planAddAddress } from '../domain/address-book.js';
import { AddressRepository } from '../store/address.repository.js';
import { toAddressSnapshot, type AddressRecord } from '../store/address.entity.js';
import { bookProblemError, lockAddressBook, requireAddressBookOwner } from './address-book-access.js';
import { recordDefaultChange } from './address-book-events.js';
import type { UseCaseContext } from './deps.js';
import { inTransaction } from '../../../platform/database.js';

export async function addAddress(ctx: UseCaseContext, input: AddressInput): Promise<AddressRecord> {
  const { subject: customerId } = requireAddressBookOwner(ctx);
  const checked = validateAddressInput(input);
  if (!checked.ok) throw badInput('The address is invalid', checked.fields);
  const draft = checked.value;
  // Outside the transaction: the service may take seconds (then UNVERIFIED), and an answer
  // of any kind never blocks saving (PO).
  const { postal, verification } = applyVerification(draft.postal, await ctx.deps.addressVerification.verify(draft.postal));

  const address = await inTransaction(ctx.em, async (em) => {
    await lockAddressBook(em, customerId);
    const addresses = new AddressRepository(em);
    const book = await addresses.listByCustomer(customerId);
    const id = uuidv7();
    const plan = planAddAddress(book, id, draft);
    if (!plan.ok) throw bookProblemError(plan);
    if (plan.defaultChange) await addresses.moveDefault(book, { ...plan.defaultChange, newDefaultId: null });
    const created = await addresses.insert({ id, customerId, nickname: draft.nickname, ...postal, isDefault: plan.isDefault, verification });
    if (created === 'NICKNAME_TAKEN') throw bookProblemError(nicknameTaken());
    recordEvent(em, ctx.deps.eventNamespace, CustomerAddressAdded, { customerId, address: toAddressSnapshot(created) }, { customerId });
    if (plan.defaultChange) recordDefaultChange(em, ctx.deps.eventNamespace, customerId, plan.defaultChange);
    return created;
  });
  ctx.loaders.addressesByCustomerId.clear(customerId);
  ctx.log.info({ customerId, addressId: address.id, verification }, 'address added');
  return address;
}
