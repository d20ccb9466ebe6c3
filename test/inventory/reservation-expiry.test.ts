import { afterAll, beforeAll, expect, it } from 'vitest';
import { InventoryReservationRequested } from '../../events/contracts/orders/inventory-reservation-requested.event.js';
import { ReservationCommitRequested } from '../../events/contracts/orders/reservation-commit-requested.event.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { InventoryTables, RequestPublisher, newOrderId, stockByWarehouse, stockedProduct } from './support.js';

/** The 30-minute expiry of uncommitted reservations, with the period shortened to 3 s. */

const TTL_MS = 3_000;

let stack: Stack;
let tables: InventoryTables;
let publisher: RequestPublisher;
let staff: string;
let catalogManager: string;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph], { RESERVATION_TTL_MS: String(TTL_MS), RESERVATION_EXPIRY_POLL_MS: '100' });
  tables = new InventoryTables(stack.env.databaseUrl);
  await tables.connect();
  publisher = await RequestPublisher.connect(stack);
  staff = await stack.tokenFor('WAREHOUSE');
  catalogManager = await stack.tokenFor('CATALOG_MANAGER');
});

afterAll(async () => {
  await publisher?.close();
  await tables?.close();
  await stack?.stop();
});

const customerId = crypto.randomUUID();
const request = (orderId: string, sku: string, quantity: number) =>
  publisher.publish(InventoryReservationRequested, { orderId, customerId, lines: [{ sku, quantity }], shippingRegion: 'NJ', shippingCountry: 'US' }, { correlationId: orderId, customerId });

it('puts the units of a reservation nobody committed back to available, and refuses a late commit', async () => {
  const sku = await stockedProduct(stack, staff, catalogManager, { 'NJ-FC': 12 });
  const orderId = newOrderId();
  await request(orderId, sku, 5);
  const [reserved] = await tables.answers(orderId, ['InventoryReserved']);
  expect((await stockByWarehouse(stack, sku, staff))['NJ-FC']).toMatchObject({ available: 7, reserved: 5 });

  const [expired] = await tables.answers(orderId, ['ReservationExpired']);
  expect(expired).toMatchObject({ correlationId: orderId, causationId: null, customerId });
  expect(expired!.payload).toEqual({ orderId, reservationId: reserved!.payload.reservationId, warehouseId: 'NJ-FC', expiredAt: reserved!.payload.expiresAt });
  expect(Date.parse(reserved!.payload.expiresAt) - Date.now()).toBeLessThan(TTL_MS);
  expect((await stockByWarehouse(stack, sku, staff))['NJ-FC']).toEqual({ available: 12, reserved: 0, committed: 0, shipped: 0 });
  expect((await tables.movements(sku)).at(-1)).toMatchObject({ kind: 'EXPIRED', available: 5, reserved: -5, reference: orderId });

  await publisher.publish(ReservationCommitRequested, { orderId });
  const [rejected] = await tables.answers(orderId, ['ReservationChangeRejected']);
  expect(rejected!.payload).toEqual({ orderId, requested: 'COMMIT', status: 'EXPIRED', reason: 'EXPIRED' });

  // a late repeat of the request hears that it expired, and takes nothing
  await request(orderId, sku, 5);
  const repeats = await tables.answers(orderId, ['ReservationExpired'], 2);
  expect(repeats[1]!.payload).toEqual(expired!.payload);
  expect((await stockByWarehouse(stack, sku, staff))['NJ-FC']).toMatchObject({ available: 12, reserved: 0 });
});

it('never expires a committed reservation', async () => {
  const sku = await stockedProduct(stack, staff, catalogManager, { 'NJ-FC': 4 });
  const orderId = newOrderId();
  await request(orderId, sku, 2);
  await tables.answers(orderId, ['InventoryReserved']);
  await publisher.publish(ReservationCommitRequested, { orderId });
  await tables.answers(orderId, ['ReservationCommitted']);

  // outlive the TTL by a margin while a reservation of another order does expire
  const other = newOrderId();
  await request(other, sku, 1);
  await tables.answers(other, ['ReservationExpired']);
  expect(await tables.reservation(orderId)).toMatchObject({ status: 'COMMITTED' });
  expect((await stockByWarehouse(stack, sku, staff))['NJ-FC']).toEqual({ available: 2, reserved: 0, committed: 2, shipped: 0 });
  expect((await tables.published({ orderId })).map((e) => e.type)).not.toContain('ReservationExpired');
});
