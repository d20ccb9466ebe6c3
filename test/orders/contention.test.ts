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

/**
 * SPEC §4 "two reservations racing for the last unit: exactly one wins", at scale (§11): 100
 * customers place orders for 1 unit each of a SKU with exactly 30 units, all at once. Exactly 30
 * orders are CONFIRMED; the other 70 are CANCELLED OUT_OF_STOCK with their authorizations
 * voided; stock ends at 0 available and never goes negative; every order comes to rest once.
 */

const CUSTOMERS = 100;
const UNITS = 30;

let stack: Stack;
let db: OrdersDb;
let tables: ContextTables;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph]);
  db = await new OrdersDb(stack.env.databaseUrl).connect();
  tables = await new ContextTables(stack.env.databaseUrl).connect();
});

afterAll(async () => {
  await tables?.close();
  await db?.close();
  await stack?.stop();
});

describe('100 concurrent checkouts over 30 units', () => {
  it('sells exactly 30 units; the other 70 orders are cancelled OUT_OF_STOCK and voided', { timeout: 300_000 }, async () => {
    const sku = await productInStock(stack, UNITS);
    // the clients are bounded while filling their checkouts; the orders are placed all at once
    const checkouts = await inBatches(Array.from({ length: CUSTOMERS }), 20, () => readyCheckout(stack, sku, 1));
    const placed = await Promise.all(checkouts.map(({ token, checkoutId }) => placeOrder(stack, token, checkoutId)));
    expect(new Set(placed.map((o) => o.id)).size).toBe(CUSTOMERS);
    expect(placed.every((o) => o.status === 'PLACED')).toBe(true);

    const staff = await stack.tokenFor('CUSTOMER_SERVICE');
    const rested = await eventually(
      async () => {
        const views = await inBatches(placed, 10, (o) => readOrder(stack, staff, o.id));
        return views.every((v) => RESTING.includes(v.status)) ? views : undefined;
      },
      { what: 'every order to come to rest', timeoutMs: 240_000, intervalMs: 1_000 },
    );
    const confirmed = rested.filter((o) => o.status === 'CONFIRMED');
    const cancelled = rested.filter((o) => o.status === 'CANCELLED');
    expect(confirmed).toHaveLength(UNITS);
    expect(cancelled).toHaveLength(CUSTOMERS - UNITS);
    expect(confirmed.reduce((units, o) => units + o.items[0]!.quantity, 0)).toBe(UNITS);
    expect(new Set(cancelled.map((o) => o.cancellationReason))).toEqual(new Set(['OUT_OF_STOCK']));

    // stock: all 30 committed to the confirmed orders, nothing available, nothing negative
    await eventually(async () => (await stockOf(stack, sku))['NJ-FC']!.reserved === 0, { what: 'no reservation left open', timeoutMs: 60_000, intervalMs: 500 });
    const stock = await stockOf(stack, sku);
    expect(stock['NJ-FC']).toEqual({ available: 0, reserved: 0, committed: UNITS, shipped: 0 });
    for (const other of ['WA-FC', 'OH-FC', 'TX-FC']) expect(stock[other]).toEqual({ available: 0, reserved: 0, committed: 0, shipped: 0 });
    expect(await tables.rows('select * from inventory.stock_level where available < 0 or reserved < 0 or committed < 0 or shipped < 0')).toEqual([]);
    expect((await tables.movements(sku)).map(({ kind, n }) => [kind, n])).toEqual([
      ['COMMITTED', UNITS],
      ['RECEIVED', 1],
      ['RESERVED', UNITS],
    ]);

    // payments: the winners captured, the losers' authorizations voided (never captured)
    await eventually(
      async () => {
        const statuses = await Promise.all(cancelled.map(async (o) => (await tables.payments(o.id))[0]?.status));
        return statuses.every((s) => s === 'VOIDED');
      },
      { what: "the cancelled orders' authorizations to be voided", timeoutMs: 60_000, intervalMs: 500 },
    );
    for (const order of confirmed) expect(await tables.payments(order.id)).toMatchObject([{ status: 'CAPTURED', captured_cents: order.total.cents }]);
    for (const order of cancelled) expect(await tables.payments(order.id)).toMatchObject([{ status: 'VOIDED', captured_cents: 0 }]);

    // every order came to rest exactly once
    for (const order of rested) {
      const changes = (await db.eventsFor(order.id, 'OrderStatusChanged')).map((e) => [e.payload.previousStatus, e.payload.status]);
      expect(changes).toEqual([
        [null, 'PLACED'],
        ['PLACED', order.status],
      ]);
      expect(timelineTypes(order).filter((t) => t === order.status)).toHaveLength(1);
    }
    await eventually(async () => Object.keys(await tables.outboxBacklog()).length === 0, { what: 'every outbox to be published', timeoutMs: 60_000, intervalMs: 500 });
    expect(await tables.deadLetters()).toEqual({});
  });
});
