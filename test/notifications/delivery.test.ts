import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OrderStatusChanged } from '../../events/contracts/orders/order-status-changed.event.js';
import { eventually } from '../support/config.js';
import { handlerIdle, placedOrder, publishEnvelope, registeredCustomer, startNotifications, statusChanged, type NotificationsWorld } from './support.js';

/**
 * Delivery guarantees against a real SMTP server: one e-mail per event whatever the broker does,
 * a crash between the server's acceptance and the commit recognisable by the Message-ID, 3
 * attempts on the schedule (shortened here), and a permanent refusal failing at once.
 */
describe('e-mail delivery', () => {
  let world: NotificationsWorld;
  const RETRY_DELAYS_MS = [1_500, 1_500];

  beforeAll(async () => {
    world = await startNotifications({ NOTIFICATION_RETRY_DELAYS_MS: RETRY_DELAYS_MS.join(',') });
  });
  afterEach(async () => {
    world.sink.mode = 'accept';
    world.sink.beforeAccept = undefined;
    if (!world.sink.running) await world.sink.start();
  });
  afterAll(async () => {
    await world?.stop();
  });

  async function confirmedOrder() {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    const event = await statusChanged(world, order, 'CONFIRMED');
    return { customer, order, event };
  }

  const sent = (orderId: string) =>
    eventually(async () => (await world.db.notificationsOf(orderId)).find((n) => n.status === 'SENT'), { what: 'the e-mail to be sent', timeoutMs: 20_000 });

  it('sends one e-mail for an event the broker delivers again, and none when it is replayed after the inbox forgot it', async () => {
    const { customer, order, event } = await confirmedOrder();
    await sent(order.orderId);
    await publishEnvelope(world.stack, OrderStatusChanged, event); // no msgID: stored and delivered a second time
    await handlerIdle(world, 'orders', 'mail-on-order-status-changed');
    await world.db.forgetInbox();
    await publishEnvelope(world.stack, OrderStatusChanged, event); // the row's uniqueness still holds
    await handlerIdle(world, 'orders', 'mail-on-order-status-changed');

    const rows = await world.db.notificationsOf(order.orderId);
    expect(rows.map((r) => [r.kind, r.status, r.attempts])).toEqual([['ORDER_CONFIRMED', 'SENT', 1]]);
    expect(world.sink.to(customer.email)).toHaveLength(1);
  });

  it('resends with the same Message-ID when the sender died between the acceptance and its commit', async () => {
    let cut = 0;
    world.sink.beforeAccept = async () => {
      if (cut++ === 0) await world.db.terminateSenderTransactions();
    };
    const { customer, order } = await confirmedOrder();
    const row = await sent(order.orderId);

    const copies = world.sink.to(customer.email);
    expect(copies.length).toBeGreaterThanOrEqual(1);
    expect(new Set(copies.map((c) => c.messageId))).toEqual(new Set([`<notification.${row.id}@crittersupply.dev>`]));
    expect(world.sink.distinct().filter((e) => e.to.includes(customer.email))).toHaveLength(1);
    expect(cut).toBeGreaterThanOrEqual(2); // the first acceptance was lost with its transaction: sent again
  });

  it('retries on schedule while the SMTP server is down, across a restart, and delivers when it is back', async () => {
    await world.sink.stop();
    const { customer, order } = await confirmedOrder();
    const firstFailure = await eventually(async () => (await world.db.notificationsOf(order.orderId)).find((n) => n.attempts === 1), { what: 'the first attempt to fail' });
    expect(firstFailure.status).toBe('QUEUED');
    expect(firstFailure.lastError).toMatch(/ECONNREFUSED|connect/i);

    // the schedule is in PostgreSQL: a restarted process keeps it
    await world.stack.restartSubgraph('notifications', { whileStopped: () => world.sink.start() });
    const row = await sent(order.orderId);
    expect(row.attempts).toBe(2);
    expect(world.sink.to(customer.email)).toHaveLength(1);
  });

  it('fails after 3 attempts and publishes NotificationFailed when the server never comes back', async () => {
    await world.sink.stop();
    const { customer, order } = await confirmedOrder();
    const row = await eventually(async () => (await world.db.notificationsOf(order.orderId)).find((n) => n.status === 'FAILED'), { what: 'the e-mail to fail', timeoutMs: 30_000 });
    expect(row.attempts).toBe(3);

    const failures = (await world.db.failureEvents()).filter((e) => e.payload.notificationId === row.id);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      customerId: customer.customerId,
      correlationId: order.orderId,
      payload: { kind: 'ORDER_CONFIRMED', to: customer.email, orderId: order.orderId, attempts: 3, permanent: false },
    });
  });

  it('fails at once, without retries, when the server refuses the address for good (5xx)', async () => {
    world.sink.mode = 'refuse-permanently';
    const { customer, order } = await confirmedOrder();
    const row = await eventually(async () => (await world.db.notificationsOf(order.orderId)).find((n) => n.status === 'FAILED'), { what: 'the e-mail to fail' });
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/550/);
    const failures = (await world.db.failureEvents()).filter((e) => e.payload.notificationId === row.id);
    expect(failures.map((f) => f.payload)).toEqual([expect.objectContaining({ permanent: true, attempts: 1, to: customer.email })]);
    expect(world.sink.to(customer.email)).toEqual([]);
  });

  it('retries a temporary refusal (4xx) on the schedule', async () => {
    world.sink.mode = 'refuse-temporarily';
    const { customer, order } = await confirmedOrder();
    await eventually(async () => (await world.db.notificationsOf(order.orderId)).find((n) => n.attempts === 1 && n.status === 'QUEUED'), { what: 'the first attempt to be refused' });
    world.sink.mode = 'accept';
    const row = await sent(order.orderId);
    expect(row.attempts).toBe(2);
    expect(world.sink.to(customer.email)).toHaveLength(1);
  });
});
