import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { Subscriber, wsClient } from '../support/ws.js';

/**
 * Issue 3's "done when", as one shopper does it through the gateway: browse as a guest, fill a cart
 * with stock warnings, sign in, merge, and watch cartUpdated for the own cart only — with the
 * seeded catalogue and the seeded stock (DOG-BED-ORTHO-L is low, FISH-HEATER-100W is out).
 */

let stack: Stack;
const clients: Client[] = [];
beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, inventorySubgraph, cartSubgraph]);
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await stack?.stop();
});

const ok = (res: { data?: any; errors?: unknown[] }): any => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};

const ADD = `mutation Add($cartId: ID!, $sku: ID!, $quantity: Int!) {
  addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) { cart { id itemCount } warnings { sku code message } }
}`;
const WATCH = `subscription Watch($cartId: ID!) {
  cartUpdated(cartId: $cartId) { reason cart { id status itemCount items { quantity product { sku name availability { inStock lowStock } } } } }
}`;

describe('a guest becomes a customer', () => {
  it('browses, fills a cart with warnings, signs in, merges and sees only their own cart events', async () => {
    const guest = ok(await stack.request('mutation { startGuestSession { token } }')).startGuestSession.token as string;

    const found = ok(await stack.request('{ products(search: "bed") { nodes { sku name availability { inStock lowStock } } } }', {}, guest));
    const bed = found.products.nodes.find((p: { sku: string }) => p.sku === 'DOG-BED-ORTHO-L');
    expect(bed).toMatchObject({ availability: { inStock: true, lowStock: true } });

    const guestCart = ok(await stack.request('mutation { createCart { id status expiresAt } }', {}, guest)).createCart;
    expect(guestCart.status).toBe('ACTIVE');
    expect(guestCart.expiresAt).not.toBeNull();

    const guestWatch = new Subscriber(track(wsClient(stack.wsUrl, guest)), WATCH, { cartId: guestCart.id });
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === 1, { what: "the guest's subscription" });

    // The cart learns products and stock from events; poll until the seeded ones are addable.
    const low = await eventually(async () => {
      const res = await stack.request(ADD, { cartId: guestCart.id, sku: 'DOG-BED-ORTHO-L', quantity: 2 }, guest);
      return res.errors ? undefined : res.data!.addCartItem;
    }, { what: 'the seeded catalogue to reach the cart', timeoutMs: 20_000 });
    expect(low.warnings).toEqual([expect.objectContaining({ sku: 'DOG-BED-ORTHO-L', code: 'LOW_STOCK' })]);
    const out = await eventually(async () => {
      const res = await stack.request(ADD, { cartId: guestCart.id, sku: 'FISH-HEATER-100W', quantity: 1 }, guest);
      return res.errors ? undefined : res.data!.addCartItem;
    }, { what: 'the heater to reach the cart' });
    expect(out.warnings).toEqual([expect.objectContaining({ sku: 'FISH-HEATER-100W', code: 'OUT_OF_STOCK' })]);
    expect(out.cart.itemCount).toBe(3);

    const guestEvents = await guestWatch.received(2);
    expect(guestEvents.map((e) => (e.data as any).cartUpdated.reason)).toEqual(['ITEM_ADDED', 'ITEM_ADDED']);
    expect((guestEvents[1].data as any).cartUpdated.cart.items.map((i: any) => i.product.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/bed/i), expect.stringMatching(/heater/i)]),
    );

    // Sign in as the demo customer, whose own cart already holds a bowl.
    const alice = ok(await stack.request('mutation { login(email: "alice@critter.test", password: "critter-demo-pass") { token } }')).login.token as string;
    const aliceCart = ok(await stack.request('mutation { createCart { id } }', {}, alice)).createCart;
    ok(await stack.request(ADD, { cartId: aliceCart.id, sku: 'DOG-BOWL-001', quantity: 1 }, alice));
    ok(await stack.request(ADD, { cartId: aliceCart.id, sku: 'DOG-BED-ORTHO-L', quantity: 1 }, alice));
    const aliceWatch = new Subscriber(track(wsClient(stack.wsUrl, alice)), WATCH, { cartId: aliceCart.id });
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === 2, { what: "alice's subscription" });

    // An outsider watching alice's cart is refused; nothing of hers reaches them.
    const bob = ok(await stack.request('mutation { login(email: "bob@critter.test", password: "critter-demo-pass") { token } }')).login.token as string;
    const snoop = new Subscriber(track(wsClient(stack.wsUrl, bob)), WATCH, { cartId: aliceCart.id });
    await snoop.ended();
    expect(snoop.results[0]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const merged = ok(await stack.request('mutation Merge($guestToken: String!) { mergeCart(guestToken: $guestToken) { id itemCount items { quantity product { sku } } } }', { guestToken: guest }, alice)).mergeCart;
    expect(merged.id).toBe(aliceCart.id);
    expect(Object.fromEntries(merged.items.map((i: any) => [i.product.sku, i.quantity]))).toEqual({ 'DOG-BOWL-001': 1, 'DOG-BED-ORTHO-L': 3, 'FISH-HEATER-100W': 1 });

    const [aliceMerged] = await aliceWatch.received(1);
    expect((aliceMerged.data as any).cartUpdated).toMatchObject({ reason: 'MERGED', cart: { id: aliceCart.id, status: 'ACTIVE', itemCount: 5 } });
    const guestAfter = await guestWatch.received(3);
    expect((guestAfter[2].data as any).cartUpdated).toMatchObject({ reason: 'MERGED', cart: { id: guestCart.id, status: 'CLEARED' } });

    // Each saw only their own cart.
    expect(aliceWatch.results.every((r) => (r.data as any).cartUpdated.cart.id === aliceCart.id)).toBe(true);
    expect(guestWatch.results.every((r) => (r.data as any).cartUpdated.cart.id === guestCart.id)).toBe(true);
    expect(snoop.results.filter((r) => r.data)).toHaveLength(0);
  });
});

function track(client: Client): Client {
  clients.push(client);
  return client;
}
