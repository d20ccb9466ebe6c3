import { randomUUID } from 'node:crypto';
import type { Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';

/** Exactly five levels deep: the protocol tests run with GRAPHQL_MAX_DEPTH=5. */
export const CART_UPDATED = `subscription CartUpdated($cartId: ID!) {
  cartUpdated(cartId: $cartId) { reason occurredAt cart { id status itemCount items { quantity product { sku name } } } }
}`;

export async function createCart(stack: Stack, token: string): Promise<string> {
  const res = await stack.request<{ createCart: { id: string } }>('mutation { createCart { id } }', {}, token);
  if (res.errors) throw new Error(`createCart: ${JSON.stringify(res.errors)}`);
  return res.data!.createCart.id;
}

export async function addItem(stack: Stack, token: string, cartId: string, sku: string, quantity: number) {
  const res = await stack.request<{ addCartItem: { cart: { itemCount: number }; warnings: { code: string }[] } }>(
    'mutation Add($cartId: ID!, $sku: ID!, $quantity: Int!) { addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) { cart { itemCount } warnings { code } } }',
    { cartId, sku, quantity },
    token,
  );
  if (res.errors) throw new Error(`addCartItem: ${JSON.stringify(res.errors)}`);
  return res.data!.addCartItem;
}

/**
 * The cart learns products from catalog's events; a fresh stack is usable once the seeded SKU
 * can be added. Probed with a throw-away customer's cart so the caller's carts stay untouched.
 */
export async function waitUntilAddable(stack: Stack, _token: string, sku: string): Promise<void> {
  const probeToken = await stack.tokenFor('CUSTOMER', randomUUID());
  const cartId = await createCart(stack, probeToken);
  await eventually(
    async () => {
      const res = await stack.request('mutation Add($cartId: ID!, $sku: ID!) { addCartItem(cartId: $cartId, sku: $sku, quantity: 1) { cart { id } } }', { cartId, sku }, probeToken);
      return !res.errors;
    },
    { what: `${sku} to reach the cart's product projection`, timeoutMs: 20_000 },
  );
}
