import { OptimisticLockError, type EntityManager } from '@mikro-orm/postgresql';
import { CombinedStatement } from '../../../platform/combined-statement.js';
import type { Checkout } from '../domain/checkout.js';
import { checkoutUpdate } from './checkout-change.statement.js';
import type { OrderRecord } from './order.entity.js';
import { addSagaStep, type SagaStepWrite } from './saga-step.statement.js';

/** Everything placeOrder writes once the checkout is decided. */
export interface PlacementWrite {
  /** COMPLETED, written over the version placeOrder locked. */
  checkout: Checkout;
  checkoutVersion: number;
  /** The new order as the saga's first step leaves it. */
  order: OrderRecord;
  /** The coupon redemption the counter granted (coupon-ledger.repository.ts `tryRedeem`), if any. */
  couponRedemption: { code: string; customerId: string; discountCents: number; at: Date } | null;
  /** The saga's first step; its outbox carries every event of the placement, in publishing order. */
  saga: SagaStepWrite;
}

/**
 * A placement in one statement, in placeOrder's transaction (which holds the checkout locked): the
 * checkout COMPLETED with its version bumped, the order row, the coupon redemption row, and the
 * saga's start — its row, timeouts, timeline, status history and the outbox rows. The saga's
 * rows refer to the order's: PostgreSQL checks those references at the end of the statement.
 * Returns the new saga row's version.
 */
export async function writeOrderPlacement(em: EntityManager, write: PlacementWrite): Promise<{ sagaVersion: number }> {
  const schema = em.config.get('schema');
  const { order } = write;
  const statement = new CombinedStatement();
  const checkout = checkoutUpdate(em, write.checkout, write.checkoutVersion);
  statement.add(checkout.sql, checkout.params, 'checkout');
  statement.add(
    `insert into "${schema}".customer_order (id, number, customer_id, checkout_id, status, lines, shipping_address, shipping_method, subtotal_cents, discount_cents,
            coupon_code, shipping_cents, total_cents, currency, cancellation_reason, placed_at, updated_at, status_changes)
     values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      order.id,
      order.number,
      order.customerId,
      order.checkoutId,
      order.status,
      JSON.stringify(order.lines),
      JSON.stringify(order.shippingAddress),
      order.shippingMethod,
      order.subtotalCents,
      order.discountCents,
      order.couponCode,
      order.shippingCents,
      order.totalCents,
      order.currency,
      order.cancellationReason,
      order.placedAt,
      order.updatedAt,
      order.statusChanges,
    ],
  );
  const redemption = write.couponRedemption;
  if (redemption) {
    statement.add(`insert into "${schema}".coupon_redemption (order_id, code, customer_id, discount_cents, redeemed_at) values (?, ?, ?, ?, ?)`, [
      order.id,
      redemption.code,
      redemption.customerId,
      redemption.discountCents,
      redemption.at,
    ]);
  }
  addSagaStep(statement, em, write.saga, { orderInserted: true });
  const [row] = await statement.run<{ checkouts: number; version: number }>(em, 'select (select count(*) from checkout)::int as checkouts, (select version from saga) as version');
  // under the row lock the version cannot have moved; if it did, the transaction must not commit
  if (!row || row.checkouts !== 1) throw OptimisticLockError.lockFailed('Checkout');
  return { sagaVersion: row.version };
}
