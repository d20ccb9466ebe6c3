import type { Resolvers } from '../__generated__/resolvers-types.js';
import { DateTime } from '../../../platform/scalars.js';
import type { PromotionsUseCases } from '../use-cases/index.js';

/** Thin by design: arguments → one use case → payload. */
export const createResolvers = (useCases: PromotionsUseCases): Resolvers => ({
  DateTime,
  Query: {
    coupons: (_root, { first, after }, ctx) => useCases.listCoupons(ctx, { first, after }),
  },
  Mutation: {
    createCoupon: (_root, { input }, ctx) => useCases.createCoupon(ctx, input),
    deactivateCoupon: (_root, { code }, ctx) => useCases.deactivateCoupon(ctx, code),
  },
  Coupon: {
    __resolveReference: (reference, ctx) => useCases.resolveCouponReference(ctx, reference.code),
  },
});
