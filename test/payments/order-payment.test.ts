import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentCaptureRequested, RefundRequested } from '../../events/contracts/orders/index.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { PaymentsTables, RequestPublisher, errorCode, subgraphRequest } from './support.js';

/**
 * `Order.payment` and the Payment entity, asked of the payments subgraph the way the gateway's
 * query planner asks it (`_entities` with the caller's token), since orders — which owns the
 * order and its root fields — may not be part of the graph yet. The subgraph enforces ownership
 * itself, from the customer id it stored with the payment.
 */

const ORDER_PAYMENT = `
  query OrderPayment($orderId: ID!) {
    _entities(representations: [{ __typename: "Order", id: $orderId }]) {
      ... on Order {
        id
        payment {
          id
          order { id }
          status
          amount { cents currency formatted }
          captured { cents formatted }
          refunded { cents formatted }
          failureReason
          attempts
          authorizationExpiresAt
          refunds { id amount { cents formatted } status reason createdAt completedAt failureReason }
        }
      }
    }
  }
`;

const ATTEMPT_LOG = `
  query PaymentAttemptLog($orderId: ID!) {
    _entities(representations: [{ __typename: "Order", id: $orderId }]) {
      ... on Order {
        payment {
          attemptLog { operation attempt succeeded failureKind failureMessage refundId startedAt }
        }
      }
    }
  }
`;

const PAYMENT_ENTITY = `
  query PaymentEntity($paymentId: ID!) {
    _entities(representations: [{ __typename: "Payment", id: $paymentId }]) {
      ... on Payment { id status order { id } }
    }
  }
`;

let stack: Stack;
let requests: RequestPublisher;
let tables: PaymentsTables;
let order: { orderId: string; customerId: string; paymentId: string; refundId: string };
let declined: { orderId: string; customerId: string };

beforeAll(async () => {
  stack = await startStack([paymentsSubgraph, catalogSubgraph], { PAYMENT_RETRY_BACKOFF_MS: '10,20' });
  requests = await RequestPublisher.connect(stack);
  tables = new PaymentsTables(stack.env.databaseUrl);

  // one order authorized (flaky provider: 2 attempts), captured, partly refunded; one declined
  const placed = await requests.requestAuthorization({ amountCents: 12_999, paymentToken: 'tok_flaky' });
  const [authorized] = await tables.answers(placed.orderId, ['PaymentAuthorized']);
  const meta = { customerId: placed.customerId, correlationId: placed.orderId };
  await requests.publish(PaymentCaptureRequested, { orderId: placed.orderId, amountCents: 12_999, currency: 'USD' }, meta);
  await tables.answers(placed.orderId, ['PaymentCaptured']);
  const refundId = randomUUID();
  await requests.publish(RefundRequested, { orderId: placed.orderId, refundId, amountCents: 2_999, currency: 'USD', reason: 'ITEM_DAMAGED' }, meta);
  await tables.answers(placed.orderId, ['RefundCompleted']);
  order = { ...placed, paymentId: authorized!.payload.paymentId, refundId };

  declined = await requests.requestAuthorization({ paymentToken: 'tok_decline' });
  await tables.answers(declined.orderId, ['PaymentAuthorizationFailed']);
});
afterAll(async () => {
  await requests?.close();
  await tables?.close();
  await stack?.stop();
});

const paymentOf = (res: { data?: any }) => res.data?._entities?.[0]?.payment;

describe('Order.payment', () => {
  it('shows the order’s customer their payment, its money and its refunds', async () => {
    const res = await subgraphRequest(stack, ORDER_PAYMENT, { orderId: order.orderId }, await stack.tokenFor('CUSTOMER', order.customerId));

    expect(res.errors).toBeUndefined();
    const payment = paymentOf(res);
    expect(payment).toMatchObject({
      id: order.paymentId,
      order: { id: order.orderId },
      status: 'PARTIALLY_REFUNDED',
      amount: { cents: 12_999, currency: 'USD', formatted: '$129.99' },
      captured: { cents: 12_999, formatted: '$129.99' },
      refunded: { cents: 2_999, formatted: '$29.99' },
      failureReason: null,
      attempts: 6, // the flaky provider fails the first call of each: authorize, capture and refund, 2 attempts each
    });
    expect(Date.parse(payment.authorizationExpiresAt)).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    expect(payment.refunds).toEqual([
      { id: order.refundId, amount: { cents: 2_999, formatted: '$29.99' }, status: 'COMPLETED', reason: 'ITEM_DAMAGED', createdAt: expect.any(String), completedAt: expect.any(String), failureReason: null },
    ]);
  });

  it('tells the customer why a payment failed', async () => {
    const res = await subgraphRequest(stack, ORDER_PAYMENT, { orderId: declined.orderId }, await stack.tokenFor('CUSTOMER', declined.customerId));
    expect(paymentOf(res)).toMatchObject({ status: 'FAILED', failureReason: 'card declined', attempts: 1, captured: { cents: 0 }, refunds: [] });
  });

  it.each(['CUSTOMER_SERVICE', 'ADMIN'] as const)('shows any order’s payment to %s', async (role) => {
    const res = await subgraphRequest(stack, ORDER_PAYMENT, { orderId: order.orderId }, await stack.tokenFor(role));
    expect(res.errors).toBeUndefined();
    expect(paymentOf(res)).toMatchObject({ id: order.paymentId });
  });

  it.each([
    ['another customer', 'CUSTOMER'],
    ['warehouse staff', 'WAREHOUSE'],
    ['catalog staff', 'CATALOG_MANAGER'],
    ['a guest', 'GUEST'],
  ] as const)('refuses %s (FORBIDDEN)', async (_who, role) => {
    const res = await subgraphRequest(stack, ORDER_PAYMENT, { orderId: order.orderId }, await stack.tokenFor(role));
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(paymentOf(res)).toBeNull();
  });

  it('asks anonymous callers to sign in (UNAUTHENTICATED)', async () => {
    const res = await subgraphRequest(stack, ORDER_PAYMENT, { orderId: order.orderId });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(paymentOf(res)).toBeNull();
  });

  it('is null for an order without a payment (or an id that is no order id)', async () => {
    const token = await stack.tokenFor('CUSTOMER_SERVICE');
    for (const orderId of [randomUUID(), 'not-a-uuid']) {
      const res = await subgraphRequest(stack, ORDER_PAYMENT, { orderId }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data._entities[0]).toEqual({ id: orderId, payment: null });
    }
  });
});

describe('the attempt log', () => {
  it('shows customer service every provider call, retries included', async () => {
    const res = await subgraphRequest(stack, ATTEMPT_LOG, { orderId: order.orderId }, await stack.tokenFor('CUSTOMER_SERVICE'));
    expect(res.errors).toBeUndefined();
    expect(paymentOf(res).attemptLog.map((a: any) => [a.operation, a.attempt, a.succeeded, a.failureKind, a.refundId])).toEqual([
      ['AUTHORIZE', 1, false, 'UNAVAILABLE', null],
      ['AUTHORIZE', 2, true, null, null],
      ['CAPTURE', 1, false, 'UNAVAILABLE', null],
      ['CAPTURE', 2, true, null, null],
      ['REFUND', 1, false, 'UNAVAILABLE', order.refundId],
      ['REFUND', 2, true, null, order.refundId],
    ]);
  });

  it('is not for customers (FORBIDDEN), not even their own', async () => {
    const res = await subgraphRequest(stack, ATTEMPT_LOG, { orderId: order.orderId }, await stack.tokenFor('CUSTOMER', order.customerId));
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});

describe('the Payment entity', () => {
  it('resolves for its customer and refuses anyone else', async () => {
    const own = await subgraphRequest(stack, PAYMENT_ENTITY, { paymentId: order.paymentId }, await stack.tokenFor('CUSTOMER', order.customerId));
    expect(own.data._entities[0]).toEqual({ id: order.paymentId, status: 'PARTIALLY_REFUNDED', order: { id: order.orderId } });

    const other = await subgraphRequest(stack, PAYMENT_ENTITY, { paymentId: order.paymentId }, await stack.tokenFor('CUSTOMER'));
    expect(errorCode(other)).toBe('FORBIDDEN');
  });
});
