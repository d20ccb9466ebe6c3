import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { OrdersDb, orderWhen, timelineTypes } from './support.js';
import { placedOrder, productInStock, settlement, stockOf } from './saga-support.js';

/**
 * SPEC §6/§7 through the whole stack: the stub provider's transient failures are retried by
 * payments within the retry matrix (3 attempts with back-off), every attempt recorded on the
 * payment; only a failure that outlasts the matrix is final and cancels the order.
 */

let stack: Stack;
let db: OrdersDb;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph], {
    PAYMENT_RETRY_BACKOFF_MS: '50,100',
  });
  db = await new OrdersDb(stack.env.databaseUrl).connect();
});

afterAll(async () => {
  await db?.close();
  await stack?.stop();
});

const attempt = (operation: string, n: number, failureKind: string | null) => ({ operation, attempt: n, succeeded: failureKind === null, failureKind });

describe('payment retries', () => {
  it('retries a flaky provider and confirms the order; the payment shows the failed and the successful attempts', async () => {
    const sku = await productInStock(stack, 5);
    const { token, order } = await placedOrder(stack, sku, 2, 'tok_flaky');

    const confirmed = await orderWhen(stack, token, order.id, (o) => o.status === 'CONFIRMED', 'the order to be CONFIRMED');
    expect(timelineTypes(confirmed)).not.toContain('PAYMENT_FAILED');
    expect(timelineTypes(confirmed).filter((t) => t === 'PAYMENT_AUTHORIZED')).toHaveLength(1);

    const { payment } = await settlement(stack, order.id);
    expect(payment).toMatchObject({ status: 'CAPTURED', captured: { cents: order.total.cents } });
    // the stub fails every operation of a flaky card once: authorize and capture each took two attempts
    expect(payment!.attemptLog).toEqual([attempt('AUTHORIZE', 1, 'UNAVAILABLE'), attempt('AUTHORIZE', 2, null), attempt('CAPTURE', 1, 'UNAVAILABLE'), attempt('CAPTURE', 2, null)]);
    expect(payment!.attempts).toBe(4);
    // one answer per request reached orders: a retried call is not a second authorization
    expect((await db.eventsFor(order.id, 'PaymentAuthorizationRequested')).length).toBe(1);
    expect((await db.eventsFor(order.id, 'PaymentCaptureRequested')).length).toBe(1);
  });

  it('gives up on a provider that keeps timing out after 3 attempts: CANCELLED PAYMENT_DECLINED, stock released', async () => {
    const sku = await productInStock(stack, 5);
    const { token, order } = await placedOrder(stack, sku, 2, 'tok_timeout');

    const cancelled = await orderWhen(stack, token, order.id, (o) => o.status === 'CANCELLED', 'the order to be CANCELLED');
    expect(cancelled.cancellationReason).toBe('PAYMENT_DECLINED');
    expect(timelineTypes(cancelled)).toContain('PAYMENT_FAILED');

    const { payment, shipments } = await settlement(stack, order.id);
    expect(payment).toMatchObject({ status: 'FAILED', captured: { cents: 0 }, attempts: 3 });
    expect(payment!.attemptLog).toEqual([attempt('AUTHORIZE', 1, 'TIMEOUT'), attempt('AUTHORIZE', 2, 'TIMEOUT'), attempt('AUTHORIZE', 3, 'TIMEOUT')]);
    expect(shipments).toEqual([]);
    expect(await db.eventsFor(order.id, 'PaymentCaptureRequested')).toEqual([]);

    // the reservation made in parallel is released: all 5 units are free again
    await orderWhen(stack, token, order.id, (o) => timelineTypes(o).includes('INVENTORY_RELEASED'), 'inventory to release the stock');
    await eventually(async () => (await stockOf(stack, sku))['NJ-FC']!.available === 5, { what: 'the units to be available again' });
    expect((await stockOf(stack, sku))['NJ-FC']).toEqual({ available: 5, reserved: 0, committed: 0, shipped: 0 });
    const [failed] = await db.eventsFor(order.id, 'OrderStatusChanged').then((events) => events.filter((e) => e.payload.status === 'CANCELLED'));
    expect(failed!.payload).toMatchObject({ previousStatus: 'PLACED', reason: 'PAYMENT_DECLINED' });
  });
});
