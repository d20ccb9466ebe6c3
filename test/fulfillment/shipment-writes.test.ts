import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, type EventDefinition, type PayloadOf } from '../../events/contract.js';
import { FulfillmentRequested } from '../../events/contracts/orders/fulfillment-requested.event.js';
import { OrderStatusChanged } from '../../events/contracts/orders/order-status-changed.event.js';
import type { EventHandler } from '../../events/handler.js';
import type { Caller } from '../../platform/auth.js';
import type { Orm } from '../../platform/database.js';
import { StubCarrier } from '../../subgraphs/fulfillment/carrier/stub-carrier.js';
import { orderHandlers } from '../../subgraphs/fulfillment/handlers/order.handlers.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { applyCarrierReport } from '../../subgraphs/fulfillment/use-cases/apply-carrier-report.js';
import { dispatchShipment } from '../../subgraphs/fulfillment/use-cases/dispatch-shipment.js';
import { startStack, type Stack } from '../support/stack.js';
import { perMessage, statementKind, TransactionLog } from '../support/transaction-log.js';
import { fulfillmentRequest } from './support.js';

/**
 * What fulfillment writes for an order, and in how many statements: the saga's requests are run
 * through the kit's inbox (handleOnce) on the subgraph's own ORM, with envelopes never published;
 * staff and carrier changes through their use cases. Every statement of the transactions is
 * recorded at `pg.Client#query`. The rows are read back as the old unit-of-work code left them.
 */

let stack: Stack;
let orm: Orm;
let db: pg.Pool;
let handlers: EventHandler[];
const log = new TransactionLog();
const warehouse: Caller = { kind: 'staff', role: 'WAREHOUSE', subject: 'clerk-1' } as Caller;

beforeAll(async () => {
  stack = await startStack([fulfillmentSubgraph]);
  orm = stack.subgraphs.fulfillment!.runtime.orm;
  handlers = orderHandlers({ eventNamespace: stack.env.namespace });
  db = new pg.Pool({ connectionString: stack.env.databaseUrl, max: 2 });
  log.install();
});
afterAll(async () => {
  log.uninstall();
  await db?.end();
  await stack?.stop();
});

/** Handles one saga message as the consumer would; returns its envelope and its transaction's statements. */
async function deliver<D extends EventDefinition>(definition: D, payload: PayloadOf<D>, orderId: string, envelope = createEnvelope(definition, payload, { correlationId: orderId })) {
  const { error, statements } = await log.deliver(orm, handlers.find((h) => h.definition === definition)!, envelope, stack.env.log);
  return { envelope, error, statements: statements.map(perMessage(kind)) };
}

/** The statements of the last finished transaction that named `marker` (a shipment id). */
const lastTransactionWith = (marker: string) => log.transactionsWith(marker).at(-1)!.map(kind);

/** This context's statements by what they do; the rest as every such test names them (statementKind). */
function kind(text: string): string {
  return statementKind(text, (statement) => {
    if (/^select .*order_cancellation.* for update/i.test(statement)) return 'shipment and cancellation read, row locked';
    if (/^select \* from "?\w+"?\.shipment where id = .* for update$/i.test(statement)) return 'shipment row lock';
    if (/^select 1 from "?\w+"?\.carrier_event/i.test(statement)) return 'carrier event seen?';
    return undefined;
  });
}

const shipmentOf = async (orderId: string) => (await db.query(`select * from fulfillment.shipment where order_id = $1`, [orderId])).rows;
const historyOf = async (orderId: string) =>
  (
    await db.query(
      `select h.kind, h.actor, h.detail, h.occurred_at from fulfillment.shipment_history h join fulfillment.shipment s on s.id = h.shipment_id where s.order_id = $1 order by h.id`,
      [orderId],
    )
  ).rows;
/** History rows the failing request would have written, found by their detail: without their shipment no join finds them. */
const orphanHistory = async (orderId: string) =>
  (await db.query(`select count(*)::int as n from fulfillment.shipment_history where detail = $1`, [`Assigned to FAIL-${orderId.slice(0, 8)}`])).rows[0]!.n as number;
const outboxOf = async (orderId: string) =>
  (await db.query(`select type, envelope from fulfillment.outbox where envelope->>'correlationId' = $1 order by seq`, [orderId])).rows as { type: string; envelope: any }[];
const inboxHas = async (messageId: string) => (await db.query(`select 1 from fulfillment.inbox where message_id = $1`, [messageId])).rowCount! > 0;

describe('what a fulfillment request writes', () => {
  it('opens the shipment with one read after the order lock and one write; a repeated request writes nothing', async () => {
    const request = fulfillmentRequest();
    const first = await deliver(FulfillmentRequested, request, request.orderId);
    expect(first.error).toBeNull();
    expect(first.statements).toEqual([
      'BEGIN',
      'inbox and order lock; shipment and cancellation read, row locked',
      'one write: insert shipment + insert shipment_history + insert outbox',
      'COMMIT',
    ]);

    const [shipment, ...others] = await shipmentOf(request.orderId);
    expect(others).toEqual([]);
    expect(shipment).toMatchObject({
      customer_id: request.customerId,
      reservation_id: request.reservationId,
      warehouse_id: 'NJ-FC',
      status: 'ASSIGNED',
      items: request.items,
      shipping_address: request.shippingAddress,
      shipping_method: 'STANDARD',
      carrier: null,
      tracking_number: null,
      delivery_attempts: 0,
      dispatched_at: null,
      cancelled_at: null,
    });
    expect(shipment.assigned_at).toBeInstanceOf(Date);
    expect(shipment.created_at.getTime()).toBe(shipment.updated_at.getTime());
    expect(await historyOf(request.orderId)).toEqual([
      { kind: 'REQUESTED', actor: 'system', detail: 'STANDARD shipping', occurred_at: shipment.assigned_at },
      { kind: 'ASSIGNED', actor: 'system', detail: 'Assigned to NJ-FC', occurred_at: shipment.assigned_at },
    ]);
    const [assigned, ...more] = await outboxOf(request.orderId);
    expect(more).toEqual([]);
    expect(assigned).toMatchObject({
      type: 'ShipmentAssigned',
      envelope: { causationId: first.envelope.id, correlationId: request.orderId, customerId: request.customerId, payload: { orderId: request.orderId, shipmentId: shipment.id, warehouseId: 'NJ-FC' } },
    });

    // the saga retrying under a new message id: judged against the shipment, nothing written
    const repeat = await deliver(FulfillmentRequested, { ...request, warehouseId: 'CA-FC' }, request.orderId);
    expect(repeat.error).toBeNull();
    expect(repeat.statements).toEqual(['BEGIN', 'inbox and order lock; shipment and cancellation read, row locked', 'COMMIT']);
    expect(await shipmentOf(request.orderId)).toEqual([shipment]);
    expect(await historyOf(request.orderId)).toHaveLength(2);
    expect((await outboxOf(request.orderId)).map((row) => row.type)).toEqual(['ShipmentAssigned']);
  });

  it('reads a cancellation that arrived first in the same statement: a CANCELLED shipment, nothing announced', async () => {
    const request = fulfillmentRequest();
    const cancelled = await deliver(
      OrderStatusChanged,
      { orderId: request.orderId, customerId: request.customerId, status: 'CANCELLED', previousStatus: 'PLACED', reason: 'changed my mind', occurredAt: new Date().toISOString() },
      request.orderId,
    );
    expect(cancelled.error).toBeNull();
    expect(cancelled.statements).toEqual(['BEGIN', 'inbox and order lock; shipment and cancellation read, row locked', 'one write: insert order_cancellation', 'COMMIT']);

    const late = await deliver(FulfillmentRequested, request, request.orderId);
    expect(late.error).toBeNull();
    expect(late.statements).toEqual(['BEGIN', 'inbox and order lock; shipment and cancellation read, row locked', 'one write: insert shipment + insert shipment_history', 'COMMIT']);
    const [shipment] = await shipmentOf(request.orderId);
    expect(shipment).toMatchObject({ status: 'CANCELLED', assigned_at: null });
    expect(shipment.cancelled_at).toBeInstanceOf(Date);
    expect((await historyOf(request.orderId)).map((h) => [h.kind, h.detail])).toEqual([
      ['REQUESTED', 'STANDARD shipping'],
      ['CANCELLED', 'Order cancelled before fulfillment'],
    ]);
    expect(await outboxOf(request.orderId)).toEqual([]);
  });

  it('leaves no shipment, history, event or inbox row when its write fails, and opens one on the redelivery', async () => {
    const request = fulfillmentRequest();
    const failingWarehouse = `FAIL-${request.orderId.slice(0, 8)}`;
    // the history part of the write fails (a trigger standing in for any failure of the statement)
    const trigger = `fail_${request.orderId.slice(0, 8)}`;
    await db.query(`create function fulfillment.${trigger}() returns trigger language plpgsql as $$
      begin if new.detail = 'Assigned to ${failingWarehouse}' then raise exception 'history refused'; end if; return new; end $$`);
    await db.query(`create trigger ${trigger} before insert on fulfillment.shipment_history for each row execute function fulfillment.${trigger}()`);
    try {
      const failed = await deliver(FulfillmentRequested, { ...request, warehouseId: failingWarehouse }, request.orderId);
      expect(String(failed.error)).toMatch(/history refused/);
      expect(failed.statements.at(-1)).toBe('ROLLBACK');
      expect(await shipmentOf(request.orderId)).toEqual([]);
      expect(await orphanHistory(request.orderId)).toBe(0);
      expect(await outboxOf(request.orderId)).toEqual([]);
      expect(await inboxHas(failed.envelope.id)).toBe(false);
    } finally {
      await db.query(`drop trigger ${trigger} on fulfillment.shipment_history; drop function fulfillment.${trigger}()`);
    }

    const redelivered = await deliver(FulfillmentRequested, request, request.orderId);
    expect(redelivered.error).toBeNull();
    expect(await shipmentOf(request.orderId)).toHaveLength(1);
    expect((await historyOf(request.orderId)).map((h) => h.kind)).toEqual(['REQUESTED', 'ASSIGNED']);
    expect((await outboxOf(request.orderId)).map((row) => row.type)).toEqual(['ShipmentAssigned']);
  });

  it('dispatches and applies carrier reports in one write each; a scan that moves nothing leaves the shipment row as it was', async () => {
    const request = fulfillmentRequest();
    await deliver(FulfillmentRequested, request, request.orderId);
    const [assigned] = await shipmentOf(request.orderId);
    const deps = { eventNamespace: stack.env.namespace, carrier: new StubCarrier() };

    const returned = await dispatchShipment(deps, { caller: warehouse, em: orm.em.fork() as never }, { shipmentId: assigned.id });
    expect(lastTransactionWith(assigned.id)).toEqual(['BEGIN', 'shipment row lock', 'one write: update shipment + insert shipment_history + insert outbox', 'COMMIT']);
    const [dispatched] = await shipmentOf(request.orderId);
    expect(dispatched).toMatchObject({ status: 'DISPATCHED', carrier: returned.carrier, tracking_number: returned.trackingNumber, tracking_url: returned.trackingUrl, created_at: assigned.created_at });
    // the use case answers the shipment as written
    expect(returned.updatedAt.getTime()).toBe(dispatched.updated_at.getTime());
    expect(returned.dispatchedAt!.getTime()).toBe(dispatched.dispatched_at.getTime());

    const scan = { eventId: `scan-${request.orderId}`, type: 'in_transit' as const, shipmentId: assigned.id, reason: 'arrived at hub' };
    expect(await applyCarrierReport(deps, orm.em.fork() as never, scan)).toEqual({ outcome: 'APPLIED' });
    expect(lastTransactionWith(assigned.id)).toEqual(['BEGIN', 'shipment row lock', 'carrier event seen?', 'one write: insert shipment_history + insert carrier_event', 'COMMIT']);
    expect(await shipmentOf(request.orderId)).toEqual([dispatched]);

    expect(await applyCarrierReport(deps, orm.em.fork() as never, scan)).toEqual({ outcome: 'DUPLICATE' });
    expect(lastTransactionWith(assigned.id)).toEqual(['BEGIN', 'shipment row lock', 'carrier event seen?', 'COMMIT']);

    const delivered = { eventId: `delivered-${request.orderId}`, type: 'delivered' as const, shipmentId: assigned.id };
    expect(await applyCarrierReport(deps, orm.em.fork() as never, delivered)).toEqual({ outcome: 'APPLIED' });
    expect(lastTransactionWith(assigned.id)).toEqual([
      'BEGIN',
      'shipment row lock',
      'carrier event seen?',
      'one write: update shipment + insert shipment_history + insert carrier_event + insert outbox',
      'COMMIT',
    ]);
    const [done] = await shipmentOf(request.orderId);
    expect(done).toMatchObject({ status: 'DELIVERED', carrier: dispatched.carrier });
    expect(done.delivered_at).toBeInstanceOf(Date);
    expect((await historyOf(request.orderId)).map((h) => [h.kind, h.actor, h.detail])).toEqual([
      ['REQUESTED', 'system', 'STANDARD shipping'],
      ['ASSIGNED', 'system', 'Assigned to NJ-FC'],
      ['DISPATCHED', 'clerk-1', `${dispatched.carrier} ${dispatched.tracking_number}`],
      ['IN_TRANSIT', `carrier:${dispatched.carrier}`, 'arrived at hub'],
      ['DELIVERED', `carrier:${dispatched.carrier}`, null],
    ]);
    expect((await outboxOf(request.orderId)).map((row) => row.type)).toEqual(['ShipmentAssigned', 'ReservationShipRequested', 'ShipmentDispatched', 'ShipmentDelivered']);
    expect((await db.query(`select event_id, outcome from fulfillment.carrier_event where shipment_id = $1 order by received_at, event_id`, [assigned.id])).rows).toEqual([
      { event_id: scan.eventId, outcome: 'APPLIED' },
      { event_id: delivered.eventId, outcome: 'APPLIED' },
    ]);
  });
});
