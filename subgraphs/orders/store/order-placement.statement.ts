import { OptimisticLockError, type EntityManager } from '@mikro-orm/postgresql';
import { CombinedStatement } from '../../../platform/combined-statement.js';
import type { SqlText } from '../../../platform/prepared-statements.js';
import type { Checkout } from '../domain/checkout.js';
import type { Money } from '../domain/money.js';
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
 * What placeOrder reads once it holds the checkout: orders' projection of the catalog prices of
 * the checkout's SKUs (for price drift; a SKU the projection has not heard of is absent) and the
 * order number's sequence value — one statement, sent in the message of the checkout's locking
 * read, after it (withOwnCheckoutLocked's `readAlong`): it takes the SKUs from the row that read
 * locked. A number is drawn only for the caller's own checkout in progress, the only one a
 * placement can accept (a repeat, someone else's checkout or an abandoned one draw none), whether
 * or not it is then placed: a refused placement leaves a gap, as a rolled-back one always did
 * (harmless: domain/order-number.ts). Read its rows with `placementInputsOf`.
 */
export function placementInputsStatement(em: EntityManager, checkoutId: string, customerId: string): SqlText {
  const schema = em.config.get('schema');
  // materialized: the number is drawn once, not once per price row
  return {
    sql: `with placeable as (select lines from "${schema}".checkout where id = ? and customer_id = ? and status = 'IN_PROGRESS'),
               drawn as materialized (select nextval('"${schema}".order_number_seq')::text as sequence_value from placeable)
          select drawn.sequence_value, p.sku, p.price_cents, p.currency
            from drawn
            left join "${schema}".product_price p on p.sku in (select line->>'sku' from placeable cross join jsonb_array_elements(placeable.lines) line)`,
    params: [checkoutId, customerId],
  };
}

/** The prices and the drawn sequence value (null when none was drawn) of placementInputsStatement's rows. */
export function placementInputsOf(rows: readonly Record<string, unknown>[]): { currentPrices: Map<string, Money>; sequenceValue: string | null } {
  const currentPrices = new Map<string, Money>();
  for (const row of rows) if (row.sku !== null) currentPrices.set(row.sku as string, { cents: row.price_cents as number, currency: row.currency as string });
  return { currentPrices, sequenceValue: (rows[0]?.sequence_value as string | undefined) ?? null };
}

/**
 * A placement in one statement, the last of placeOrder's transaction (which holds the checkout
 * locked), sent with its COMMIT: the checkout COMPLETED with its version bumped, the order row,
 * the coupon redemption row, and the saga's start — its row, timeouts, timeline, status history
 * and the outbox rows. The saga's rows refer to the order's: PostgreSQL checks those references at
 * the end of the statement. The order's checkout_id is the id the checkout's update returned, so
 * an update that changed no row (the version moved, which the lock rules out) fails the whole
 * statement on the column's NOT NULL, and nothing commits. Returns the new saga row's version.
 */
export async function writeOrderPlacement(em: EntityManager, write: PlacementWrite): Promise<{ sagaVersion: number }> {
  const schema = em.config.get('schema');
  const { order } = write;
  const statement = new CombinedStatement().endingTransaction();
  const checkout = checkoutUpdate(em, write.checkout, write.checkoutVersion);
  statement.add(checkout.sql, checkout.params, 'checkout');
  statement.add(
    `insert into "${schema}".customer_order (id, number, customer_id, checkout_id, status, lines, shipping_address, shipping_method, subtotal_cents, discount_cents,
            coupon_code, shipping_cents, total_cents, currency, cancellation_reason, placed_at, updated_at, status_changes)
     values (?, ?, ?, (select id from checkout), ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      order.id,
      order.number,
      order.customerId,
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
  // under the row lock the version cannot have moved; if it did, the statement failed above (or,
  // when it could not commit with the transaction, the transaction must not commit now)
  if (!row || row.checkouts !== 1) throw OptimisticLockError.lockFailed('Checkout');
  return { sagaVersion: row.version };
}
