import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentCaptureRequested, RefundRequested } from '../../events/contracts/orders/index.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { FakeStripe, apiError, cardDeclined } from './fake-stripe.js';
import { PaymentsTables, RequestPublisher } from './support.js';

/**
 * The payments subgraph configured for Stripe (PAYMENT_GATEWAY=stripe, STRIPE_API_BASE pointing at
 * a local fake), driven by the saga's requests: what reaches "Stripe" and what payments answers.
 */

let stripe: FakeStripe;
let stack: Stack;
let requests: RequestPublisher;
let tables: PaymentsTables;

beforeAll(async () => {
  stripe = await FakeStripe.start();
  stack = await startStack([paymentsSubgraph, catalogSubgraph], {
    PAYMENT_GATEWAY: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_fake_saga',
    STRIPE_API_BASE: stripe.url,
    PAYMENT_RETRY_BACKOFF_MS: '10,20',
    // the breaker opens after 3 Stripe failures in a row and probes again 5 s later (room for a slow machine in between)
    OUTBOUND_BREAKER_FAILURES: '3',
    OUTBOUND_BREAKER_HALF_OPEN_MS: '5000',
  });
  requests = await RequestPublisher.connect(stack);
  tables = new PaymentsTables(stack.env.databaseUrl);
});
afterAll(async () => {
  await requests?.close();
  await tables?.close();
  await stack?.stop();
  await stripe?.stop();
});

const withMetadata = (orderId: string) => stripe.requests.filter((r) => r.form['metadata[orderId]'] === orderId);

describe('payments through Stripe', () => {
  it('authorizes, captures and refunds on one PaymentIntent, retrying a Stripe error with the same idempotency key', async () => {
    // Stripe's first answer is a server error: the retry matrix tries again with the same key
    stripe.respondNext(apiError());
    const order = await requests.requestAuthorization({ amountCents: 2_599, paymentToken: 'pm_card_visa' });
    const [authorized] = await tables.answers(order.orderId, ['PaymentAuthorized', 'PaymentAuthorizationFailed']);
    expect(authorized!.type).toBe('PaymentAuthorized');
    const paymentId = authorized!.payload.paymentId as string;

    const creates = withMetadata(order.orderId);
    expect(creates).toHaveLength(2);
    for (const create of creates) {
      expect(create.path).toBe('/v1/payment_intents');
      expect(create.headers['idempotency-key']).toBe(`payment-${paymentId}-authorize`);
      expect(create.form).toMatchObject({ amount: '2599', currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', 'metadata[paymentId]': paymentId });
    }
    const payment = await tables.payment(order.orderId);
    expect(payment).toMatchObject({ status: 'AUTHORIZED', attempts: 2 });
    expect(payment.gatewayReference).toMatch(/^pi_fake_/);
    const intent = payment.gatewayReference!;

    const meta = { customerId: order.customerId, correlationId: order.orderId };
    await requests.publish(PaymentCaptureRequested, { orderId: order.orderId, amountCents: 2_599, currency: 'USD' }, meta);
    await tables.answers(order.orderId, ['PaymentCaptured']);
    const refundId = randomUUID();
    await requests.publish(RefundRequested, { orderId: order.orderId, refundId, amountCents: 599, currency: 'USD', reason: 'CANCELLED' }, meta);
    await tables.answers(order.orderId, ['RefundCompleted']);

    const capture = stripe.requestsTo(new RegExp(`^/v1/payment_intents/${intent}/capture$`));
    expect(capture.map((r) => [r.headers['idempotency-key'], r.form.amount_to_capture])).toEqual([[`payment-${paymentId}-capture`, '2599']]);
    const refund = stripe.requests.filter((r) => r.path === '/v1/refunds' && r.form.payment_intent === intent);
    expect(refund.map((r) => [r.headers['idempotency-key'], r.form.amount])).toEqual([[`refund-${refundId}`, '599']]);
    expect(await tables.payment(order.orderId)).toMatchObject({ status: 'PARTIALLY_REFUNDED', capturedCents: 2_599, refundedCents: 599 });
  });

  it('fails the authorization at once when Stripe declines the card', async () => {
    stripe.respondNext(cardDeclined('do_not_honor'));
    const order = await requests.requestAuthorization({ paymentToken: 'pm_card_chargeDeclined' });
    const [answer] = await tables.answers(order.orderId, ['PaymentAuthorized', 'PaymentAuthorizationFailed']);

    expect(answer).toMatchObject({ type: 'PaymentAuthorizationFailed', payload: { retriable: false, attempts: 1 } });
    expect(answer!.payload.reason).toMatch(/do_not_honor/);
    expect(withMetadata(order.orderId)).toHaveLength(1);
  });

  it('Stripe down: the breaker opens and payments fail fast as retriable (the saga retries); Stripe back: the breaker closes', async () => {
    const ready = async () => (await fetch(stack.subgraphs.payments!.url.replace(/\/graphql$/, '/ready'))).json();
    const metrics = async () => (await fetch(stack.subgraphs.payments!.url.replace(/\/graphql$/, '/metrics'))).text();

    // three 500s in a row: the retry matrix's three attempts all reach Stripe, and the third opens the breaker
    stripe.respondNext(apiError(), apiError(), apiError());
    const first = await requests.requestAuthorization({ paymentToken: 'pm_card_visa' });
    const [firstAnswer] = await tables.answers(first.orderId, ['PaymentAuthorized', 'PaymentAuthorizationFailed']);
    expect(firstAnswer).toMatchObject({ type: 'PaymentAuthorizationFailed', payload: { retriable: true, attempts: 3 } });
    expect(withMetadata(first.orderId)).toHaveLength(3);
    expect(await ready()).toEqual({ status: 'ready', outbound: { stripe: 'open' }, openCircuits: ['stripe'] });
    expect(await metrics()).toMatch(/outbound_circuit_state\{[^}]*client="stripe"[^}]*\} 2/);

    // while open: every attempt fails at once without reaching Stripe, recorded as UNAVAILABLE, retriable for the saga
    const second = await requests.requestAuthorization({ paymentToken: 'pm_card_visa' });
    const [secondAnswer] = await tables.answers(second.orderId, ['PaymentAuthorized', 'PaymentAuthorizationFailed']);
    expect(secondAnswer).toMatchObject({ type: 'PaymentAuthorizationFailed', payload: { retriable: true, attempts: 3 } });
    expect(withMetadata(second.orderId)).toHaveLength(0);
    const payment = await tables.payment(second.orderId);
    expect((await tables.attempts(payment.id)).map((a) => a.failureKind)).toEqual(['UNAVAILABLE', 'UNAVAILABLE', 'UNAVAILABLE']);
    expect(await metrics()).toMatch(/outbound_calls_total\{[^}]*client="stripe"[^}]*outcome="short_circuited"[^}]*\} [1-9]/);

    // Stripe answers again: after the half-open delay a probe goes through and the breaker closes
    const authorized = await eventually(
      async () => {
        const retry = await requests.requestAuthorization({ paymentToken: 'pm_card_visa' });
        const [answer] = await tables.answers(retry.orderId, ['PaymentAuthorized', 'PaymentAuthorizationFailed']);
        return answer!.type === 'PaymentAuthorized' && answer;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'an authorization after the breaker closed' },
    );
    expect(authorized.type).toBe('PaymentAuthorized');
    expect(await ready()).toEqual({ status: 'ready', outbound: { stripe: 'closed' }, openCircuits: [] });
  });
});
