import { handle, type EventHandler } from '../../../events/handler.js';
import { CouponRedeemed, CouponRedemptionReleased } from '../../../events/contracts/orders/index.js';
import { CouponCreated, CouponDeactivated } from '../../../events/contracts/promotions/index.js';
import { CouponProjectionRepository } from '../store/coupon-projection.repository.js';

/** Promotions' coupons and orders' redemptions → what applyCoupon judges a coupon by. */
export function couponProjectionHandlers(): EventHandler[] {
  return [
    handle(CouponCreated, { name: 'coupon-projection-on-coupon-created' }, async (event, { em }) => {
      const { code, percentOff, validUntil, maxRedemptions } = event.payload;
      await new CouponProjectionRepository(em).created({ code, percentOff, validUntil: validUntil ? new Date(validUntil) : null, maxRedemptions });
    }),
    handle(CouponDeactivated, { name: 'coupon-projection-on-coupon-deactivated' }, (event, { em }) => new CouponProjectionRepository(em).deactivated(event.payload.code)),
    handle(CouponRedeemed, { name: 'coupon-use-on-coupon-redeemed' }, (event, { em }) => {
      const { code, orderId, customerId } = event.payload;
      return new CouponProjectionRepository(em).used({ code, orderId, customerId, released: false });
    }),
    handle(CouponRedemptionReleased, { name: 'coupon-use-on-coupon-redemption-released' }, (event, { em }) => {
      const { code, orderId, customerId } = event.payload;
      return new CouponProjectionRepository(em).used({ code, orderId, customerId, released: true });
    }),
  ];
}
