import { randomUUID } from 'node:crypto';
import { OptimisticLockError } from '@mikro-orm/postgresql';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, type EventDefinition, type PayloadOf } from '../../events/contract.js';
import { InventoryReserved, ReservationCommitted } from '../../events/contracts/inventory/index.js';
import { PaymentAuthorized, PaymentCaptured } from '../../events/contracts/payments/index.js';
import type { EventHandler } from '../../events/handler.js';
import { handleBatchOnce } from '../../events/inbox.js';
import { inTransaction } from '../../platform/database.js';
import { advanceSagas } from '../../subgraphs/orders/use-cases/advance-sagas.js';
import { checkoutCompletion } from '../../subgraphs/orders/metrics.js';
import { sagaHandlers } from '../../subgraphs/orders/handlers/saga.handlers.js';
import { RecentSagas } from '../../subgraphs/orders/use-cases/recent-sagas.js';
import { fireDueTimeouts } from '../../subgraphs/orders/use-cases/fire-timeouts.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { eventually } from '../support/config.js';
import type { Stack } from '../support/stack.js';
import { TransactionLog } from '../support/transaction-log.js';
import { completeCheckout, placeOrder, startOrdersWorld, type EventPublisher, type OrdersWorld } from './support.js';

/**
 * A saga step decides on the saga as its process last saw it committed and writes over that
 * version without a locking read first. Two "replicas" (each its own set of saga handlers with its
 * own memory, on the subgraph's ORM) handle one order's answers, delivered through the kit's inbox
 * as a consumer would; what the test checks is what the order shows and the statements each
 * transaction sent.
 */

let world: OrdersWorld;
let stack: Stack;
let events: EventPublisher;
let sql: pg.Pool;
const log = new TransactionLog();

beforeAll(async () => {
  ({ stack, events, sql } = world = await startOrdersWorld());
  log.install();
});
afterAll(async () => {
  log.uninstall();
  await world?.stop();
});

/** What a replica's saga steps need, with its own memory of the sagas it saw. */
function replicaDeps() {
  const settings = stack.env.config.orders;
  return {
    eventNamespace: stack.env.namespace,
    clock: () => new Date(),
    saga: { confirmationTimeoutMs: settings.confirmationTimeoutMs, returnWindowMs: settings.returnWindowMs, customerCancelWindowMs: settings.customerCancelWindowMs },
    recentSagas: new RecentSagas(),
  };
}

/** A replica's saga handlers. */
const replica = (deps = replicaDeps()): EventHandler[] => sagaHandlers(deps);

async function deliver<D extends EventDefinition>(handlers: EventHandler[], definition: D, envelope: ReturnType<typeof createEnvelope<D>>, logger: Logger = stack.env.log) {
  const handler = handlers.find((h) => h.definition === definition)!;
  const { error, statements } = await log.deliver(stack.subgraphs.orders!.runtime.orm, handler, envelope, logger);
  return { error, lockingReads: statements.filter((s) => /for update of s, o/i.test(s)).length, statements };
}

/** A logger that keeps what is logged through it (and its children). */
function loggedLines() {
  const lines: { msg: string; orderId?: string; to?: string }[] = [];
  return { lines, logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }) };
}

/** A participant's answer about an order, as its outbox would record it. */
const answer = <D extends EventDefinition<string, { orderId: string }>>(definition: D, payload: PayloadOf<D>) => createEnvelope(definition, payload, { correlationId: payload.orderId });

async function placedOrder(): Promise<{ orderId: string; totalCents: number }> {
  const customerId = randomUUID();
  const token = await stack.tokenFor('CUSTOMER', customerId);
  const checkoutId = await events.initiateCheckout(customerId, [{ sku: 'DOG-BOWL-001', quantity: 2, unitPriceCents: 1299 }]);
  await completeCheckout(stack, token, checkoutId);
  const order = await placeOrder(stack, token, checkoutId, true);
  return { orderId: order.id, totalCents: order.total.cents };
}

const sagaOf = async (orderId: string) => (await sql.query('select version, state from orders.order_saga where order_id = $1', [orderId])).rows[0];
const statusChanges = async (orderId: string) => (await sql.query('select status from orders.order_status_change where order_id = $1 order by sequence', [orderId])).rows.map((r) => r.status);
const outboxTypes = async (orderId: string) =>
  (await sql.query("select type from orders.outbox where envelope->'payload'->>'orderId' = $1 order by seq", [orderId])).rows.map((r) => r.type);
const inboxHas = async (messageId: string) => (await sql.query('select 1 from orders.inbox where message_id = $1', [messageId])).rowCount === 1;

describe('a saga step on the copy its process remembers', () => {
  it('skips the locking read once the process has seen the saga, and writes over a moved version nothing at all', async () => {
    const { orderId, totalCents } = await placedOrder();
    const a = replica();
    const b = replica();
    const reservationId = randomUUID();
    const paymentId = randomUUID();

    // A has not seen this saga: it reads it under the lock, then remembers what it committed
    const reserved = await deliver(a, InventoryReserved, answer(InventoryReserved, { orderId, reservationId, warehouseId: 'WH-EAST', lines: [{ sku: 'DOG-BOWL-001', quantity: 2 }], expiresAt: new Date(Date.now() + 60_000).toISOString() }));
    expect(reserved.error).toBeNull();
    expect(reserved.lockingReads).toBe(1);

    // A's next step decides on its copy: no locking read, the write commits in the same round trip
    const authorized = await deliver(a, PaymentAuthorized, answer(PaymentAuthorized, { orderId, paymentId, amountCents: totalCents, currency: 'USD', authorizationExpiresAt: new Date(Date.now() + 86_400_000).toISOString() }));
    expect(authorized.error).toBeNull();
    expect(authorized.lockingReads).toBe(0);
    expect(authorized.statements.filter((s) => !/^(begin|commit)/i.test(s))).toHaveLength(1);
    expect(await outboxTypes(orderId)).toContain('PaymentCaptureRequested');

    // B (another replica) moves the saga on; A's copy is now behind
    const captured = await deliver(b, PaymentCaptured, answer(PaymentCaptured, { orderId, paymentId, amountCents: totalCents, currency: 'USD' }));
    expect(captured.error).toBeNull();
    expect(captured.lockingReads).toBe(1);
    const before = await sagaOf(orderId);
    const outboxBefore = await outboxTypes(orderId);

    // A decides on its stale copy: the write finds the version moved and writes nothing, inbox row included
    const committed = answer(ReservationCommitted, { orderId, reservationId, warehouseId: 'WH-EAST' });
    const stale = await deliver(a, ReservationCommitted, committed);
    expect(stale.error).toBeInstanceOf(OptimisticLockError);
    expect(stale.lockingReads).toBe(0);
    expect(await sagaOf(orderId)).toEqual(before);
    expect(await outboxTypes(orderId)).toEqual(outboxBefore);
    expect(await inboxHas(committed.id)).toBe(false);

    // the redelivery reads the saga under its lock and confirms the order, once
    log.clear(); // the failed transaction carried the same message id
    const retried = await deliver(a, ReservationCommitted, committed);
    expect(retried.error).toBeNull();
    expect(retried.lockingReads).toBe(1);
    expect(await statusChanges(orderId)).toEqual(['PLACED', 'CONFIRMED']);
    const requests = await outboxTypes(orderId);
    expect(requests.filter((t) => t === 'FulfillmentRequested')).toHaveLength(1);
    expect(requests.filter((t) => t === 'PaymentCaptureRequested')).toHaveLength(1);
  });

  it('handles answers about one order that arrive together one after the other: the second on what the first committed', async () => {
    const { orderId, totalCents } = await placedOrder();
    const a = replica();
    const both = await Promise.all([
      deliver(a, InventoryReserved, answer(InventoryReserved, { orderId, reservationId: randomUUID(), warehouseId: 'WH-EAST', lines: [{ sku: 'DOG-BOWL-001', quantity: 2 }], expiresAt: new Date(Date.now() + 60_000).toISOString() })),
      deliver(a, PaymentAuthorized, answer(PaymentAuthorized, { orderId, paymentId: randomUUID(), amountCents: totalCents, currency: 'USD', authorizationExpiresAt: new Date(Date.now() + 86_400_000).toISOString() })),
    ]);
    expect(both.map((d) => d.error)).toEqual([null, null]);
    // whichever came first read the saga under its lock; the other waited for it and used its result
    expect(both.map((d) => d.lockingReads).sort()).toEqual([0, 1]);
    expect((await outboxTypes(orderId)).filter((t) => t === 'PaymentCaptureRequested')).toHaveLength(1);
  });

  it('lets a timeout fire while a step of the same order waits to write: neither waits for the other for ever', async () => {
    const { orderId, totalCents } = await placedOrder();
    const deps = replicaDeps();
    const a = replica(deps);
    const reservationId = randomUUID();
    const paymentId = randomUUID();
    await deliver(a, InventoryReserved, answer(InventoryReserved, { orderId, reservationId, warehouseId: 'WH-EAST', lines: [{ sku: 'DOG-BOWL-001', quantity: 2 }], expiresAt: new Date(Date.now() + 60_000).toISOString() }));
    await deliver(a, PaymentAuthorized, answer(PaymentAuthorized, { orderId, paymentId, amountCents: totalCents, currency: 'USD', authorizationExpiresAt: new Date(Date.now() + 86_400_000).toISOString() }));
    await deliver(a, PaymentCaptured, answer(PaymentCaptured, { orderId, paymentId, amountCents: totalCents, currency: 'USD' }));

    // the test holds the saga row: the confirming step (it clears the confirmation timeout) waits to write
    const holder = await sql.connect();
    await holder.query('begin');
    await holder.query('select 1 from orders.order_saga where order_id = $1 for update', [orderId]);
    let confirming: Promise<unknown>;
    let firing: Promise<unknown>;
    try {
      confirming = deliver(a, ReservationCommitted, answer(ReservationCommitted, { orderId, reservationId, warehouseId: 'WH-EAST' }));
      await lockWaiters(/update "orders"\.order_saga/, 'the confirming step waiting to write');
      // meanwhile the confirmation timeout falls due and the same process's job takes it
      await sql.query("update orders.saga_timeout set due_at = now() - interval '1 second' where order_id = $1", [orderId]);
      firing = fireDueTimeouts(stack.subgraphs.orders!.runtime.orm.em.fork() as EntityManager, deps, stack.env.log);
      await lockWaiters(/for update of s, o/, 'the timeout waiting for the saga row');
    } finally {
      await holder.query('commit');
      holder.release();
    }
    // one of the two may lose to PostgreSQL's deadlock detection and be retried; neither hangs
    await Promise.allSettled([confirming!, firing!]);
    const changes = await statusChanges(orderId);
    expect(changes[0]).toBe('PLACED');
    expect(changes.length).toBe(2);
  });
});

describe('a batch of answers (saga steps that waited together)', () => {
  /** Handles the envelopes as one batch of the kit's (one transaction); answers the outcomes and the transactions that carried the first one. */
  async function deliverBatch<D extends EventDefinition>(handlers: EventHandler[], definition: D, envelopes: ReturnType<typeof createEnvelope<D>>[], logger: Logger = stack.env.log) {
    const handler = handlers.find((h) => h.definition === definition)!;
    const outcomes = await handleBatchOnce(
      stack.subgraphs.orders!.runtime.orm,
      handler,
      envelopes.map((envelope) => ({ envelope, log: logger, deliveryCount: 1 })),
    ).catch((err: unknown) => err);
    return { outcomes, transactions: log.transactionsWith(envelopes[0]!.id) };
  }
  const reserved = (orderId: string) =>
    answer(InventoryReserved, { orderId, reservationId: randomUUID(), warehouseId: 'WH-EAST', lines: [{ sku: 'DOG-BOWL-001', quantity: 2 }], expiresAt: new Date(Date.now() + 60_000).toISOString() });
  const authorized = ({ orderId, totalCents }: { orderId: string; totalCents: number }) =>
    answer(PaymentAuthorized, { orderId, paymentId: randomUUID(), amountCents: totalCents, currency: 'USD', authorizationExpiresAt: new Date(Date.now() + 86_400_000).toISOString() });

  it('advances several orders in one transaction — the ones its process remembers without reading them — and writes none when one version has moved', async () => {
    const [x, y, z] = [await placedOrder(), await placedOrder(), await placedOrder()];
    const a = replica();
    // A has seen x and y (it handled their reservations), not z
    for (const order of [x, y]) expect((await deliver(a, InventoryReserved, reserved(order.orderId))).error).toBeNull();
    expect((await deliver(replica(), InventoryReserved, reserved(z.orderId))).error).toBeNull();
    const b = replica();
    const versionsBefore = await Promise.all([x, y, z].map(async (order) => (await sagaOf(order.orderId)).version));

    log.clear();
    const answers = [x, y, z].map(authorized);
    const batch = await deliverBatch(a, PaymentAuthorized, answers);
    expect(batch.outcomes).toEqual(['processed', 'processed', 'processed']);
    // one transaction for the three: z's saga read under its lock, then one write for all three with the inbox rows and the COMMIT
    expect(batch.transactions).toHaveLength(1);
    const [transaction] = batch.transactions;
    for (const envelope of answers) expect(transaction!.some((text) => text.includes(envelope.id))).toBe(true);
    const statements = transaction!.filter((s) => !/^(begin|commit)/i.test(s));
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/for update of s, o/i);
    expect(statements[0]).toContain(z.orderId);
    expect(statements[1]).toMatch(/^with /i);
    for (const [i, order] of [x, y, z].entries()) {
      expect((await sagaOf(order.orderId)).version).toBe(versionsBefore[i] + 1);
      expect((await outboxTypes(order.orderId)).filter((t) => t === 'PaymentCaptureRequested')).toHaveLength(1);
      expect(await inboxHas(answers[i]!.id)).toBe(true);
    }

    // B (another replica, which never saw these sagas) reads them under the lock, in the same one transaction
    log.clear();
    const captures = [x, y].map(({ orderId, totalCents }) => answer(PaymentCaptured, { orderId, paymentId: randomUUID(), amountCents: totalCents, currency: 'USD' }));
    const captured = await deliverBatch(b, PaymentCaptured, captures);
    expect(captured.outcomes).toEqual(['processed', 'processed']);
    expect(captured.transactions).toHaveLength(1);
    expect(captured.transactions[0]!.filter((s) => /for update of s, o/i.test(s))).toHaveLength(2);

    // A's copies of x and y are now behind: its batch writes nothing at all, z's step and the inbox rows included
    log.clear();
    const confirmationsObserved = async () => (await checkoutCompletion.get()).values.find((v) => v.metricName === 'orders_checkout_completion_seconds_count')?.value ?? 0;
    const observedBefore = await confirmationsObserved();
    const before = await Promise.all([x, y, z].map((order) => sagaOf(order.orderId)));
    const commits = [x, y, z].map(({ orderId }) => answer(ReservationCommitted, { orderId, reservationId: randomUUID(), warehouseId: 'WH-EAST' }));
    const logged = loggedLines();
    const stale = await deliverBatch(a, ReservationCommitted, commits, logged.logger);
    expect(stale.outcomes).toBeInstanceOf(OptimisticLockError);
    expect(await Promise.all([x, y, z].map((order) => sagaOf(order.orderId)))).toEqual(before);
    for (const envelope of commits) expect(await inboxHas(envelope.id)).toBe(false);

    // the kit then handles them one by one, from the database: x and y (captured) confirmed, once
    for (const envelope of commits) expect((await deliver(a, ReservationCommitted, envelope, logged.logger)).error).toBeNull();
    expect(await statusChanges(x.orderId)).toEqual(['PLACED', 'CONFIRMED']);
    expect(await statusChanges(y.orderId)).toEqual(['PLACED', 'CONFIRMED']);
    // the completion histogram counts each confirmation once, not the decisions the failed batch made
    const confirmed = (await Promise.all([x, y, z].map((order) => statusChanges(order.orderId)))).filter((changes) => changes.includes('CONFIRMED')).length;
    expect(await confirmationsObserved()).toBe(observedBefore + confirmed);
    // and the log tells each status change that was written once
    const confirmedIds = (await Promise.all([x, y, z].map(async ({ orderId }) => ((await statusChanges(orderId)).includes('CONFIRMED') ? [orderId] : [])))).flat();
    const loggedConfirmations = logged.lines.filter((line) => line.msg === 'order status changed' && line.to === 'CONFIRMED').map((line) => line.orderId);
    expect(loggedConfirmations.sort()).toEqual(confirmedIds.sort());
  });

  it("applies two answers about one order in one batch in turn, the second on the first's result, in the same transaction", async () => {
    const order = await placedOrder();
    const other = await placedOrder();
    const deps = replicaDeps();
    const inbox = { take: () => ({ sql: 'select 1', params: [], endsTransaction: true }) };
    const results = await inTransaction(stack.subgraphs.orders!.runtime.orm.em.fork() as EntityManager, (em) =>
      advanceSagas(
        em,
        deps,
        [
          { orderId: order.orderId, event: { type: 'InventoryReserved', reservationId: randomUUID(), warehouseId: 'WH-EAST' }, causationId: randomUUID() },
          { orderId: other.orderId, event: { type: 'InventoryReserved', reservationId: randomUUID(), warehouseId: 'WH-EAST' }, causationId: randomUUID() },
          { orderId: order.orderId, event: { type: 'PaymentAuthorized', paymentId: randomUUID(), amountCents: order.totalCents }, causationId: randomUUID() },
          { orderId: randomUUID(), event: { type: 'PaymentAuthorized', paymentId: randomUUID(), amountCents: 100 }, causationId: randomUUID() },
        ],
        stack.env.log,
        inbox,
      ),
    );
    expect(results).toEqual(['ADVANCED', 'ADVANCED', 'ADVANCED', 'UNKNOWN_ORDER']);
    // reserved, then authorized on top: the capture (which needs both) is requested, once
    expect((await outboxTypes(order.orderId)).filter((t) => t === 'PaymentCaptureRequested')).toHaveLength(1);
    expect((await outboxTypes(other.orderId)).filter((t) => t === 'PaymentCaptureRequested')).toHaveLength(0);
    // what the batch committed is remembered: the next step on either decides on its copy
    expect(deps.recentSagas.get(order.orderId)?.saga.version).toBe((await sagaOf(order.orderId)).version);
    expect(deps.recentSagas.get(other.orderId)?.saga.version).toBe((await sagaOf(other.orderId)).version);
  });
});

/** Resolves once a statement matching `pattern` waits for a lock. */
function lockWaiters(pattern: RegExp, what: string): Promise<unknown> {
  return eventually(
    async () => {
      const { rows } = await sql.query<{ query: string }>("select query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
      return rows.some((row) => pattern.test(row.query)) || undefined;
    },
    { what, timeoutMs: 10_000 },
  );
}
