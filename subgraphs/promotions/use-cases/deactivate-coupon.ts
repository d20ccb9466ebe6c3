import { recordEvent } from '../../../events/outbox.js';
import { CouponDeactivated, normaliseCouponCode } from '../../../events/contracts/promotions/index.js';
import { requireStaff } from '../../../platform/auth.js';
import { notFound } from '../../../platform/errors.js';
import type { CouponRecord } from '../store/coupon.entity.js';
import { CouponRepository } from '../store/coupon.repository.js';
import type { PromotionsDeps, PromotionsScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * CATALOG_MANAGER/ADMIN: the coupon stops applying — carts refuse it, checkouts carrying it are
 * placed without it only once the customer acknowledged. Idempotent: an inactive coupon comes back
 * unchanged and nothing is published again.
 */
export async function deactivateCoupon(deps: PromotionsDeps, scope: PromotionsScope, rawCode: string): Promise<CouponRecord> {
  requireStaff(scope.caller, 'CATALOG_MANAGER');
  const code = normaliseCouponCode(rawCode);
  return inTransaction(scope.em, async (em) => {
    const coupon = await new CouponRepository(em).lock(code);
    if (!coupon) throw notFound(`Coupon ${code}`);
    if (!coupon.active) return coupon;
    const now = deps.clock();
    coupon.active = false;
    coupon.deactivatedAt = now;
    recordEvent(em, deps.eventNamespace, CouponDeactivated, { code, deactivatedAt: now.toISOString() }, { correlationId: code });
    return coupon;
  });
}
