import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { decide } from '../../subgraphs/orders/domain/checkout.js';
import { toCheckout } from '../../subgraphs/orders/store/checkout.entity.js';
import { CheckoutRepository } from '../../subgraphs/orders/store/checkout.repository.js';
import { writeCheckoutChange } from '../../subgraphs/orders/store/checkout-change.statement.js';
import { abandonExpiredCheckouts } from '../../subgraphs/orders/use-cases/abandon-checkouts.js';
import { eventually } from '../support/config.js';
import type { Stack } from '../support/stack.js';
import { OrdersDb, PLACE_ORDER, startOrdersWorld, type EventPublisher, type OrdersWorld, SET_ADDRESS, SET_METHOD, SET_PAYMENT, errorCode, homeAddress, ok } from './support.js';

/**
 * The checkout steps write without a row lock: read, decide, one update over the version read.
 * Each test makes the race happen for certain — a transaction of the test's holds the checkout
 * row so that the writers queue behind it having read the same row — and checks what a customer
 * would see: no step lost, no placed or abandoned checkout written over.
 */

let world: OrdersWorld;
let stack: Stack;
let events: EventPublisher;
let db: OrdersDb;
let sql: pg.Pool;

beforeAll(async () => {
  ({ stack, events, sql } = world = await startOrdersWorld({ poolSize: 3 }));
  db = await new OrdersDb(stack.env.databaseUrl).connect();
});

afterAll(async () => {
  await db?.close();
  await world?.stop();
});

async function freshCheckout() {
  const { customerId, token, checkoutId } = await events.startCheckout();
  // the first step waits for the checkout's arrival
  ok(await stack.request(SET_ADDRESS, { checkoutId, address: homeAddress() }, token));
  return { customerId, token, checkoutId };
}

/** Holds the checkout's row lock until `release`: writers of the row queue behind it. */
async function holdCheckoutRow(checkoutId: string): Promise<{ release(): Promise<void> }> {
  const client = await sql.connect();
  await client.query('begin');
  await client.query('select 1 from orders.checkout where id = $1 for update', [checkoutId]);
  return {
    release: async () => {
      await client.query('commit');
      client.release();
    },
  };
}

/** Resolves once `count` statements matching `pattern` wait for a lock (they read before they queued). */
function lockWaiters(pattern: RegExp, count: number, what: string): Promise<unknown> {
  return eventually(
    async () => {
      const { rows } = await sql.query<{ query: string }>(
        "select query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
      );
      return rows.filter((row) => pattern.test(row.query)).length >= count || undefined;
    },
    { what },
  );
}

const STEP_WRITE = /^with checkout as \(update "orders"\.checkout/;

async function checkoutRow(checkoutId: string) {
  const { rows } = await sql.query('select status, shipping_method, payment_token, order_id, version from orders.checkout where id = $1', [checkoutId]);
  return rows[0];
}

describe('steps sent at once on one checkout', () => {
  it('both land: the one that wrote second re-read the checkout instead of writing over the first', async () => {
    const { token, checkoutId } = await freshCheckout();
    const held = await holdCheckoutRow(checkoutId);
    let answers: Promise<unknown>[];
    try {
      answers = [
        stack.request(SET_METHOD, { checkoutId, method: 'EXPRESS' }, token),
        stack.request(SET_PAYMENT, { checkoutId, paymentToken: 'tok_race' }, token),
      ];
      // both read the same version and now wait to write it
      await lockWaiters(STEP_WRITE, 2, 'both steps waiting to write');
    } finally {
      await held.release();
    }
    const [method, payment] = (await Promise.all(answers)) as Awaited<ReturnType<Stack['request']>>[];
    ok(method);
    ok(payment);
    expect(await checkoutRow(checkoutId)).toMatchObject({ status: 'IN_PROGRESS', shipping_method: 'EXPRESS', payment_token: 'tok_race' });
  });
});

describe('a step racing placeOrder', () => {
  it('is refused (CONFLICT) and never brings the placed checkout back', async () => {
    const { token, checkoutId } = await freshCheckout();
    ok(await stack.request(SET_METHOD, { checkoutId, method: 'STANDARD' }, token));
    ok(await stack.request(SET_PAYMENT, { checkoutId, paymentToken: 'tok_visa' }, token));
    const held = await holdCheckoutRow(checkoutId);
    let placing: Promise<any>;
    let stepping: Promise<any>;
    try {
      placing = stack.request(PLACE_ORDER, { checkoutId }, token);
      await lockWaiters(/select \* from "orders"\.checkout where id = .* for update/, 1, 'placeOrder waiting for the checkout');
      // the step reads the checkout IN_PROGRESS, then queues behind placeOrder to write
      stepping = stack.request(SET_METHOD, { checkoutId, method: 'NEXT_DAY' }, token);
      await lockWaiters(STEP_WRITE, 1, 'the step waiting to write');
    } finally {
      await held.release();
    }
    const order = ok(await placing!).placeOrder as { id: string; shippingMethod: string };
    expect(errorCode(await stepping!)).toBe('CONFLICT');
    expect(await checkoutRow(checkoutId)).toMatchObject({ status: 'COMPLETED', order_id: order.id, shipping_method: 'STANDARD', payment_token: null });
    expect(order.shippingMethod).toBe('STANDARD');
  });
});

describe('a step racing the abandonment sweep', () => {
  it('writes nothing over the abandoned checkout when it read it before the sweep', async () => {
    const { checkoutId } = await freshCheckout();
    const orm = stack.subgraphs.orders!.runtime.orm;
    const em = orm.em.fork() as EntityManager;
    // the step's read, before the sweep
    const read = (await new CheckoutRepository(em).find(checkoutId))!;
    const decision = decide(toCheckout(read), { type: 'ChooseShippingMethod', method: 'EXPRESS' }, new Date(), 15 * 60_000);
    if (!decision.ok) throw new Error('the step should be accepted on what it read');

    // due for this sweep (its own, shorter, time to live), untouched meanwhile
    await sql.query("update orders.checkout set updated_at = now() - interval '1 minute' where id = $1", [checkoutId]);
    await abandonExpiredCheckouts(orm.em.fork() as EntityManager, { eventNamespace: stack.env.config.nats.namespace, ttlMs: 30_000 });
    expect((await checkoutRow(checkoutId)).status).toBe('ABANDONED');

    const written = await writeCheckoutChange(orm.em.fork() as EntityManager, { checkout: decision.checkout, version: read.version, outbox: [] });
    expect(written).toBeNull();
    expect(await checkoutRow(checkoutId)).toMatchObject({ status: 'ABANDONED', shipping_method: null });
    const hold = await db.eventsFor(checkoutId, 'CheckoutAddressReleased');
    expect(hold.map((event) => (event.payload as { outcome: string }).outcome)).toEqual(['ABANDONED']);
  });
});
