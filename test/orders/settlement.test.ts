import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { DISPATCH, RECORD_DELIVERY, ok, orderWhen } from './support.js';
import { ContextTables, placedOrder, productInStock, settlement, stockOf } from './saga-support.js';

/**
 * At the end of the happy path the three ledgers agree (SPEC §4, §6, §7, §8): inventory moved
 * exactly the ordered units (reserved → committed → shipped, nothing else), payments captured
 * exactly the order total once, and fulfillment made exactly one shipment.
 */

let stack: Stack;
let tables: ContextTables;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph]);
  tables = await new ContextTables(stack.env.databaseUrl).connect();
});

afterAll(async () => {
  await tables?.close();
  await stack?.stop();
});

describe('stock, payment and shipment agree', () => {
  it('commits, charges and ships exactly what was ordered', async () => {
    const sku = await productInStock(stack, 12, { priceCents: 1_250 });
    const { token, order } = await placedOrder(stack, sku, 3);
    expect(order.total.cents).toBe(3 * 1_250 + 599);

    await orderWhen(stack, token, order.id, (o) => o.status === 'CONFIRMED', 'the order to be CONFIRMED');
    const assigned = await eventually(
      async () => {
        const view = await settlement(stack, order.id);
        return view.shipments[0]?.status === 'ASSIGNED' ? view : undefined;
      },
      { what: 'the shipment to be assigned' },
    );

    // confirmed: the 3 units are committed to the order, none reserved or lost
    const stock = await stockOf(stack, sku);
    expect(stock['NJ-FC']).toEqual({ available: 9, reserved: 0, committed: 3, shipped: 0 });
    for (const other of ['WA-FC', 'OH-FC', 'TX-FC']) expect(stock[other]).toEqual({ available: 0, reserved: 0, committed: 0, shipped: 0 });
    expect(assigned.payment).toMatchObject({ status: 'CAPTURED', amount: { cents: order.total.cents }, captured: { cents: order.total.cents } });
    expect(assigned.payment!.attemptLog.filter((a) => a.succeeded).map((a) => a.operation)).toEqual(['AUTHORIZE', 'CAPTURE']);
    expect(assigned.shipments).toHaveLength(1);
    expect(assigned.shipments[0]!.warehouse.id).toBe('NJ-FC');

    // dispatched and delivered: the committed units left the warehouse, nothing else moved
    const warehouse = await stack.tokenFor('WAREHOUSE');
    ok(await stack.request(DISPATCH, { shipmentId: assigned.shipments[0]!.id }, warehouse));
    await orderWhen(stack, token, order.id, (o) => o.status === 'SHIPPED', 'the order to be SHIPPED');
    await eventually(async () => (await stockOf(stack, sku))['NJ-FC']!.shipped === 3, { what: 'inventory to ship the reservation' });
    ok(await stack.request(RECORD_DELIVERY, { shipmentId: assigned.shipments[0]!.id, delivered: true }, warehouse));
    await orderWhen(stack, token, order.id, (o) => o.status === 'DELIVERED', 'the order to be DELIVERED');

    expect((await stockOf(stack, sku))['NJ-FC']).toEqual({ available: 9, reserved: 0, committed: 0, shipped: 3 });
    const final = await settlement(stack, order.id);
    expect(final.payment).toMatchObject({ status: 'CAPTURED', captured: { cents: order.total.cents } });
    expect(final.shipments.map((s) => s.status)).toEqual(['DELIVERED']);

    // the same, from each context's own records
    expect(await tables.movements(sku)).toEqual([
      { kind: 'COMMITTED', n: 1, available: 0, reserved: -3, committed: 3, shipped: 0 },
      { kind: 'RECEIVED', n: 1, available: 12, reserved: 0, committed: 0, shipped: 0 },
      { kind: 'RESERVED', n: 1, available: -3, reserved: 3, committed: 0, shipped: 0 },
      { kind: 'SHIPPED', n: 1, available: 0, reserved: 0, committed: -3, shipped: 3 },
    ]);
    expect(await tables.reservations(order.id)).toMatchObject([{ status: 'SHIPPED', warehouse_id: 'NJ-FC' }]);
    expect(await tables.payments(order.id)).toMatchObject([{ status: 'CAPTURED', amount_cents: order.total.cents, captured_cents: order.total.cents }]);
    expect(await tables.shipments(order.id)).toMatchObject([{ status: 'DELIVERED' }]);
  });
});
