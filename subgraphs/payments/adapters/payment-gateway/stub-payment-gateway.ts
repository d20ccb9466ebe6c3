import { randomUUID } from 'node:crypto';
import type { Money } from '../../domain/money.js';
import { PaymentGatewayError, type AuthorizeRequest, type PaymentGateway } from './payment-gateway.js';

/**
 * How the stub treats a payment token (SPEC §7), by prefix:
 * - `tok_decline…`: authorization declined (not retriable);
 * - `tok_timeout…`: authorization times out, every time (retriable);
 * - `tok_flaky…`: every call for this payment fails once (per idempotency key), then succeeds;
 * - `tok_refund_fail…`: authorizes and captures, but every refund fails (retriable), so refunds
 *   reach escalation — an addition of ours for testing RefundFailed;
 * - anything else: succeeds.
 */
export type StubBehaviour = 'DECLINE' | 'TIMEOUT' | 'FLAKY' | 'REFUND_FAIL' | 'SUCCEED';

export function stubBehaviourOf(token: string): StubBehaviour {
  if (token.startsWith('tok_decline')) return 'DECLINE';
  if (token.startsWith('tok_timeout')) return 'TIMEOUT';
  if (token.startsWith('tok_flaky')) return 'FLAKY';
  if (token.startsWith('tok_refund_fail')) return 'REFUND_FAIL';
  return 'SUCCEED';
}

export type StubOperation = 'authorize' | 'capture' | 'void' | 'refund';

export interface StubCall {
  operation: StubOperation;
  idempotencyKey: string;
  /** Answered from the remembered result of its idempotency key: no money moved. */
  replayed: boolean;
  outcome: 'ok' | 'failed';
}

interface Hold {
  behaviour: StubBehaviour;
  authorized: Money;
  capturedCents: number;
  refundedCents: number;
  voided: boolean;
}

/**
 * An in-memory payment provider for development and tests. Like a real provider it remembers
 * the result of every idempotency key: a repeated successful call returns the first result and
 * moves no money again. Holds live in memory: after a restart an unknown reference behaves like
 * a fresh successful hold (good enough for a stub; never used in production by default).
 */
export class StubPaymentGateway implements PaymentGateway {
  readonly name = 'stub' as const;
  /** Every call received, oldest first (tests read it). */
  readonly calls: StubCall[] = [];
  private readonly results = new Map<string, unknown>();
  private readonly failedOnce = new Set<string>();
  private readonly holds = new Map<string, Hold>();

  /** Distinct authorizations that put a hold on a card (what "charged" means to a customer). */
  get holdsPlaced(): number {
    return this.calls.filter((c) => c.operation === 'authorize' && c.outcome === 'ok' && !c.replayed).length;
  }

  async authorize(request: AuthorizeRequest): Promise<{ reference: string }> {
    return this.call('authorize', request.idempotencyKey, stubBehaviourOf(request.paymentToken), () => {
      const reference = `pi_stub_${randomUUID()}`;
      this.holds.set(reference, { behaviour: stubBehaviourOf(request.paymentToken), authorized: request.amount, capturedCents: 0, refundedCents: 0, voided: false });
      return { reference };
    });
  }

  async capture(request: { reference: string; amount: Money; idempotencyKey: string }): Promise<void> {
    const hold = this.holdFor(request.reference, request.amount);
    await this.call('capture', request.idempotencyKey, hold.behaviour, () => {
      if (hold.voided) throw new PaymentGatewayError('REJECTED', 'authorization was voided');
      if (request.amount.cents > hold.authorized.cents) throw new PaymentGatewayError('REJECTED', 'amount exceeds the authorization');
      hold.capturedCents = request.amount.cents;
    });
  }

  async void(request: { reference: string; idempotencyKey: string }): Promise<void> {
    const hold = this.holdFor(request.reference);
    await this.call('void', request.idempotencyKey, hold.behaviour, () => {
      if (hold.capturedCents > 0) throw new PaymentGatewayError('REJECTED', 'payment was captured');
      hold.voided = true;
    });
  }

  async refund(request: { reference: string; refundId: string; amount: Money; idempotencyKey: string }): Promise<{ reference: string }> {
    const hold = this.holdFor(request.reference, request.amount, request.amount.cents);
    return this.call('refund', request.idempotencyKey, hold.behaviour, () => {
      if (hold.behaviour === 'REFUND_FAIL') throw new PaymentGatewayError('UNAVAILABLE', 'refund could not be processed by the provider');
      if (hold.refundedCents + request.amount.cents > hold.capturedCents) throw new PaymentGatewayError('REJECTED', 'refund exceeds the capture');
      hold.refundedCents += request.amount.cents;
      return { reference: `re_stub_${randomUUID()}` };
    });
  }

  /** Replays a remembered result; otherwise applies the token's behaviour, then `effect`. */
  private async call<T>(operation: StubOperation, idempotencyKey: string, behaviour: StubBehaviour, effect: () => T): Promise<T> {
    if (this.results.has(idempotencyKey)) {
      this.calls.push({ operation, idempotencyKey, replayed: true, outcome: 'ok' });
      return this.results.get(idempotencyKey) as T;
    }
    try {
      if (operation === 'authorize' && behaviour === 'DECLINE') throw new PaymentGatewayError('DECLINED', 'card declined');
      if (operation === 'authorize' && behaviour === 'TIMEOUT') throw new PaymentGatewayError('TIMEOUT', 'payment provider timed out');
      if (behaviour === 'FLAKY' && !this.failedOnce.has(idempotencyKey)) {
        this.failedOnce.add(idempotencyKey);
        throw new PaymentGatewayError('UNAVAILABLE', 'payment provider error (temporary)');
      }
      const result = effect();
      this.results.set(idempotencyKey, result);
      this.calls.push({ operation, idempotencyKey, replayed: false, outcome: 'ok' });
      return result;
    } catch (err) {
      this.calls.push({ operation, idempotencyKey, replayed: false, outcome: 'failed' });
      throw err;
    }
  }

  /** A hold this process has not seen (it restarted) is taken as a plain successful one. */
  private holdFor(reference: string, amount?: Money, capturedCents = 0): Hold {
    let hold = this.holds.get(reference);
    if (!hold) {
      hold = { behaviour: 'SUCCEED', authorized: amount ?? { cents: 0, currency: 'USD' }, capturedCents, refundedCents: 0, voided: false };
      this.holds.set(reference, hold);
    }
    return hold;
  }
}
