import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryReserved, ReservationCommitted } from '../../events/contracts/inventory/index.js';
import { PaymentCaptured } from '../../events/contracts/payments/index.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { OptimisticLockError, type EntityManager } from '@mikro-orm/postgresql';
import { outboxRow } from '../../events/outbox.js';
import { OrderRepository } from '../../subgraphs/orders/store/order.repository.js';
import { writeSagaSteps, type SagaStepWrite } from '../../subgraphs/orders/store/saga-step.statement.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { Subscriber, wsClient } from '../support/ws.js';
import {
  CANCEL_ORDER,
  DISPATCH,
  EventPublisher,
  ORDER_PAYMENT_AND_SHIPMENTS,
  ORDER_UPDATED,
  OrdersDb,
  RECORD_DELIVERY,
  checkoutCart,
  completeCheckout,
  errorCode,
  ok,
  orderWhen,
  placeOrder,
  readOrder,
  timelineTypes,
  type OrderView,
} from './support.js';

/**
 * SPEC §6 "Order saga" end to end: orders orchestrates the real inventory (seeded stock),
 * payments (stub gateway: tok_decline declines, tok_refund_fail fails refunds) and fulfillment,
 * all through events. Where a test needs an answer twice or late, it plays the participant.
 */

let stack: Stack;
let db: OrdersDb;
let events: EventPublisher;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph], {
    PAYMENT_RETRY_BACKOFF_MS: '50,100',
  });
  db = await new OrdersDb(stack.env.databaseUrl).connect();
  events = await EventPublisher.connect(stack);
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await events?.close();
  await db?.close();
  await stack?.stop();
});

/** A customer's order of seeded products (cart → checkout → placeOrder), shipping to New Jersey. */
async function order(options: { sku?: string; quantity?: number; paymentToken?: string; token?: string } = {}) {
  const customerId = randomUUID();
  const token = options.token ?? (await stack.tokenFor('CUSTOMER', customerId));
  const { response } = await checkoutCart(stack, token, [[options.sku ?? 'DOG-BOWL-001', options.quantity ?? 1]]);
  const checkout = ok(response).checkoutCart;
  await completeCheckout(stack, token, checkout.id, { paymentToken: options.paymentToken ?? 'tok_visa' });
  const placed = await placeOrder(stack, token, checkout.id);
  return { customerId: placed.customer.id, token, order: placed };
}

const withStatus = (status: string) => (o: OrderView) => o.status === status;
const paymentAndShipments = async (token: string, id: string) => ok(await stack.request(ORDER_PAYMENT_AND_SHIPMENTS, { id }, token)).order;

/** Opens a subscription and waits until the edge serves it (authorized, listening). */
async function subscribe(token: string, variables: Record<string, unknown>): Promise<Subscriber> {
  const before = stack.gateway.subscriptions!.stats().subscriptions;
  const subscriber = new Subscriber(connect(token), ORDER_UPDATED, variables);
  await eventually(() => stack.gateway.subscriptions!.stats().subscriptions > before || subscriber.error, { what: 'the subscription to be served' });
  return subscriber;
}

const transitions = (updates: { data?: { orderUpdated: { previousStatus: string | null; status: string } } | null }[]) =>
  updates.map((u) => [u.data!.orderUpdated.previousStatus, u.data!.orderUpdated.status]);

describe('the happy path', () => {
  it('reserves and authorizes, captures, commits and confirms the order, then fulfils it to DELIVERED', async () => {
    const token = await stack.tokenFor('CUSTOMER', randomUUID());
    const mine = await subscribe(token, {});
    const { order: placed } = await order({ quantity: 2, token });

    const confirmed = await orderWhen(stack, token, placed.id, withStatus('CONFIRMED'), 'the order to be CONFIRMED');
    const steps = timelineTypes(confirmed);
    expect(steps).toEqual(expect.arrayContaining(['PLACED', 'INVENTORY_RESERVED', 'PAYMENT_AUTHORIZED', 'PAYMENT_CAPTURED', 'RESERVATION_COMMITTED', 'CONFIRMED', 'FULFILLMENT_REQUESTED']));
    expect(steps.indexOf('PAYMENT_CAPTURED')).toBeGreaterThan(steps.indexOf('INVENTORY_RESERVED'));
    expect(steps.indexOf('PAYMENT_CAPTURED')).toBeGreaterThan(steps.indexOf('PAYMENT_AUTHORIZED'));
    expect(steps.indexOf('CONFIRMED')).toBeGreaterThan(steps.indexOf('RESERVATION_COMMITTED'));

    // the reserving warehouse (New Jersey's) ships it; payments captured the total
    const assigned = await eventually(
      async () => {
        const view = await paymentAndShipments(token, placed.id);
        return view.shipments[0]?.status === 'ASSIGNED' ? view : undefined;
      },
      { what: 'the shipment to be assigned' },
    );
    expect(assigned.payment).toEqual({ status: 'CAPTURED', amount: { cents: placed.total.cents } });
    expect(assigned.shipments[0].warehouse.id).toBe('NJ-FC');
    const [fulfillment] = await db.eventsFor(placed.id, 'FulfillmentRequested');
    expect(fulfillment!.payload).toMatchObject({ warehouseId: 'NJ-FC', items: [{ sku: 'DOG-BOWL-001', quantity: 2 }], shippingMethod: 'STANDARD' });

    const thisOne = await subscribe(token, { orderId: placed.id });
    const warehouse = await stack.tokenFor('WAREHOUSE');
    ok(await stack.request(DISPATCH, { shipmentId: assigned.shipments[0].id }, warehouse));
    await orderWhen(stack, token, placed.id, withStatus('SHIPPED'), 'the order to be SHIPPED');
    ok(await stack.request(RECORD_DELIVERY, { shipmentId: assigned.shipments[0].id, delivered: true }, warehouse));
    const delivered = await orderWhen(stack, token, placed.id, withStatus('DELIVERED'), 'the order to be DELIVERED');
    expect(timelineTypes(delivered)).toEqual(expect.arrayContaining(['SHIPMENT_ASSIGNED', 'SHIPPED', 'DELIVERED']));

    // subscribers see every status change, in order, hydrated through the gateway
    expect(transitions(await mine.received(4, 20_000))).toEqual([
      [null, 'PLACED'],
      ['PLACED', 'CONFIRMED'],
      ['CONFIRMED', 'SHIPPED'],
      ['SHIPPED', 'DELIVERED'],
    ]);
    const updates = await thisOne.received(2, 20_000);
    expect(transitions(updates)).toEqual([
      ['CONFIRMED', 'SHIPPED'],
      ['SHIPPED', 'DELIVERED'],
    ]);
    expect(updates[1]!.data!.orderUpdated.order).toEqual({ id: placed.id, status: 'DELIVERED', total: { cents: placed.total.cents } });
    mine.stop();
    thisOne.stop();
  });

  it("refuses to let another customer subscribe to the order (FORBIDDEN), and never tells them of it", async () => {
    const token = await stack.tokenFor('CUSTOMER', randomUUID());
    const mine = await subscribe(token, {});
    const stranger = await subscribe(await stack.tokenFor('CUSTOMER'), {});
    const { order: placed } = await order({ token });
    expect(transitions(await mine.received(2, 20_000))).toEqual([
      [null, 'PLACED'],
      ['PLACED', 'CONFIRMED'],
    ]);
    expect(stranger.results).toEqual([]);

    const forbidden = new Subscriber(connect(await stack.tokenFor('CUSTOMER')), ORDER_UPDATED, { orderId: placed.id });
    await forbidden.ended();
    const refusal = (forbidden.results[0]?.errors?.[0] ?? (Array.isArray(forbidden.error) ? forbidden.error[0] : undefined)) as { extensions?: { code?: string } } | undefined;
    expect(refusal?.extensions?.code).toBe('FORBIDDEN');
    // staff may watch any order
    const staff = await subscribe(await stack.tokenFor('CUSTOMER_SERVICE'), { orderId: placed.id });
    expect(staff.error).toBeUndefined();
    for (const s of [mine, stranger, staff]) s.stop();
  });
});

describe('failures and compensation', () => {
  it('cancels a declined order as PAYMENT_DECLINED and releases its stock', async () => {
    const { token, order: placed } = await order({ paymentToken: 'tok_decline' });
    const cancelled = await orderWhen(stack, token, placed.id, withStatus('CANCELLED'), 'the order to be CANCELLED');
    expect(cancelled.cancellationReason).toBe('PAYMENT_DECLINED');
    expect(timelineTypes(cancelled)).toContain('PAYMENT_FAILED');
    const [release] = await db.eventsFor(placed.id, 'ReservationReleaseRequested');
    expect(release!.payload.reason).toBe('PAYMENT_DECLINED');
    await orderWhen(stack, token, placed.id, (o) => timelineTypes(o).includes('INVENTORY_RELEASED'), 'inventory to release the stock');
    expect(await db.eventsFor(placed.id, 'PaymentVoidRequested')).toEqual([]);
  });

  it('cancels an order nobody can stock as OUT_OF_STOCK and voids its authorization', async () => {
    const { token, order: placed } = await order({ sku: 'FISH-HEATER-100W' });
    const cancelled = await orderWhen(stack, token, placed.id, withStatus('CANCELLED'), 'the order to be CANCELLED');
    expect(cancelled.cancellationReason).toBe('OUT_OF_STOCK');
    expect(timelineTypes(cancelled)).toContain('OUT_OF_STOCK');
    const [voidRequest] = await db.eventsFor(placed.id, 'PaymentVoidRequested');
    expect(voidRequest!.payload.reason).toBe('OUT_OF_STOCK');
    await orderWhen(stack, token, placed.id, (o) => timelineTypes(o).includes('PAYMENT_VOIDED'), 'payments to void the authorization');
    expect((await paymentAndShipments(token, placed.id)).payment.status).toBe('VOIDED');
    expect(await db.eventsFor(placed.id, 'PaymentCaptureRequested')).toEqual([]);
  });
});

describe('duplicates', () => {
  it('changes nothing when answers are delivered twice or announced again', async () => {
    const { token, order: placed, customerId } = await order();
    // settled: confirmed, and fulfillment's answer (the last one that comes by itself) applied
    await orderWhen(stack, token, placed.id, (o) => timelineTypes(o).includes('SHIPMENT_ASSIGNED'), 'the shipment to be assigned');
    const [reserved] = await db.eventsFor(placed.id, 'FulfillmentRequested');
    const before = { timeline: await db.timelineLength(placed.id), version: await db.sagaVersion(placed.id), recorded: (await db.eventsFor(placed.id)).length };

    const reservation = { orderId: placed.id, reservationId: reserved!.payload.reservationId, warehouseId: 'NJ-FC' };
    const again = [
      await events.publish(InventoryReserved, { ...reservation, lines: [{ sku: 'DOG-BOWL-001', quantity: 1 }], expiresAt: new Date().toISOString() }, { customerId }),
      await events.publish(ReservationCommitted, reservation, { customerId }),
      await events.publish(PaymentCaptured, { orderId: placed.id, paymentId: randomUUID(), amountCents: placed.total.cents, currency: 'USD' }, { customerId }),
    ];
    await events.redeliver(InventoryReserved, again[0]!);
    await events.redeliver(PaymentCaptured, again[2]!);
    for (const envelope of again) await eventually(() => db.handled(envelope.id), { what: `orders to handle ${envelope.type}` });

    expect({ timeline: await db.timelineLength(placed.id), version: await db.sagaVersion(placed.id), recorded: (await db.eventsFor(placed.id)).length }).toEqual(before);
    expect((await db.eventsFor(placed.id, 'PaymentCaptureRequested')).length).toBe(1);
  });
});

describe('the saga row', () => {
  it('hands a step that waited for the saga lock the order as the step before it left it', async () => {
    const { token, order: placed } = await order();
    await orderWhen(stack, token, placed.id, (o) => timelineTypes(o).includes('SHIPMENT_ASSIGNED'), 'the shipment to be assigned');
    const other = new pg.Client({ connectionString: stack.env.databaseUrl });
    await other.connect();
    try {
      // a step in flight: it holds the saga row and changes the order's status columns
      await other.query('begin');
      await other.query('select 1 from orders.order_saga where order_id = $1 for update', [placed.id]);
      await other.query(`update orders.customer_order set status = 'ON_HOLD', status_changes = status_changes + 1 where id = $1`, [placed.id]);
      const em = stack.subgraphs.orders!.runtime.orm.em.fork() as EntityManager;
      const waiting = em.transactional((tx) => new OrderRepository(tx).lockSaga(placed.id));
      await eventually(async () => (await other.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rows[0].n > 0, {
        what: 'the second step to wait for the saga lock',
      });
      await other.query('commit');
      const { order: seen } = (await waiting)!;
      expect({ status: seen.status, statusChanges: seen.statusChanges }).toEqual({ status: 'ON_HOLD', statusChanges: 3 });
    } finally {
      await other.end();
    }
  });

  it('writes none of a step whose saga version moved: OptimisticLockError, and the order, timeline and events stay as they were', async () => {
    const { token, order: placed, customerId } = await order();
    await orderWhen(stack, token, placed.id, (o) => timelineTypes(o).includes('SHIPMENT_ASSIGNED'), 'the shipment to be assigned');
    const before = { timeline: await db.timelineLength(placed.id), version: await db.sagaVersion(placed.id), recorded: (await db.eventsFor(placed.id)).length };

    const em = stack.subgraphs.orders!.runtime.orm.em.fork() as EntityManager;
    const step = em.transactional(async (tx) => {
      const locked = (await new OrderRepository(tx).lockSaga(placed.id))!;
      const now = new Date();
      // written as if read before another step bumped the version
      const stale: SagaStepWrite = {
        saga: { orderId: placed.id, state: { ...locked.saga.state, status: 'CANCELLED' }, updatedAt: now, version: locked.saga.version - 1 },
        order: { id: placed.id, status: 'CANCELLED', cancellationReason: 'stale', updatedAt: now, statusChanges: locked.order.statusChanges + 1 },
        timeouts: [{ kind: 'CONFIRMATION', cancel: true }],
        timeline: [{ orderId: placed.id, type: 'CANCELLED', detail: 'stale', occurredAt: now }],
        statusChanges: [{ orderId: placed.id, sequence: locked.order.statusChanges + 1, status: 'CANCELLED', previousStatus: locked.order.status, reason: 'stale', occurredAt: now }],
        outbox: [outboxRow(stack.env.namespace, ReservationCommitted, { orderId: placed.id, reservationId: randomUUID(), warehouseId: 'NJ-FC' }, { customerId, correlationId: placed.id })],
      };
      await writeSagaSteps(tx, [stale], { last: true });
    });
    await expect(step).rejects.toBeInstanceOf(OptimisticLockError);

    expect({ timeline: await db.timelineLength(placed.id), version: await db.sagaVersion(placed.id), recorded: (await db.eventsFor(placed.id)).length }).toEqual(before);
    expect((await readOrder(stack, token, placed.id)).status).toBe('CONFIRMED');
  });
});

describe('cancellation', () => {
  it('lets the customer cancel a confirmed order within 2 hours: stock released, payment refunded, shipment cancelled', async () => {
    const { token, order: placed } = await order();
    await orderWhen(stack, token, placed.id, withStatus('CONFIRMED'), 'the order to be CONFIRMED');
    const cancelled = ok(await stack.request(CANCEL_ORDER, { orderId: placed.id, reason: 'ordered the wrong size' }, token)).cancelOrder;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'ordered the wrong size' });

    const [refund] = await db.eventsFor(placed.id, 'RefundRequested');
    expect(refund!.payload).toMatchObject({ amountCents: placed.total.cents, currency: 'USD' });
    const settled = await orderWhen(stack, token, placed.id, (o) => ['REFUNDED', 'INVENTORY_RELEASED'].every((t) => timelineTypes(o).includes(t)), 'the refund and the release');
    expect(settled.status).toBe('CANCELLED');
    await eventually(async () => (await paymentAndShipments(token, placed.id)).shipments[0]?.status === 'CANCELLED', { what: 'fulfillment to cancel the shipment' });
    expect((await paymentAndShipments(token, placed.id)).payment.status).toBe('REFUNDED');
  });

  it('refuses the customer after 2 hours (CONFLICT) but lets customer service cancel', async () => {
    const { token, order: placed } = await order();
    await orderWhen(stack, token, placed.id, withStatus('CONFIRMED'), 'the order to be CONFIRMED');
    await db.backdatePlacement(placed.id, 3);
    const refused = await stack.request(CANCEL_ORDER, { orderId: placed.id, reason: 'too late?' }, token);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toMatch(/within 2 hours/);

    const byStaff = ok(await stack.request(CANCEL_ORDER, { orderId: placed.id, reason: 'goodwill' }, await stack.tokenFor('CUSTOMER_SERVICE'))).cancelOrder;
    expect(byStaff.status).toBe('CANCELLED');
  });

  it('refuses anyone once the order shipped (CONFLICT), and strangers altogether (NOT_FOUND)', async () => {
    const { token, order: placed } = await order();
    const shipmentId = await eventually(async () => (await paymentAndShipments(token, placed.id)).shipments.find((s: { status: string }) => s.status === 'ASSIGNED')?.id, {
      what: 'the shipment to be assigned',
    });
    expect(errorCode(await stack.request(CANCEL_ORDER, { orderId: placed.id, reason: 'mine?' }, await stack.tokenFor('CUSTOMER')))).toBe('NOT_FOUND');
    ok(await stack.request(DISPATCH, { shipmentId }, await stack.tokenFor('WAREHOUSE')));
    await orderWhen(stack, token, placed.id, withStatus('SHIPPED'), 'the order to be SHIPPED');
    expect(errorCode(await stack.request(CANCEL_ORDER, { orderId: placed.id, reason: 'changed my mind' }, token))).toBe('CONFLICT');
    expect(errorCode(await stack.request(CANCEL_ORDER, { orderId: placed.id, reason: 'goodwill' }, await stack.tokenFor('ADMIN')))).toBe('CONFLICT');
  });

  it('escalates a refund that fails all its attempts to staff', async () => {
    const { token, order: placed } = await order({ paymentToken: 'tok_refund_fail' });
    await orderWhen(stack, token, placed.id, withStatus('CONFIRMED'), 'the order to be CONFIRMED');
    ok(await stack.request(CANCEL_ORDER, { orderId: placed.id, reason: 'changed my mind' }, token));
    const escalated = await orderWhen(stack, token, placed.id, (o) => timelineTypes(o).includes('REFUND_FAILED'), 'the refund to fail');
    expect(timelineTypes(escalated)).toContain('ALERT_RAISED');
    const alerts = await db.eventsFor(placed.id, 'OrderAlertRaised');
    expect(alerts.map((a) => a.payload.kind)).toEqual(['REFUND_ESCALATED']);
  });
});

function connect(token: string): Client {
  const client = wsClient(stack.wsUrl, token);
  clients.push(client);
  return client;
}
