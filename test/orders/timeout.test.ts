import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryReserved } from '../../events/contracts/inventory/index.js';
import { PaymentCaptured } from '../../events/contracts/payments/index.js';
import { OptimisticLockError } from '@mikro-orm/postgresql';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { OrderSagaEntity } from '../../subgraphs/orders/store/order-saga.entity.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  CANCEL_ORDER,
  CHECKOUT,
  EventPublisher,
  OrdersDb,
  SET_METHOD,
  completeCheckout,
  errorCode,
  ok,
  orderWhen,
  placeOrder,
  timelineTypes,
} from './support.js';

/**
 * SPEC §6 timeouts, with short periods: an order nobody answers goes ON_HOLD (PO: 5 min, here
 * 1.5 s); late answers are compensated; staff close it. A checkout left alone is ABANDONED.
 * Only orders runs: the test plays cart, inventory and payments by publishing their events.
 */

let stack: Stack;
let events: EventPublisher;
let db: OrdersDb;

beforeAll(async () => {
  stack = await startStack([ordersSubgraph], {
    ORDER_CONFIRMATION_TIMEOUT_MS: '1500',
    ORDER_TIMEOUT_POLL_MS: '200',
    CHECKOUT_TTL_MS: '4000',
    CHECKOUT_EXPIRY_SWEEP_MS: '250',
  });
  events = await EventPublisher.connect(stack);
  db = await new OrdersDb(stack.env.databaseUrl).connect();
});

afterAll(async () => {
  await db?.close();
  await events?.close();
  await stack?.stop();
});

async function placedOrder() {
  const customerId = randomUUID();
  const token = await stack.tokenFor('CUSTOMER', customerId);
  const checkoutId = await events.initiateCheckout(customerId, [{ sku: 'DOG-BOWL-001', quantity: 2, unitPriceCents: 1299 }]);
  await completeCheckout(stack, token, checkoutId);
  const order = await placeOrder(stack, token, checkoutId);
  return { customerId, token, checkoutId, order };
}

describe('an order not confirmed in time', () => {
  it('goes ON_HOLD, raises an alert, releases the stock and voids the payment', async () => {
    const { token, order } = await placedOrder();
    expect(order.status).toBe('PLACED');

    const held = await orderWhen(stack, token, order.id, (o) => o.status === 'ON_HOLD', 'the order to go ON_HOLD');
    expect(timelineTypes(held)).toEqual(expect.arrayContaining(['ON_HOLD', 'ALERT_RAISED', 'RESERVATION_RELEASE_REQUESTED', 'PAYMENT_VOID_REQUESTED']));
    const recorded = (await db.eventsFor(order.id)).map((e) => e.type);
    expect(recorded).toEqual(expect.arrayContaining(['OrderAlertRaised', 'ReservationReleaseRequested', 'PaymentVoidRequested']));
    const [alert] = await db.eventsFor(order.id, 'OrderAlertRaised');
    expect(alert!.payload).toMatchObject({ kind: 'ORDER_ON_HOLD', orderId: order.id });
    const statusChanges = await db.eventsFor(order.id, 'OrderStatusChanged');
    expect(statusChanges.map((e) => [e.payload.previousStatus, e.payload.status])).toEqual([
      [null, 'PLACED'],
      ['PLACED', 'ON_HOLD'],
    ]);
    expect(statusChanges.every((e) => e.customerId === order.customer.id)).toBe(true);
  });

  it('refunds a late capture and releases a late reservation, then staff close it as CANCELLED', async () => {
    const { token, order, customerId } = await placedOrder();
    await orderWhen(stack, token, order.id, (o) => o.status === 'ON_HOLD', 'the order to go ON_HOLD');

    await events.publish(PaymentCaptured, { orderId: order.id, paymentId: randomUUID(), amountCents: order.total.cents, currency: 'USD' }, { customerId });
    const refund = await eventually(async () => (await db.eventsFor(order.id, 'RefundRequested'))[0], { what: 'a refund of the late capture' });
    expect(refund.payload).toMatchObject({ amountCents: order.total.cents, reason: 'LATE_CAPTURE' });

    await events.publish(InventoryReserved, { orderId: order.id, reservationId: randomUUID(), warehouseId: 'NJ-FC', lines: [{ sku: 'DOG-BOWL-001', quantity: 2 }], expiresAt: new Date(Date.now() + 1_800_000).toISOString() });
    await eventually(async () => (await db.eventsFor(order.id, 'ReservationReleaseRequested')).some((e) => e.payload.reason === 'LATE_RESERVATION'), {
      what: 'a release of the late reservation',
    });

    // the customer's 2 hours have not passed, but an ON_HOLD order is staff's to close
    const staff = await stack.tokenFor('CUSTOMER_SERVICE');
    const closed = ok(await stack.request(CANCEL_ORDER, { orderId: order.id, reason: 'reviewed: customer asked to drop it' }, staff)).cancelOrder;
    expect(closed.status).toBe('CANCELLED');
    expect(closed.cancellationReason).toBe('reviewed: customer asked to drop it');
    // compensation was done when it went on hold: closing requests nothing new
    expect((await db.eventsFor(order.id, 'RefundRequested')).length).toBe(1);

    const again = await stack.request(CANCEL_ORDER, { orderId: order.id, reason: 'twice' }, staff);
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('refuses warehouse staff closing an order (FORBIDDEN)', async () => {
    const { order } = await placedOrder();
    const res = await stack.request(CANCEL_ORDER, { orderId: order.id, reason: 'not mine to close' }, await stack.tokenFor('WAREHOUSE'));
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});

describe('saga rows', () => {
  it('are optimistically locked: of two steps that read the same version, the later write fails and rolls back', async () => {
    const { order, token } = await placedOrder();
    // once ON_HOLD nothing else writes this saga on its own
    await orderWhen(stack, token, order.id, (o) => o.status === 'ON_HOLD', 'the order to go ON_HOLD');
    const orm = stack.subgraphs.orders!.runtime.orm;
    const [first, second] = [orm.em.fork(), orm.em.fork()];
    const [a, b] = await Promise.all([first.findOneOrFail(OrderSagaEntity, { orderId: order.id }), second.findOneOrFail(OrderSagaEntity, { orderId: order.id })]);
    expect(a.version).toBe(b.version);
    a.state = { ...a.state, cancellationReason: 'first writer' };
    await first.flush();
    b.state = { ...b.state, cancellationReason: 'second writer' };
    await expect(second.flush()).rejects.toBeInstanceOf(OptimisticLockError);
    expect(await db.sagaVersion(order.id)).toBe(a.version);
  });
});

describe('a checkout left untouched', () => {
  it('is ABANDONED after CHECKOUT_TTL_MS and refuses further steps', async () => {
    const customerId = randomUUID();
    const token = await stack.tokenFor('CUSTOMER', customerId);
    const checkoutId = await events.initiateCheckout(customerId, [{ sku: 'CAT-TOY-WAND', quantity: 1, unitPriceCents: 999 }]);
    expect(ok(await stack.request(CHECKOUT, { id: checkoutId }, token)).checkout.status).toBe('IN_PROGRESS');

    await eventually(async () => ok(await stack.request(CHECKOUT, { id: checkoutId }, token)).checkout.status === 'ABANDONED', { what: 'the checkout to be abandoned', timeoutMs: 15_000 });
    const released = await eventually(async () => (await db.eventsFor(checkoutId, 'CheckoutAddressReleased'))[0], { what: 'CheckoutAddressReleased' });
    expect(released.payload).toMatchObject({ checkoutId, outcome: 'ABANDONED' });
    expect(errorCode(await stack.request(SET_METHOD, { checkoutId, method: 'EXPRESS' }, token))).toBe('CONFLICT');
  });
});
