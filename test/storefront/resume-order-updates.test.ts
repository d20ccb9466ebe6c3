import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { graphql } from '../__generated__/index.js';
import type { ResumeOrderUpdatesSubscription } from '../__generated__/graphql.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { Subscriber, wsClient } from '../support/ws.js';
import { DISPATCH, ORDER_PAYMENT_AND_SHIPMENTS, RECORD_DELIVERY, checkoutCart, completeCheckout, ok, orderWhen, placeOrder } from '../orders/support.js';
import { send } from './support.js';

/**
 * Issue 13 §1: a phone loses its socket while its order moves on. Each OrderUpdated carries a
 * cursor; `orderUpdated(orderId, after:)` replays the order's history after it, then goes live,
 * with no gap and no duplicate. The connection is cut at the TCP level (a proxy on loopback
 * resets it: no close frame) and graphql-ws's own retry reconnects.
 */

const OrderUpdates = graphql(`
  subscription ResumeOrderUpdates($orderId: ID, $after: String) {
    orderUpdated(orderId: $orderId, after: $after) {
      status
      previousStatus
      cursor
      order {
        id
        status
      }
    }
  }
`);

const StatusHistory = graphql(`
  query ResumeStatusHistory($id: ID!, $after: String) {
    order(id: $id) {
      statusChanges(after: $after) {
        status
        previousStatus
        cursor
      }
    }
  }
`);

type Update = ResumeOrderUpdatesSubscription['orderUpdated'];

let stack: Stack;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph]);
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await stack?.stop();
});

/** A new customer's order of a seeded product, and the cursor of its first change (PLACED). */
async function placed() {
  const token = await stack.tokenFor('CUSTOMER', randomUUID());
  const checkoutId = ok((await checkoutCart(stack, token, [['DOG-BOWL-001', 1]])).response).checkoutCart.id as string;
  await completeCheckout(stack, token, checkoutId);
  const order = await placeOrder(stack, token, checkoutId);
  const [first] = ok(await send(stack, StatusHistory, { id: order.id }, token)).order!.statusChanges;
  expect(first).toMatchObject({ status: 'PLACED', previousStatus: null });
  return { token, orderId: order.id, placedCursor: first.cursor };
}

async function shipmentOf(token: string, orderId: string): Promise<string> {
  return eventually(
    async () => {
      const view = ok(await stack.request(ORDER_PAYMENT_AND_SHIPMENTS, { id: orderId }, token)).order;
      return view.shipments[0]?.status === 'ASSIGNED' ? (view.shipments[0].id as string) : undefined;
    },
    { what: 'the shipment to be assigned', timeoutMs: 30_000 },
  );
}

/** The code of the error a subscription was refused with (in its one result, or as its error). */
function refusalOf(subscriber: Subscriber): string | undefined {
  const error = (subscriber.results[0]?.errors?.[0] ?? (Array.isArray(subscriber.error) ? subscriber.error[0] : undefined)) as { extensions?: { code?: string } } | undefined;
  return error?.extensions?.code;
}

/** Resolves once `count` updates arrived. */
function receivedAll(updates: Update[], count: number, what: string) {
  return eventually(() => updates.length >= count, { what, timeoutMs: 30_000, intervalMs: 20 });
}

describe('resuming orderUpdated after a lost connection', () => {
  it('sends every status exactly once, in order, across a connection cut mid-saga', async () => {
    const { token, orderId, placedCursor } = await placed();
    const proxy = await TcpProxy.start(stack.wsUrl);
    const connections: boolean[] = []; // `retrying` of each connection
    let closures = 0;
    const client = createClient({
      url: proxy.urlFor(stack.wsUrl),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 5,
      // reconnect as soon as the network is back (the proxy says when)
      retryWait: () => proxy.whenOpen(),
      shouldRetry: () => true,
      on: { connected: (_socket, _payload, retrying) => void connections.push(retrying), closed: () => void (closures += 1) },
    });
    clients.push(client);

    // As an app does it: graphql-ws re-sends this same payload when it reconnects, so keeping
    // `after` at the last cursor seen makes every reconnect a resume.
    const variables = { orderId, after: placedCursor as string | null };
    const updates: Update[] = [];
    const errors: unknown[] = [];
    client.subscribe<ResumeOrderUpdatesSubscription>(
      { query: print(OrderUpdates), variables },
      {
        next: (result) => {
          if (result.errors) errors.push(result.errors);
          const update = result.data!.orderUpdated;
          updates.push(update);
          variables.after = update.cursor;
        },
        error: (err) => void errors.push(err),
        complete: () => {},
      },
    );

    // the saga confirms the order by itself (reserved, authorized, captured, committed)
    await receivedAll(updates, 1, 'CONFIRMED');
    const shipmentId = await shipmentOf(token, orderId);

    // the phone loses its network: the TCP connection is reset, no close frame
    proxy.cut();
    await eventually(() => closures >= 1, { what: 'the client to notice the cut' });
    const warehouse = await stack.tokenFor('WAREHOUSE');
    ok(await stack.request(DISPATCH, { shipmentId }, warehouse));
    await orderWhen(stack, token, orderId, (o) => o.status === 'SHIPPED', 'the order to be SHIPPED while the client is away');
    // the live event of SHIPPED has gone out to nobody: no subscriber is left at the edge
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === 0, { what: 'the edge to drop the cut subscription' });

    proxy.restore();
    await receivedAll(updates, 2, 'SHIPPED, replayed after the reconnect');
    ok(await stack.request(RECORD_DELIVERY, { shipmentId, delivered: true }, warehouse));
    await receivedAll(updates, 3, 'DELIVERED, live');

    expect(errors).toEqual([]);
    expect(updates.map((u) => [u.previousStatus, u.status])).toEqual([
      ['PLACED', 'CONFIRMED'],
      ['CONFIRMED', 'SHIPPED'],
      ['SHIPPED', 'DELIVERED'],
    ]);
    expect(updates.every((u) => u.order.id === orderId)).toBe(true);
    expect(new Set([placedCursor, ...updates.map((u) => u.cursor)]).size).toBe(4);
    expect(connections).toEqual([false, true]); // one connection, one reconnect by graphql-ws's retry
    expect(proxy.accepted).toBe(2);

    // nothing more arrives once the order rests (a duplicate would show up here)
    const history = ok(await send(stack, StatusHistory, { id: orderId }, token)).order!.statusChanges;
    expect(history.map((c) => c.status)).toEqual(['PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED']);
    expect(history.slice(1).map((c) => c.cursor)).toEqual(updates.map((u) => u.cursor));
    await client.dispose();
    await proxy.stop();
  });

  it('replays everything after a cursor to a subscriber that comes back later, then nothing twice', async () => {
    const { token, orderId, placedCursor } = await placed();
    await orderWhen(stack, token, orderId, (o) => o.status === 'CONFIRMED', 'the order to be CONFIRMED', 30_000);
    const client = wsClient(stack.wsUrl, token);
    clients.push(client);
    const subscriber = new Subscriber<ResumeOrderUpdatesSubscription>(client, print(OrderUpdates), { orderId, after: placedCursor });
    const [confirmed] = await subscriber.received(1, 20_000);
    expect(confirmed.data!.orderUpdated).toMatchObject({ previousStatus: 'PLACED', status: 'CONFIRMED', order: { id: orderId, status: 'CONFIRMED' } });

    // resuming from the last cursor seen: nothing to replay, the next change arrives live
    const later = new Subscriber<ResumeOrderUpdatesSubscription>(client, print(OrderUpdates), { orderId, after: confirmed.data!.orderUpdated.cursor });
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions >= 2, { what: 'the second subscription to be served' });
    const shipmentId = await shipmentOf(token, orderId);
    ok(await stack.request(DISPATCH, { shipmentId }, await stack.tokenFor('WAREHOUSE')));
    const [shipped] = await later.received(1, 20_000);
    expect(shipped.data!.orderUpdated).toMatchObject({ previousStatus: 'CONFIRMED', status: 'SHIPPED' });
    expect((await subscriber.received(2, 20_000)).map((r) => r.data!.orderUpdated.status)).toEqual(['CONFIRMED', 'SHIPPED']);
    expect(later.results).toHaveLength(1);
    expect(subscriber.results).toHaveLength(2);
  });

  it.each([
    ['after without orderId', (orderId: string, cursor: string) => ({ after: cursor }), 'BAD_USER_INPUT'],
    ['a cursor that is not one', (orderId: string) => ({ orderId, after: 'not-a-cursor' }), 'BAD_USER_INPUT'],
  ])('refuses %s with BAD_USER_INPUT', async (_name, variablesOf, code) => {
    const { token, orderId, placedCursor } = await placed();
    const client = wsClient(stack.wsUrl, token);
    clients.push(client);
    const subscriber = new Subscriber(client, print(OrderUpdates), variablesOf(orderId, placedCursor));
    await subscriber.ended();
    expect(refusalOf(subscriber)).toBe(code);
  });

  it("refuses another order's cursor, and another customer's order", async () => {
    const mine = await placed();
    const theirs = await placed();
    const client = wsClient(stack.wsUrl, mine.token);
    clients.push(client);
    const wrongCursor = new Subscriber(client, print(OrderUpdates), { orderId: mine.orderId, after: theirs.placedCursor });
    await wrongCursor.ended();
    expect(refusalOf(wrongCursor)).toBe('BAD_USER_INPUT');
    const notMine = new Subscriber(client, print(OrderUpdates), { orderId: theirs.orderId, after: theirs.placedCursor });
    await notMine.ended();
    expect(refusalOf(notMine)).toBe('FORBIDDEN');
  });
});
