import { describe, expect, it } from 'vitest';
import type { Cart, ProductOffer } from './cart.js';
import { reorderInto } from './reorder.js';

const cart = (lines: Cart['lines'] = [], status: Cart['status'] = 'ACTIVE'): Cart => ({ id: 'c1', ownerKind: 'CUSTOMER', ownerId: 'u1', status, lines });
const offer = (sku: string, cents: number, status = 'ACTIVE'): ProductOffer => ({ sku, name: sku, price: { cents, currency: 'USD' }, status });

describe('reordering into a cart', () => {
  it("adds every line that addCartItem would accept, at today's price, and skips the rest with the rule", () => {
    const decision = reorderInto(cart(), [
      { sku: 'A', quantity: 2, product: offer('A', 1250) },
      { sku: 'B', quantity: 1, product: offer('B', 700, 'COMING_SOON') },
      { sku: 'C', quantity: 1, product: null },
    ]);
    if (!decision.ok) throw new Error('refused');
    expect(decision.outcome.cart.lines).toEqual([{ sku: 'A', name: 'A', quantity: 2, unitPrice: { cents: 1250, currency: 'USD' } }]);
    expect(decision.outcome.added).toEqual(['A']);
    expect(decision.outcome.skipped.map((s) => [s.sku, s.rule])).toEqual([
      ['B', 'PRODUCT_NOT_ACTIVE'],
      ['C', 'UNKNOWN_PRODUCT'],
    ]);
    expect(decision.outcome.changes).toEqual([{ reason: 'ITEM_ADDED', sku: 'A' }]);
  });

  it('adds units to a line already in the cart, which keeps its price', () => {
    const decision = reorderInto(cart([{ sku: 'A', name: 'A', quantity: 1, unitPrice: { cents: 1000, currency: 'USD' } }]), [{ sku: 'A', quantity: 2, product: offer('A', 1250) }]);
    if (!decision.ok) throw new Error('refused');
    expect(decision.outcome.cart.lines).toEqual([{ sku: 'A', name: 'A', quantity: 3, unitPrice: { cents: 1000, currency: 'USD' } }]);
  });

  it('refuses a cart that is not ACTIVE', () => {
    expect(reorderInto(cart([], 'CHECKED_OUT'), [{ sku: 'A', quantity: 1, product: offer('A', 1) }])).toMatchObject({ ok: false, rule: 'CART_NOT_ACTIVE' });
  });
});
