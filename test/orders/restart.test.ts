import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { OrdersDb, placeOrder, readOrder, timelineTypes } from './support.js';
import { ContextTables, RESTING, inBatches, productInStock, readyCheckout, stockOf } from './saga-support.js';
import { PrivateNats } from '../../scripts/cluster/nats-server.js';
import { freePort } from '../../scripts/cluster/ports.js';

/**
 * SPEC §11 "messages survive a restart (goal: 100 %)", bounded and loopback only: with ~20
 * orders in flight, a private nats-server (own port and store; the shared one on 4222 is never
 * touched) is killed with SIGKILL and restarted on its store, and the orders subgraph is
 * restarted — once on its own, once while the broker is down. Every order must still come to
 * rest exactly once, with one payment each and nothing left behind.
 */

const ORDERS = 20;
/** Card per order: mostly good ones, some declined (→ CANCELLED), some flaky (retried → CONFIRMED). */
const cardFor = (i: number) => (i % 5 === 3 ? 'tok_decline' : i % 5 === 4 ? 'tok_flaky' : 'tok_visa');
const restingStatusFor = (card: string) => (card === 'tok_decline' ? 'CANCELLED' : 'CONFIRMED');

let nats: PrivateNats;
let stack: Stack;
let db: OrdersDb;
let tables: ContextTables;

beforeAll(async () => {
  // kill -9 and restarted on the same port and store: streams, consumers and positions survive
  nats = new PrivateNats(mkdtempSync(join(tmpdir(), 'orders-nats-')), await freePort());
  await nats.start();
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph], {
    NATS_URL: nats.url,
    PAYMENT_RETRY_BACKOFF_MS: '50,100',
  });
  db = await new OrdersDb(stack.env.databaseUrl).connect();
  tables = await new ContextTables(stack.env.databaseUrl).connect();
});

afterAll(async () => {
  await tables?.close();
  await db?.close();
  await stack?.stop(); // deletes the namespace's streams: the private server must still run
  await nats?.remove();
});

describe('a broker crash and an orders restart mid-saga', () => {
  it('brings every order in flight to rest exactly once, one payment each, no outbox backlog', { timeout: 300_000 }, async () => {
    const sku = await productInStock(stack, 100);
    const cards = Array.from({ length: ORDERS }, (_, i) => cardFor(i));
    const checkouts = await inBatches(cards, 5, (card) => readyCheckout(stack, sku, 1, card));

    const place = (from: number, to: number) => Promise.all(checkouts.slice(from, to).map(({ token, checkoutId }) => placeOrder(stack, token, checkoutId)));
    // 1. the broker crashes with sagas running, more orders are placed while it is down (their
    //    requests wait in the outboxes), and it comes back on its store: every process reconnects
    const orders = await place(0, 8);
    await nats.kill();
    orders.push(...(await place(8, 12)));
    await nats.start();
    // 2. orders restarts while its handlers are busy with fresh sagas and the backlog
    orders.push(...(await place(12, 16)));
    await stack.restartSubgraph('orders');
    // 3. both at once: orders goes down with the broker and comes back after it
    orders.push(...(await place(16, ORDERS)));
    await nats.kill();
    await stack.restartSubgraph('orders', { whileStopped: () => nats.start() });

    const staff = await stack.tokenFor('CUSTOMER_SERVICE');
    const rested = await eventually(
      async () => {
        const views = await inBatches(orders, 5, (o) => readOrder(stack, staff, o.id));
        return views.every((v) => RESTING.includes(v.status)) ? views : undefined;
      },
      { what: 'every order to come to rest', timeoutMs: 150_000, intervalMs: 500 },
    );
    expect(rested.map((o) => o.status)).toEqual(cards.map(restingStatusFor));

    for (const [i, order] of rested.entries()) {
      // exactly one status change into the resting state, announced once
      const changes = (await db.eventsFor(order.id, 'OrderStatusChanged')).map((e) => [e.payload.previousStatus, e.payload.status]);
      expect(changes, `status changes of order ${i} (${cards[i]})`).toEqual([
        [null, 'PLACED'],
        ['PLACED', order.status],
      ]);
      expect(timelineTypes(order).filter((t) => t === order.status)).toHaveLength(1);
      // one payment, authorized (held) at most once
      const payments = await tables.payments(order.id);
      expect(payments).toHaveLength(1);
      expect(payments[0]!.status).toBe(order.status === 'CONFIRMED' ? 'CAPTURED' : 'FAILED');
      const held = (await tables.providerCalls(order.id)).filter((c) => c.operation === 'AUTHORIZE' && c.outcome === 'SUCCEEDED');
      expect(held).toHaveLength(order.status === 'CONFIRMED' ? 1 : 0);
      expect(await tables.reservations(order.id)).toHaveLength(1);
      expect((await db.eventsFor(order.id, 'FulfillmentRequested')).length).toBe(order.status === 'CONFIRMED' ? 1 : 0);
    }

    // the other contexts settle too: one shipment per confirmed order, declined stock released
    const confirmed = rested.filter((o) => o.status === 'CONFIRMED');
    await eventually(async () => (await Promise.all(confirmed.map((o) => tables.shipments(o.id)))).every((s) => s.length === 1), {
      what: 'a shipment for every confirmed order',
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    for (const order of rested.filter((o) => o.status === 'CANCELLED')) expect(await tables.shipments(order.id)).toEqual([]);
    await eventually(async () => (await stockOf(stack, sku))['NJ-FC']!.reserved === 0, { what: 'every reservation committed or released', timeoutMs: 60_000, intervalMs: 500 });
    expect((await stockOf(stack, sku))['NJ-FC']).toEqual({ available: 100 - confirmed.length, reserved: 0, committed: confirmed.length, shipped: 0 });

    await eventually(async () => Object.keys(await tables.outboxBacklog()).length === 0, { what: 'every outbox to be published', timeoutMs: 60_000, intervalMs: 500 });
    expect(await tables.deadLetters()).toEqual({});
  });
});
