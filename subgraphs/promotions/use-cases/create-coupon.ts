import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { recordEvent } from '../../../events/outbox.js';
import { CouponCreated } from '../../../events/contracts/promotions/index.js';
import { requireStaff } from '../../../platform/auth.js';
import { badInput, conflict } from '../../../platform/errors.js';
import { newCoupon, type CouponDraft } from '../domain/coupon.js';
import { CouponEntity, type CouponRecord } from '../store/coupon.entity.js';
import type { PromotionsDeps, PromotionsScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * CATALOG_MANAGER/ADMIN: a new coupon, and CouponCreated for the contexts that honour it (cart,
 * orders), in one transaction. A code already taken in any case is a CONFLICT.
 */
export async function createCoupon(deps: PromotionsDeps, scope: PromotionsScope, draft: CouponDraft): Promise<CouponRecord> {
  const staff = requireStaff(scope.caller, 'CATALOG_MANAGER');
  const checked = newCoupon(draft, deps.clock());
  if (!checked.ok) {
    throw badInput(`Invalid coupon: ${Object.entries(checked.errors).map(([field, problem]) => `${field} ${problem}`).join('; ')}`, checked.errors);
  }
  const { coupon } = checked;
  try {
    return await inTransaction(scope.em, async (em) => {
      const record = em.create(CouponEntity, { ...coupon, active: true, createdBy: staff.subject, deactivatedAt: null });
      await em.flush();
      recordEvent(
        em,
        deps.eventNamespace,
        CouponCreated,
        {
          code: record.code,
          description: record.description,
          percentOff: record.percentOff,
          validUntil: record.validUntil?.toISOString() ?? null,
          maxRedemptions: record.maxRedemptions,
          createdAt: record.createdAt.toISOString(),
        },
        { correlationId: record.code },
      );
      return record;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw conflict(`Coupon ${coupon.code} already exists`, { code: coupon.code });
    throw err;
  }
}
