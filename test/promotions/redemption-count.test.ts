import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouponRedeemed, CouponRedemptionReleased } from '../../events/contracts/orders/index.js';
import { promotionsSubgraph } from '../../subgraphs/promotions/subgraph.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import { projectRedemption } from '../../subgraphs/promotions/use-cases/project-redemptions.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { EventPublisher, ok } from '../orders/support.js';
import { COUPONS, CREATE_COUPON } from './support.js';

/**
 * Promotions' redemption count is a projection of orders' CouponRedeemed / CouponRedemptionReleased.
 * Both handlers run several messages at once, so redemptions and releases of different orders of one
 * coupon are projected concurrently (as in the chaos run that found this): the count must end equal
 * to the redemptions still held, and a release that overtakes its redemption must still win.
 */

const ORDERS = 60;

let stack: Stack;
let publisher: EventPublisher;
let db: pg.Pool;
let broker: Broker;

beforeAll(async () => {
  stack = await startStack([promotionsSubgraph]);
  publisher = await EventPublisher.connect(stack);
  db = new pg.Pool({ connectionString: stack.env.databaseUrl, max: 2 });
  broker = await connectBroker(stack.env.config.nats, stack.env.log);
}, 120_000);

afterAll(async () => {
  await db?.end();
  await broker?.close();
  await publisher?.close();
  await stack?.stop();
});

const redeemed = (code: string, orderId: string, customerId: string) =>
  publisher.publish(CouponRedeemed, { code, orderId, customerId, discountCents: 100, currency: 'USD', redeemedAt: new Date().toISOString() }, { customerId, correlationId: orderId });
const released = (code: string, orderId: string, customerId: string) =>
  publisher.publish(CouponRedemptionReleased, { code, orderId, customerId, releasedAt: new Date().toISOString() }, { customerId, correlationId: orderId });

/** Every durable consumer of the orders stream has handled and acknowledged all it was sent. */
async function ordersStreamDrained(): Promise<void> {
  const stream = `${stack.env.namespace}_orders`.toUpperCase();
  await eventually(
    async () => {
      for await (const info of broker.jsm.consumers.list(stream)) {
        if (info.num_pending > 0 || info.num_ack_pending > 0) return false;
      }
      return true;
    },
    { what: "promotions' consumers to handle every orders event", timeoutMs: 30_000, intervalMs: 100 },
  );
}

async function redemptionsShown(code: string): Promise<number | undefined> {
  const admin = await stack.tokenFor('ADMIN');
  const coupons = ok(await stack.request(COUPONS, { first: 100 }, admin)).coupons.nodes as { code: string; redemptions: number }[];
  return coupons.find((c) => c.code === code)?.redemptions;
}

describe("promotions' redemption count", () => {
  it('equals the redemptions still held when redemptions and releases of many orders are projected at once', { timeout: 120_000 }, async () => {
    const code = `R${randomUUID().slice(0, 8).toUpperCase()}`;
    ok(await stack.request(CREATE_COUPON, { input: { code, description: 'Projection test', percentOff: 10 } }, await stack.tokenFor('CATALOG_MANAGER')));
    const orders = Array.from({ length: ORDERS }, (_, i) => ({ orderId: randomUUID(), customerId: randomUUID(), cancelled: i % 3 === 0 }));
    // every redemption first, then — while those are still being projected — the releases of a third
    // of them; the last few releases are sent before their own redemption, as a replay may deliver them
    const overtaking = orders.filter((o) => o.cancelled).slice(-3);
    await Promise.all(overtaking.map((o) => released(code, o.orderId, o.customerId)));
    await Promise.all(orders.map((o) => redeemed(code, o.orderId, o.customerId)));
    await Promise.all(orders.filter((o) => o.cancelled && !overtaking.includes(o)).map((o) => released(code, o.orderId, o.customerId)));

    const cancelled = orders.filter((o) => o.cancelled).length;
    await eventually(
      async () => {
        const { rows } = await db.query<{ n: string; released: string }>(`select count(*) as n, count(released_at) as released from promotions.coupon_redemption where code = $1`, [code]);
        return Number(rows[0]!.n) === ORDERS && Number(rows[0]!.released) === cancelled;
      },
      { what: 'every redemption and release to be projected', timeoutMs: 60_000 },
    );
    expect(await redemptionsShown(code)).toBe(ORDERS - cancelled);
  });

  it('counts a redemption committed while a release of another order of the coupon waited for it', { timeout: 60_000 }, async () => {
    const code = `L${randomUUID().slice(0, 8).toUpperCase()}`;
    ok(await stack.request(CREATE_COUPON, { input: { code, description: 'Lock test', percentOff: 10 } }, await stack.tokenFor('CATALOG_MANAGER')));
    const { orm } = stack.subgraphs.promotions!.runtime;
    const fact = (orderId: string, released: boolean) => ({ code, orderId, customerId: orderId, released, at: new Date().toISOString() });
    const [kept, given] = [randomUUID(), randomUUID()];
    await orm.em.fork().transactional((em) => projectRedemption(em, fact(given, false)));

    // the redemption of `kept` holds its transaction open until the release of `given` is queued behind it
    let release: Promise<void> | undefined;
    await orm.em.fork().transactional(async (em) => {
      await projectRedemption(em, fact(kept, false));
      release = orm.em.fork().transactional((other) => projectRedemption(other, fact(given, true)));
      await eventually(
        async () => Number((await db.query(`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rows[0].n) > 0,
        { what: 'the release to wait for the redemption', timeoutMs: 10_000, intervalMs: 20 },
      );
    });
    await release;
    expect(await redemptionsShown(code)).toBe(1);
  });

  it('ignores a redemption or release delivered again', { timeout: 60_000 }, async () => {
    const code = `D${randomUUID().slice(0, 8).toUpperCase()}`;
    ok(await stack.request(CREATE_COUPON, { input: { code, description: 'Replay test', percentOff: 10 } }, await stack.tokenFor('CATALOG_MANAGER')));
    const [kept, given] = [randomUUID(), randomUUID()];
    const keptEnvelope = await redeemed(code, kept, 'customer-a');
    await redeemed(code, given, 'customer-b');
    const releaseEnvelope = await released(code, given, 'customer-b');
    await eventually(async () => (await redemptionsShown(code)) === 1, { what: 'one redemption held', timeoutMs: 30_000 });
    await publisher.redeliver(CouponRedeemed, keptEnvelope);
    await publisher.redeliver(CouponRedemptionReleased, releaseEnvelope);
    await ordersStreamDrained();
    expect(await redemptionsShown(code)).toBe(1);
  });
});
