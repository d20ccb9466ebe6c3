import { describe, expect, it } from 'vitest';
import { decide, totalOf, type Checkout, type CouponVerdict } from './checkout.js';
import { shippingCostOf } from './shipping.js';

/** placeOrder with the checkout's coupon: the discount in the order, or drift when it stopped applying. */

const TTL = 15 * 60_000;
const now = new Date('2026-12-02T12:01:00Z');
const address = { nickname: null, line1: '1 Main St', line2: null, city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' };
const checkout: Checkout = {
  id: 'c-1',
  customerId: 'cust-1',
  status: 'IN_PROGRESS',
  // subtotal 1 295 × 2 = 2 590
  lines: [{ sku: 'DOG-BOWL-001', name: 'Bowl', quantity: 2, unitPrice: { cents: 1_295, currency: 'USD' } }],
  shippingAddress: address,
  addressId: null,
  addressWarnings: [],
  shippingMethod: 'STANDARD',
  paymentToken: 'tok_visa',
  orderId: null,
  updatedAt: new Date('2026-12-02T12:00:00Z'),
  coupon: { code: 'TEN', percentOff: 10 },
};
const shipping = shippingCostOf('STANDARD').cents;
const applies: CouponVerdict = { code: 'TEN', applies: true, percentOff: 10 };
const expired: CouponVerdict = { code: 'TEN', applies: false, rule: 'COUPON_EXPIRED', message: 'Coupon TEN expired' };
const place = (coupon: CouponVerdict | null, acknowledgePriceChanges = false, prices: [string, number][] = []) =>
  decide(checkout, { type: 'Place', orderId: 'o-1', currentPrices: new Map(prices.map(([sku, cents]) => [sku, { cents, currency: 'USD' }])), acknowledgePriceChanges, coupon }, now, TTL);

describe('placing a checkout with a coupon', () => {
  it('takes the discount off the whole subtotal, rounded half up once, and charges subtotal - discount + shipping', () => {
    const decision = place(applies);
    expect(decision).toMatchObject({ ok: true, order: { subtotal: { cents: 2_590 }, discount: { cents: 259 }, couponCode: 'TEN', total: { cents: 2_590 - 259 + shipping } } });
  });

  it('computes the discount on the current prices when price drift was acknowledged', () => {
    const decision = place(applies, true, [['DOG-BOWL-001', 1_000]]);
    expect(decision).toMatchObject({ ok: true, order: { subtotal: { cents: 2_000 }, discount: { cents: 200 }, total: { cents: 1_800 + shipping } } });
  });

  it('refuses like price drift, naming the rule, when the coupon stopped applying', () => {
    expect(place(expired)).toMatchObject({ ok: false, rejection: { code: 'PRICE_CHANGED', rule: 'COUPON_EXPIRED', priceChanges: [], message: expect.stringMatching(/expired/) } });
  });

  it('places without the coupon once the customer acknowledged the new total', () => {
    expect(place(expired, true)).toMatchObject({ ok: true, order: { discount: { cents: 0 }, couponCode: null, total: { cents: 2_590 + shipping } } });
  });

  it('reports drifted prices and a lost coupon in one refusal', () => {
    expect(place(expired, false, [['DOG-BOWL-001', 1_400]])).toMatchObject({ ok: false, rejection: { rule: 'COUPON_EXPIRED', priceChanges: [{ sku: 'DOG-BOWL-001' }] } });
  });

  it('has no discount without a coupon', () => {
    expect(place(null)).toMatchObject({ ok: true, order: { discount: { cents: 0 }, couponCode: null, total: { cents: 2_590 + shipping } } });
  });
});

describe('totalOf a checkout', () => {
  it('is subtotal - discount + shipping while the coupon applies', () => {
    expect(totalOf(checkout, 10).cents).toBe(2_590 - 259 + shipping);
    expect(totalOf(checkout, null).cents).toBe(2_590 + shipping);
  });
});
