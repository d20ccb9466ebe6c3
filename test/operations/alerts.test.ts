import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryFailed } from '../../events/contracts/fulfillment/delivery-failed.event.js';
import { LowStockDetected } from '../../events/contracts/inventory/low-stock-detected.event.js';
import { StockLevelChanged } from '../../events/contracts/inventory/stock-level-changed.event.js';
import { StockLevelsChanged } from '../../events/contracts/inventory/stock-levels-changed.event.js';
import { NotificationFailed } from '../../events/contracts/notifications/notification-failed.event.js';
import { OrderAlertRaised } from '../../events/contracts/orders/order-alert-raised.event.js';
import { RefundCompleted } from '../../events/contracts/payments/refund-completed.event.js';
import { RefundFailed } from '../../events/contracts/payments/refund-failed.event.js';
import { createEnvelope } from '../../events/contract.js';
import type { EventHandler } from '../../events/handler.js';
import { handleOnce } from '../../events/inbox.js';
import { alertHandlers } from '../../subgraphs/operations/handlers/alert.handlers.js';
import { operationsSubgraph } from '../../subgraphs/operations/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { CANCEL_ORDER, EventPublisher, completeCheckout, orderWhen, placeOrder } from '../orders/support.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { Subscriber, wsClient } from '../support/ws.js';
import { ACKNOWLEDGE, ALERT_RAISED, ALERTS, RESOLVE, alertWhen, alertsAbout, errorCode, handlerIdle, ok, type AlertView } from './support.js';

/**
 * SPEC §10 alerts from event flows: orders puts an order ON_HOLD by its confirmation timeout (real,
 * 1.5 s here); the other contexts' events are published as their relays would. Staff hear of each
 * alert on `alertRaised` (on another gateway replica than the one the events were seen by first);
 * customers and guests are refused. The ON_HOLD review target is 2 s here instead of 1 h.
 */

let stack: Stack;
let events: EventPublisher;
let staff: string;
let staffSubscriber: Subscriber<{ alertRaised: any }>;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startStack([ordersSubgraph, operationsSubgraph], {
    ORDER_CONFIRMATION_TIMEOUT_MS: '1500',
    ORDER_TIMEOUT_POLL_MS: '200',
    ON_HOLD_REVIEW_TARGET_MS: '2000',
    ALERT_ESCALATION_POLL_MS: '200',
  });
  events = await EventPublisher.connect(stack);
  staff = await stack.tokenFor('CUSTOMER_SERVICE');
  const replica = await stack.addGatewayReplica();
  const client = wsClient(replica.url.replace(/^http/, 'ws'), staff);
  clients.push(client);
  staffSubscriber = new Subscriber(client, ALERT_RAISED);
  await eventually(() => replica.subscriptions!.stats().subscriptions === 1, { what: 'the staff subscription' });
}, 120_000);

afterAll(async () => {
  staffSubscriber?.stop();
  for (const client of clients) await client.dispose();
  await events?.close();
  await stack?.stop();
});

/** The staff subscriber's alertRaised payload about `subject`, once it arrives. */
const heard = (subject: string) =>
  eventually(() => staffSubscriber.results.map((r) => r.data?.alertRaised).find((a) => a?.subject === subject), { what: `alertRaised about ${subject}`, timeoutMs: 20_000 });

describe('alertRaised', () => {
  it('refuses customers and guests (FORBIDDEN)', async () => {
    for (const role of ['CUSTOMER', 'GUEST'] as const) {
      const client = wsClient(stack.wsUrl, await stack.tokenFor(role));
      clients.push(client);
      const subscriber = new Subscriber(client, ALERT_RAISED);
      await subscriber.ended();
      const error = (subscriber.results[0]?.errors?.[0] ?? (Array.isArray(subscriber.error) ? subscriber.error[0] : undefined)) as { extensions?: { code?: string } } | undefined;
      expect(error?.extensions?.code, role).toBe('FORBIDDEN');
      expect(subscriber.results.some((r) => r.data)).toBe(false);
    }
  });
});

describe('an order put ON_HOLD by the confirmation timeout', () => {
  it('raises one alert, heard by staff, escalated past the review target, resolved when staff close the order', async () => {
    const customerId = randomUUID();
    const customer = await stack.tokenFor('CUSTOMER', customerId);
    const checkoutId = await events.initiateCheckout(customerId, [{ sku: 'DOG-BOWL-001', quantity: 1, unitPriceCents: 1299 }]);
    await completeCheckout(stack, customer, checkoutId);
    const order = await placeOrder(stack, customer, checkoutId);
    await orderWhen(stack, customer, order.id, (o) => o.status === 'ON_HOLD', 'the order to go ON_HOLD');

    const subject = `order:${order.id}`;
    const live = await heard(subject);
    // the payload is read through the gateway: the order's own fields come from orders
    expect(live).toMatchObject({ kind: 'ORDER_ON_HOLD', status: 'OPEN', order: { id: order.id, status: 'ON_HOLD' } });

    // the same cause again (a redelivered or repeated alert) does not open another one
    await events.publish(OrderAlertRaised, { orderId: order.id, customerId, kind: 'ORDER_ON_HOLD', detail: 'again', raisedAt: new Date().toISOString() }, { correlationId: order.id });
    await handlerIdle(stack, 'orders', 'operations', 'alert-on-order-on-hold');

    const escalated = await alertWhen(stack, staff, subject, (a) => a.escalatedAt != null, 'the alert to be escalated');
    expect(escalated.status).toBe('OPEN');
    expect(new Date(escalated.escalatedAt!).getTime() - new Date(escalated.raisedAt).getTime()).toBeGreaterThanOrEqual(2000);
    expect(await alertsAbout(stack, staff, subject)).toHaveLength(1);

    ok(await stack.request(CANCEL_ORDER, { orderId: order.id, reason: 'reviewed' }, staff));
    const resolved = await alertWhen(stack, staff, subject, (a) => a.status === 'RESOLVED', 'the alert to resolve itself');
    expect(resolved).toMatchObject({ resolvedBy: 'system', resolution: 'the order is CANCELLED' });
  });
});

describe('alerts from the other contexts', () => {
  it('escalates a refund that failed for good, once, until it completes', async () => {
    const orderId = randomUUID();
    const refundId = randomUUID();
    const failed = { orderId, paymentId: randomUUID(), refundId, reason: 'provider unavailable', attempts: 3 };
    await events.publish(RefundFailed, failed, { correlationId: orderId });
    const live = await heard(`refund:${refundId}`);
    expect(live).toMatchObject({ kind: 'REFUND_ESCALATED', status: 'OPEN', order: null });
    await events.publish(RefundFailed, failed, { correlationId: orderId });
    await handlerIdle(stack, 'payments', 'operations', 'alert-on-refund-failed');
    const [alert] = await alertsAbout(stack, staff, `refund:${refundId}`);
    expect(alert).toMatchObject({ order: { id: orderId } });
    expect(await alertsAbout(stack, staff, `refund:${refundId}`)).toHaveLength(1);

    await events.publish(RefundCompleted, { orderId, paymentId: failed.paymentId, refundId, amountCents: 1299, currency: 'USD' }, { correlationId: orderId });
    expect(await alertWhen(stack, staff, `refund:${refundId}`, (a) => a.status === 'RESOLVED', 'the refund alert to resolve')).toMatchObject({ resolvedBy: 'system' });
  });

  it('tells customer service to call the customer when delivery failed', async () => {
    const orderId = randomUUID();
    const shipmentId = randomUUID();
    await events.publish(DeliveryFailed, { orderId, shipmentId, attempts: 3 }, { correlationId: orderId });
    const live = await heard(`shipment:${shipmentId}`);
    expect(live.kind).toBe('DELIVERY_FAILED');
    expect(live.summary).toContain('call the customer');
  });

  it('keeps one LOW_STOCK alert per SKU however many movements, resolved when stock is received above the threshold', async () => {
    const sku = `LOW-${randomUUID().slice(0, 8).toUpperCase()}`;
    await events.publish(StockLevelChanged, { sku, totalAvailable: 8, lowStock: true, inStock: true });
    await events.publish(LowStockDetected, { sku, totalAvailable: 8 });
    expect(await heard(`sku:${sku}`)).toMatchObject({ kind: 'LOW_STOCK', sku });
    await events.publish(StockLevelChanged, { sku, totalAvailable: 5, lowStock: true, inStock: true });
    await events.publish(LowStockDetected, { sku, totalAvailable: 5 });
    await handlerIdle(stack, 'inventory', 'operations', 'alert-on-low-stock');
    expect(await alertsAbout(stack, staff, `sku:${sku}`)).toHaveLength(1);

    await events.publish(StockLevelChanged, { sku, totalAvailable: 40, lowStock: false, inStock: true });
    expect(await alertWhen(stack, staff, `sku:${sku}`, (a) => a.status === 'RESOLVED', 'the low-stock alert to resolve')).toMatchObject({ resolution: 'stock is back to 40' });
  });

  it('resolves the LOW_STOCK alerts of several SKUs whose stock comes back at once (one StockLevelsChanged, and one per SKU as earlier releases sent)', async () => {
    const skus = Array.from({ length: 5 }, () => `LOW-${randomUUID().slice(0, 8).toUpperCase()}`);
    for (const sku of skus) {
      await events.publish(StockLevelsChanged, { levels: [{ sku, totalAvailable: 4, lowStock: true, inStock: true }] });
      await events.publish(LowStockDetected, { sku, totalAvailable: 4 });
    }
    for (const sku of skus) await alertWhen(stack, staff, `sku:${sku}`, (a) => a.status === 'OPEN', 'the low-stock alert');
    const levels = skus.map((sku, i) => ({ sku, totalAvailable: 40 + i, lowStock: false, inStock: true }));
    await events.publish(StockLevelsChanged, { levels: levels.slice(0, 3) });
    for (const level of levels.slice(3)) await events.publish(StockLevelChanged, level);
    for (const [i, sku] of skus.entries()) {
      expect(await alertWhen(stack, staff, `sku:${sku}`, (a) => a.status === 'RESOLVED', `the alert of ${sku} to resolve`)).toMatchObject({ resolution: `stock is back to ${40 + i}`, resolvedBy: 'system' });
    }
  });

  it('does not open a low-stock alert for a level already recovered by the time it is handled', async () => {
    const sku = `LOW-${randomUUID().slice(0, 8).toUpperCase()}`;
    const detected = new Date(Date.now() - 1000).toISOString();
    await events.publish(StockLevelChanged, { sku, totalAvailable: 30, lowStock: false, inStock: true });
    await handlerIdle(stack, 'inventory', 'operations', 'resolve-low-stock-alert-on-stock-level');
    // an older LowStockDetected (its envelope time) arrives after the recovery
    const envelope = { ...(await import('../../events/contract.js')).createEnvelope(LowStockDetected, { sku, totalAvailable: 2 }), occurredAt: detected };
    await events.redeliver(LowStockDetected, envelope);
    await handlerIdle(stack, 'inventory', 'operations', 'alert-on-low-stock');
    expect(await alertsAbout(stack, staff, `sku:${sku}`)).toEqual([]);
  });

  it('resolves a low-stock alert whose recovery is handled while the alert is being raised', async () => {
    const sku = `LOW-${randomUUID().slice(0, 8).toUpperCase()}`;
    const { orm, log } = stack.subgraphs.operations!.runtime;
    // the real handler, paused after it wrote the alert and before its transaction commits
    const real = alertHandlers({ eventNamespace: stack.env.namespace }).find((h) => h.options.name === 'alert-on-low-stock')!;
    let written!: () => void;
    const alertWritten = new Promise<void>((resolve) => (written = resolve));
    let commit!: () => void;
    const committing = new Promise<void>((resolve) => (commit = resolve));
    const paused: EventHandler = { ...real, handle: async (event, ctx) => (await real.handle(event, ctx), written(), await committing) };
    const handling = handleOnce(orm, paused, createEnvelope(LowStockDetected, { sku, totalAvailable: 3 }), { log, deliveryCount: 1 });
    await alertWritten;

    // the recovery is handled meanwhile: it must wait for the alert, then resolve it
    await events.publish(StockLevelsChanged, { levels: [{ sku, totalAvailable: 40, lowStock: false, inStock: true }] });
    const waiting = () =>
      orm.em
        .fork()
        .execute<{ n: string }[]>(`select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory' and query like ?`, [`%"${orm.config.get('schema')}".sku_stock%`])
        .then(([row]) => Number(row!.n));
    try {
      await eventually(async () => (await waiting()) === 1, { what: 'the recovery to wait for the alert being raised' });
    } finally {
      commit();
    }
    expect(await handling).toBe('processed');
    expect(await alertWhen(stack, staff, `sku:${sku}`, (a) => a.status === 'RESOLVED', 'the alert to be resolved by the recovery')).toMatchObject({ resolution: 'stock is back to 40' });
  });

  it('raises NOTIFICATION_FAILED for an e-mail that failed for good', async () => {
    const notificationId = randomUUID();
    const orderId = randomUUID();
    await events.publish(NotificationFailed, { notificationId, kind: 'ORDER_CONFIRMED', to: 'ann@critter.test', orderId, attempts: 3, error: '451 try later', permanent: false }, { correlationId: orderId });
    const live = await heard(`notification:${notificationId}`);
    expect(live.kind).toBe('NOTIFICATION_FAILED');
    expect(live.summary).toContain('ann@critter.test');
  });
});

describe('staff working an alert', () => {
  let alert: AlertView;
  beforeAll(async () => {
    const shipmentId = randomUUID();
    await events.publish(DeliveryFailed, { orderId: randomUUID(), shipmentId, attempts: 3 });
    alert = await alertWhen(stack, staff, `shipment:${shipmentId}`, () => true, 'a delivery alert');
  });

  it('acknowledges then resolves it with who, when and a note', async () => {
    const warehouse = await stack.tokenFor('WAREHOUSE', 'staff-warehouse-1');
    const acked = ok(await stack.request(ACKNOWLEDGE, { id: alert.id }, warehouse)).acknowledgeAlert;
    expect(acked).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: 'staff-warehouse-1' });
    // acknowledging again changes nothing
    expect(ok(await stack.request(ACKNOWLEDGE, { id: alert.id }, staff)).acknowledgeAlert).toEqual(acked);
    const done = ok(await stack.request(RESOLVE, { id: alert.id, note: '  customer called, redelivery booked ' }, warehouse)).resolveAlert;
    expect(done).toMatchObject({ status: 'RESOLVED', resolvedBy: 'staff-warehouse-1', resolution: 'customer called, redelivery booked' });
    expect(errorCode(await stack.request(RESOLVE, { id: alert.id }, staff))).toBe('CONFLICT');
    expect(errorCode(await stack.request(ACKNOWLEDGE, { id: alert.id }, staff))).toBe('CONFLICT');
  });

  it('refuses customers, unknown ids and overlong notes, changing nothing', async () => {
    const customer = await stack.tokenFor('CUSTOMER');
    expect(errorCode(await stack.request(ALERTS, {}, customer))).toBe('FORBIDDEN');
    expect(errorCode(await stack.request(ALERTS, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await stack.request(ACKNOWLEDGE, { id: alert.id }, customer))).toBe('FORBIDDEN');
    expect(errorCode(await stack.request(ACKNOWLEDGE, { id: randomUUID() }, staff))).toBe('NOT_FOUND');
    expect(errorCode(await stack.request(RESOLVE, { id: 'nope' }, staff))).toBe('NOT_FOUND');
    expect(errorCode(await stack.request(ALERTS, { after: 'garbage' }, staff))).toBe('BAD_USER_INPUT');
    expect(errorCode(await stack.request(ALERTS, { first: 0 }, staff))).toBe('BAD_USER_INPUT');
  });

  it('lists alerts newest first, filtered and paged', async () => {
    const page1 = ok(await stack.request(ALERTS, { first: 2 }, staff)).alerts;
    expect(page1.nodes).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(await stack.request(ALERTS, { first: 2, after: page1.pageInfo.endCursor }, staff)).alerts;
    expect(page2.nodes[0].id < page1.nodes[1].id).toBe(true);
    const open = ok(await stack.request(ALERTS, { status: 'OPEN', kind: 'DELIVERY_FAILED', first: 100 }, staff)).alerts;
    expect(open.nodes.every((a: AlertView) => a.status === 'OPEN' && a.kind === 'DELIVERY_FAILED')).toBe(true);
    expect(open.nodes.some((a: AlertView) => a.id === alert.id)).toBe(false);
  });
});
