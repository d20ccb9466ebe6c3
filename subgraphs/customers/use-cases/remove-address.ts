import { conflict } from '../../../platform/errors.js';
import { recordEvent } from '../../../events/outbox.js';
import { CustomerAddressRemoved } from '../../../events/contracts/customers/index.js';
import { planRemoveAddress } from '../domain/address-book.js';
import { isUuid } from '../domain/ids.js';
import { AddressRepository } from '../store/address.repository.js';
import { AddressInUseRepository } from '../store/address-in-use.repository.js';
import { addressNotFound, bookProblemError, lockAddressBook, requireAddressBookOwner } from './address-book-access.js';
import { recordDefaultChange } from './address-book-events.js';
import type { UseCaseContext } from './deps.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * Removes a saved address, unless a checkout in progress holds it (CONFLICT). Removing the
 * default promotes the oldest remaining address. "In progress" is what orders' events told us
 * so far: a checkout selecting the address at this very moment may not be known yet, which is
 * harmless because orders keeps its own copy of the address it ships to.
 */
export async function removeAddress(ctx: UseCaseContext, id: string): Promise<boolean> {
  const { subject: customerId } = requireAddressBookOwner(ctx);
  if (!isUuid(id)) throw addressNotFound();
  await inTransaction(ctx.em, async (em) => {
    await lockAddressBook(em, customerId);
    const addresses = new AddressRepository(em);
    const book = await addresses.listByCustomer(customerId);
    const plan = planRemoveAddress(book, id);
    if (!plan.ok) throw bookProblemError(plan);
    if (await new AddressInUseRepository(em).isHeldByCheckoutInProgress(id)) {
      throw conflict('This address is used by a checkout in progress and cannot be removed now');
    }
    await addresses.remove(book.find((a) => a.id === id)!);
    if (plan.defaultChange?.newDefaultId) await addresses.moveDefault(book, { previousDefaultId: null, newDefaultId: plan.defaultChange.newDefaultId });
    recordEvent(em, ctx.deps.eventNamespace, CustomerAddressRemoved, { customerId, addressId: id }, { customerId });
    if (plan.defaultChange) recordDefaultChange(em, ctx.deps.eventNamespace, customerId, plan.defaultChange);
  });
  ctx.loaders.addressesByCustomerId.clear(customerId);
  ctx.log.info({ customerId, addressId: id }, 'address removed');
  return true;
}
