export { CouponCreated } from './coupon-created.event.js';
export { CouponDeactivated } from './coupon-deactivated.event.js';
export * from './coupon-terms.js';
