import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../../platform/logger.js';
import type { Envelope, PayloadOf } from '../../../events/contract.js';
import type { CheckoutAddressReleased } from '../../../events/contracts/orders/checkout-address-released.event.js';
import type { CheckoutAddressSelected } from '../../../events/contracts/orders/checkout-address-selected.event.js';
import { AddressRepository } from '../store/address.repository.js';
import { AddressInUseRepository } from '../store/address-in-use.repository.js';

/**
 * Keeps the projection of saved addresses held by checkouts in progress (what makes
 * `removeAddress` answer CONFLICT). Both steps are idempotent and order-tolerant: a selection
 * older than the recorded one, or for a checkout that already ended, changes nothing.
 */
export async function recordCheckoutAddressSelected(
  em: EntityManager,
  event: Envelope<PayloadOf<typeof CheckoutAddressSelected>>,
  log: Logger,
): Promise<void> {
  const { checkoutId, customerId, addressId } = event.payload;
  let held = addressId;
  // Only the customer's own address can be held: a wrong id must not pin someone else's.
  if (addressId && !(await new AddressRepository(em).findOwned(customerId, addressId))) {
    log.warn({ checkoutId, customerId, addressId }, 'checkout selected an address the customer does not have; not holding it');
    held = null;
  }
  await new AddressInUseRepository(em).recordSelection({ checkoutId, customerId, addressId: held, selectedAt: new Date(event.occurredAt) });
}

export async function recordCheckoutAddressReleased(em: EntityManager, event: Envelope<PayloadOf<typeof CheckoutAddressReleased>>): Promise<void> {
  const { checkoutId, customerId } = event.payload;
  await new AddressInUseRepository(em).recordEnd({ checkoutId, customerId, endedAt: new Date(event.occurredAt) });
}
