import { handle, type EventHandler } from '../../../events/handler.js';
import { CouponRedeemed, CouponRedemptionReleased } from '../../../events/contracts/orders/index.js';
import { projectRedemption } from '../use-cases/project-redemptions.js';

/** Orders decides redemptions at placeOrder (and gives them back on cancellation); promotions counts them. */
export function redemptionHandlers(): EventHandler[] {
  return [
    handle(CouponRedeemed, { name: 'count-redemption-on-coupon-redeemed' }, async (event, { em }) => {
      const { code, orderId, customerId, redeemedAt } = event.payload;
      await projectRedemption(em, { code, orderId, customerId, released: false, at: redeemedAt });
    }),
    handle(CouponRedemptionReleased, { name: 'count-release-on-coupon-redemption-released' }, async (event, { em }) => {
      const { code, orderId, customerId, releasedAt } = event.payload;
      await projectRedemption(em, { code, orderId, customerId, released: true, at: releasedAt });
    }),
  ];
}
