import { describe, expect, it } from 'vitest';
import { PaymentGatewayError } from './payment-gateway.js';
import { StubPaymentGateway, stubBehaviourOf } from './stub-payment-gateway.js';

const usd = (cents: number) => ({ cents, currency: 'USD' });
const authorize = (gateway: StubPaymentGateway, paymentToken: string, idempotencyKey = `payment-${paymentToken}-authorize`) =>
  gateway.authorize({ paymentId: 'p1', orderId: 'o1', amount: usd(2_500), paymentToken, idempotencyKey });

async function failureOf(promise: Promise<unknown>): Promise<PaymentGatewayError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PaymentGatewayError);
  return err as PaymentGatewayError;
}

describe('the stub payment gateway', () => {
  it.each([
    ['tok_visa', 'SUCCEED'],
    ['tok_decline_insufficient_funds', 'DECLINE'],
    ['tok_timeout', 'TIMEOUT'],
    ['tok_flaky_1', 'FLAKY'],
    ['tok_refund_fail', 'REFUND_FAIL'],
  ])('reads %s as %s', (token, behaviour) => {
    expect(stubBehaviourOf(token)).toBe(behaviour);
  });

  it('authorizes any other token', async () => {
    const gateway = new StubPaymentGateway();
    const { reference } = await authorize(gateway, 'tok_visa');
    expect(reference).toMatch(/^pi_stub_/);
    expect(gateway.holdsPlaced).toBe(1);
  });

  it('declines tok_decline tokens, not retriable', async () => {
    const failure = await failureOf(authorize(new StubPaymentGateway(), 'tok_decline'));
    expect(failure).toMatchObject({ kind: 'DECLINED', retriable: false });
  });

  it('times out for tok_timeout tokens, every time, retriable', async () => {
    const gateway = new StubPaymentGateway();
    for (let i = 0; i < 3; i++) expect(await failureOf(authorize(gateway, 'tok_timeout'))).toMatchObject({ kind: 'TIMEOUT', retriable: true });
    expect(gateway.holdsPlaced).toBe(0);
  });

  it('fails tok_flaky once per call, then succeeds', async () => {
    const gateway = new StubPaymentGateway();
    expect(await failureOf(authorize(gateway, 'tok_flaky'))).toMatchObject({ kind: 'UNAVAILABLE', retriable: true });
    const { reference } = await authorize(gateway, 'tok_flaky');
    expect(await failureOf(gateway.capture({ reference, amount: usd(2_500), idempotencyKey: 'cap' }))).toMatchObject({ retriable: true });
    await gateway.capture({ reference, amount: usd(2_500), idempotencyKey: 'cap' });
    expect(gateway.calls.map((c) => `${c.operation}:${c.outcome}`)).toEqual(['authorize:failed', 'authorize:ok', 'capture:failed', 'capture:ok']);
  });

  it('answers a repeated idempotency key with the first result, holding nothing more', async () => {
    const gateway = new StubPaymentGateway();
    const first = await authorize(gateway, 'tok_visa', 'payment-same-authorize');
    const again = await authorize(gateway, 'tok_visa', 'payment-same-authorize');
    expect(again).toEqual(first);
    expect(gateway.holdsPlaced).toBe(1);
    expect(gateway.calls.map((c) => c.replayed)).toEqual([false, true]);
  });

  it('captures, refunds and voids holds like a provider would', async () => {
    const gateway = new StubPaymentGateway();
    const { reference } = await authorize(gateway, 'tok_visa');
    expect(await failureOf(gateway.capture({ reference, amount: usd(2_501), idempotencyKey: 'too-much' }))).toMatchObject({ kind: 'REJECTED', retriable: false });
    await gateway.capture({ reference, amount: usd(2_000), idempotencyKey: 'cap' });
    await gateway.refund({ reference, refundId: 'r1', amount: usd(1_500), idempotencyKey: 'refund-r1' });
    expect(await failureOf(gateway.refund({ reference, refundId: 'r2', amount: usd(501), idempotencyKey: 'refund-r2' }))).toMatchObject({ kind: 'REJECTED' });
    expect(await failureOf(gateway.void({ reference, idempotencyKey: 'void' }))).toMatchObject({ kind: 'REJECTED' });

    const other = await authorize(gateway, 'tok_mastercard', 'other');
    await gateway.void({ reference: other.reference, idempotencyKey: 'void-other' });
    expect(await failureOf(gateway.capture({ reference: other.reference, amount: usd(1), idempotencyKey: 'cap-other' }))).toMatchObject({ kind: 'REJECTED' });
  });

  it('fails every refund of a tok_refund_fail payment, retriable', async () => {
    const gateway = new StubPaymentGateway();
    const { reference } = await authorize(gateway, 'tok_refund_fail');
    await gateway.capture({ reference, amount: usd(2_500), idempotencyKey: 'cap' });
    for (let i = 0; i < 3; i++) {
      expect(await failureOf(gateway.refund({ reference, refundId: 'r1', amount: usd(100), idempotencyKey: 'refund-r1' }))).toMatchObject({ kind: 'UNAVAILABLE', retriable: true });
    }
  });
});
