import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEnvelope, streamFor } from '../../events/contract.js';
import { CustomerRegistered } from '../../events/contracts/customers/customer-registered.event.js';
import { OrderPlaced } from '../../events/contracts/orders/order-placed.event.js';
import { OrderStatusChanged } from '../../events/contracts/orders/order-status-changed.event.js';
import { handleOnce } from '../../events/inbox.js';
import { mailHandlers } from '../../subgraphs/notifications/handlers/mail-triggers.js';
import { orderSummaryInsert, ProjectionsRepository } from '../../subgraphs/notifications/store/projections.repository.js';
import { eventually } from '../support/config.js';
import { perMessage, TransactionLog } from '../support/transaction-log.js';
import { orderPlaced, placedOrder, publishEvent, registeredCustomer, startNotifications, statusChanged, uniqueEmail, type NotificationsWorld } from './support.js';

/**
 * An order e-mail reads the order and its customer in ONE select (order_summary joined with
 * recipient). What must not change: it goes to the order's own customer with the order's facts,
 * and when either projection is late the event is retried until both are there.
 */
let world: NotificationsWorld;

const log = new TransactionLog();

beforeAll(async () => {
  world = await startNotifications();
  log.install();
});
afterAll(async () => {
  log.uninstall();
  await world?.stop();
});

describe('order e-mails read the order and its customer together', () => {
  it('queues the confirmation in one lookup and one insert, to the order’s own customer', async () => {
    const orm = world.stack.subgraphs.notifications!.runtime.orm;
    const customer = { customerId: randomUUID(), email: uniqueEmail('owner'), firstName: 'Olive', lastName: 'Owner', asOf: new Date() };
    const other = { customerId: randomUUID(), email: uniqueEmail('other'), firstName: 'Oscar', lastName: 'Other', asOf: new Date() };
    const order = orderPlaced(customer.customerId, { number: 'CS-200001' });
    await (orm.em.fork() as EntityManager).transactional(async (em) => {
      const projections = new ProjectionsRepository(em);
      await projections.upsertRecipient(other);
      await projections.upsertRecipient(customer);
      const { orderId, customerId, ...facts } = order;
      const summary = orderSummaryInsert(em.config.get('schema'), orderId, customerId, { ...facts, number: facts.number ?? null, discountCents: 0, couponCode: null, placedAt: new Date(facts.placedAt) });
      await em.execute(summary.sql, [...summary.params], 'run');
    });

    const handler = mailHandlers({ storefrontUrlBase: 'https://shop.example' }).find((h) => h.options.name === 'mail-on-order-status-changed')!;
    const envelope = createEnvelope(
      OrderStatusChanged,
      { orderId: order.orderId, customerId: customer.customerId, status: 'CONFIRMED', previousStatus: 'PLACED', reason: null, occurredAt: new Date().toISOString() },
      { customerId: customer.customerId, correlationId: order.orderId },
    );
    expect(await handleOnce(orm, handler, envelope, { log: world.stack.env.log, deliveryCount: 1 })).toBe('processed');

    const transaction = log.transactionsWith(envelope.id);
    expect(transaction).toHaveLength(1);
    expect(
      transaction[0]!.map(
        perMessage((text) =>
          /^begin/i.test(text) ? 'BEGIN'
          : /^commit/i.test(text) ? 'COMMIT'
          : /^insert into "notifications"\.inbox/.test(text) ? 'inbox'
          : /^select o\.\*, .* from "notifications"\.order_summary o left join "notifications"\.recipient r/.test(text) ? 'order+recipient'
          : /^insert into "notifications"\.notification/.test(text) ? 'e-mail'
          : text.slice(0, 60),
        ),
      ),
    ).toEqual(['BEGIN', 'inbox; order+recipient', 'e-mail', 'COMMIT']);

    const [row] = await world.db.notificationsOf(order.orderId);
    expect(row).toMatchObject({ kind: 'ORDER_CONFIRMED', recipient: customer.email, status: expect.any(String) });
  });

  it('sends the confirmation to the right customer with the order’s facts when the order and the customer are projected after it', async () => {
    const decoy = await registeredCustomer(world, { firstName: 'Dora' });
    const customer = { customerId: randomUUID(), email: uniqueEmail('late'), firstName: 'Lena', lastName: 'Late', registeredAt: new Date().toISOString() };
    const order = orderPlaced(customer.customerId, { number: 'CS-200002', totalCents: 7123, subtotalCents: 6524 });
    const consumer = () =>
      world.stack.subgraphs.notifications!.runtime.broker.jsm.consumers.info(streamFor(world.stack.env.namespace, 'orders').name, 'notifications-mail-on-order-status-changed');
    const deliveredSoFar = async () => (await consumer()).delivered.consumer_seq;

    // the confirmation first: neither the order nor the customer is known yet
    const before = await deliveredSoFar();
    await statusChanged(world, order, 'CONFIRMED');
    await eventually(async () => (await deliveredSoFar()) >= before + 2, { what: 'the confirmation to be tried twice' });
    expect(await world.db.notificationsOf(order.orderId)).toEqual([]);

    // then the order, still without its customer: tried again, still nothing queued
    await publishEvent(world.stack, OrderPlaced, order, { customerId: customer.customerId, correlationId: order.orderId });
    await eventually(() => world.db.orderKnown(order.orderId), { what: 'the order to be projected' });
    const withOrder = await deliveredSoFar();
    await eventually(async () => (await deliveredSoFar()) > withOrder, { what: 'the confirmation to be tried with the order known', timeoutMs: 15_000 });
    expect(await world.db.notificationsOf(order.orderId)).toEqual([]);

    // and the customer last
    await publishEvent(world.stack, CustomerRegistered, customer, { customerId: customer.customerId });
    const email = await eventually(() => world.sink.to(customer.email).find((e) => /is confirmed/.test(e.subject)), { what: 'the confirmation', timeoutMs: 30_000 });
    expect(email.subject).toBe('Your CritterSupply order CS-200002 is confirmed');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('Hi Lena,');
      expect(part).toContain('$71.23');
      expect(part).toContain('12 Kibble Lane');
    }
    expect(world.sink.to(decoy.email)).toEqual([]);
    expect((await world.db.notificationsOf(order.orderId)).map((n) => [n.kind, n.recipient])).toEqual([['ORDER_CONFIRMED', customer.email]]);
  });

  it('queues the e-mails of confirmations that arrive together in one transaction', async () => {
    // one after the other: world.db is one connection
    const customers: Awaited<ReturnType<typeof registeredCustomer>>[] = [];
    for (const firstName of ['Ada', 'Bea', 'Cy']) customers.push(await registeredCustomer(world, { firstName }));
    const orders: Awaited<ReturnType<typeof placedOrder>>[] = [];
    for (const customer of customers) orders.push(await placedOrder(world, customer.customerId));
    log.clear();
    await Promise.all(orders.map((order) => statusChanged(world, order, 'CONFIRMED')));

    const queued = async () => {
      for (const order of orders) if ((await world.db.notificationsOf(order.orderId)).length !== 1) return false;
      return true;
    };
    await eventually(queued, { what: 'the three e-mails queued' });
    const queuedIn = log.transactionsWith('insert into "notifications".notification');
    expect(queuedIn).toHaveLength(1);
    for (const order of orders) expect(queuedIn[0]!.some((text) => text.includes(order.orderId))).toBe(true);
  });

  it('queues the others of such a batch when one order is not projected yet, and that one once it is', async () => {
    const customers: Awaited<ReturnType<typeof registeredCustomer>>[] = [];
    for (const firstName of ['Dee', 'Eve']) customers.push(await registeredCustomer(world, { firstName }));
    const orders: Awaited<ReturnType<typeof placedOrder>>[] = [];
    for (const customer of customers) orders.push(await placedOrder(world, customer.customerId));
    const late = orderPlaced(customers[0]!.customerId);
    await Promise.all([...orders, late].map((order) => statusChanged(world, order, 'CONFIRMED')));

    for (const customer of customers) await eventually(() => world.sink.to(customer.email).find((e) => /is confirmed/.test(e.subject)), { what: `${customer.firstName}'s confirmation` });
    expect(await world.db.notificationsOf(late.orderId)).toEqual([]);
    await publishEvent(world.stack, OrderPlaced, late, { customerId: late.customerId, correlationId: late.orderId });
    await eventually(async () => (await world.db.notificationsOf(late.orderId)).length === 1, { what: 'the late order’s confirmation', timeoutMs: 30_000 });
    for (const order of [...orders, late]) expect((await world.db.notificationsOf(order.orderId)).map((n) => n.kind)).toEqual(['ORDER_CONFIRMED']);
  });
});
