import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, type EventDefinition, type PayloadOf } from '../../events/contract.js';
import { InventoryReservationRequested, ReservationCommitRequested, ReservationReleaseRequested } from '../../events/contracts/orders/index.js';
import type { EventHandler } from '../../events/handler.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { reservationHandlers } from '../../subgraphs/inventory/handlers/reservation.handlers.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { perMessage, statementKind, TransactionLog } from '../support/transaction-log.js';
import { stockByWarehouse, stockedProduct } from './support.js';

/**
 * What one saga request makes inventory send, message by message: the handlers run through the
 * kit's inbox (handleOnce) on the subgraph's own ORM, with envelopes never published, and every
 * statement of the handler's transaction is recorded at `pg.Client#query`. The order's lock rides
 * with the inbox row in the message of the reservation's read, and the stock rows' lock follows in
 * it; a copy of a request stops there.
 */

let stack: Stack;
let db: pg.Pool;
let handlers: EventHandler[];
let staff: string;
let catalogManager: string;

const log = new TransactionLog();

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph]);
  handlers = reservationHandlers({ eventNamespace: stack.env.namespace, reservationTtlMs: 30 * 60_000 });
  db = new pg.Pool({ connectionString: stack.env.databaseUrl, max: 2 });
  staff = await stack.tokenFor('WAREHOUSE');
  catalogManager = await stack.tokenFor('CATALOG_MANAGER');
  log.install();
});
afterAll(async () => {
  log.uninstall();
  await db?.end();
  await stack?.stop();
});

const customerId = randomUUID();

/** Handles one request as the consumer would; returns its envelope and its transaction's messages. */
async function deliver<D extends EventDefinition>(definition: D, payload: PayloadOf<D>, orderId: string, envelope = createEnvelope(definition, payload, { correlationId: orderId, customerId })) {
  const { error, statements } = await log.deliver(stack.subgraphs.inventory!.runtime.orm, handlers.find((h) => h.definition === definition)!, envelope, stack.env.log);
  return { envelope, error, statements: statements.map(perMessage(kind)) };
}

/** This context's statements by what they do; the rest as every such test names them (statementKind). */
function kind(text: string): string {
  return statementKind(text, (statement) => {
    if (/^select now\(\).* from "?\w+"?\.reservation .*for update/is.test(statement)) return 'reservation row lock';
    if (/^select .* from "?\w+"?\.stock_level .*for update/is.test(statement)) return 'stock rows lock';
    return undefined;
  });
}

const reservationOf = async (orderId: string) =>
  (await db.query(`select status, warehouse_id, lines, expires_at, created_at from inventory.reservation where order_id = $1`, [orderId])).rows;
const answersOf = async (orderId: string) =>
  (await db.query(`select type, envelope from inventory.outbox where envelope->>'correlationId' = $1 and type not in ('StockLevelsChanged', 'LowStockDetected') order by seq`, [orderId])).rows as {
    type: string;
    envelope: any;
  }[];
const inboxHas = async (messageId: string) => (await db.query(`select 1 from inventory.inbox where message_id = $1`, [messageId])).rowCount! > 0;

describe('what a saga request makes inventory send', () => {
  it('reserves and commits in two messages each: the order lock travels with the inbox row, the reservation read and the stock rows\' lock', async () => {
    const sku = await stockedProduct(stack, staff, catalogManager, { 'NJ-FC': 5 });
    const orderId = randomUUID();
    const reserve = await deliver(InventoryReservationRequested, { orderId, customerId, lines: [{ sku, quantity: 2 }], shippingRegion: 'NJ', shippingCountry: 'US' }, orderId);
    expect(reserve.error).toBeNull();
    expect(reserve.statements).toEqual([
      'BEGIN',
      'inbox and order lock; reservation row lock; stock rows lock',
      'one write: update stock_level + insert stock_movement + insert reservation + insert outbox',
      'COMMIT',
    ]);
    const [reserved] = await reservationOf(orderId);
    expect(reserved).toMatchObject({ status: 'RESERVED', warehouse_id: 'NJ-FC', lines: [{ sku, quantity: 2 }] });
    // the expiry is counted from the database clock the read answered with (the transaction's start)
    expect(reserved.expires_at.getTime() - reserved.created_at.getTime()).toBeGreaterThan(30 * 60_000 - 60_000);
    expect(reserved.expires_at.getTime() - reserved.created_at.getTime()).toBeLessThan(30 * 60_000 + 60_000);
    expect(await inboxHas(reserve.envelope.id)).toBe(true);

    const commit = await deliver(ReservationCommitRequested, { orderId }, orderId);
    expect(commit.error).toBeNull();
    expect(commit.statements).toEqual([
      'BEGIN',
      'inbox and order lock; reservation row lock; stock rows lock',
      'one write: update stock_level + insert stock_movement + update reservation + insert outbox',
      'COMMIT',
    ]);
    expect((await reservationOf(orderId))[0]).toMatchObject({ status: 'COMMITTED' });
    expect((await stockByWarehouse(stack, sku, staff))['NJ-FC']).toEqual({ available: 3, reserved: 0, committed: 2, shipped: 0 });
    expect((await answersOf(orderId)).map((row) => [row.type, row.envelope.causationId])).toEqual([
      ['InventoryReserved', reserve.envelope.id],
      ['ReservationCommitted', commit.envelope.id],
    ]);
  });

  it('answers a release of an order it never saw with a marker, the reservation read finding no row', async () => {
    const orderId = randomUUID();
    const release = await deliver(ReservationReleaseRequested, { orderId, reason: 'PAYMENT_DECLINED' }, orderId);
    expect(release.error).toBeNull();
    expect(release.statements).toEqual(['BEGIN', 'inbox and order lock; reservation row lock; stock rows lock', 'one write: insert reservation + insert outbox', 'COMMIT']);
    expect((await reservationOf(orderId))[0]).toMatchObject({ status: 'RELEASED', warehouse_id: null });
    expect((await answersOf(orderId)).map((row) => row.type)).toEqual(['ReservationReleased']);
  });

  it('stops a copy of a request handled before at its first message: no stock changed, nothing written', async () => {
    const sku = await stockedProduct(stack, staff, catalogManager, { 'NJ-FC': 4 });
    const orderId = randomUUID();
    const payload = { orderId, customerId, lines: [{ sku, quantity: 1 }], shippingRegion: 'NJ', shippingCountry: 'US' };
    const first = await deliver(InventoryReservationRequested, payload, orderId);
    expect(first.error).toBeNull();
    const before = await stockByWarehouse(stack, sku, staff);

    log.clear(); // the copy's transaction carries the same envelope id
    const copy = await deliver(InventoryReservationRequested, payload, orderId, first.envelope);
    expect(copy.error).toBeNull();
    expect(copy.statements).toEqual(['BEGIN', 'inbox and order lock; reservation row lock; stock rows lock', 'ROLLBACK']);
    expect(await stockByWarehouse(stack, sku, staff)).toEqual(before);
    expect((await answersOf(orderId)).map((row) => row.type)).toEqual(['InventoryReserved']);
  });
});
