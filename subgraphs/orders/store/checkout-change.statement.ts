import type { EntityManager } from '@mikro-orm/postgresql';
import { outboxInsertIf, type PendingOutboxRow } from '../../../events/outbox.js';
import { ringAfterAutocommit } from '../../../events/outbox-signal.js';
import { CombinedStatement } from '../../../platform/combined-statement.js';
import type { Checkout } from '../domain/checkout.js';
import type { CheckoutRecord } from './checkout.entity.js';
import { checkoutRecordOf } from './checkout.repository.js';

/**
 * The update of a checkout's changeable columns to what a decision left, only over the version
 * the decision was made on, which it bumps (placeOrder and the abandonment sweep bump it too).
 * Returns the new row.
 */
export function checkoutUpdate(em: EntityManager, checkout: Checkout, version: number): { sql: string; params: unknown[] } {
  return {
    sql: `update "${em.config.get('schema')}".checkout
             set status = ?, shipping_address = ?::jsonb, address_id = ?, address_warnings = ?::jsonb, shipping_method = ?,
                 payment_token = ?, order_id = ?, updated_at = ?, version = version + 1
           where id = ? and version = ?
       returning *`,
    params: [
      checkout.status,
      checkout.shippingAddress ? JSON.stringify(checkout.shippingAddress) : null,
      checkout.addressId,
      JSON.stringify(checkout.addressWarnings),
      checkout.shippingMethod,
      checkout.paymentToken,
      checkout.orderId,
      checkout.updatedAt,
      checkout.id,
      version,
    ],
  };
}

/**
 * A checkout step's whole write as ONE statement outside any transaction: the checkout over the
 * version it was decided on, and the events announcing it, which go in only if the update did.
 * No row lock is held between the read and this write; null when the version moved meanwhile
 * (another step, placeOrder or the sweep wrote first): nothing was written, decide again.
 */
export async function writeCheckoutChange(em: EntityManager, change: { checkout: Checkout; version: number; outbox: readonly PendingOutboxRow[] }): Promise<CheckoutRecord | null> {
  // inside a transaction the ring below would sound before the commit
  if (em.getTransactionContext()) throw new Error('A checkout step writes outside any transaction');
  const update = checkoutUpdate(em, change.checkout, change.version);
  const statement = new CombinedStatement().add(update.sql, update.params, 'checkout');
  const insert = change.outbox.length ? outboxInsertIf(em, change.outbox, 'exists (select 1 from checkout)') : undefined;
  if (insert) statement.add(insert.sql, insert.params);
  const [row] = await statement.run<Record<string, unknown>>(em, 'select * from checkout');
  if (!row) return null;
  if (insert) ringAfterAutocommit(em, insert.published);
  return checkoutRecordOf(em, row);
}
