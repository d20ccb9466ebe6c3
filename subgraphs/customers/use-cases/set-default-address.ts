import { planSetDefaultAddress } from '../domain/address-book.js';
import { isUuid } from '../domain/ids.js';
import { AddressRepository } from '../store/address.repository.js';
import type { AddressRecord } from '../store/address.entity.js';
import { addressNotFound, bookProblemError, lockAddressBook, requireAddressBookOwner } from './address-book-access.js';
import { recordDefaultChange } from './address-book-events.js';
import type { UseCaseContext } from './deps.js';
import { inTransaction } from '../../../platform/database.js';

/** Makes the address the default; the previous default stops being one. Idempotent. */
export async function setDefaultAddress(ctx: UseCaseContext, id: string): Promise<AddressRecord> {
  const { subject: customerId } = requireAddressBookOwner(ctx);
  if (!isUuid(id)) throw addressNotFound();
  const address = await inTransaction(ctx.em, async (em) => {
    await lockAddressBook(em, customerId);
    const addresses = new AddressRepository(em);
    const book = await addresses.listByCustomer(customerId);
    const plan = planSetDefaultAddress(book, id);
    if (!plan.ok) throw bookProblemError(plan);
    if (plan.defaultChange) {
      await addresses.moveDefault(book, plan.defaultChange);
      recordDefaultChange(em, ctx.deps.eventNamespace, customerId, plan.defaultChange);
    }
    return book.find((a) => a.id === id)!;
  });
  ctx.loaders.addressesByCustomerId.clear(customerId);
  return address;
}
