import { describe, expect, it } from 'vitest';
import { share } from './money.js';
import { settle } from './refund.js';
import type { ReturnLine, ReturnReason } from './return-rules.js';

const policy = { restockingFeePercent: 15 };
const noDiscount = { subtotalCents: 10_000, discountCents: 0 };
const line = (reason: ReturnReason, quantity: number, unitPriceCents: number, acceptedQuantity: number | null = null): ReturnLine => ({
  sku: `SKU-${reason}`,
  name: reason,
  quantity,
  reason,
  unitPriceCents,
  acceptedQuantity,
});

describe('money of a return', () => {
  it('charges no restocking fee for the store’s faults', () => {
    expect(settle(noDiscount, [line('DEFECTIVE', 2, 1_299), line('WRONG_ITEM', 1, 500), line('DAMAGED_IN_TRANSIT', 1, 100)], policy)).toEqual({
      refundedValueCents: 3_198,
      restockingFeeCents: 0,
      refundCents: 3_198,
    });
  });

  it('charges 15 % on NO_LONGER_NEEDED and OTHER, rounded down to the cent', () => {
    // 2 × 12.99 + 1 × 5.00 = 30.98 → fee 4.647 → 4.64
    expect(settle(noDiscount, [line('NO_LONGER_NEEDED', 2, 1_299), line('OTHER', 1, 500)], policy)).toEqual({
      refundedValueCents: 3_098,
      restockingFeeCents: 464,
      refundCents: 2_634,
    });
  });

  it('estimates with every unit before inspection, then refunds only accepted units of fee reasons', () => {
    expect(settle(noDiscount, [line('NO_LONGER_NEEDED', 3, 1_000)], policy).refundCents).toBe(2_550);
    expect(settle(noDiscount, [line('NO_LONGER_NEEDED', 3, 1_000, 1)], policy)).toEqual({ refundedValueCents: 1_000, restockingFeeCents: 150, refundCents: 850 });
  });

  it('refunds units of the store’s faults that fail inspection', () => {
    expect(settle(noDiscount, [line('DEFECTIVE', 2, 1_000, 0)], policy).refundCents).toBe(2_000);
  });

  it('refunds nothing when every fee-reason unit failed inspection', () => {
    expect(settle(noDiscount, [line('OTHER', 2, 1_000, 0)], policy)).toEqual({ refundedValueCents: 0, restockingFeeCents: 0, refundCents: 0 });
  });

  it('prorates the order discount over the returned units, rounding down', () => {
    // 10 % off a 100.00 subtotal: one 33.33 unit is worth 29.997 → 29.99
    const order = { subtotalCents: 10_000, discountCents: 1_000 };
    expect(settle(order, [line('DEFECTIVE', 1, 3_333)], policy).refundCents).toBe(2_999);
    // fee on the discounted value: 29.99 × 15 % = 4.4985 → 4.49
    expect(settle(order, [line('NO_LONGER_NEEDED', 1, 3_333)], policy)).toEqual({ refundedValueCents: 2_999, restockingFeeCents: 449, refundCents: 2_550 });
  });

  it('never refunds more over several returns than the line was paid', () => {
    const order = { subtotalCents: 1_000, discountCents: 1 };
    const single = settle(order, [line('DEFECTIVE', 1, 250)], policy).refundCents;
    const whole = settle(order, [line('DEFECTIVE', 4, 250)], policy).refundCents;
    expect(single * 4).toBeLessThanOrEqual(whole);
    expect(whole).toBeLessThanOrEqual(999);
  });
});

describe('share (the one rounding rule)', () => {
  it.each([
    [1_000, 15, 100, 150],
    [999, 15, 100, 149],
    [1, 1, 3, 0],
    [9_007_199_254_740_991, 2, 3, 6_004_799_503_160_660],
  ])('share(%i, %i, %i) = %i', (cents, numerator, denominator, expected) => {
    expect(share(cents, numerator, denominator)).toBe(expected);
  });

  it('refuses anything but whole cents', () => {
    expect(() => share(1.5, 1, 2)).toThrow();
    expect(() => share(100, 1, 0)).toThrow();
  });
});
