import type { EntityManager } from '@mikro-orm/postgresql';
import { normaliseCouponCode } from '../../../events/contracts/promotions/index.js';
import { CouponRepository } from '../store/coupon.repository.js';

/** Orders' word on one order's redemption (inside the handler's transaction) → the coupon's count. */
export function projectRedemption(em: EntityManager, fact: { code: string; orderId: string; customerId: string; released: boolean; at: string }): Promise<void> {
  return new CouponRepository(em).recordRedemption({ ...fact, code: normaliseCouponCode(fact.code), at: new Date(fact.at) });
}
