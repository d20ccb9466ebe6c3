import type { CouponDraft } from '../domain/coupon.js';
import { createCoupon } from './create-coupon.js';
import { deactivateCoupon } from './deactivate-coupon.js';
import { listCoupons, resolveCouponReference } from './read-coupons.js';
import type { PromotionsDeps, PromotionsScope } from './scope.js';

export type { PromotionsDeps, PromotionsScope } from './scope.js';
export type { CouponPage } from './read-coupons.js';

/** The request-facing use cases with their process-wide dependencies bound (wired in subgraph.ts). */
export function createPromotionsUseCases(deps: PromotionsDeps) {
  return {
    createCoupon: (scope: PromotionsScope, draft: CouponDraft) => createCoupon(deps, scope, draft),
    deactivateCoupon: (scope: PromotionsScope, code: string) => deactivateCoupon(deps, scope, code),
    listCoupons,
    resolveCouponReference,
  };
}

export type PromotionsUseCases = ReturnType<typeof createPromotionsUseCases>;
