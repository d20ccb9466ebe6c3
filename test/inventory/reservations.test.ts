import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryReservationRequested } from '../../events/contracts/orders/inventory-reservation-requested.event.js';
import { ReservationCommitRequested } from '../../events/contracts/orders/reservation-commit-requested.event.js';
import { ReservationReleaseRequested } from '../../events/contracts/orders/reservation-release-requested.event.js';
import { ReservationShipRequested } from '../../events/contracts/fulfillment/reservation-ship-requested.event.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { InventoryTables, RequestPublisher, aboutSku, availability, newOrderId, stockByWarehouse, stockedProduct, type Quantities } from './support.js';

/**
 * The reservation engine, driven as the order saga and fulfillment drive it: requests published
 * on the broker, answers read from what inventory published.
 */

let stack: Stack;
let tables: InventoryTables;
let publisher: RequestPublisher;
let staff: string;
let catalogManager: string;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph]);
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

const product = (quantities: Quantities) => stockedProduct(stack, staff, catalogManager, quantities);
const stock = (sku: string) => stockByWarehouse(stack, sku, staff);

const customerId = crypto.randomUUID();

function requestReservation(orderId: string, lines: { sku: string; quantity: number }[], region = 'NJ', country = 'US'): Promise<string> {
  return publisher.publish(
    InventoryReservationRequested,
    { orderId, customerId, lines, shippingRegion: region, shippingCountry: country },
    { correlationId: orderId, customerId },
  );
}

const ANSWERS = ['InventoryReserved', 'InventoryReservationFailed', 'ReservationReleased', 'ReservationExpired'];

/** Reserves and waits for the answer. */
async function reserve(orderId: string, lines: { sku: string; quantity: number }[], region = 'NJ', country = 'US') {
  const requestId = await requestReservation(orderId, lines, region, country);
  const [answer] = await tables.answers(orderId, ANSWERS);
  expect(answer!.causationId).toBe(requestId);
  return answer!;
}

describe('choosing the warehouse', () => {
  it('reserves at the warehouse serving the destination when it holds every line', async () => {
    const sku = await product({ 'NJ-FC': 5, 'OH-FC': 5, 'WA-FC': 5 });
    const orderId = newOrderId();
    const answer = await reserve(orderId, [{ sku, quantity: 2 }], 'NY');
    expect(answer.type).toBe('InventoryReserved');
    expect(answer).toMatchObject({ correlationId: orderId, customerId });
    expect(answer.payload).toMatchObject({ orderId, warehouseId: 'NJ-FC', lines: [{ sku, quantity: 2 }] });
    expect(Date.parse(answer.payload.expiresAt)).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect((await stock(sku))['NJ-FC']).toEqual({ available: 3, reserved: 2, committed: 0, shipped: 0 });
  });

  it('goes to the next warehouse in distance order when the nearest lacks a line', async () => {
    const a = await product({ 'NJ-FC': 5, 'OH-FC': 1, 'TX-FC': 9, 'WA-FC': 9 });
    const b = await product({ 'NJ-FC': 0, 'OH-FC': 1, 'TX-FC': 9, 'WA-FC': 9 });
    // NJ's distance order: NJ, OH, TX, WA — OH has one of each, which is enough
    const answer = await reserve(newOrderId(), [{ sku: a, quantity: 1 }, { sku: b, quantity: 1 }], 'PA');
    expect(answer.payload.warehouseId).toBe('OH-FC');
  });

  it('routes the west coast through Kent, then Dallas', async () => {
    const sku = await product({ 'NJ-FC': 9, 'OH-FC': 9, 'TX-FC': 3, 'WA-FC': 2 });
    expect((await reserve(newOrderId(), [{ sku, quantity: 2 }], 'CA')).payload.warehouseId).toBe('WA-FC');
    expect((await reserve(newOrderId(), [{ sku, quantity: 3 }], 'OR')).payload.warehouseId).toBe('TX-FC');
  });

  it('routes destinations no warehouse serves first through Columbus', async () => {
    const sku = await product({ 'NJ-FC': 9, 'OH-FC': 9 });
    expect((await reserve(newOrderId(), [{ sku, quantity: 1 }], 'ON', 'CA')).payload.warehouseId).toBe('OH-FC');
  });
});

describe('all or nothing', () => {
  it('fails the whole order when no single warehouse holds every line, and takes nothing', async () => {
    const a = await product({ 'NJ-FC': 3 });
    const b = await product({ 'WA-FC': 3 });
    const before = { a: await stock(a), b: await stock(b) };
    const orderId = newOrderId();
    const answer = await reserve(orderId, [{ sku: a, quantity: 1 }, { sku: b, quantity: 1 }], 'NJ');
    expect(answer.type).toBe('InventoryReservationFailed');
    expect(answer.payload).toEqual({ orderId, reason: 'OUT_OF_STOCK', unavailable: [{ sku: b, requested: 1, bestAvailable: 3 }] });
    expect({ a: await stock(a), b: await stock(b) }).toEqual(before);
    expect((await tables.movements(a)).filter((m) => m.kind !== 'RECEIVED')).toEqual([]);
  });

  it('never splits one line over warehouses', async () => {
    const sku = await product({ 'NJ-FC': 2, 'OH-FC': 2 });
    const answer = await reserve(newOrderId(), [{ sku, quantity: 3 }]);
    expect(answer.payload).toMatchObject({ reason: 'OUT_OF_STOCK', unavailable: [{ sku, requested: 3, bestAvailable: 2 }] });
  });

  it('treats an unknown SKU as out of stock', async () => {
    const answer = await reserve(newOrderId(), [{ sku: 'NO-SUCH-SKU', quantity: 1 }]);
    expect(answer.type).toBe('InventoryReservationFailed');
  });
});

describe('repeated requests', () => {
  it('reserves once for an order requested twice, and answers both times alike', async () => {
    const sku = await product({ 'NJ-FC': 10 });
    const orderId = newOrderId();
    await Promise.all([requestReservation(orderId, [{ sku, quantity: 4 }]), requestReservation(orderId, [{ sku, quantity: 4 }])]);
    const [first, second] = await tables.answers(orderId, ANSWERS, 2);
    expect([first!.type, second!.type]).toEqual(['InventoryReserved', 'InventoryReserved']);
    expect(second!.payload).toEqual(first!.payload);
    expect((await stock(sku))['NJ-FC']).toEqual({ available: 6, reserved: 4, committed: 0, shipped: 0 });
    expect((await tables.movements(sku)).filter((m) => m.kind === 'RESERVED')).toHaveLength(1);
  });

  it('repeats a failure without trying again, even once stock has arrived', async () => {
    const sku = await product({ 'NJ-FC': 1 });
    const orderId = newOrderId();
    expect((await reserve(orderId, [{ sku, quantity: 2 }])).type).toBe('InventoryReservationFailed');
    await stack.request(/* GraphQL */ `mutation InventoryTestTopUp($sku: ID!) { receiveStock(sku: $sku, warehouseId: "NJ-FC", quantity: 5) { available } }`, { sku }, staff);
    await requestReservation(orderId, [{ sku, quantity: 2 }]);
    const answers = await tables.answers(orderId, ANSWERS, 2);
    expect(answers.map((a) => a.type)).toEqual(['InventoryReservationFailed', 'InventoryReservationFailed']);
    expect((await stock(sku))['NJ-FC']).toMatchObject({ available: 6, reserved: 0 });
  });
});

describe('reservation lifecycle', () => {
  it('commits after payment, then ships: units move reserved → committed → shipped', async () => {
    const sku = await product({ 'OH-FC': 8 });
    const orderId = newOrderId();
    const reserved = await reserve(orderId, [{ sku, quantity: 3 }], 'OH');

    const commitId = await publisher.publish(ReservationCommitRequested, { orderId }, { correlationId: orderId });
    const [committed] = await tables.answers(orderId, ['ReservationCommitted']);
    expect(committed).toMatchObject({ causationId: commitId, customerId, payload: { orderId, reservationId: reserved.payload.reservationId, warehouseId: 'OH-FC' } });
    expect((await stock(sku))['OH-FC']).toEqual({ available: 5, reserved: 0, committed: 3, shipped: 0 });

    await publisher.publish(ReservationShipRequested, { orderId }, { correlationId: orderId });
    const [shipped] = await tables.answers(orderId, ['ReservationShipped']);
    expect(shipped!.payload).toEqual({ orderId, reservationId: reserved.payload.reservationId, warehouseId: 'OH-FC' });
    expect((await stock(sku))['OH-FC']).toEqual({ available: 5, reserved: 0, committed: 0, shipped: 3 });
    expect((await tables.movements(sku)).map((m) => m.kind)).toEqual(['RECEIVED', 'RESERVED', 'COMMITTED', 'SHIPPED']);
  });

  it('moves every line of a multi-line order together: each row once, each line logged, the ledger balanced', async () => {
    const [a, b, c] = await Promise.all([product({ 'TX-FC': 9 }), product({ 'TX-FC': 4 }), product({ 'TX-FC': 6 })]);
    const orderId = newOrderId();
    // two lines of one SKU are one line
    const reserved = await reserve(orderId, [{ sku: a, quantity: 2 }, { sku: b, quantity: 4 }, { sku: a, quantity: 3 }, { sku: c, quantity: 1 }], 'TX');
    expect(reserved.type).toBe('InventoryReserved');
    expect((await tables.reservationRow(orderId))?.expiresAt).toBe(reserved.payload.expiresAt);
    await publisher.publish(ReservationCommitRequested, { orderId }, { correlationId: orderId });
    await tables.answers(orderId, ['ReservationCommitted']);
    expect((await stock(a))['TX-FC']).toEqual({ available: 4, reserved: 0, committed: 5, shipped: 0 });
    expect((await stock(b))['TX-FC']).toEqual({ available: 0, reserved: 0, committed: 4, shipped: 0 });
    expect((await stock(c))['TX-FC']).toEqual({ available: 5, reserved: 0, committed: 1, shipped: 0 });
    for (const sku of [a, b, c]) {
      expect((await tables.movements(sku)).map((m) => m.kind)).toEqual(['RECEIVED', 'RESERVED', 'COMMITTED']);
      for (const { row, logged } of await tables.ledger(sku)) expect(row).toEqual(logged);
    }
  });

  it('re-announces a repeated commit without moving units again', async () => {
    const sku = await product({ 'NJ-FC': 4 });
    const orderId = newOrderId();
    await reserve(orderId, [{ sku, quantity: 1 }]);
    await publisher.publish(ReservationCommitRequested, { orderId });
    await tables.answers(orderId, ['ReservationCommitted']);
    await publisher.publish(ReservationCommitRequested, { orderId });
    const answers = await tables.answers(orderId, ['ReservationCommitted'], 2);
    expect(answers[1]!.payload).toEqual(answers[0]!.payload);
    expect((await stock(sku))['NJ-FC']).toEqual({ available: 3, reserved: 0, committed: 1, shipped: 0 });
  });

  it.each([
    ['a reserved order', false, 'RESERVED'],
    ['a committed (paid) order', true, 'COMMITTED'],
  ])('releases %s back to available', async (_case, commitFirst, previousStatus) => {
    const sku = await product({ 'NJ-FC': 12 });
    const orderId = newOrderId();
    await reserve(orderId, [{ sku, quantity: 5 }]);
    if (commitFirst) {
      await publisher.publish(ReservationCommitRequested, { orderId });
      await tables.answers(orderId, ['ReservationCommitted']);
    }
    await publisher.publish(ReservationReleaseRequested, { orderId, reason: 'PAYMENT_DECLINED' });
    const [released] = await tables.answers(orderId, ['ReservationReleased']);
    expect(released!.payload).toMatchObject({ orderId, warehouseId: 'NJ-FC', reason: 'PAYMENT_DECLINED', previousStatus });
    expect((await stock(sku))['NJ-FC']).toEqual({ available: 12, reserved: 0, committed: 0, shipped: 0 });
    expect((await tables.movements(sku)).at(-1)).toMatchObject({ kind: 'RELEASED', reason: 'PAYMENT_DECLINED', reference: orderId, actor: 'system' });

    // a second release changes nothing and says the same
    await publisher.publish(ReservationReleaseRequested, { orderId, reason: 'CANCELLED' });
    const answers = await tables.answers(orderId, ['ReservationReleased'], 2);
    expect(answers[1]!.payload).toEqual(released!.payload);
    expect((await stock(sku))['NJ-FC']).toMatchObject({ available: 12 });
  });

  it('remembers a release that overtook the request, so the late request takes nothing', async () => {
    const sku = await product({ 'NJ-FC': 3 });
    const orderId = newOrderId();
    await publisher.publish(ReservationReleaseRequested, { orderId, reason: 'ON_HOLD' });
    const [marker] = await tables.answers(orderId, ['ReservationReleased']);
    expect(marker!.payload).toEqual({ orderId, reservationId: null, warehouseId: null, reason: 'ON_HOLD', previousStatus: null });

    await requestReservation(orderId, [{ sku, quantity: 1 }]);
    const answers = await tables.answers(orderId, ANSWERS, 2);
    expect(answers.map((a) => a.type)).toEqual(['ReservationReleased', 'ReservationReleased']);
    expect((await stock(sku))['NJ-FC']).toMatchObject({ available: 3, reserved: 0 });
  });

  it.each([
    ['commit an order it never reserved', 'COMMIT', null, 'NOT_FOUND'],
    ['ship an order it never reserved', 'SHIP', null, 'NOT_FOUND'],
    ['ship before payment was captured', 'SHIP', 'RESERVED', 'NOT_COMMITTED'],
    ['commit a released reservation', 'COMMIT', 'RELEASED', 'RELEASED'],
  ] as const)('rejects a request to %s, changing nothing', async (_case, requested, status, reason) => {
    const sku = await product({ 'NJ-FC': 2 });
    const orderId = newOrderId();
    if (status) await reserve(orderId, [{ sku, quantity: 1 }]);
    if (status === 'RELEASED') {
      await publisher.publish(ReservationReleaseRequested, { orderId, reason: 'CANCELLED' });
      await tables.answers(orderId, ['ReservationReleased']);
    }
    const before = await stock(sku);
    await publisher.publish(requested === 'COMMIT' ? ReservationCommitRequested : ReservationShipRequested, { orderId });
    const [rejected] = await tables.answers(orderId, ['ReservationChangeRejected']);
    expect(rejected!.payload).toEqual({ orderId, requested, status, reason });
    expect(await stock(sku)).toEqual(before);
  });

  it('refuses to release what already shipped', async () => {
    const sku = await product({ 'NJ-FC': 2 });
    const orderId = newOrderId();
    await reserve(orderId, [{ sku, quantity: 1 }]);
    await publisher.publish(ReservationCommitRequested, { orderId });
    await tables.answers(orderId, ['ReservationCommitted']);
    await publisher.publish(ReservationShipRequested, { orderId });
    await tables.answers(orderId, ['ReservationShipped']);
    await publisher.publish(ReservationReleaseRequested, { orderId, reason: 'CANCELLED' });
    const [rejected] = await tables.answers(orderId, ['ReservationChangeRejected']);
    expect(rejected!.payload).toEqual({ orderId, requested: 'RELEASE', status: 'SHIPPED', reason: 'ALREADY_SHIPPED' });
    expect((await stock(sku))['NJ-FC']).toEqual({ available: 1, reserved: 0, committed: 0, shipped: 1 });
  });
});

describe('stock signals of reservations', () => {
  it('announces every change of the total and a low-stock alert when a reservation crosses below 10', async () => {
    const sku = await product({ 'NJ-FC': 12 });
    const orderId = newOrderId();
    await reserve(orderId, [{ sku, quantity: 4 }]); // 12 → 8
    await publisher.publish(ReservationCommitRequested, { orderId }); // total unchanged: no signal
    await tables.answers(orderId, ['ReservationCommitted']);
    await publisher.publish(ReservationReleaseRequested, { orderId, reason: 'CANCELLED' }); // 8 → 12
    await tables.answers(orderId, ['ReservationReleased']);

    const events = await eventually(() => tables.published({ sku }).then((e) => (e.length >= 4 ? e : undefined)), { what: 'stock events' });
    expect(events.map((e) => [e.type, aboutSku(e, sku)?.totalAvailable, aboutSku(e, sku)?.lowStock])).toEqual([
      ['StockLevelsChanged', 12, false],
      ['StockLevelsChanged', 8, true],
      ['LowStockDetected', 8, undefined],
      ['StockLevelsChanged', 12, false],
    ]);
    expect(events[1]!.correlationId).toBe(orderId);
    expect(await availability(stack, sku)).toMatchObject({ totalAvailable: 12, lowStock: false });
  });

  it('announces the new levels of every SKU of a reservation in one StockLevelsChanged, with the low-stock crossings after it', async () => {
    const [a, b, c] = [await product({ 'NJ-FC': 12 }), await product({ 'NJ-FC': 30 }), await product({ 'NJ-FC': 10 })];
    const orderId = newOrderId();
    await reserve(orderId, [
      { sku: a, quantity: 3 }, // 12 → 9: crosses below 10
      { sku: b, quantity: 1 }, // 30 → 29
      { sku: c, quantity: 10 }, // 10 → 0: crosses, out of stock
    ]);
    const isSignal = (e: { type: string }) => e.type === 'StockLevelsChanged' || e.type === 'LowStockDetected';
    const signals = await eventually(() => tables.published({ orderId }).then((e) => (e.filter(isSignal).length >= 3 ? e.filter(isSignal) : undefined)), { what: 'the signals of the reservation' });
    expect(signals.map((e) => e.type)).toEqual(['StockLevelsChanged', 'LowStockDetected', 'LowStockDetected']);
    const bySku = (x: { sku: string }, y: { sku: string }) => x.sku.localeCompare(y.sku);
    expect([...signals[0]!.payload.levels].sort(bySku)).toEqual(
      [
        { sku: a, totalAvailable: 9, lowStock: true, inStock: true },
        { sku: b, totalAvailable: 29, lowStock: false, inStock: true },
        { sku: c, totalAvailable: 0, lowStock: false, inStock: false },
      ].sort(bySku),
    );
    expect(signals.slice(1).map((e) => e.payload as { sku: string }).sort(bySku)).toEqual([{ sku: a, totalAvailable: 9 }, { sku: c, totalAvailable: 0 }].sort(bySku));
  });
});
