import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discountCents } from '../../events/contracts/promotions/index.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { promotionsSubgraph } from '../../subgraphs/promotions/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { ok } from '../orders/support.js';
import { inBatches, productInStock } from '../orders/saga-support.js';
import { COUPONS, PLACE, checkoutWhen, checkoutWithCoupon, createCoupon } from './support.js';

/**
 * Issue 16's rush: a coupon with a small limit, hundreds of checkouts carrying it placed at once.
 * Never more discounted orders than the limit — exactly the limit here, since more than enough
 * try — and every order's total agrees with whether it got the discount. Half the customers
 * acknowledge in advance (placed without the coupon once it ran out), half do not (refused with
 * PRICE_CHANGED / COUPON_EXHAUSTED, nothing placed).
 */

const CUSTOMERS = 200;
const LIMIT = 20;
const PRICE = 1_295; // 10 % = 129.5 → 130 cents

let stack: Stack;
let db: pg.Pool;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, promotionsSubgraph]);
  db = new pg.Pool({ connectionString: stack.env.databaseUrl, max: 2 });
}, 120_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe(`${CUSTOMERS} concurrent placements on a coupon limited to ${LIMIT}`, () => {
  it(`discounts exactly ${LIMIT} orders, each total consistent with its discount`, { timeout: 300_000 }, async () => {
    const sku = await productInStock(stack, CUSTOMERS + 10, { priceCents: PRICE });
    const { code } = await createCoupon(stack, { percentOff: 10, maxRedemptions: LIMIT });
    // the test's clients are bounded while filling their checkouts; the orders are placed all at once
    const shoppers = await inBatches(Array.from({ length: CUSTOMERS }), 20, () => checkoutWithCoupon(stack, sku, 1, code));
    await checkoutWhen(stack, shoppers[0]!.token, shoppers[0]!.checkoutId, (c) => c.discount.cents > 0, "orders' ledger to know the coupon");

    const outcomes = await Promise.all(
      shoppers.map(async (shopper, i) => ({ acknowledged: i % 2 === 0, res: await stack.request(PLACE, { checkoutId: shopper.checkoutId, acknowledgePriceChanges: i % 2 === 0 }, shopper.token) })),
    );

    const placed = outcomes.filter((o) => !o.res.errors).map((o) => ({ acknowledged: o.acknowledged, order: o.res.data.placeOrder }));
    const refused = outcomes.filter((o) => o.res.errors);
    const discounted = placed.filter((p) => p.order.couponCode === code);
    expect(discounted).toHaveLength(LIMIT);
    for (const { order } of placed) {
      const expectedDiscount = order.couponCode ? discountCents(order.subtotal.cents, 10) : 0;
      expect(order.subtotal.cents).toBe(PRICE);
      expect(order.discount.cents).toBe(expectedDiscount);
      expect(order.total.cents).toBe(order.subtotal.cents - order.discount.cents + order.shippingCost.cents);
    }
    // without acknowledgement, only a discounted order is placed; the others are told why
    expect(placed.filter((p) => !p.acknowledged && !p.order.couponCode)).toHaveLength(0);
    expect(refused.every((o) => !o.acknowledged && o.res.errors![0]!.extensions!.code === 'PRICE_CHANGED' && o.res.errors![0]!.extensions!.rule === 'COUPON_EXHAUSTED')).toBe(true);
    expect(placed.length + refused.length).toBe(CUSTOMERS);
    expect(placed.filter((p) => p.acknowledged)).toHaveLength(CUSTOMERS / 2);

    // orders' counter and its redemption rows agree; promotions counts the same
    const ledger = await db.query<{ redemptions: number; rows: string }>(
      `select a.redemptions, (select count(*) from orders.coupon_redemption r where r.code = a.code and r.released_at is null) as rows from orders.coupon_allowance a where a.code = $1`,
      [code],
    );
    expect(ledger.rows[0]).toEqual({ redemptions: LIMIT, rows: String(LIMIT) });
    const admin = await stack.tokenFor('ADMIN');
    await eventually(
      async () => (ok(await stack.request(COUPONS, { first: 100 }, admin)).coupons.nodes as { code: string; redemptions: number }[]).find((c) => c.code === code)?.redemptions === LIMIT,
      { what: `promotions to count ${LIMIT} redemptions`, timeoutMs: 30_000 },
    );
  });
});
