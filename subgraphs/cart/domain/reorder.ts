import { decide, type Cart, type CartChange, type CartRule, type ProductOffer } from './cart.js';

export interface ReorderLine {
  sku: string;
  quantity: number;
  /** What the cart's projection of the catalogue knows now (null: never heard of it). */
  product: ProductOffer | null;
}

export interface ReorderOutcome {
  cart: Cart;
  changes: CartChange[];
  /** SKUs now in the cart because of the reorder. */
  added: string[];
  /** Lines left out, with the rule that kept each out (a product no longer ACTIVE, a cart limit). */
  skipped: { sku: string; rule: CartRule; message: string }[];
}

/**
 * A past order's lines into a cart, each exactly as `addCartItem` would add it: ACTIVE products
 * only, at today's price (a SKU already in the cart keeps its price and gains the units), within
 * the cart's limits. A line that cannot be added is skipped, not fatal: the shopper gets
 * everything that can still be bought. A cart that is not ACTIVE refuses it all.
 */
export function reorderInto(cart: Cart, lines: readonly ReorderLine[]): { ok: true; outcome: ReorderOutcome } | { ok: false; rule: CartRule; message: string } {
  if (cart.status !== 'ACTIVE') return { ok: false, rule: 'CART_NOT_ACTIVE', message: `The cart is ${cart.status}` };
  let current = cart;
  const changes: CartChange[] = [];
  const added: string[] = [];
  const skipped: ReorderOutcome['skipped'] = [];
  for (const line of lines) {
    const decision = decide(current, { type: 'AddItem', sku: line.sku, quantity: line.quantity, product: line.product });
    if (!decision.ok) {
      skipped.push({ sku: line.sku, rule: decision.rejection.rule, message: decision.rejection.message });
      continue;
    }
    current = decision.cart;
    changes.push(...decision.changes);
    added.push(line.sku);
  }
  return { ok: true, outcome: { cart: current, changes, added, skipped } };
}
