import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PaymentGatewayError } from '../../subgraphs/payments/adapters/payment-gateway/payment-gateway.js';
import { StripePaymentGateway, stripePolicy } from '../../subgraphs/payments/adapters/payment-gateway/stripe-payment-gateway.js';
import { createPaymentGateway } from '../../subgraphs/payments/adapters/payment-gateway/index.js';
import { idempotencyKeys } from '../../subgraphs/payments/domain/idempotency-keys.js';
import { loadConfig } from '../../platform/config.js';
import { OutboundClients } from '../../platform/outbound/outbound-clients.js';
import { eventually } from '../support/config.js';
import { FakeStripe, apiError, cardDeclined } from './fake-stripe.js';

/** The Stripe adapter against a local fake of Stripe's API that checks what it receives. */

const SECRET = 'sk_test_fake_critter';
const paymentId = '0193a1c2-0000-7000-8000-000000000001';
const orderId = '0193a1c2-0000-7000-8000-0000000000aa';
const refundId = '0193a1c2-0000-7000-8000-0000000000bb';
const usd = (cents: number) => ({ cents, currency: 'USD' });

let stripe: FakeStripe;
let gateway: StripePaymentGateway;

beforeAll(async () => {
  stripe = await FakeStripe.start();
  // a breaker that never opens here: these tests are about the adapter; the policy has its own below
  const outbound = new OutboundClients({ ...loadConfig({}).outbound, breakerFailures: 1_000 });
  gateway = new StripePaymentGateway({ secretKey: SECRET, apiBase: stripe.url, timeoutMs: 500, policy: stripePolicy(outbound, 500) });
});
afterAll(async () => {
  await stripe?.stop();
});
beforeEach(() => {
  stripe.requests.length = 0;
});

async function failureOf(promise: Promise<unknown>): Promise<PaymentGatewayError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PaymentGatewayError);
  return err as PaymentGatewayError;
}

const authorize = (amountCents = 12_345) =>
  gateway.authorize({ paymentId, orderId, amount: usd(amountCents), paymentToken: 'pm_card_visa', idempotencyKey: idempotencyKeys.authorize(paymentId) });

describe('the Stripe payment gateway', () => {
  it('authorizes with a manual-capture PaymentIntent in cents, confirmed at once, with our idempotency key', async () => {
    const { reference } = await authorize();
    expect(reference).toMatch(/^pi_fake_/);
    expect(stripe.requests).toHaveLength(1);
    const [request] = stripe.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/payment_intents' });
    expect(request!.headers['idempotency-key']).toBe(`payment-${paymentId}-authorize`);
    expect(request!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(request!.form).toMatchObject({
      amount: '12345',
      currency: 'usd',
      capture_method: 'manual',
      confirm: 'true',
      payment_method: 'pm_card_visa',
      'payment_method_types[0]': 'card',
      'metadata[orderId]': orderId,
      'metadata[paymentId]': paymentId,
    });
  });

  it('captures, voids and refunds on the PaymentIntent, each with its own idempotency key', async () => {
    await gateway.capture({ reference: 'pi_fake_7', amount: usd(10_000), idempotencyKey: idempotencyKeys.capture(paymentId) });
    await gateway.void({ reference: 'pi_fake_8', idempotencyKey: idempotencyKeys.void(paymentId) });
    const refund = await gateway.refund({ reference: 'pi_fake_7', refundId, amount: usd(2_500), idempotencyKey: idempotencyKeys.refund(refundId) });
    expect(refund.reference).toMatch(/^re_fake_/);

    expect(stripe.requests.map((r) => [r.method, r.path, r.headers['idempotency-key']])).toEqual([
      ['POST', '/v1/payment_intents/pi_fake_7/capture', `payment-${paymentId}-capture`],
      ['POST', '/v1/payment_intents/pi_fake_8/cancel', `payment-${paymentId}-void`],
      ['POST', '/v1/refunds', `refund-${refundId}`],
    ]);
    expect(stripe.requests[0]!.form).toEqual({ amount_to_capture: '10000' });
    expect(stripe.requests[2]!.form).toMatchObject({ payment_intent: 'pi_fake_7', amount: '2500', 'metadata[refundId]': refundId });
  });

  it('turns a card error into a decline that is not retried', async () => {
    stripe.respondNext(cardDeclined());
    const failure = await failureOf(authorize());
    expect(failure).toMatchObject({ kind: 'DECLINED', retriable: false });
    expect(failure.message).toMatch(/insufficient_funds/);
    expect(stripe.requests).toHaveLength(1); // the SDK does not retry on its own: the retry matrix does
  });

  it('treats Stripe server errors and rate limits as retriable', async () => {
    stripe.respondNext(apiError());
    expect(await failureOf(authorize())).toMatchObject({ kind: 'UNAVAILABLE', retriable: true });
    stripe.respondNext({ status: 429, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' } } });
    expect(await failureOf(authorize())).toMatchObject({ kind: 'UNAVAILABLE', retriable: true });
    expect(stripe.requests).toHaveLength(2);
  });

  it('reports a slow answer as a retriable timeout', async () => {
    stripe.respondNext({ status: 200, body: {}, delayMs: 2_000 });
    expect(await failureOf(authorize())).toMatchObject({ kind: 'TIMEOUT', retriable: true });
  });

  it('refuses requests Stripe rejects (wrong state, reused key) without retrying', async () => {
    stripe.respondNext({ status: 400, body: { error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message: 'This PaymentIntent could not be captured because it has a status of canceled.' } } });
    expect(await failureOf(gateway.capture({ reference: 'pi_x', amount: usd(1), idempotencyKey: 'k1' }))).toMatchObject({ kind: 'REJECTED', retriable: false });
    stripe.respondNext({ status: 400, body: { error: { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' } } });
    expect(await failureOf(gateway.capture({ reference: 'pi_x', amount: usd(2), idempotencyKey: 'k1' }))).toMatchObject({ kind: 'REJECTED', retriable: false });
  });

  it('declines an authorization that would need the customer (3-D Secure)', async () => {
    stripe.respondNext({ status: 200, body: { id: 'pi_3ds', object: 'payment_intent', status: 'requires_action' } });
    expect(await failureOf(authorize())).toMatchObject({ kind: 'DECLINED', retriable: false });
  });
});

describe('the Stripe client under the outbound resilience policy', () => {
  it('opens the breaker after consecutive Stripe failures, fails fast while open, and closes after a successful probe', async () => {
    const outbound = new OutboundClients({ ...loadConfig({}).outbound, breakerFailures: 3, breakerHalfOpenMs: 1_000 });
    const guarded = new StripePaymentGateway({ secretKey: SECRET, apiBase: stripe.url, timeoutMs: 500, policy: stripePolicy(outbound, 500) });
    const authorizeGuarded = () =>
      guarded.authorize({ paymentId, orderId, amount: usd(1_000), paymentToken: 'pm_card_visa', idempotencyKey: idempotencyKeys.authorize(paymentId) });

    // Stripe is down: each failure reaches Stripe once (no HTTP-level retry: the saga's retry matrix retries payments)
    stripe.respondNext(apiError(), apiError(), apiError());
    for (let i = 0; i < 3; i++) expect(await failureOf(authorizeGuarded())).toMatchObject({ kind: 'UNAVAILABLE', retriable: true });
    expect(stripe.requests).toHaveLength(3);
    expect(outbound.readiness()).toEqual({ outbound: { stripe: 'open' }, openCircuits: ['stripe'] });

    // open: refused without a request, still retriable for the retry matrix
    const fast = await failureOf(authorizeGuarded());
    expect(fast).toMatchObject({ kind: 'UNAVAILABLE', retriable: true });
    expect(fast.message).toMatch(/circuit open/);
    expect(stripe.requests).toHaveLength(3);

    // Stripe is back: once the breaker lets a probe through, it succeeds and the breaker closes
    const { reference } = await eventually(() => authorizeGuarded().catch(() => null), { timeoutMs: 10_000, what: 'the half-open probe' });
    expect(reference).toMatch(/^pi_fake_/);
    expect(outbound.readiness()).toEqual({ outbound: { stripe: 'closed' }, openCircuits: [] });
    expect(outbound.list()[0]!.stats()).toMatchObject({ breakerOpened: 1, calls: { success: 1, failure: 3 } });
  });

  it('does not count declines against Stripe: a decline is a healthy provider answering', async () => {
    const outbound = new OutboundClients({ ...loadConfig({}).outbound, breakerFailures: 2 });
    const guarded = new StripePaymentGateway({ secretKey: SECRET, apiBase: stripe.url, timeoutMs: 500, policy: stripePolicy(outbound, 500) });
    stripe.respondNext(cardDeclined(), cardDeclined(), cardDeclined());
    for (let i = 0; i < 3; i++) {
      expect(await failureOf(guarded.authorize({ paymentId, orderId, amount: usd(1), paymentToken: 'pm_x', idempotencyKey: `k-${i}` }))).toMatchObject({ kind: 'DECLINED' });
    }
    expect(outbound.readiness().openCircuits).toEqual([]);
    expect(stripe.requests).toHaveLength(3);
  });
});

const outboundClients = () => new OutboundClients(loadConfig({}).outbound);

describe('choosing the adapter by configuration', () => {
  it('uses the stub by default outside production', () => {
    expect(createPaymentGateway(loadConfig({}), outboundClients()).name).toBe('stub');
  });

  it('uses Stripe when PAYMENT_GATEWAY=stripe, against STRIPE_API_BASE', async () => {
    const chosen = createPaymentGateway(loadConfig({ PAYMENT_GATEWAY: 'stripe', STRIPE_SECRET_KEY: SECRET, STRIPE_API_BASE: stripe.url }), outboundClients());
    expect(chosen.name).toBe('stripe');
    await chosen.void({ reference: 'pi_cfg', idempotencyKey: 'payment-cfg-void' });
    expect(stripe.requests.map((r) => r.path)).toEqual(['/v1/payment_intents/pi_cfg/cancel']);
  });

  it('needs STRIPE_SECRET_KEY for Stripe', () => {
    expect(() => loadConfig({ PAYMENT_GATEWAY: 'stripe' })).toThrow(/STRIPE_SECRET_KEY/);
  });

  it('has no default in production: the payments process refuses to start without PAYMENT_GATEWAY', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const production = {
      NODE_ENV: 'production',
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      STAFF_ACCOUNTS: JSON.stringify([{ email: 'boss@shop.example', role: 'ADMIN', password: 'a-strong-password' }]),
      SUBGRAPH_SHARED_SECRET: 'a-production-subgraph-secret',
    };
    const config = loadConfig(production);
    expect(config.payments.gateway).toBeNull();
    expect(() => createPaymentGateway(config, outboundClients())).toThrow(/PAYMENT_GATEWAY must be set in production/);
    expect(createPaymentGateway(loadConfig({ ...production, PAYMENT_GATEWAY: 'stripe', STRIPE_SECRET_KEY: SECRET }), outboundClients()).name).toBe('stripe');
  });
});
