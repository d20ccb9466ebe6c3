import type { Envelope, PayloadOf } from '../../../events/contract.js';
import type { CheckoutAddressReleased } from '../../../events/contracts/orders/checkout-address-released.event.js';
import type { CheckoutAddressSelected } from '../../../events/contracts/orders/checkout-address-selected.event.js';
import type { SqlStatement } from '../../../platform/combined-statement.js';
import { addressSelectionUpsert, checkoutEndUpsert } from '../store/address-in-use.repository.js';

/**
 * Keeps the projection of saved addresses held by checkouts in progress (what makes
 * `removeAddress` answer CONFLICT), one statement per event. Both are idempotent and
 * order-tolerant: a selection older than the recorded one, or for a checkout that already ended,
 * changes nothing; only the customer's own address can be held.
 */
export function checkoutAddressSelectedStatement(schema: string, event: Envelope<PayloadOf<typeof CheckoutAddressSelected>>): SqlStatement {
  const { checkoutId, customerId, addressId } = event.payload;
  return addressSelectionUpsert(schema, { checkoutId, customerId, addressId, selectedAt: new Date(event.occurredAt) });
}

export function checkoutAddressReleasedStatement(schema: string, event: Envelope<PayloadOf<typeof CheckoutAddressReleased>>): SqlStatement {
  const { checkoutId, customerId } = event.payload;
  return checkoutEndUpsert(schema, { checkoutId, customerId, endedAt: new Date(event.occurredAt) });
}
