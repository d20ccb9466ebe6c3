import { describe, expect, it } from 'vitest';
import { couponStanding, discountCents, discountShareCents, isCouponCode, normaliseCouponCode, type CouponFacts } from './coupon-terms.js';

describe('discountCents (per cart, round half up)', () => {
  it.each([
    [10_000, 10, 1_000],
    [1_299, 10, 130], // 129.9 → 130
    [1_295, 10, 130], // 129.5 → 130 (half up)
    [1_294, 10, 129], // 129.4 → 129
    [999, 15, 150], // 149.85 → 150
    [1, 50, 1], // 0.5 → 1
    [1, 49, 0],
    [0, 25, 0],
    [4_321, 100, 4_321],
  ])('%i cents at %i %% off is %i cents', (subtotal, percent, expected) => {
    expect(discountCents(subtotal, percent)).toBe(expected);
  });

  it('never exceeds the subtotal', () => {
    for (let subtotal = 0; subtotal < 500; subtotal += 7) {
      for (const percent of [1, 33, 67, 99, 100]) expect(discountCents(subtotal, percent)).toBeLessThanOrEqual(subtotal);
    }
  });

  it.each([0, 101, 12.5, -1])('refuses a percentage of %s', (percent) => {
    expect(() => discountCents(100, percent)).toThrow(RangeError);
  });

  it('refuses fractional or negative cents', () => {
    expect(() => discountCents(10.5, 10)).toThrow(RangeError);
    expect(() => discountCents(-1, 10)).toThrow(RangeError);
  });
});

describe('discountShareCents (returns prorate the order discount)', () => {
  it('gives a line its share of the discount by value, rounded half up', () => {
    // order: 3 000 + 1 000 = 4 000, 15 % off = 600; the 1 000 line carries 150
    expect(discountShareCents(1_000, 4_000, 600)).toBe(150);
    // 1/3 of 100 = 33.33 → 33; 2/3 → 66.67 → 67
    expect(discountShareCents(1, 3, 100)).toBe(33);
    expect(discountShareCents(2, 3, 100)).toBe(67);
  });

  it('gives back the whole discount for the whole order, nothing without one', () => {
    expect(discountShareCents(4_000, 4_000, 600)).toBe(600);
    expect(discountShareCents(1_000, 4_000, 0)).toBe(0);
    expect(discountShareCents(0, 4_000, 600)).toBe(0);
  });
});

describe('coupon codes', () => {
  it('are case-insensitive and trimmed', () => {
    expect(normaliseCouponCode('  spring-10 ')).toBe('SPRING-10');
  });

  it.each(['AB', 'A'.repeat(33), 'SPRING 10', '-SPRING', 'SPRÎNG'])('refuses %s', (code) => {
    expect(isCouponCode(normaliseCouponCode(code))).toBe(false);
  });

  it.each(['ABC', 'SPRING-10', 'PET_LOVERS_2026', 'A'.repeat(32)])('accepts %s', (code) => {
    expect(isCouponCode(code)).toBe(true);
  });
});

describe('couponStanding', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const coupon: CouponFacts = { code: 'SPRING', percentOff: 10, validUntil: null, maxRedemptions: null, active: true, redemptions: 0 };

  it('applies a known, active, unexpired coupon with redemptions left', () => {
    expect(couponStanding(coupon, false, now)).toEqual({ applies: true, percentOff: 10 });
    expect(couponStanding({ ...coupon, validUntil: new Date('2026-12-02T12:00:01Z'), maxRedemptions: 5, redemptions: 4 }, false, now)).toEqual({ applies: true, percentOff: 10 });
  });

  it.each([
    ['COUPON_UNKNOWN', null, false],
    ['COUPON_INACTIVE', { ...coupon, active: false }, false],
    ['COUPON_EXPIRED', { ...coupon, validUntil: now }, false],
    ['COUPON_EXHAUSTED', { ...coupon, maxRedemptions: 3, redemptions: 3 }, false],
    ['COUPON_ALREADY_USED', coupon, true],
  ] as const)('refuses with %s', (rule, facts, used) => {
    expect(couponStanding(facts, used, now)).toMatchObject({ applies: false, rule });
  });

  it('names the first rule broken: an inactive coupon is not reported as exhausted', () => {
    expect(couponStanding({ ...coupon, active: false, maxRedemptions: 1, redemptions: 1 }, true, now)).toMatchObject({ rule: 'COUPON_INACTIVE' });
  });
});
