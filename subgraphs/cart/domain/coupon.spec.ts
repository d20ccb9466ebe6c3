import { describe, expect, it } from 'vitest';
import { couponAfterMerge, discountOf } from './coupon.js';

const line = (sku: string, cents: number, quantity: number) => ({ sku, name: sku, quantity, unitPrice: { cents, currency: 'USD' } });

describe('discountOf', () => {
  it('takes the percentage of the whole subtotal, rounded half up once', () => {
    // per line 10 % of 1 295 = 129.5 → 130 twice = 260; per cart 10 % of 2 590 = 259
    expect(discountOf([line('A', 1_295, 1), line('B', 1_295, 1)], { code: 'TEN', percentOff: 10 })).toEqual({ cents: 259, currency: 'USD' });
  });

  it('is zero without a coupon or without items', () => {
    expect(discountOf([line('A', 1_000, 2)], null)).toEqual({ cents: 0, currency: 'USD' });
    expect(discountOf([], { code: 'TEN', percentOff: 10 }).cents).toBe(0);
  });
});

describe('couponAfterMerge', () => {
  const mine = { code: 'MINE', percentOff: 5 };
  const guest = { code: 'GUEST', percentOff: 20 };

  it("keeps the customer's coupon and drops the guest's", () => {
    expect(couponAfterMerge(mine, guest, { applies: true, percentOff: 20 })).toEqual({ coupon: mine, dropped: 'GUEST' });
  });

  it("takes the guest's coupon when it applies to the customer", () => {
    expect(couponAfterMerge(null, guest, { applies: true, percentOff: 20 })).toEqual({ coupon: guest, dropped: null });
  });

  it("drops the guest's coupon when the customer already used it", () => {
    expect(couponAfterMerge(null, guest, { applies: false, rule: 'COUPON_ALREADY_USED', message: '' })).toEqual({ coupon: null, dropped: 'GUEST' });
  });

  it('changes nothing without coupons', () => {
    expect(couponAfterMerge(null, null, null)).toEqual({ coupon: null, dropped: null });
  });
});
