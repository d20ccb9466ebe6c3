import { isCouponCode, normaliseCouponCode } from '../../../events/contracts/promotions/index.js';

export { discountCents, normaliseCouponCode } from '../../../events/contracts/promotions/index.js';

/**
 * A coupon as promotions owns it (SPEC §12): a case-insensitive code, a percentage off (1–100), an
 * optional expiry and redemption limit, an active flag. Its terms never change once created (so
 * what a cart showed is what the order gets); it can only be deactivated. Pure rules.
 */
export interface NewCoupon {
  code: string;
  description: string;
  percentOff: number;
  validUntil: Date | null;
  maxRedemptions: number | null;
}

export interface CouponDraft {
  code: string;
  description: string;
  percentOff: number;
  validUntil?: string | Date | null;
  maxRedemptions?: number | null;
}

export const DESCRIPTION_MAX_LENGTH = 200;

export type FieldErrors = Record<string, string>;

/** The coupon to create, or what is wrong with each field. */
export function newCoupon(draft: CouponDraft, now: Date): { ok: true; coupon: NewCoupon } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const code = normaliseCouponCode(draft.code);
  if (!isCouponCode(code)) errors.code = "must be 3-32 letters, digits, '-' or '_', starting with a letter or digit";
  const description = draft.description.trim();
  if (!description) errors.description = 'must not be empty';
  else if ([...description].length > DESCRIPTION_MAX_LENGTH) errors.description = `must be at most ${DESCRIPTION_MAX_LENGTH} characters`;
  if (!Number.isInteger(draft.percentOff) || draft.percentOff < 1 || draft.percentOff > 100) errors.percentOff = 'must be a whole number from 1 to 100';
  let validUntil: Date | null = null;
  if (draft.validUntil != null) {
    validUntil = new Date(draft.validUntil);
    if (Number.isNaN(validUntil.getTime())) errors.validUntil = 'must be a date-time';
    else if (validUntil.getTime() <= now.getTime()) errors.validUntil = 'must be in the future';
  }
  const maxRedemptions = draft.maxRedemptions ?? null;
  if (maxRedemptions !== null && (!Number.isInteger(maxRedemptions) || maxRedemptions < 1)) errors.maxRedemptions = 'must be at least 1 (omit it for no limit)';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, coupon: { code, description, percentOff: draft.percentOff, validUntil, maxRedemptions } };
}
