import { handle, type EventHandler } from '../../../events/handler.js';
import { OrderStatusChanged } from '../../../events/contracts/orders/index.js';
import { CouponCreated, CouponDeactivated } from '../../../events/contracts/promotions/index.js';
import { CouponLedgerRepository } from '../store/coupon-ledger.repository.js';
import { releaseCouponRedemption } from '../use-cases/checkout-coupon.js';
import type { OrdersDeps } from '../use-cases/scope.js';

/**
 * Orders' coupon ledger: promotions' coupons (terms, deactivation) in, and a cancelled order's
 * redemption given back. The release reacts to orders' own OrderStatusChanged rather than living
 * inside the saga: every path to CANCELLED (customer, staff, declined card, out of stock) ends
 * in that event, and the saga stays unaware of coupons.
 */
export function couponHandlers(deps: Pick<OrdersDeps, 'eventNamespace' | 'clock'>): EventHandler[] {
  return [
    handle(CouponCreated, { name: 'coupon-ledger-on-coupon-created' }, async (event, { em }) => {
      const { code, percentOff, validUntil, maxRedemptions } = event.payload;
      await new CouponLedgerRepository(em).created({ code, percentOff, validUntil: validUntil ? new Date(validUntil) : null, maxRedemptions });
    }),
    handle(CouponDeactivated, { name: 'coupon-ledger-on-coupon-deactivated' }, (event, { em }) => new CouponLedgerRepository(em).deactivated(event.payload.code)),
    handle(OrderStatusChanged, { name: 'coupon-release-on-order-cancelled', relevant: (p) => p.status === 'CANCELLED' }, async (event, { em, log }) => {
      const code = await releaseCouponRedemption(em, deps.eventNamespace, event.payload.orderId, deps.clock(), event.id);
      if (code) log.info({ orderId: event.payload.orderId, code }, 'coupon redemption given back');
    }),
  ];
}
