import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PaymentCaptureRequested, PaymentVoidRequested, RefundRequested } from '../../events/contracts/orders/index.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { StubPaymentGateway } from '../../subgraphs/payments/adapters/payment-gateway/stub-payment-gateway.js';
import { AUTHORIZATION_VALIDITY_MS } from '../../subgraphs/payments/domain/payment.js';
import { createPaymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { PaymentsTables, RequestPublisher, TestClock } from './support.js';

/**
 * Payments driven as the order saga drives it: orders' requests published on the broker, answers
 * read from what payments published, rows read from its tables. The stub gateway stands in for
 * the provider (tokens choose its behaviour); a movable clock lets an authorization's 7 days pass.
 * Catalog is booted only because a supergraph needs a Query root.
 */

let stack: Stack;
let requests: RequestPublisher;
let tables: PaymentsTables;
const gateway = new StubPaymentGateway();
const clock = new TestClock();

beforeAll(async () => {
  stack = await startStack([createPaymentsSubgraph({ gateway, clock: clock.now }), catalogSubgraph], { PAYMENT_RETRY_BACKOFF_MS: '20,40' });
  requests = await RequestPublisher.connect(stack);
  tables = new PaymentsTables(stack.env.databaseUrl);
});
afterAll(async () => {
  await requests?.close();
  await tables?.close();
  await stack?.stop();
});
afterEach(() => clock.reset());

const providerCalls = (idempotencyKey: string) => gateway.calls.filter((c) => c.idempotencyKey === idempotencyKey);

/** An order whose payment is authorized (and captured when `captureCents` is given). */
async function authorizedOrder(options: { amountCents?: number; paymentToken?: string; captureCents?: number } = {}) {
  const order = await requests.requestAuthorization({ amountCents: options.amountCents ?? 10_000, paymentToken: options.paymentToken });
  const [authorized] = await tables.answers(order.orderId, ['PaymentAuthorized']);
  if (options.captureCents !== undefined) {
    await requests.publish(PaymentCaptureRequested, { orderId: order.orderId, amountCents: options.captureCents, currency: 'USD' }, { customerId: order.customerId, correlationId: order.orderId });
    await tables.answers(order.orderId, ['PaymentCaptured']);
  }
  return { ...order, paymentId: authorized!.payload.paymentId as string };
}

const refund = (order: { orderId: string; customerId: string }, amountCents: number, refundId = randomUUID()) =>
  requests
    .publish(RefundRequested, { orderId: order.orderId, refundId, amountCents, currency: 'USD', reason: 'CANCELLED' }, { customerId: order.customerId, correlationId: order.orderId })
    .then(() => refundId);

describe('authorizing a payment', () => {
  it('holds the amount for 7 days and answers PaymentAuthorized for the order and its customer', async () => {
    const before = Date.now();
    const { orderId, customerId, requestId } = await requests.requestAuthorization({ amountCents: 4_999 });
    const [answer] = await tables.answers(orderId, ['PaymentAuthorized', 'PaymentAuthorizationFailed']);

    expect(answer).toMatchObject({ type: 'PaymentAuthorized', correlationId: orderId, causationId: requestId, customerId });
    expect(answer!.payload).toMatchObject({ orderId, amountCents: 4_999, currency: 'USD' });
    const expiresAt = Date.parse(answer!.payload.authorizationExpiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(AUTHORIZATION_VALIDITY_MS);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(AUTHORIZATION_VALIDITY_MS);

    const payment = await tables.payment(orderId);
    expect(payment).toMatchObject({ id: answer!.payload.paymentId, status: 'AUTHORIZED', customerId, amountCents: 4_999, attempts: 1 });
    expect(payment.gatewayReference).toMatch(/^pi_stub_/);
    expect(await tables.attempts(payment.id)).toEqual([
      { operation: 'AUTHORIZE', attempt: 1, outcome: 'SUCCEEDED', failureKind: null, idempotencyKey: `payment-${payment.id}-authorize`, refundId: null },
    ]);
  });

  it('fails at once, not retriable, when the card is declined', async () => {
    const { orderId } = await requests.requestAuthorization({ paymentToken: 'tok_decline_insufficient_funds' });
    const [answer] = await tables.answers(orderId, ['PaymentAuthorized', 'PaymentAuthorizationFailed']);

    expect(answer!.type).toBe('PaymentAuthorizationFailed');
    expect(answer!.payload).toMatchObject({ reason: 'card declined', retriable: false, attempts: 1 });
    const payment = await tables.payment(orderId);
    expect(payment).toMatchObject({ status: 'FAILED', failureReason: 'card declined', attempts: 1 });
    expect((await tables.attempts(payment.id)).map((a) => a.failureKind)).toEqual(['DECLINED']);
  });

  it('retries a provider that times out, and fails after the third attempt', async () => {
    const { orderId } = await requests.requestAuthorization({ paymentToken: 'tok_timeout' });
    const [answer] = await tables.answers(orderId, ['PaymentAuthorized', 'PaymentAuthorizationFailed']);

    expect(answer!.type).toBe('PaymentAuthorizationFailed');
    expect(answer!.payload).toMatchObject({ retriable: true, attempts: 3 });
    const payment = await tables.payment(orderId);
    expect(payment).toMatchObject({ status: 'FAILED', attempts: 3 });
    const attempts = await tables.attempts(payment.id);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.failureKind])).toEqual([
      [1, 'FAILED', 'TIMEOUT'],
      [2, 'FAILED', 'TIMEOUT'],
      [3, 'FAILED', 'TIMEOUT'],
    ]);
    // every attempt of one authorization carries the same key: a late success can never double-charge
    expect(new Set(attempts.map((a) => a.idempotencyKey))).toEqual(new Set([`payment-${payment.id}-authorize`]));
  });

  it('succeeds on the second attempt when the provider fails once', async () => {
    const { orderId } = await requests.requestAuthorization({ paymentToken: 'tok_flaky' });
    const [answer] = await tables.answers(orderId, ['PaymentAuthorized', 'PaymentAuthorizationFailed']);

    expect(answer!.type).toBe('PaymentAuthorized');
    const payment = await tables.payment(orderId);
    expect(payment).toMatchObject({ status: 'AUTHORIZED', attempts: 2 });
    expect((await tables.attempts(payment.id)).map((a) => [a.outcome, a.failureKind])).toEqual([
      ['FAILED', 'UNAVAILABLE'],
      ['SUCCEEDED', null],
    ]);
  });

  it('charges once when the same order is requested twice at the same time, and answers both', async () => {
    const orderId = randomUUID();
    const customerId = randomUUID();
    await Promise.all([
      requests.requestAuthorization({ orderId, customerId, amountCents: 2_000 }),
      requests.requestAuthorization({ orderId, customerId, amountCents: 2_000 }),
    ]);
    const answers = await tables.answers(orderId, ['PaymentAuthorized', 'PaymentAuthorizationFailed'], 2);

    expect(answers.map((a) => a.type)).toEqual(['PaymentAuthorized', 'PaymentAuthorized']);
    expect(answers[1]!.payload).toEqual(answers[0]!.payload); // the repeat re-announces the first answer
    const payments = await tables.payments(orderId);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.attempts).toBe(1);
    expect(providerCalls(`payment-${payments[0]!.id}-authorize`)).toHaveLength(1);
  });

  it('re-announces a decline to a repeated request without calling the provider again', async () => {
    const first = await requests.requestAuthorization({ paymentToken: 'tok_decline' });
    await tables.answers(first.orderId, ['PaymentAuthorizationFailed']);
    await requests.requestAuthorization({ orderId: first.orderId, customerId: first.customerId, paymentToken: 'tok_visa' });
    const answers = await tables.answers(first.orderId, ['PaymentAuthorized', 'PaymentAuthorizationFailed'], 2);

    expect(answers.map((a) => a.type)).toEqual(['PaymentAuthorizationFailed', 'PaymentAuthorizationFailed']);
    const payment = await tables.payment(first.orderId);
    expect(payment).toMatchObject({ status: 'FAILED', attempts: 1 });
  });
});

describe('capturing a payment', () => {
  it('captures at most the authorized amount', async () => {
    const order = await authorizedOrder({ amountCents: 5_000 });
    const meta = { customerId: order.customerId, correlationId: order.orderId };

    await requests.publish(PaymentCaptureRequested, { orderId: order.orderId, amountCents: 5_001, currency: 'USD' }, meta);
    const [refused] = await tables.answers(order.orderId, ['PaymentCaptured', 'PaymentCaptureFailed']);
    expect(refused!.type).toBe('PaymentCaptureFailed');
    expect(refused!.payload).toMatchObject({ paymentId: order.paymentId, reason: 'capture exceeds the authorized amount', attempts: 0 });
    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'AUTHORIZED', capturedCents: 0 });
    expect(providerCalls(`payment-${order.paymentId}-capture`)).toHaveLength(0);

    await requests.publish(PaymentCaptureRequested, { orderId: order.orderId, amountCents: 4_500, currency: 'USD' }, meta);
    const [captured] = await tables.answers(order.orderId, ['PaymentCaptured']);
    expect(captured!.payload).toEqual({ orderId: order.orderId, paymentId: order.paymentId, amountCents: 4_500, currency: 'USD' });
    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'CAPTURED', capturedCents: 4_500, failureReason: null, attempts: 2 });
  });

  it('re-announces a capture already made without charging again', async () => {
    const order = await authorizedOrder({ amountCents: 3_000, captureCents: 3_000 });
    await requests.publish(PaymentCaptureRequested, { orderId: order.orderId, amountCents: 3_000, currency: 'USD' }, { customerId: order.customerId, correlationId: order.orderId });
    const answers = await tables.answers(order.orderId, ['PaymentCaptured'], 2);

    expect(answers[1]!.payload).toEqual(answers[0]!.payload);
    expect(providerCalls(`payment-${order.paymentId}-capture`)).toHaveLength(1);
  });

  it('fails with "authorization expired" once the 7-day hold has lapsed', async () => {
    const order = await authorizedOrder({ amountCents: 2_500 });
    clock.advance(AUTHORIZATION_VALIDITY_MS + 60_000);
    await requests.publish(PaymentCaptureRequested, { orderId: order.orderId, amountCents: 2_500, currency: 'USD' }, { customerId: order.customerId, correlationId: order.orderId });
    const [answer] = await tables.answers(order.orderId, ['PaymentCaptured', 'PaymentCaptureFailed']);

    expect(answer!.type).toBe('PaymentCaptureFailed');
    expect(answer!.payload).toMatchObject({ paymentId: order.paymentId, reason: 'authorization expired' });
    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'AUTHORIZED', capturedCents: 0, failureReason: 'authorization expired' });
    expect(providerCalls(`payment-${order.paymentId}-capture`)).toHaveLength(0);
  });

  it('retries a capture the provider fails once', async () => {
    const order = await authorizedOrder({ amountCents: 1_500, paymentToken: 'tok_flaky_capture', captureCents: 1_500 });
    const payment = await tables.payment(order.orderId);
    expect((await tables.attempts(payment.id)).filter((a) => a.operation === 'CAPTURE').map((a) => a.outcome)).toEqual(['FAILED', 'SUCCEEDED']);
  });
});

describe('voiding a payment', () => {
  it('releases an uncaptured authorization', async () => {
    const order = await authorizedOrder({ amountCents: 7_000 });
    await requests.publish(PaymentVoidRequested, { orderId: order.orderId, reason: 'OUT_OF_STOCK' }, { customerId: order.customerId, correlationId: order.orderId });
    const [voided] = await tables.answers(order.orderId, ['PaymentVoided']);

    expect(voided!.payload).toEqual({ orderId: order.orderId, paymentId: order.paymentId, authorized: true });
    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'VOIDED' });
    expect(providerCalls(`payment-${order.paymentId}-void`).map((c) => c.outcome)).toEqual(['ok']);

    // a capture after the void has nothing to take
    await requests.publish(PaymentCaptureRequested, { orderId: order.orderId, amountCents: 7_000, currency: 'USD' }, { customerId: order.customerId, correlationId: order.orderId });
    const [late] = await tables.answers(order.orderId, ['PaymentCaptured', 'PaymentCaptureFailed']);
    expect(late).toMatchObject({ type: 'PaymentCaptureFailed', payload: { reason: 'authorization voided' } });
  });

  it('records a lapsed hold as voided without calling the provider', async () => {
    const order = await authorizedOrder();
    clock.advance(AUTHORIZATION_VALIDITY_MS);
    await requests.publish(PaymentVoidRequested, { orderId: order.orderId, reason: 'ON_HOLD' }, { customerId: order.customerId, correlationId: order.orderId });
    await tables.answers(order.orderId, ['PaymentVoided']);

    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'VOIDED' });
    expect(providerCalls(`payment-${order.paymentId}-void`)).toHaveLength(0);
  });

  it('remembers a void that overtook the authorization request, so the late request charges nothing', async () => {
    const orderId = randomUUID();
    const customerId = randomUUID();
    await requests.publish(PaymentVoidRequested, { orderId, reason: 'CANCELLED' }, { customerId, correlationId: orderId });
    const [voided] = await tables.answers(orderId, ['PaymentVoided']);
    expect(voided!.payload).toMatchObject({ orderId, authorized: false });

    await requests.requestAuthorization({ orderId, customerId, amountCents: 9_999 });
    const answers = await tables.answers(orderId, ['PaymentVoided', 'PaymentAuthorized', 'PaymentAuthorizationFailed'], 2);
    expect(answers.map((a) => a.type)).toEqual(['PaymentVoided', 'PaymentVoided']);
    const payment = await tables.payment(orderId);
    expect(payment).toMatchObject({ status: 'VOIDED', amountCents: 0, attempts: 0, customerId });
    expect(gateway.calls.filter((c) => c.idempotencyKey.includes(payment.id))).toHaveLength(0);
  });

  it('answers a void of a captured payment with its capture, so the saga refunds instead', async () => {
    const order = await authorizedOrder({ amountCents: 1_000, captureCents: 1_000 });
    await requests.publish(PaymentVoidRequested, { orderId: order.orderId, reason: 'ON_HOLD' }, { customerId: order.customerId, correlationId: order.orderId });
    await tables.answers(order.orderId, ['PaymentCaptured'], 2);

    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'CAPTURED' });
    expect((await tables.published(order.orderId)).map((e) => e.type)).not.toContain('PaymentVoided');
  });
});

describe('refunding a payment', () => {
  it('refunds part of the capture, then the rest, and never twice for one refund id', async () => {
    const order = await authorizedOrder({ amountCents: 10_000, captureCents: 10_000 });

    const first = await refund(order, 3_000);
    const [partial] = await tables.answers(order.orderId, ['RefundCompleted', 'RefundFailed']);
    expect(partial).toMatchObject({ type: 'RefundCompleted', payload: { refundId: first, paymentId: order.paymentId, amountCents: 3_000, currency: 'USD', totalRefundedCents: 3_000 } });
    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedCents: 3_000 });

    await refund(order, 3_000, first); // the saga asks again for the same refund
    const repeated = await tables.answers(order.orderId, ['RefundCompleted', 'RefundFailed'], 2);
    expect(repeated[1]!.payload).toEqual(repeated[0]!.payload);

    await refund(order, 7_000);
    const answers = await tables.answers(order.orderId, ['RefundCompleted', 'RefundFailed'], 3);
    expect(answers[2]).toMatchObject({ type: 'RefundCompleted', payload: { amountCents: 7_000, totalRefundedCents: 10_000 } });
    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'REFUNDED', refundedCents: 10_000 });
    expect(providerCalls(`refund-${first}`)).toHaveLength(1);
    expect(await tables.refund(first)).toMatchObject({ status: 'COMPLETED', amountCents: 3_000, attempts: 1 });
  });

  it('refunds a whole capture at once', async () => {
    const order = await authorizedOrder({ amountCents: 6_000, captureCents: 4_000 });
    await refund(order, 4_000);
    await tables.answers(order.orderId, ['RefundCompleted']);
    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'REFUNDED', capturedCents: 4_000, refundedCents: 4_000 });
  });

  it('never refunds more than was captured', async () => {
    const order = await authorizedOrder({ amountCents: 5_000, captureCents: 5_000 });
    await refund(order, 3_000);
    await tables.answers(order.orderId, ['RefundCompleted']);

    const tooMuch = await refund(order, 2_001);
    const answers = await tables.answers(order.orderId, ['RefundCompleted', 'RefundFailed'], 2);
    expect(answers[1]).toMatchObject({ type: 'RefundFailed', payload: { refundId: tooMuch, attempts: 0 } });
    expect(answers[1]!.payload.reason).toMatch(/^refund exceeds the captured amount/);
    expect(providerCalls(`refund-${tooMuch}`)).toHaveLength(0);
    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedCents: 3_000 });
    expect(await tables.refund(tooMuch)).toMatchObject({ status: 'FAILED' });
  });

  it('escalates a refund the provider keeps failing: 3 attempts, then RefundFailed', async () => {
    const order = await authorizedOrder({ amountCents: 8_000, paymentToken: 'tok_refund_fail', captureCents: 8_000 });
    const refundId = await refund(order, 8_000);
    const [failed] = await tables.answers(order.orderId, ['RefundCompleted', 'RefundFailed']);

    expect(failed).toMatchObject({ type: 'RefundFailed', customerId: order.customerId, payload: { orderId: order.orderId, paymentId: order.paymentId, refundId, attempts: 3 } });
    expect(await tables.refund(refundId)).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'CAPTURED', refundedCents: 0 });
    const refundAttempts = (await tables.attempts(order.paymentId)).filter((a) => a.operation === 'REFUND');
    expect(refundAttempts.map((a) => [a.attempt, a.failureKind, a.refundId, a.idempotencyKey])).toEqual([
      [1, 'UNAVAILABLE', refundId, `refund-${refundId}`],
      [2, 'UNAVAILABLE', refundId, `refund-${refundId}`],
      [3, 'UNAVAILABLE', refundId, `refund-${refundId}`],
    ]);
  });
});
