import { afterAll, beforeAll, expect, it } from 'vitest';
import { InventoryReservationRequested } from '../../events/contracts/orders/inventory-reservation-requested.event.js';
import { bootSubgraph, type RunningSubgraph } from '../../platform/subgraph-runtime.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { ADJUST, InventoryTables, errorCode, RequestPublisher, availability, newOrderId, stockByWarehouse, stockedProduct } from './support.js';

/**
 * Orders racing for the last units. Two inventory replicas share the durable consumers (as in
 * production), each handling up to 8 requests at once, so reservations really run concurrently
 * against PostgreSQL.
 */

let stack: Stack;
let replica: RunningSubgraph;
let tables: InventoryTables;
let publisher: RequestPublisher;
let staff: string;
let catalogManager: string;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph], { DATABASE_POOL_MAX: '10' });
  replica = await bootSubgraph(inventorySubgraph, stack.env.config, stack.env.log.child({ subgraph: 'inventory-replica' }), { port: 0 });
  tables = new InventoryTables(stack.env.databaseUrl);
  await tables.connect();
  publisher = await RequestPublisher.connect(stack);
  staff = await stack.tokenFor('WAREHOUSE');
  catalogManager = await stack.tokenFor('CATALOG_MANAGER');
});

afterAll(async () => {
  await publisher?.close();
  await tables?.close();
  await replica?.stop();
  await stack?.stop();
});

const REGIONS = ['NJ', 'CA', 'OH', 'TX', 'NY', 'WA', 'IL', 'FL'];

function requestReservation(orderId: string, sku: string, quantity: number, i: number): Promise<string> {
  const customerId = crypto.randomUUID();
  return publisher.publish(
    InventoryReservationRequested,
    { orderId, customerId, lines: [{ sku, quantity }], shippingRegion: REGIONS[i % REGIONS.length]!, shippingCountry: 'US' },
    { correlationId: orderId, customerId },
  );
}

async function outcomes(orderIds: string[]): Promise<Map<string, string>> {
  const answers = await Promise.all(orderIds.map((id) => tables.answers(id, ['InventoryReserved', 'InventoryReservationFailed'])));
  return new Map(answers.map((a, i) => [orderIds[i]!, a[0]!.type]));
}

async function expectLedgerBalanced(sku: string): Promise<void> {
  const ledger = await tables.ledger(sku);
  expect(ledger).toHaveLength(4);
  for (const { warehouseId, row, logged } of ledger) {
    expect(logged, `movement log of ${sku} at ${warehouseId}`).toEqual(row);
    for (const n of row) expect(n).toBeGreaterThanOrEqual(0);
  }
}

it('lets exactly 7 of 40 concurrent orders have the last 7 units, spread over four warehouses', async () => {
  const sku = await stockedProduct(stack, staff, catalogManager, { 'NJ-FC': 3, 'OH-FC': 2, 'TX-FC': 1, 'WA-FC': 1 });
  const orderIds = Array.from({ length: 40 }, newOrderId);
  await Promise.all(orderIds.map((id, i) => requestReservation(id, sku, 1, i)));

  const results = await outcomes(orderIds);
  const won = orderIds.filter((id) => results.get(id) === 'InventoryReserved');
  expect(won).toHaveLength(7);
  expect([...results.values()].filter((t) => t === 'InventoryReservationFailed')).toHaveLength(33);

  // no oversell: every unit reserved once, none left, nothing negative, every move logged
  const stock = await stockByWarehouse(stack, sku, staff);
  expect(stock).toEqual({
    'NJ-FC': { available: 0, reserved: 3, committed: 0, shipped: 0 },
    'WA-FC': { available: 0, reserved: 1, committed: 0, shipped: 0 },
    'OH-FC': { available: 0, reserved: 2, committed: 0, shipped: 0 },
    'TX-FC': { available: 0, reserved: 1, committed: 0, shipped: 0 },
  });
  expect(await availability(stack, sku)).toMatchObject({ inStock: false, totalAvailable: 0 });
  const reserved = (await tables.movements(sku)).filter((m) => m.kind === 'RESERVED');
  expect(reserved).toHaveLength(7);
  expect(new Set(reserved.map((m) => m.reference))).toEqual(new Set(won));
  await expectLedgerBalanced(sku);
});

it('never oversells multi-unit orders racing a staff adjustment', async () => {
  const sku = await stockedProduct(stack, staff, catalogManager, { 'NJ-FC': 10, 'OH-FC': 6 });
  const orderIds = Array.from({ length: 24 }, newOrderId);
  const [adjusted] = await Promise.all([
    stack.request(ADJUST, { sku, warehouseId: 'NJ-FC', delta: -4, reason: 'damaged pallet' }, staff),
    ...orderIds.map((id, i) => requestReservation(id, sku, 1 + (i % 3), i)),
  ]);
  const results = await outcomes(orderIds);

  const stock = await stockByWarehouse(stack, sku, staff);
  const reservedUnits = Object.values(stock).reduce((sum, s) => sum + s.reserved, 0);
  const wonUnits = (await tables.movements(sku)).filter((m) => m.kind === 'RESERVED').reduce((sum, m) => sum + m.reserved, 0);
  // the adjustment may lose the race for NJ's units: then it is refused and changes nothing
  if (adjusted.errors) expect(errorCode(adjusted)).toBe('BAD_USER_INPUT');
  const adjustedUnits = adjusted.errors ? 0 : 4;
  expect(reservedUnits).toBe(wonUnits);
  expect(reservedUnits + Object.values(stock).reduce((sum, s) => sum + s.available, 0)).toBe(16 - adjustedUnits);
  expect([...results.values()].filter((t) => t === 'InventoryReserved').length).toBeGreaterThan(0);
  await expectLedgerBalanced(sku);
});

it('reserves once for one order requested many times at once', async () => {
  const sku = await stockedProduct(stack, staff, catalogManager, { 'NJ-FC': 5 });
  const orderId = newOrderId();
  await Promise.all(Array.from({ length: 10 }, () => requestReservation(orderId, sku, 2, 0)));
  const answers = await tables.answers(orderId, ['InventoryReserved', 'InventoryReservationFailed'], 10);
  expect(new Set(answers.map((a) => JSON.stringify([a.type, a.payload])))).toHaveProperty('size', 1);
  expect((await stockByWarehouse(stack, sku, staff))['NJ-FC']).toEqual({ available: 3, reserved: 2, committed: 0, shipped: 0 });
  await expectLedgerBalanced(sku);
});
