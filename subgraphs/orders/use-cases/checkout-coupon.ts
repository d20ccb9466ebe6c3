import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../../platform/errors.js';
import { outboxRow, recordEvent, type PendingOutboxRow } from '../../../events/outbox.js';
import { CouponRedeemed, CouponRedemptionReleased } from '../../../events/contracts/orders/index.js';
import { couponStanding } from '../../../events/contracts/promotions/index.js';
import type { CheckoutCoupon, CouponVerdict, OrderDraft } from '../domain/checkout.js';
import { CouponLedgerRepository } from '../store/coupon-ledger.repository.js';

/**
 * The checkout's coupon at placeOrder, inside its transaction: one conditional UPDATE of orders'
 * counter for the coupon decides (under the coupon row's lock, so a rush of placements queues and
 * never exceeds the limit). A refusal is explained from the ledger as it stands. If the placement
 * fails afterwards (price drift, a missing step), the transaction rolls the redemption back.
 */
export async function redeemCheckoutCoupon(em: EntityManager, coupon: CheckoutCoupon, customerId: string, now: Date): Promise<CouponVerdict> {
  const ledger = new CouponLedgerRepository(em);
  if (await ledger.tryRedeem(coupon.code, customerId, now)) return { code: coupon.code, applies: true, percentOff: coupon.percentOff };
  const known = await ledger.standing(coupon.code, customerId);
  const standing = couponStanding(known.coupon, known.usedByCustomer, now);
  // applying again by now: a redemption was given back just after ours was refused; refused still
  if (standing.applies) return { code: coupon.code, applies: false, rule: 'COUPON_EXHAUSTED', message: `Coupon ${coupon.code} has been used as many times as it allows` };
  return { code: coupon.code, applies: false, rule: standing.rule, message: standing.message };
}

/**
 * The redemption granted to a placed order: its row and CouponRedeemed (promotions counts it, cart
 * remembers the customer used it), for placeOrder's one statement (store/order-placement.statement.ts).
 */
export function couponRedemptionOf(
  namespace: string,
  order: { id: string; customerId: string },
  draft: OrderDraft,
  at: Date,
): { redemption: { code: string; customerId: string; discountCents: number; at: Date }; event: PendingOutboxRow } | null {
  if (!draft.couponCode) return null;
  return {
    redemption: { code: draft.couponCode, customerId: order.customerId, discountCents: draft.discount.cents, at },
    event: outboxRow(
      namespace,
      CouponRedeemed,
      { code: draft.couponCode, orderId: order.id, customerId: order.customerId, discountCents: draft.discount.cents, currency: draft.discount.currency, redeemedAt: at.toISOString() },
      { customerId: order.customerId, correlationId: order.id },
    ),
  };
}

/** A cancelled order gives its coupon's redemption back (once, whatever the redeliveries). */
export async function releaseCouponRedemption(em: EntityManager, namespace: string, orderId: string, at: Date, causationId: string): Promise<string | null> {
  const released = await new CouponLedgerRepository(em).release(orderId, at);
  if (!released) return null;
  recordEvent(
    em,
    namespace,
    CouponRedemptionReleased,
    { code: released.code, orderId, customerId: released.customerId, releasedAt: at.toISOString() },
    { customerId: released.customerId, correlationId: orderId, causationId },
  );
  return released.code;
}

/**
 * What a checkout's reader is shown: the coupon's percentage while it still applies to the
 * customer (no lock, no redemption: placeOrder decides), null once it does not.
 */
export async function applyingPercent(em: EntityManager, coupon: CheckoutCoupon, customerId: string, now: Date): Promise<number | null> {
  const known = await new CouponLedgerRepository(em).standing(coupon.code, customerId);
  const standing = couponStanding(known.coupon, known.usedByCustomer, now);
  return standing.applies ? coupon.percentOff : null;
}

/**
 * Two checkouts of one customer placed at the same instant with the same coupon: both pass the
 * counter (the second re-reads the coupon row, not the first's redemption row), and the unique
 * index on unreleased (code, customer) rejects the second at commit. The whole placement rolled
 * back; the customer is told as for any coupon that stopped applying.
 */
export function sameCustomerRace(err: unknown): never {
  if (err instanceof UniqueConstraintViolationException && err.message.includes('coupon_redemption_one_per_customer')) {
    throw new DomainError('PRICE_CHANGED', 'You have already used this coupon on another order: the total no longer includes its discount; review it and place the order again', { rule: 'COUPON_ALREADY_USED', priceChanges: [] });
  }
  throw err;
}
