import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, type EventDefinition, type PayloadOf } from '../../events/contract.js';
import { PaymentAuthorizationRequested, PaymentCaptureRequested } from '../../events/contracts/orders/index.js';
import type { EventHandler } from '../../events/handler.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { StubPaymentGateway } from '../../subgraphs/payments/adapters/payment-gateway/stub-payment-gateway.js';
import { AUTHORIZATION_VALIDITY_MS } from '../../subgraphs/payments/domain/payment.js';
import { paymentIdFor } from '../../subgraphs/payments/domain/payment-id.js';
import { paymentRequestHandlers } from '../../subgraphs/payments/handlers/payment-requests.handlers.js';
import { createPaymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { perMessage, statementKind, TransactionLog } from '../support/transaction-log.js';

/**
 * What one saga request makes payments write, and in how many statements: the handlers are run
 * through the kit's inbox (handleOnce) on the subgraph's own ORM, with envelopes never published,
 * and every statement the handler's transaction sends is recorded at `pg.Client#query`. The rows
 * are read back as the old unit-of-work code left them: the payment, one attempt row per provider
 * call, one outbox row per answer — all in one commit, or none of them.
 */

let stack: Stack;
let db: pg.Pool;
const gateway = new StubPaymentGateway();
let handlers: EventHandler[];

const log = new TransactionLog();

beforeAll(async () => {
  stack = await startStack([createPaymentsSubgraph({ gateway }), catalogSubgraph]);
  handlers = paymentRequestHandlers({
    eventNamespace: stack.env.namespace,
    gateway,
    clock: () => new Date(),
    retry: { attempts: 3, backoffMs: [1], sleep: async () => {}, now: () => new Date() },
  });
  db = new pg.Pool({ connectionString: stack.env.databaseUrl, max: 2 });
  log.install();
});
afterAll(async () => {
  log.uninstall();
  await db?.end();
  await stack?.stop();
});

/** Handles one request as the consumer would; returns its envelope and its transaction's statements. */
async function deliver<D extends EventDefinition>(definition: D, payload: PayloadOf<D>, orderId: string) {
  const envelope = createEnvelope(definition, payload, { correlationId: orderId, customerId: 'customer-1' });
  const { error, statements } = await log.deliver(stack.subgraphs.payments!.runtime.orm, handlers.find((h) => h.definition === definition)!, envelope, stack.env.log);
  return { envelope, error, statements: statements.map(perMessage(kind)) };
}

/** This context's statements by what they do; the rest as every such test names them (statementKind). */
function kind(text: string): string {
  return statementKind(text, (statement) => {
    if (/^select .* from "?\w+"?\.("payment"|payment) .*for update/i.test(statement)) return 'payment row lock';
    return undefined;
  });
}

const paymentOf = async (orderId: string) =>
  (
    await db.query(
      `select id, status, customer_id, amount_cents, currency, gateway, gateway_reference, failure_reason, failure_kind, attempts,
              captured_cents, refunded_cents, authorized_at, authorization_expires_at, captured_at, voided_at, created_at, updated_at
         from payments.payment where order_id = $1`,
      [orderId],
    )
  ).rows;
/** By the payment id the order's payment gets, so attempts without their payment row would show. */
const attemptsOf = async (orderId: string) =>
  (
    await db.query(
      `select operation, attempt, outcome, failure_kind, idempotency_key, refund_id from payments.payment_attempt where payment_id = $1 order by id`,
      [paymentIdFor(orderId)],
    )
  ).rows;
const outboxOf = async (orderId: string) =>
  (await db.query(`select type, envelope from payments.outbox where envelope->>'correlationId' = $1 order by seq`, [orderId])).rows as { type: string; envelope: any }[];
const inboxHas = async (messageId: string) => (await db.query(`select 1 from payments.inbox where message_id = $1`, [messageId])).rowCount! > 0;

describe('what a saga request writes', () => {
  it('authorizes and captures, each in one write statement after the order lock and the row lock', async () => {
    const orderId = randomUUID();
    const authorize = await deliver(PaymentAuthorizationRequested, { orderId, customerId: 'customer-1', amountCents: 4_200, currency: 'usd', paymentToken: 'tok_visa' }, orderId);
    expect(authorize.error).toBeNull();
    expect(authorize.statements).toEqual([
      'BEGIN',
      'inbox and order lock; payment row lock',
      'one write: insert payment + insert payment_attempt + insert outbox',
      'COMMIT',
    ]);

    const [authorized] = await paymentOf(orderId);
    expect(authorized).toMatchObject({ status: 'AUTHORIZED', customer_id: 'customer-1', amount_cents: 4_200, currency: 'USD', gateway: 'stub', attempts: 1, captured_cents: 0, refunded_cents: 0 });
    expect(authorized.gateway_reference).toMatch(/^pi_stub_/);
    expect(authorized.authorization_expires_at.getTime() - authorized.authorized_at.getTime()).toBe(AUTHORIZATION_VALIDITY_MS);
    expect(authorized.created_at).toBeInstanceOf(Date);
    expect(await attemptsOf(orderId)).toEqual([
      { operation: 'AUTHORIZE', attempt: 1, outcome: 'SUCCEEDED', failure_kind: null, idempotency_key: `payment-${authorized.id}-authorize`, refund_id: null },
    ]);
    const [announced, ...more] = await outboxOf(orderId);
    expect(more).toEqual([]);
    expect(announced).toMatchObject({
      type: 'PaymentAuthorized',
      envelope: {
        causationId: authorize.envelope.id,
        correlationId: orderId,
        customerId: 'customer-1',
        payload: { orderId, paymentId: authorized.id, amountCents: 4_200, currency: 'USD', authorizationExpiresAt: authorized.authorization_expires_at.toISOString() },
      },
    });

    const capture = await deliver(PaymentCaptureRequested, { orderId, amountCents: 4_000, currency: 'USD' }, orderId);
    expect(capture.error).toBeNull();
    expect(capture.statements).toEqual(['BEGIN', 'inbox and order lock; payment row lock', 'one write: update payment + insert payment_attempt + insert outbox', 'COMMIT']);

    const [captured] = await paymentOf(orderId);
    expect(captured).toMatchObject({ id: authorized.id, status: 'CAPTURED', captured_cents: 4_000, attempts: 2, failure_reason: null, failure_kind: null, created_at: authorized.created_at });
    expect(captured.captured_at).toBeInstanceOf(Date);
    expect(captured.updated_at.getTime()).toBeGreaterThanOrEqual(authorized.updated_at.getTime());
    expect((await attemptsOf(orderId)).map((a) => [a.operation, a.attempt, a.outcome, a.idempotency_key])).toEqual([
      ['AUTHORIZE', 1, 'SUCCEEDED', `payment-${authorized.id}-authorize`],
      ['CAPTURE', 1, 'SUCCEEDED', `payment-${authorized.id}-capture`],
    ]);
    expect((await outboxOf(orderId)).map((row) => [row.type, row.envelope.causationId, row.envelope.payload])).toEqual([
      ['PaymentAuthorized', authorize.envelope.id, announced!.envelope.payload],
      ['PaymentCaptured', capture.envelope.id, { orderId, paymentId: authorized.id, amountCents: 4_000, currency: 'USD' }],
    ]);
  });

  it('answers a repeated request from the rows, writing only its answer: the payment row stays as it was', async () => {
    const orderId = randomUUID();
    await deliver(PaymentAuthorizationRequested, { orderId, customerId: 'customer-1', amountCents: 1_000, currency: 'USD', paymentToken: 'tok_visa' }, orderId);
    await deliver(PaymentCaptureRequested, { orderId, amountCents: 1_000, currency: 'USD' }, orderId);
    const before = await paymentOf(orderId);
    const calls = gateway.calls.length;

    const repeat = await deliver(PaymentCaptureRequested, { orderId, amountCents: 1_000, currency: 'USD' }, orderId);
    expect(repeat.error).toBeNull();
    expect(repeat.statements).toEqual(['BEGIN', 'inbox and order lock; payment row lock', 'one write: insert outbox', 'COMMIT']);
    expect(await paymentOf(orderId)).toEqual(before);
    expect(gateway.calls.length).toBe(calls);
    expect((await attemptsOf(orderId)).map((a) => a.operation)).toEqual(['AUTHORIZE', 'CAPTURE']);
    const answers = (await outboxOf(orderId)).filter((row) => row.type === 'PaymentCaptured');
    expect(answers.map((row) => row.envelope.causationId)).toEqual([expect.any(String), repeat.envelope.id]);
    expect(answers[1]!.envelope.payload).toEqual(answers[0]!.envelope.payload);
  });

  it('leaves no payment, attempt, answer or inbox row when the write fails after the provider was called', async () => {
    const orderId = randomUUID();
    // a currency the contract lets through (3 characters) but the payment table refuses (^[A-Z]{3}$)
    const failed = await deliver(PaymentAuthorizationRequested, { orderId, customerId: 'customer-1', amountCents: 2_500, currency: 'u5d', paymentToken: 'tok_visa' }, orderId);

    expect(String(failed.error)).toMatch(/payment_currency_check|violates check constraint/);
    expect(gateway.calls.filter((c) => c.idempotencyKey === `payment-${paymentIdFor(orderId)}-authorize`)).toHaveLength(1);
    expect(failed.statements.at(-1)).toBe('ROLLBACK');
    expect(await paymentOf(orderId)).toEqual([]);
    expect(await attemptsOf(orderId)).toEqual([]);
    expect(await outboxOf(orderId)).toEqual([]);
    expect(await inboxHas(failed.envelope.id)).toBe(false);
  });
});
