import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { Subscriber, wsClient } from '../support/ws.js';
import { addItem, createCart, CART_UPDATED, waitUntilAddable } from './cart-support.js';

/** SPEC §9: a subscriber is identified only by its verified token and sees only its own carts. */

let stack: Stack;
const clients: Client[] = [];
const connect = (token: string, url = stack.wsUrl) => {
  const client = wsClient(url, token);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, cartSubgraph]);
  await waitUntilAddable(stack, '', 'DOG-BOWL-001');
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await stack?.stop();
});

interface Owner {
  name: string;
  token: string;
  cartId: string;
  subscriber?: Subscriber;
}

async function owner(name: string, role: 'CUSTOMER' | 'GUEST'): Promise<Owner> {
  const token = await stack.tokenFor(role);
  return { name, token, cartId: await createCart(stack, token) };
}

const SKUS = ['DOG-BOWL-001', 'CAT-TREE-5FT', 'FISH-TANK-20G'];

describe('cartUpdated isolation', () => {
  it('delivers to each of two customers and two guests exactly their own events, in order', async () => {
    const owners = [await owner('ann', 'CUSTOMER'), await owner('ben', 'CUSTOMER'), await owner('guest-1', 'GUEST'), await owner('guest-2', 'GUEST')];
    for (const sku of SKUS.slice(1)) await waitUntilAddable(stack, '', sku);
    for (const o of owners) o.subscriber = new Subscriber(connect(o.token), CART_UPDATED, { cartId: o.cartId });
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === owners.length, { what: 'all four subscriptions' });

    // Everyone changes their own cart at the same time, three changes each, with distinct quantities.
    // Each owner waits for a change's event before the next change: the payload's cart is read when
    // the event is delivered (hydration gives the cart as it is then), so only then does each event
    // show the cart as that change left it.
    await Promise.all(
      owners.map(async (o, i) => {
        for (const [n, sku] of SKUS.entries()) {
          await addItem(stack, o.token, o.cartId, sku, i + 1 + n * 10);
          await o.subscriber!.received(n + 1);
        }
      }),
    );

    for (const [i, o] of owners.entries()) {
      const results = await o.subscriber!.received(SKUS.length);
      expect(results.every((r) => !r.errors), o.name).toBe(true);
      const updates = results.map((r) => (r.data as any).cartUpdated);
      expect(updates.map((u: any) => u.cart.id), o.name).toEqual(SKUS.map(() => o.cartId));
      expect(updates.map((u: any) => u.reason)).toEqual(SKUS.map(() => 'ITEM_ADDED'));
      // In order: each event shows the cart as it was after that change.
      expect(updates.map((u: any) => u.cart.items.length)).toEqual([1, 2, 3]);
      expect(updates[2].cart.items.map((item: any) => item.quantity).sort((a: number, b: number) => a - b)).toEqual([i + 1, i + 11, i + 21]);
    }
    // A last change by one owner reaches that owner only. The edge fans each event out to every
    // local listener at once, so by the time ann has hers, a leak would have been queued too.
    await addItem(stack, owners[0].token, owners[0].cartId, 'DOG-BOWL-001', 1);
    await owners[0].subscriber!.received(SKUS.length + 1);
    for (const o of owners.slice(1)) expect(o.subscriber!.results, o.name).toHaveLength(SKUS.length);
    for (const o of owners) o.subscriber!.stop();
  });

  it("answers FORBIDDEN to subscribing to another owner's cart, guests included, and staff too", async () => {
    const ann = await owner('ann', 'CUSTOMER');
    const guest = await owner('guest', 'GUEST');
    const intruders = [
      { token: await stack.tokenFor('CUSTOMER'), cartId: ann.cartId },
      { token: await stack.tokenFor('GUEST'), cartId: ann.cartId },
      { token: ann.token, cartId: guest.cartId },
      { token: await stack.tokenFor('CUSTOMER_SERVICE'), cartId: ann.cartId },
      { token: await stack.tokenFor('CUSTOMER'), cartId: 'not-a-cart' },
    ];
    for (const intruder of intruders) {
      const sub = new Subscriber(connect(intruder.token), CART_UPDATED, { cartId: intruder.cartId });
      await sub.ended();
      const error = (sub.results[0]?.errors?.[0] ?? (Array.isArray(sub.error) ? sub.error[0] : undefined)) as { extensions?: { code?: string } } | undefined;
      expect(error?.extensions?.code).toBe('FORBIDDEN');
      expect(sub.results.some((r) => r.data)).toBe(false);
    }
    // and nothing of ann's reaches the refused subscribers afterwards
    expect(stack.gateway.subscriptions!.stats().subscriptions).toBe(0);
  });

  it('resolves cross-subgraph payload fields exactly as a query does', async () => {
    const ann = await owner('ann', 'CUSTOMER');
    const selection = '{ id itemCount subtotal { cents formatted } items { quantity unitPrice { cents } product { sku name price { cents } } } }';
    const sub = new Subscriber(connect(ann.token), `subscription($cartId: ID!) { cartUpdated(cartId: $cartId) { reason cart ${selection} } }`, { cartId: ann.cartId });
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === 1);
    await addItem(stack, ann.token, ann.cartId, 'CAT-TREE-5FT', 2);
    const [event] = await sub.received(1);
    const query = await stack.request(`query($id: ID!) { cart(id: $id) ${selection} }`, { id: ann.cartId }, ann.token);
    expect((event.data as any).cartUpdated.cart).toEqual(query.data.cart);
    expect((event.data as any).cartUpdated.cart.items[0].product.name).toMatch(/\w/);
    sub.stop();
  });

  it('fans events out to subscribers on every gateway replica through NATS', async () => {
    const replica = await stack.addGatewayReplica();
    const ann = await owner('ann', 'CUSTOMER');
    const onReplica = new Subscriber(connect(ann.token, replica.url.replace(/^http/, 'ws')), CART_UPDATED, { cartId: ann.cartId });
    await eventually(() => replica.subscriptions!.stats().subscriptions === 1, { what: 'the subscription on the replica' });
    await addItem(stack, ann.token, ann.cartId, 'DOG-BOWL-001', 3); // through the first gateway
    const [event] = await onReplica.received(1);
    expect((event.data as any).cartUpdated).toMatchObject({ reason: 'ITEM_ADDED', cart: { id: ann.cartId, itemCount: 3 } });
    onReplica.stop();
  });
});
