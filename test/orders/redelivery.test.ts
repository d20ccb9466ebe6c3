import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { DISPATCH, OrdersDb, RECORD_DELIVERY, ok, orderWhen, readOrder, timelineTypes } from './support.js';
import { ContextTables, Replayer, placedOrder, productInStock, settlement, stockOf, type OutboxMessage } from './saga-support.js';

/**
 * SPEC §6 "every event is handled idempotently: duplicates change nothing", end to end. First
 * the very messages a relay published (identical envelopes, as a broker or relay replay delivers
 * them) arrive a second time after the saga settled; then the same requests recorded anew (new
 * envelope ids: only the participants' own rules stop them) after the order was delivered or
 * cancelled. saga.test.ts covers answers re-announced to orders. Nothing may change: one
 * reservation, one payment and capture, one shipment, the same timeline, no new orders events.
 */

let stack: Stack;
let db: OrdersDb;
let tables: ContextTables;
let replayer: Replayer;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph]);
  db = await new OrdersDb(stack.env.databaseUrl).connect();
  tables = await new ContextTables(stack.env.databaseUrl).connect();
  replayer = await Replayer.connect(stack, tables);
});

afterAll(async () => {
  await replayer?.close();
  await tables?.close();
  await db?.close();
  await stack?.stop();
});

/** Everything the order left in every context that a duplicate could add to. */
async function footprint(orderId: string, sku: string) {
  const order = await readOrder(stack, await stack.tokenFor('CUSTOMER_SERVICE'), orderId);
  return {
    status: order.status,
    timeline: order.timeline,
    sagaVersion: await db.sagaVersion(orderId),
    ordersRecorded: (await db.eventsFor(orderId)).length,
    reservations: await tables.reservations(orderId),
    stock: await stockOf(stack, sku),
    movements: await tables.movements(sku),
    payments: await tables.payments(orderId),
    providerCalls: await tables.providerCalls(orderId),
    shipments: await tables.shipments(orderId),
  };
}

/** The one message of `type` that `schema` recorded about the order. */
async function published(schema: string, type: string, orderId: string): Promise<OutboxMessage> {
  const messages = await tables.recorded(schema, type, orderId);
  expect(messages, `${schema} recorded one ${type}`).toHaveLength(1);
  return messages[0]!;
}

/** Delivers that message again (and waits for its consumers and their answers); answers who consumed it. */
const replay = async (schema: string, type: string, orderId: string, asNew = false) => replayer.replay(await published(schema, type, orderId), { asNew });

describe('the same message delivered twice', () => {
  it('changes nothing when OrderPlaced (and its requests), PaymentCaptured and FulfillmentRequested arrive again', async () => {
    const sku = await productInStock(stack, 10);
    const { token, order } = await placedOrder(stack, sku, 2);
    // settled: confirmed, and fulfillment's answer (the last one that comes by itself) applied
    await orderWhen(stack, token, order.id, (o) => timelineTypes(o).includes('SHIPMENT_ASSIGNED'), 'the shipment to be assigned');
    const before = await footprint(order.id, sku);
    expect(before).toMatchObject({ status: 'CONFIRMED', reservations: [{ status: 'COMMITTED' }], payments: [{ status: 'CAPTURED' }], shipments: [{ status: 'ASSIGNED' }] });
    const recordedBefore = await tables.recordedAbout(order.id);

    // OrderPlaced is an announcement (only the cart keeps a copy of the items, for reorder);
    // placement's requests travel beside it in the same transaction, so "OrderPlaced again" means
    // those arrive again too
    expect(await replay('orders', 'OrderPlaced', order.id)).toEqual(['cart']);
    expect(await replay('orders', 'InventoryReservationRequested', order.id)).toEqual(['inventory']);
    expect(await replay('orders', 'PaymentAuthorizationRequested', order.id)).toEqual(['payments']);
    expect(await replay('payments', 'PaymentCaptured', order.id)).toEqual(['orders']);
    expect(await replay('orders', 'FulfillmentRequested', order.id)).toEqual(['fulfillment']);
    // and once more, all together, as a burst of redeliveries would
    await Promise.all([replay('payments', 'PaymentCaptured', order.id), replay('orders', 'FulfillmentRequested', order.id), replay('orders', 'PaymentAuthorizationRequested', order.id)]);

    expect(await footprint(order.id, sku)).toEqual(before);
    expect(await tables.recordedAbout(order.id)).toEqual(recordedBefore); // no context said anything new
    const view = await settlement(stack, order.id);
    expect(view.payment!.attemptLog.map((a) => [a.operation, a.succeeded])).toEqual([
      ['AUTHORIZE', true],
      ['CAPTURE', true],
    ]);
    expect(view.shipments).toHaveLength(1);
    expect(await tables.deadLetters()).toEqual({});
  });
});

describe('the same request recorded again', () => {
  it('changes nothing for a delivered order: participants answer from what they did, orders ignores the answers', async () => {
    const sku = await productInStock(stack, 10);
    const { token, order } = await placedOrder(stack, sku, 1);
    await orderWhen(stack, token, order.id, (o) => timelineTypes(o).includes('SHIPMENT_ASSIGNED'), 'the shipment to be assigned');
    const shipmentId = (await settlement(stack, order.id)).shipments[0]!.id;
    const warehouse = await stack.tokenFor('WAREHOUSE');
    ok(await stack.request(DISPATCH, { shipmentId }, warehouse));
    ok(await stack.request(RECORD_DELIVERY, { shipmentId, delivered: true }, warehouse));
    await orderWhen(stack, token, order.id, (o) => o.status === 'DELIVERED', 'the order to be DELIVERED');
    await eventually(async () => (await stockOf(stack, sku))['NJ-FC']!.shipped === 1, { what: 'inventory to ship the reservation' });
    const before = await footprint(order.id, sku);
    expect(before).toMatchObject({ reservations: [{ status: 'SHIPPED' }], payments: [{ status: 'CAPTURED' }], shipments: [{ status: 'DELIVERED' }] });

    for (const type of ['InventoryReservationRequested', 'ReservationCommitRequested', 'PaymentAuthorizationRequested', 'PaymentCaptureRequested', 'FulfillmentRequested']) {
      await replay('orders', type, order.id, true);
    }
    expect(await footprint(order.id, sku)).toEqual(before);
    expect(await tables.deadLetters()).toEqual({});
  });

  it('changes nothing for an order cancelled after a decline', async () => {
    const sku = await productInStock(stack, 10);
    const { token, order } = await placedOrder(stack, sku, 1, 'tok_decline');
    await orderWhen(stack, token, order.id, (o) => o.status === 'CANCELLED' && timelineTypes(o).includes('INVENTORY_RELEASED'), 'the order to be cancelled and its stock released');
    const before = await footprint(order.id, sku);
    expect(before).toMatchObject({ reservations: [{ status: 'RELEASED' }], payments: [{ status: 'FAILED' }], shipments: [] });

    await replay('orders', 'InventoryReservationRequested', order.id, true);
    await replay('orders', 'PaymentAuthorizationRequested', order.id, true);
    // the release is asked once, or twice when the decline overtook the reservation (asked again
    // once the reservation showed up: saga/compensation.ts); every one of them arrives again
    const releases = await tables.recorded('orders', 'ReservationReleaseRequested', order.id);
    expect(releases.length).toBeGreaterThanOrEqual(1);
    for (const release of releases) await replayer.replay(release, { asNew: true });
    expect(await footprint(order.id, sku)).toEqual(before);
    expect((await stockOf(stack, sku))['NJ-FC']).toEqual({ available: 10, reserved: 0, committed: 0, shipped: 0 });
    expect(await tables.deadLetters()).toEqual({});
  });
});
