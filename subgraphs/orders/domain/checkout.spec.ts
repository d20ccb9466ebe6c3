import { describe, expect, it } from 'vitest';
import { decide, effectiveStatus, priceChangesOf, totalOf, type Checkout } from './checkout.js';

const MINUTE = 60_000;
const TTL = 15 * MINUTE;
const t0 = new Date('2025-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const address = { nickname: 'Home', line1: '1 Main St', line2: null, city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' };

const fresh = (): Checkout => ({
  id: 'c-1',
  customerId: 'cust-1',
  status: 'IN_PROGRESS',
  lines: [
    { sku: 'DOG-BOWL-001', name: 'Bowl', quantity: 2, unitPrice: { cents: 1299, currency: 'USD' } },
    { sku: 'CAT-TOY-WAND', name: 'Wand', quantity: 1, unitPrice: { cents: 999, currency: 'USD' } },
  ],
  shippingAddress: null,
  addressId: null,
  addressWarnings: [],
  shippingMethod: null,
  paymentToken: null,
  orderId: null,
  updatedAt: t0,
});

const complete = (): Checkout => ({ ...fresh(), shippingAddress: address, shippingMethod: 'EXPRESS', paymentToken: 'tok_visa' });
const place = (checkout: Checkout, prices: [string, number][] = [], acknowledgePriceChanges = false) =>
  decide(checkout, { type: 'Place', orderId: 'o-1', currentPrices: new Map(prices.map(([sku, cents]) => [sku, { cents, currency: 'USD' }])), acknowledgePriceChanges }, at(MINUTE), TTL);

describe('checkout steps', () => {
  it('holds a saved address and tells customers so', () => {
    const decision = decide(fresh(), { type: 'SelectSavedAddress', addressId: 'a-1', address, warnings: [] }, at(MINUTE), TTL);
    expect(decision).toMatchObject({ ok: true, checkout: { addressId: 'a-1', shippingAddress: address, updatedAt: at(MINUTE) }, addressHold: { type: 'Selected', addressId: 'a-1' } });
  });

  it('frees the saved address when an inline one replaces it', () => {
    const holding = { ...fresh(), addressId: 'a-1', shippingAddress: address };
    const decision = decide(holding, { type: 'EnterAddress', address: { ...address, line1: '2 Side St' }, warnings: ['UNVERIFIED: …'] }, at(MINUTE), TTL);
    expect(decision).toMatchObject({ ok: true, checkout: { addressId: null, addressWarnings: ['UNVERIFIED: …'] }, addressHold: { type: 'Selected', addressId: null } });
  });

  it.each([
    ['an empty token', '  ', /empty/],
    ['a token longer than 256 characters', 'x'.repeat(257), /256/],
  ])('refuses %s', (_case, token, message) => {
    const decision = decide(fresh(), { type: 'SetPaymentToken', token }, at(MINUTE), TTL);
    expect(decision).toMatchObject({ ok: false, rejection: { code: 'BAD_USER_INPUT', message: expect.stringMatching(message), fields: { paymentToken: expect.any(String) } } });
  });

  it('accepts a 256-character token', () => {
    expect(decide(fresh(), { type: 'SetPaymentToken', token: 'x'.repeat(256) }, at(MINUTE), TTL).ok).toBe(true);
  });

  it('prices shipping by method: STANDARD $5.99, EXPRESS $12.99, NEXT_DAY $24.99', () => {
    expect(totalOf({ ...fresh(), shippingMethod: 'STANDARD' }).cents).toBe(3597 + 599);
    expect(totalOf({ ...fresh(), shippingMethod: 'EXPRESS' }).cents).toBe(3597 + 1299);
    expect(totalOf({ ...fresh(), shippingMethod: 'NEXT_DAY' }).cents).toBe(3597 + 2499);
    expect(totalOf(fresh()).cents).toBe(3597);
  });
});

describe('abandonment', () => {
  it('counts a checkout untouched for 15 minutes as ABANDONED', () => {
    expect(effectiveStatus(fresh(), at(TTL - 1), TTL)).toBe('IN_PROGRESS');
    expect(effectiveStatus(fresh(), at(TTL), TTL)).toBe('ABANDONED');
  });

  it('refuses every step on an abandoned checkout', () => {
    expect(decide(fresh(), { type: 'ChooseShippingMethod', method: 'STANDARD' }, at(TTL), TTL)).toMatchObject({ ok: false, rejection: { code: 'CONFLICT' } });
  });

  it('abandons only an expired checkout in progress, releasing its address', () => {
    expect(decide(fresh(), { type: 'Abandon' }, at(MINUTE), TTL).ok).toBe(false);
    expect(decide({ ...fresh(), addressId: 'a-1' }, { type: 'Abandon' }, at(TTL), TTL)).toMatchObject({
      ok: true,
      checkout: { status: 'ABANDONED' },
      addressHold: { type: 'Released', addressId: 'a-1', outcome: 'ABANDONED' },
    });
  });
});

describe('placing the order', () => {
  it('names every missing step', () => {
    expect(place(fresh())).toEqual({
      ok: false,
      rejection: {
        code: 'BAD_USER_INPUT',
        message: 'The checkout is missing: shipping address, shipping method, payment method',
        fields: { shippingAddress: expect.any(String), shippingMethod: expect.any(String), paymentMethod: expect.any(String) },
      },
    });
    expect(place({ ...complete(), paymentToken: null })).toMatchObject({ ok: false, rejection: { fields: { paymentMethod: expect.any(String) } } });
  });

  it('turns a complete checkout into an order with totals, and completes the checkout', () => {
    const decision = place(complete());
    expect(decision).toMatchObject({
      ok: true,
      checkout: { status: 'COMPLETED', orderId: 'o-1', paymentToken: null },
      addressHold: { type: 'Released', outcome: 'COMPLETED' },
      order: { orderId: 'o-1', subtotal: { cents: 3597 }, shippingCost: { cents: 1299 }, total: { cents: 4896 }, paymentToken: 'tok_visa' },
    });
  });

  it('fails with PRICE_CHANGED, old and new price per item, when a catalog price drifted', () => {
    expect(place(complete(), [['DOG-BOWL-001', 1499], ['CAT-TOY-WAND', 999]])).toEqual({
      ok: false,
      rejection: {
        code: 'PRICE_CHANGED',
        message: expect.any(String),
        priceChanges: [{ sku: 'DOG-BOWL-001', previousPrice: { cents: 1299, currency: 'USD' }, currentPrice: { cents: 1499, currency: 'USD' } }],
      },
    });
  });

  it('uses the current prices once the change is acknowledged', () => {
    const decision = place(complete(), [['DOG-BOWL-001', 1499]], true);
    expect(decision).toMatchObject({ ok: true, order: { subtotal: { cents: 2 * 1499 + 999 }, total: { cents: 2 * 1499 + 999 + 1299 } } });
  });

  it('counts a SKU the price projection has not heard of as unchanged', () => {
    expect(priceChangesOf(fresh().lines, new Map())).toEqual([]);
  });

  it('refuses a checkout already completed', () => {
    const placed = place(complete());
    if (!placed.ok) throw new Error('not placed');
    expect(place(placed.checkout)).toMatchObject({ ok: false, rejection: { code: 'CONFLICT' } });
  });
});
