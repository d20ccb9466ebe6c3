import { describe, expect, it } from 'vitest';
import { CART_LIMITS, checkoutSnapshotOf, decide, expiresAtOf, itemCountOf, subtotalOf, type Cart, type CartDecision, type CartLine, type ProductOffer } from './cart.js';

const usd = (cents: number) => ({ cents, currency: 'USD' });
const offer = (sku: string, cents = 1_000, status = 'ACTIVE'): ProductOffer => ({ sku, name: `Product ${sku}`, price: usd(cents), status });
const line = (sku: string, quantity: number, cents = 1_000): CartLine => ({ sku, name: `Product ${sku}`, quantity, unitPrice: usd(cents) });
const cart = (lines: CartLine[] = [], overrides: Partial<Cart> = {}): Cart => ({ id: 'c1', ownerKind: 'CUSTOMER', ownerId: 'u1', status: 'ACTIVE', lines, ...overrides });

function accepted(decision: CartDecision) {
  if (!decision.ok) throw new Error(`rejected: ${decision.rejection.message}`);
  return decision;
}
function rejected(decision: CartDecision) {
  if (decision.ok) throw new Error('accepted');
  return decision.rejection;
}

describe('adding items', () => {
  it('adds a line at the catalog price of the moment', () => {
    const result = accepted(decide(cart(), { type: 'AddItem', sku: 'DOG-BOWL-001', quantity: 2, product: offer('DOG-BOWL-001', 1_299) }));
    expect(result.cart.lines).toEqual([{ sku: 'DOG-BOWL-001', name: 'Product DOG-BOWL-001', quantity: 2, unitPrice: usd(1_299) }]);
    expect(result.changes).toEqual([{ reason: 'ITEM_ADDED', sku: 'DOG-BOWL-001' }]);
  });

  it('sums the quantity of a SKU already in the cart and keeps its first price', () => {
    const result = accepted(decide(cart([line('A-1', 2, 500)]), { type: 'AddItem', sku: 'A-1', quantity: 3, product: offer('A-1', 900) }));
    expect(result.cart.lines).toEqual([line('A-1', 5, 500)]);
  });

  it.each([
    [0, 'QUANTITY_AT_LEAST_ONE'],
    [-1, 'QUANTITY_AT_LEAST_ONE'],
    [1.5, 'QUANTITY_AT_LEAST_ONE'],
    [1_000, 'MAX_UNITS_PER_SKU'],
  ])('refuses quantity %s (%s)', (quantity, rule) => {
    expect(rejected(decide(cart(), { type: 'AddItem', sku: 'A-1', quantity, product: offer('A-1') }))).toMatchObject({ kind: 'invalid', rule, field: 'quantity' });
  });

  it('refuses going past 999 units of one SKU, naming the limit', () => {
    const rejection = rejected(decide(cart([line('A-1', 998)]), { type: 'AddItem', sku: 'A-1', quantity: 2, product: offer('A-1') }));
    expect(rejection).toMatchObject({ kind: 'invalid', rule: 'MAX_UNITS_PER_SKU' });
    expect(rejection.message).toMatch(/999/);
  });

  it('refuses a 101st distinct SKU, naming the limit', () => {
    const full = cart(Array.from({ length: CART_LIMITS.maxDistinctSkus }, (_, i) => line(`SKU-${i}`, 1)));
    const rejection = rejected(decide(full, { type: 'AddItem', sku: 'ONE-MORE', quantity: 1, product: offer('ONE-MORE') }));
    expect(rejection).toMatchObject({ kind: 'invalid', rule: 'MAX_DISTINCT_SKUS', field: 'sku' });
    expect(rejection.message).toMatch(/100/);
    // more of a SKU already there still fits
    accepted(decide(full, { type: 'AddItem', sku: 'SKU-0', quantity: 1, product: offer('SKU-0') }));
  });

  it.each([
    ['unknown', null, 'UNKNOWN_PRODUCT'],
    ['only partly projected', { sku: 'A-1', name: null, price: usd(100), status: null }, 'UNKNOWN_PRODUCT'],
    ['COMING_SOON', offer('A-1', 100, 'COMING_SOON'), 'PRODUCT_NOT_ACTIVE'],
    ['DISCONTINUED', offer('A-1', 100, 'DISCONTINUED'), 'PRODUCT_NOT_ACTIVE'],
  ] as const)('refuses a product that is %s', (_what, product, rule) => {
    expect(rejected(decide(cart(), { type: 'AddItem', sku: 'A-1', quantity: 1, product }))).toMatchObject({ kind: 'invalid', rule, field: 'sku' });
  });

  it('refuses a subtotal GraphQL cannot represent', () => {
    const big = cart(Array.from({ length: 99 }, (_, i) => line(`SKU-${i}`, 999, 1_000_000)));
    expect(rejected(decide(big, { type: 'AddItem', sku: 'SKU-X', quantity: 999, product: offer('SKU-X', 1_000_000) }))).toMatchObject({ rule: 'MAX_SUBTOTAL' });
  });
});

describe('changing quantities and removing', () => {
  it('sets the quantity and keeps the unit price', () => {
    const result = accepted(decide(cart([line('A-1', 2, 500)]), { type: 'ChangeQuantity', sku: 'A-1', quantity: 7, product: offer('A-1', 900) }));
    expect(result.cart.lines).toEqual([line('A-1', 7, 500)]);
    expect(result.changes).toEqual([{ reason: 'QUANTITY_CHANGED', sku: 'A-1' }]);
  });

  it('refuses a SKU that is not in the cart', () => {
    expect(rejected(decide(cart(), { type: 'ChangeQuantity', sku: 'A-1', quantity: 1, product: offer('A-1') }))).toMatchObject({ rule: 'NOT_IN_CART' });
  });

  it('lowers the quantity of a product that is no longer ACTIVE but refuses raising it', () => {
    const current = cart([line('A-1', 5)]);
    accepted(decide(current, { type: 'ChangeQuantity', sku: 'A-1', quantity: 2, product: offer('A-1', 1_000, 'DISCONTINUED') }));
    expect(rejected(decide(current, { type: 'ChangeQuantity', sku: 'A-1', quantity: 6, product: offer('A-1', 1_000, 'DISCONTINUED') }))).toMatchObject({ rule: 'PRODUCT_NOT_ACTIVE' });
  });

  it('records nothing when the quantity stays the same', () => {
    expect(accepted(decide(cart([line('A-1', 5)]), { type: 'ChangeQuantity', sku: 'A-1', quantity: 5, product: offer('A-1') })).changes).toEqual([]);
  });

  it('removes a line, and removing an absent SKU changes nothing', () => {
    expect(accepted(decide(cart([line('A-1', 1), line('B-2', 1)]), { type: 'RemoveItem', sku: 'A-1' })).cart.lines).toEqual([line('B-2', 1)]);
    expect(accepted(decide(cart([line('B-2', 1)]), { type: 'RemoveItem', sku: 'A-1' })).changes).toEqual([]);
  });

  it('clears the lines and keeps the cart ACTIVE', () => {
    const result = accepted(decide(cart([line('A-1', 1)]), { type: 'Clear' }));
    expect(result.cart).toMatchObject({ status: 'ACTIVE', lines: [] });
    expect(result.changes).toEqual([{ reason: 'CLEARED', sku: null }]);
  });
});

describe('cart status', () => {
  it.each(['CHECKED_OUT', 'ABANDONED', 'CLEARED'] as const)('refuses every change of a %s cart as a conflict', (status) => {
    for (const command of [
      { type: 'AddItem', sku: 'A-1', quantity: 1, product: offer('A-1') },
      { type: 'RemoveItem', sku: 'A-1' },
      { type: 'Clear' },
      { type: 'CheckOut' },
    ] as const) {
      expect(rejected(decide(cart([line('A-1', 1)], { status }), command))).toMatchObject({ kind: 'conflict', rule: 'CART_NOT_ACTIVE' });
    }
  });

  it('checks out a non-empty cart and refuses an empty one', () => {
    expect(accepted(decide(cart([line('A-1', 1)]), { type: 'CheckOut' })).cart.status).toBe('CHECKED_OUT');
    expect(rejected(decide(cart(), { type: 'CheckOut' }))).toMatchObject({ kind: 'invalid', rule: 'EMPTY_CART' });
  });

  it("abandons guests' carts only", () => {
    expect(accepted(decide(cart([], { ownerKind: 'GUEST' }), { type: 'Abandon' })).cart.status).toBe('ABANDONED');
    expect(rejected(decide(cart(), { type: 'Abandon' }))).toMatchObject({ rule: 'NOT_A_GUEST_CART' });
  });

  it("gives guests' carts an expiry and customers' none", () => {
    const at = new Date('2025-01-01T00:00:00Z');
    expect(expiresAtOf({ ownerKind: 'GUEST' }, at, 3_600_000)).toEqual(new Date('2025-01-01T01:00:00Z'));
    expect(expiresAtOf({ ownerKind: 'CUSTOMER' }, at, 3_600_000)).toBeNull();
  });
});

describe('merging a guest cart', () => {
  it('sums quantities of shared SKUs at the customer cart price and appends the others', () => {
    const customer = cart([line('A-1', 2, 500)]);
    const result = accepted(decide(customer, { type: 'Absorb', lines: [line('A-1', 3, 700), line('B-2', 1, 300)] }));
    expect(result.cart.lines).toEqual([line('A-1', 5, 500), line('B-2', 1, 300)]);
    expect(result.changes).toEqual([{ reason: 'MERGED', sku: null }]);
    expect(result.capped).toEqual([]);
  });

  it('caps at 999 units per SKU and 100 SKUs instead of failing', () => {
    const customer = cart([line('A-1', 998), ...Array.from({ length: 98 }, (_, i) => line(`SKU-${i}`, 1))]);
    const result = accepted(decide(customer, { type: 'Absorb', lines: [line('A-1', 5), line('NEW-1', 1), line('NEW-2', 4)] }));
    expect(result.cart.lines.find((l) => l.sku === 'A-1')?.quantity).toBe(999);
    expect(result.cart.lines).toHaveLength(100);
    expect(result.capped).toEqual([
      { sku: 'A-1', requested: 5, kept: 1, rule: 'MAX_UNITS_PER_SKU' },
      { sku: 'NEW-2', requested: 4, kept: 0, rule: 'MAX_DISTINCT_SKUS' },
    ]);
  });

  it('records nothing when nothing came in', () => {
    expect(accepted(decide(cart([line('A-1', 1)]), { type: 'Absorb', lines: [] })).changes).toEqual([]);
  });

  it('hands the guest cart over: CLEARED and empty', () => {
    const result = accepted(decide(cart([line('A-1', 1)], { ownerKind: 'GUEST' }), { type: 'HandOver' }));
    expect(result.cart).toMatchObject({ status: 'CLEARED', lines: [] });
    expect(result.changes).toEqual([{ reason: 'MERGED', sku: null }]);
  });
});

describe('derived values', () => {
  it('counts units, sums the subtotal and snapshots the lines for checkout', () => {
    const current = cart([line('A-1', 2, 250), line('B-2', 3, 100)]);
    expect(itemCountOf(current)).toBe(5);
    expect(subtotalOf(current.lines)).toEqual(usd(800));
    expect(checkoutSnapshotOf(current)).toEqual({
      items: [
        { sku: 'A-1', name: 'Product A-1', quantity: 2, unitPrice: usd(250) },
        { sku: 'B-2', name: 'Product B-2', quantity: 3, unitPrice: usd(100) },
      ],
      subtotal: usd(800),
    });
  });
});
