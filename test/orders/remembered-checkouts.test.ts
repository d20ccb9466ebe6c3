import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../platform/auth.js';
import { CommittedVersions } from '../../platform/committed-versions.js';
import type { Arrivals } from '../../platform/arrivals.js';
import type { CheckoutRecord } from '../../subgraphs/orders/store/checkout.entity.js';
import { findOwnCheckoutToChange } from '../../subgraphs/orders/use-cases/checkout-access.js';
import { changeOwnCheckout } from '../../subgraphs/orders/use-cases/checkout-changes.js';
import { ORDERS_ARRIVALS_CHANNEL, type OrdersDeps, type OrdersScope } from '../../subgraphs/orders/use-cases/scope.js';
import { createEnvelope } from '../../events/contract.js';
import { CheckoutInitiated } from '../../events/contracts/cart/index.js';
import { handleBatchOnce, handleOnce } from '../../events/inbox.js';
import { checkoutHandlers } from '../../subgraphs/orders/handlers/checkout.handlers.js';
import { eventually } from '../support/config.js';
import { queriesDuring } from '../support/queries.js';
import type { Stack } from '../support/stack.js';
import { SET_ADDRESS, SET_METHOD, SET_PAYMENT, homeAddress, ok, startOrdersWorld, type EventPublisher, type OrdersWorld } from './support.js';

/**
 * A checkout step decides on the copy of the checkout this process last saw committed, instead of
 * reading the row first (use-cases/checkout-access.ts, findOwnCheckoutToChange). What a customer
 * must not notice: a copy another replica moved past, or one that would refuse the step, is never
 * what the step is decided on in the end.
 */

let world: OrdersWorld;
let stack: Stack;
let events: EventPublisher;
let sql: pg.Pool;

beforeAll(async () => {
  ({ stack, events, sql } = world = await startOrdersWorld());
});

afterAll(async () => {
  await world?.stop();
});

const ordersOrm = () => stack.subgraphs.orders!.runtime.orm;

/** CheckoutInitiated for one line, as cart records it. */
const initiated = (customerId: string, checkoutId: string) =>
  createEnvelope(
    CheckoutInitiated,
    {
      checkoutId,
      cartId: randomUUID(),
      customerId,
      items: [{ sku: 'DOG-BOWL-001', name: 'Dog bowl', quantity: 1, unitPriceCents: 1299, currency: 'USD' }],
      occurredAt: new Date().toISOString(),
    },
    { customerId, correlationId: checkoutId },
  );

/**
 * One orders replica's memory and wait, driven by hand: its checkouts' arrivals are announced
 * when the test says (`arrive`), so what the step finds when woken does not depend on timing.
 */
function replica() {
  const customerId = randomUUID();
  const waiters = new Map<string, (() => void)[]>();
  /** Keys a wait has begun on: asked for the arrival once its read found nothing (platform/arrivals.ts, waitFor). */
  const waitedOn = new Set<string>();
  const arrivals = {
    expect: (key: string) => {
      let wake!: () => void;
      const arrived = new Promise<void>((resolve) => (wake = resolve));
      waiters.set(key, [...(waiters.get(key) ?? []), wake]);
      return {
        get arrived() {
          waitedOn.add(key);
          return arrived;
        },
        // nothing is lost between the test and the step
        heardEverything: () => true,
        cancel: () => waiters.set(key, (waiters.get(key) ?? []).filter((w) => w !== wake)),
      };
    },
  } as unknown as Arrivals;
  const deps = {
    eventNamespace: stack.env.namespace,
    checkoutTtlMs: 15 * 60_000,
    checkoutWaitMs: 10_000,
    arrivals,
    recentCheckouts: new CommittedVersions<CheckoutRecord>((checkout) => checkout.version),
    clock: () => new Date(),
  } as unknown as OrdersDeps;
  const scope = (): OrdersScope => ({
    caller: { kind: 'customer', role: 'CUSTOMER', subject: customerId } as Caller,
    em: ordersOrm().em.fork() as EntityManager,
    log: stack.env.log,
  });
  return {
    deps,
    scope,
    customerId,
    arrive: (key: string) => (waiters.get(key) ?? []).forEach((wake) => wake()),
    waiting: (key: string) => waitedOn.has(key),
  };
}

/** The reads of a checkout row the process sends during `work`. */
const checkoutReadsDuring = (checkoutId: string, work: () => Promise<unknown>) =>
  queriesDuring(work, (text) => /select \* from "orders"\.checkout where id/i.test(text) && text.includes(checkoutId));

async function checkoutRow(checkoutId: string) {
  const { rows } = await sql.query('select status, shipping_method, payment_token, version from orders.checkout where id = $1', [checkoutId]);
  return rows[0];
}

describe('checkout steps on the remembered checkout', () => {
  it('decides every step on what the last one wrote, never reading the row again', async () => {
    const { token, checkoutId } = await events.startCheckout();
    // the first step finds the copy the CheckoutInitiated handler remembered, or reads the row once
    ok(await stack.request(SET_ADDRESS, { checkoutId, address: homeAddress() }, token));
    const next = await checkoutReadsDuring(checkoutId, async () => {
      ok(await stack.request(SET_METHOD, { checkoutId, method: 'EXPRESS' }, token));
      ok(await stack.request(SET_PAYMENT, { checkoutId, paymentToken: 'tok_visa' }, token));
    });
    expect(next).toBe(0);
    expect(await checkoutRow(checkoutId)).toMatchObject({ status: 'IN_PROGRESS', shipping_method: 'EXPRESS', payment_token: 'tok_visa', version: 3 });
  });

  it('decides the first step on the checkout the CheckoutInitiated handler committed: no read at all', async () => {
    const { deps, scope, customerId, arrive } = replica();
    const checkoutId = randomUUID();
    expect(await handleOnce(ordersOrm(), checkoutHandlers(deps)[0]!, initiated(customerId, checkoutId), { log: stack.env.log, deliveryCount: 1 })).toBe('processed');
    arrive(checkoutId);

    let found: Awaited<ReturnType<typeof findOwnCheckoutToChange>> | undefined;
    expect(await checkoutReadsDuring(checkoutId, async () => (found = await findOwnCheckoutToChange(deps, scope(), checkoutId)))).toBe(0);
    expect(found).toMatchObject({ remembered: true, checkout: { id: checkoutId, customerId, status: 'IN_PROGRESS', version: 0 } });
    const written = await changeOwnCheckout(deps, scope(), found!, { type: 'ChooseShippingMethod', method: 'NEXT_DAY' });
    expect(written).toMatchObject({ shippingMethod: 'NEXT_DAY' });
    expect(await checkoutRow(checkoutId)).toMatchObject({ shipping_method: 'NEXT_DAY', version: 1 });
  });

  it('takes the committed copy when the checkout it waited for arrives, instead of reading the row it was woken for', async () => {
    const { deps, scope, customerId, arrive, waiting } = replica();
    const checkoutId = randomUUID();
    let found: Awaited<ReturnType<typeof findOwnCheckoutToChange>> | undefined;
    const reads = await checkoutReadsDuring(checkoutId, async () => {
      // the step comes first: its read finds nothing (answered before the checkout exists), and it waits for the arrival
      const step = findOwnCheckoutToChange(deps, scope(), checkoutId).then((result) => (found = result));
      await eventually(async () => waiting(checkoutId), { what: 'the step waiting for its checkout' });
      expect(await handleOnce(ordersOrm(), checkoutHandlers(deps)[0]!, initiated(customerId, checkoutId), { log: stack.env.log, deliveryCount: 1 })).toBe('processed');
      arrive(checkoutId);
      await step;
    });
    expect(reads).toBe(1);
    expect(found).toMatchObject({ remembered: true, checkout: { id: checkoutId, customerId, version: 0 } });
  });

  it('remembers nothing for a CheckoutInitiated that inserted nothing (a checkout it already has)', async () => {
    const { deps, customerId } = replica();
    const checkoutId = randomUUID();
    const handler = checkoutHandlers(deps)[0]!;
    await handleOnce(ordersOrm(), handler, initiated(customerId, checkoutId), { log: stack.env.log, deliveryCount: 1 });
    await sql.query(`update orders.checkout set shipping_method = 'EXPRESS', version = version + 1 where id = $1`, [checkoutId]);
    deps.recentCheckouts.forget(checkoutId);
    // the same checkout announced again, by another message: on conflict, nothing inserted, nothing remembered
    expect(await handleOnce(ordersOrm(), handler, initiated(customerId, checkoutId), { log: stack.env.log, deliveryCount: 1 })).toBe('processed');
    expect(deps.recentCheckouts.get(checkoutId)).toBeUndefined();
  });

  it('inserts a batch of CheckoutInitiated in one statement with the COMMIT: each new checkout remembered and announced, one it already has neither', async () => {
    const { deps, customerId } = replica();
    const handler = checkoutHandlers(deps)[0]!;
    const [a, b, known] = [randomUUID(), randomUUID(), randomUUID()];
    await handleOnce(ordersOrm(), handler, initiated(customerId, known), { log: stack.env.log, deliveryCount: 1 });
    deps.recentCheckouts.forget(known);
    const listener = await sql.connect();
    const announced: string[] = [];
    listener.on('notification', ({ channel, payload }) => channel === ORDERS_ARRIVALS_CHANNEL && payload && announced.push(payload));
    try {
      await listener.query(`listen ${ORDERS_ARRIVALS_CHANNEL}`);
      const deliveries = [a, known, b].map((checkoutId) => ({ envelope: initiated(customerId, checkoutId), log: stack.env.log, deliveryCount: 1 }));
      let outcomes: unknown;
      const sent: string[] = [];
      await queriesDuring(async () => (outcomes = await handleBatchOnce(ordersOrm(), handler, deliveries)), (text) => sent.push(text) > 0);
      expect(outcomes).toEqual(['processed', 'processed', 'processed']);
      // lazy BEGIN (answered without a message: it travels with the next), the inbox rows (which
      // of the three are new), then the one insert for both new checkouts with the COMMIT
      expect(sent.map((text) => text.trim().split(/\s+/).slice(0, 3).join(' '))).toEqual(['BEGIN;', 'insert into "orders".inbox', 'insert into "orders".checkout']);
      expect(sent[2]).toMatch(/;\s*COMMIT;?\s*$/i);
      for (const id of [a, b]) expect(deps.recentCheckouts.get(id)).toMatchObject({ id, customerId, status: 'IN_PROGRESS', version: 0, lines: [{ sku: 'DOG-BOWL-001', quantity: 1 }] });
      expect(deps.recentCheckouts.get(known)).toBeUndefined();
      // one transaction's notifications arrive together
      await eventually(async () => announced.length > 0, { what: "the batch's arrivals" });
      expect(announced.sort()).toEqual([a, b].sort());
      expect((await sql.query('select count(*)::int as n from orders.checkout where id = any($1)', [[a, b, known]])).rows[0].n).toBe(3);
    } finally {
      await listener.query(`unlisten ${ORDERS_ARRIVALS_CHANNEL}`);
      listener.release();
    }
  });

  it('lands a step on a copy another writer moved past on the row as it is, losing neither change', async () => {
    const { token, checkoutId } = await events.startCheckout();
    ok(await stack.request(SET_ADDRESS, { checkoutId, address: homeAddress() }, token));
    // another replica's step, which this process never saw
    await sql.query(`update orders.checkout set shipping_method = 'NEXT_DAY', version = version + 1, updated_at = now() where id = $1`, [checkoutId]);
    const reads = await checkoutReadsDuring(checkoutId, async () => ok(await stack.request(SET_PAYMENT, { checkoutId, paymentToken: 'tok_after' }, token)));
    expect(reads).toBe(1); // the write over the remembered version changed nothing; the row is read and decided on again
    expect(await checkoutRow(checkoutId)).toMatchObject({ shipping_method: 'NEXT_DAY', payment_token: 'tok_after', version: 3 });
    // and the copy is the step's own write again
    expect(await checkoutReadsDuring(checkoutId, async () => ok(await stack.request(SET_METHOD, { checkoutId, method: 'STANDARD' }, token)))).toBe(0);
  });

  it('never refuses a step on a copy alone: expired on the copy, the row another replica touched since decides', async () => {
    const { customerId, checkoutId } = await events.startCheckout();
    const ttlMs = 60_000;
    let now = new Date();
    const deps = {
      eventNamespace: stack.env.namespace,
      checkoutTtlMs: ttlMs,
      checkoutWaitMs: 2_000,
      arrivals: { expect: () => undefined } as unknown as Arrivals,
      recentCheckouts: new CommittedVersions<CheckoutRecord>((checkout) => checkout.version),
      clock: () => now,
    } as unknown as OrdersDeps;
    const scope = (): OrdersScope => ({
      caller: { kind: 'customer', role: 'CUSTOMER', subject: customerId } as Caller,
      em: stack.subgraphs.orders!.runtime.orm.em.fork() as EntityManager,
      log: stack.env.log,
    });
    // this replica reads the checkout (and remembers it) …
    const read = await findOwnCheckoutToChange(deps, scope(), checkoutId);
    expect(read.remembered).toBe(false);
    // … another replica's step touches it later; past the TTL of the copy, not of the row
    await sql.query(`update orders.checkout set shipping_method = 'EXPRESS', version = version + 1, updated_at = now() + interval '50 seconds' where id = $1`, [checkoutId]);
    now = new Date(Date.now() + ttlMs + 10_000);
    const remembered = await findOwnCheckoutToChange(deps, scope(), checkoutId);
    expect(remembered).toMatchObject({ remembered: true, checkout: { version: read.checkout.version } });
    const written = await changeOwnCheckout(deps, scope(), remembered, { type: 'SetPaymentToken', token: 'tok_late' });
    expect(written).toMatchObject({ status: 'IN_PROGRESS', shippingMethod: 'EXPRESS', paymentToken: 'tok_late' });
    // a checkout really expired is refused, from the row
    now = new Date(Date.now() + 2 * ttlMs + 60_000);
    await expect(changeOwnCheckout(deps, scope(), await findOwnCheckoutToChange(deps, scope(), checkoutId), { type: 'SetPaymentToken', token: 'tok_too_late' })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await checkoutRow(checkoutId)).toMatchObject({ payment_token: 'tok_late' });
  });
});
