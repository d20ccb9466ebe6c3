import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryReservationRequested } from '../../events/contracts/orders/inventory-reservation-requested.event.js';
import { ReservationCommitRequested } from '../../events/contracts/orders/reservation-commit-requested.event.js';
import { ReservationShipRequested } from '../../events/contracts/fulfillment/reservation-ship-requested.event.js';
import { ReturnReceived } from '../../events/contracts/returns/index.js';
import { streamFor } from '../../events/contract.js';
import { connectBroker } from '../../events/nats.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { InventoryTables, RequestPublisher, aboutSku, newOrderId, stockByWarehouse, stockedProduct } from './support.js';

/**
 * Units customers send back (returns' ReturnReceived): those that passed inspection move from
 * shipped back to available where the order shipped from, once per return, and every unit is
 * still counted once.
 */

let stack: Stack;
let tables: InventoryTables;
let publisher: RequestPublisher;
let staff: string;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph]);
  tables = new InventoryTables(stack.env.databaseUrl);
  await tables.connect();
  publisher = await RequestPublisher.connect(stack);
  staff = await stack.tokenFor('WAREHOUSE');
});

afterAll(async () => {
  await publisher?.close();
  await tables?.close();
  await stack?.stop();
});

const stock = (sku: string) => stockByWarehouse(stack, sku, staff);

/** An order of `quantity` units reserved, committed and shipped from NJ-FC, as the saga and fulfillment drive it. */
async function shippedOrder(sku: string, quantity: number): Promise<string> {
  const orderId = newOrderId();
  const customerId = randomUUID();
  await publisher.publish(InventoryReservationRequested, { orderId, customerId, lines: [{ sku, quantity }], shippingRegion: 'NJ', shippingCountry: 'US' }, { correlationId: orderId });
  await tables.answers(orderId, ['InventoryReserved']);
  await publisher.publish(ReservationCommitRequested, { orderId }, { correlationId: orderId });
  await tables.answers(orderId, ['ReservationCommitted']);
  await publisher.publish(ReservationShipRequested, { orderId }, { correlationId: orderId });
  await eventually(async () => (await tables.reservation(orderId))?.status === 'SHIPPED', { what: 'the reservation to ship' });
  return orderId;
}

async function deadLetters(): Promise<number> {
  const pool = new pg.Pool({ connectionString: stack.env.databaseUrl, max: 1 });
  try {
    return (await pool.query<{ n: number }>('select count(*)::int as n from inventory.dead_letter')).rows[0]!.n;
  } finally {
    await pool.end();
  }
}

/** Resolves once inventory's restock consumer has handled everything published so far. */
async function restockIdle(): Promise<void> {
  const broker = await connectBroker(stack.env.config.nats, stack.env.log);
  try {
    await eventually(
      async () => {
        const info = await broker.jsm.consumers.info(streamFor(stack.env.namespace, 'returns').name, 'inventory-restock-on-return-received');
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      { what: 'the restock consumer to catch up' },
    );
  } finally {
    await broker.close();
  }
}

describe('returned units', () => {
  it('puts accepted units back on the shelf once, leaving written-off ones shipped', async () => {
    const sku = await stockedProduct(stack, staff, await stack.tokenFor('CATALOG_MANAGER'), { 'NJ-FC': 10 });
    const orderId = await shippedOrder(sku, 3);
    expect((await stock(sku))['NJ-FC']).toEqual({ available: 7, reserved: 0, committed: 0, shipped: 3 });

    const received = { returnId: randomUUID(), orderId, warehouseId: 'NJ-FC', items: [{ sku, quantity: 3, acceptedQuantity: 2 }], receivedAt: new Date().toISOString() };
    await publisher.publish(ReturnReceived, received, { correlationId: orderId });
    await eventually(async () => (await stock(sku))['NJ-FC']!.available === 9, { what: 'the accepted units to be restocked' });

    // the same receipt again under a new message id (a replay past the broker's window) restocks nothing
    await publisher.publish(ReturnReceived, received, { correlationId: orderId });
    await restockIdle();
    expect((await stock(sku))['NJ-FC']).toEqual({ available: 9, reserved: 0, committed: 0, shipped: 1 });

    expect(await deadLetters()).toBe(0); // skipped, not failed
    const returned = (await tables.movements(sku)).filter((m) => m.kind === 'RETURNED');
    expect(returned).toEqual([{ warehouseId: 'NJ-FC', kind: 'RETURNED', available: 2, reserved: 0, committed: 0, shipped: -2, actor: 'system', reason: `returned by the customer (order ${orderId})`, reference: received.returnId }]);
    // conservation: the 10 received units are all still counted, and each bucket is its movement log
    for (const { row, logged } of await tables.ledger(sku)) expect(row).toEqual(logged);
    const nj = (await stock(sku))['NJ-FC']!;
    expect(nj.available + nj.reserved + nj.committed + nj.shipped).toBe(10);
    // the SKU's availability changed: carts and the catalogue hear of it
    await eventually(async () => (await tables.published({ type: 'StockLevelsChanged', sku })).some((e) => aboutSku(e, sku)?.totalAvailable === 9), { what: 'StockLevelsChanged' });
  });

  it('moves nothing when every unit was written off', async () => {
    const sku = await stockedProduct(stack, staff, await stack.tokenFor('CATALOG_MANAGER'), { 'NJ-FC': 4 });
    const orderId = await shippedOrder(sku, 2);
    await publisher.publish(ReturnReceived, { returnId: randomUUID(), orderId, warehouseId: 'NJ-FC', items: [{ sku, quantity: 2, acceptedQuantity: 0 }], receivedAt: new Date().toISOString() }, { correlationId: orderId });
    await restockIdle();
    expect((await stock(sku))['NJ-FC']).toEqual({ available: 2, reserved: 0, committed: 0, shipped: 2 });
    expect((await tables.movements(sku)).map((m) => m.kind)).not.toContain('RETURNED');
  });
});
