import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { promotionsSubgraph } from '../../subgraphs/promotions/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { ADD_ITEM, CREATE_CART, ok } from '../orders/support.js';
import { productInStock } from '../orders/saga-support.js';
import {
  APPLY_COUPON,
  CANCEL,
  CART,
  COUPONS,
  CREATE_COUPON,
  DEACTIVATE_COUPON,
  MERGE_CART,
  ORDER_MONEY,
  PLACE,
  REMOVE_COUPON,
  checkoutWhen,
  checkoutWithCoupon,
  createCoupon,
  errorOf,
} from './support.js';

/**
 * Issue 16 through the gateway: staff manage coupons; shoppers (guests too) apply them with every
 * refusal rule and the cart unchanged; checkout and order carry the discount and payments
 * authorizes the discounted total; a coupon that stops applying before placement is drift; a
 * cancelled order gives its redemption back; a guest's coupon is re-checked at merge.
 */

const PRICE = 1_295; // × 2 = 2 590: 10 % is 259 per cart (259.0), 15 % is 389 (388.5 rounded half up)

let stack: Stack;
let sku: string;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, promotionsSubgraph]);
  sku = await productInStock(stack, 500, { priceCents: PRICE });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

async function couponRow(code: string) {
  const page = ok(await stack.request(COUPONS, { first: 100 }, await stack.tokenFor('ADMIN'))).coupons;
  return (page.nodes as { code: string; redemptions: number; active: boolean }[]).find((c) => c.code === code);
}

const redemptionsBecome = (code: string, count: number) =>
  eventually(async () => (await couponRow(code))?.redemptions === count, { what: `${code} to count ${count} redemption(s)`, timeoutMs: 30_000 });

async function cartWithItems(token: string): Promise<string> {
  const cartId = ok(await stack.request(CREATE_CART, {}, token)).createCart.id as string;
  ok(await stack.request(ADD_ITEM, { cartId, sku, quantity: 2 }, token));
  return cartId;
}

describe('managing coupons (CATALOG_MANAGER, ADMIN)', () => {
  it('creates a coupon with its code normalised, lists it, and deactivates it once', async () => {
    const manager = await stack.tokenFor('CATALOG_MANAGER');
    const code = `spring-${randomUUID().slice(0, 6)}`;
    const validUntil = new Date(Date.now() + 86_400_000).toISOString();
    const created = ok(await stack.request(CREATE_COUPON, { input: { code: ` ${code} `, description: 'Spring sale', percentOff: 15, validUntil, maxRedemptions: 50 } }, manager)).createCoupon;
    expect(created).toEqual({ code: code.toUpperCase(), description: 'Spring sale', percentOff: 15, validUntil, maxRedemptions: 50, redemptions: 0, active: true });

    const again = await stack.request(CREATE_COUPON, { input: { code: code.toLowerCase(), description: 'Twice', percentOff: 5 } }, await stack.tokenFor('ADMIN'));
    expect(errorOf(again).code).toBe('CONFLICT');

    expect(await couponRow(code.toUpperCase())).toMatchObject({ redemptions: 0, active: true });
    expect(ok(await stack.request(DEACTIVATE_COUPON, { code }, manager)).deactivateCoupon).toEqual({ code: code.toUpperCase(), active: false });
    expect(ok(await stack.request(DEACTIVATE_COUPON, { code }, manager)).deactivateCoupon.active).toBe(false);
    expect(errorOf(await stack.request(DEACTIVATE_COUPON, { code: 'NO-SUCH-COUPON' }, manager)).code).toBe('NOT_FOUND');
  });

  it('refuses bad input naming each field', async () => {
    const res = await stack.request(CREATE_COUPON, { input: { code: 'x', description: '', percentOff: 101, validUntil: '2020-01-01T00:00:00Z', maxRedemptions: 0 } }, await stack.tokenFor('ADMIN'));
    expect(errorOf(res).code).toBe('BAD_USER_INPUT');
    expect(Object.keys(res.errors![0]!.extensions!.fields).sort()).toEqual(['code', 'description', 'maxRedemptions', 'percentOff', 'validUntil']);
  });

  it.each(['CUSTOMER', 'WAREHOUSE', 'CUSTOMER_SERVICE'] as const)('is FORBIDDEN to %s', async (role) => {
    const token = await stack.tokenFor(role);
    expect(errorOf(await stack.request(CREATE_COUPON, { input: { code: 'NOPE-1', description: 'x', percentOff: 5 } }, token)).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.request(COUPONS, {}, token)).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.request(DEACTIVATE_COUPON, { code: 'NOPE-1' }, token)).code).toBe('FORBIDDEN');
  });

  it('pages the listing by code', async () => {
    const admin = await stack.tokenFor('ADMIN');
    await createCoupon(stack);
    await createCoupon(stack);
    const first = ok(await stack.request(COUPONS, { first: 1 }, admin)).coupons;
    expect(first.nodes).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok(await stack.request(COUPONS, { first: 1, after: first.pageInfo.endCursor }, admin)).coupons;
    expect(next.nodes[0].code > first.nodes[0].code).toBe(true);
    expect(errorOf(await stack.request(COUPONS, { first: 0 }, admin)).code).toBe('BAD_USER_INPUT');
  });
});

describe('applying a coupon to a cart', () => {
  it('shows the coupon and the discount (per cart, half up), for guests too, and takes it off again', async () => {
    const { code } = await createCoupon(stack, { percentOff: 15, description: 'Fifteen' });
    const guest = await stack.tokenFor('GUEST');
    const cartId = await cartWithItems(guest);
    const applied = ok(await stack.request(APPLY_COUPON, { cartId, code: code.toLowerCase() }, guest)).applyCoupon.cart;
    expect(applied).toMatchObject({ subtotal: { cents: 2_590 }, discount: { cents: 389, currency: 'USD', formatted: '$3.89' }, coupon: { code, description: 'Fifteen', percentOff: 15 } });
    // the discount follows the lines
    ok(await stack.request(ADD_ITEM, { cartId, sku, quantity: 1 }, guest));
    expect(ok(await stack.request(CART, { id: cartId }, guest)).cart.discount.cents).toBe(583); // 3 885 × 15 % = 582.75

    const removed = ok(await stack.request(REMOVE_COUPON, { cartId }, guest)).removeCoupon.cart;
    expect(removed).toMatchObject({ coupon: null, discount: { cents: 0 } });
    expect(ok(await stack.request(REMOVE_COUPON, { cartId }, guest)).removeCoupon.cart.coupon).toBeNull();
  });

  it('keeps one coupon per cart: applying another replaces it', async () => {
    const [a, b] = [await createCoupon(stack, { percentOff: 10 }), await createCoupon(stack, { percentOff: 20 })];
    const token = await stack.tokenFor('CUSTOMER');
    const cartId = await cartWithItems(token);
    ok(await stack.request(APPLY_COUPON, { cartId, code: a.code }, token));
    const cart = ok(await stack.request(APPLY_COUPON, { cartId, code: b.code }, token)).applyCoupon.cart;
    expect(cart).toMatchObject({ coupon: { code: b.code }, discount: { cents: 518 } });
  });

  it('refuses an unknown, inactive or expired coupon with its rule and leaves the cart unchanged', async () => {
    const inactive = await createCoupon(stack);
    ok(await stack.request(DEACTIVATE_COUPON, { code: inactive.code }, await stack.tokenFor('ADMIN')));
    const expiring = await createCoupon(stack, { validUntil: new Date(Date.now() + 3_000).toISOString() });
    const kept = await createCoupon(stack, { percentOff: 10 });

    const token = await stack.tokenFor('CUSTOMER');
    const cartId = await cartWithItems(token);
    ok(await stack.request(APPLY_COUPON, { cartId, code: kept.code }, token));
    const before = ok(await stack.request(CART, { id: cartId }, token)).cart;

    expect(errorOf(await stack.request(APPLY_COUPON, { cartId, code: 'NO-SUCH-CODE' }, token))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'COUPON_UNKNOWN' });
    expect(errorOf(await stack.request(APPLY_COUPON, { cartId, code: '??' }, token))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'COUPON_UNKNOWN' });
    await eventually(async () => errorOf(await stack.request(APPLY_COUPON, { cartId, code: inactive.code }, token)).rule === 'COUPON_INACTIVE', {
      what: 'the cart to learn of the deactivation',
      timeoutMs: 20_000,
    });
    // probed on a throw-away cart: while the coupon still applies, applying it would replace `kept`
    const probe = await stack.tokenFor('GUEST');
    const probeCartId = await cartWithItems(probe);
    await eventually(async () => (await stack.request(APPLY_COUPON, { cartId: probeCartId, code: expiring.code }, probe)).errors?.[0]?.extensions?.rule === 'COUPON_EXPIRED', {
      what: 'the coupon to expire',
      timeoutMs: 20_000,
      intervalMs: 250,
    });
    expect(errorOf(await stack.request(APPLY_COUPON, { cartId, code: expiring.code }, token))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'COUPON_EXPIRED' });
    expect(ok(await stack.request(CART, { id: cartId }, token)).cart).toEqual(before);
  });

  it("is the owner's alone: another shopper's cart is NOT_FOUND", async () => {
    const { code } = await createCoupon(stack);
    const cartId = await cartWithItems(await stack.tokenFor('CUSTOMER'));
    expect(errorOf(await stack.request(APPLY_COUPON, { cartId, code }, await stack.tokenFor('CUSTOMER'))).code).toBe('NOT_FOUND');
    expect(errorOf(await stack.request(APPLY_COUPON, { cartId, code })).code).toBe('UNAUTHENTICATED');
  });
});

describe('checkout, placement and afterwards', () => {
  it('carries the discount into the checkout, the order and the payment amount; counts the redemption', async () => {
    const { code } = await createCoupon(stack, { percentOff: 10 });
    const shopper = await checkoutWithCoupon(stack, sku, 2, code);
    const checkout = await checkoutWhen(stack, shopper.token, shopper.checkoutId, (c) => c.discount.cents > 0, 'the checkout to show the discount');
    expect(checkout).toMatchObject({ subtotal: { cents: 2_590 }, discount: { cents: 259 }, couponCode: code, total: { cents: 2_590 - 259 + checkout.shippingCost.cents } });

    const order = ok(await stack.request(PLACE, { checkoutId: shopper.checkoutId }, shopper.token)).placeOrder;
    expect(order).toMatchObject({ couponCode: code, subtotal: { cents: 2_590 }, discount: { cents: 259 }, total: { cents: checkout.total.cents } });
    const paid = await eventually(async () => {
      const view = ok(await stack.request(ORDER_MONEY, { id: order.id }, shopper.token)).order;
      return view.payment?.amount ? view : undefined;
    }, { what: 'payments to hold the order total', timeoutMs: 30_000 });
    expect(paid.payment.amount.cents).toBe(order.total.cents);
    await redemptionsBecome(code, 1);
  });

  it('lets each customer use a coupon once', async () => {
    const { code } = await createCoupon(stack);
    const customerId = randomUUID();
    const first = await checkoutWithCoupon(stack, sku, 2, code, customerId);
    await checkoutWhen(stack, first.token, first.checkoutId, (c) => c.discount.cents > 0, 'the checkout to show the discount');
    ok(await stack.request(PLACE, { checkoutId: first.checkoutId }, first.token));
    await redemptionsBecome(code, 1);

    const token = await stack.tokenFor('CUSTOMER', customerId);
    const cartId = await cartWithItems(token);
    await eventually(async () => (await stack.request(APPLY_COUPON, { cartId, code }, token)).errors?.[0]?.extensions?.rule === 'COUPON_ALREADY_USED', {
      what: 'the cart to learn the customer used the coupon',
      timeoutMs: 20_000,
    });
    expect(ok(await stack.request(CART, { id: cartId }, token)).cart.coupon).toBeNull();
  });

  it("discounts only one of a customer's two checkouts placed at the same instant", async () => {
    const { code } = await createCoupon(stack);
    const customerId = randomUUID();
    // two carts checked out one after the other, both carrying the coupon (neither is placed yet)
    const first = await checkoutWithCoupon(stack, sku, 2, code, customerId);
    const second = await checkoutWithCoupon(stack, sku, 2, code, customerId);
    await checkoutWhen(stack, second.token, second.checkoutId, (c) => c.discount.cents > 0, 'the checkout to show the discount');
    const results = await Promise.all([first, second].map((s) => stack.request(PLACE, { checkoutId: s.checkoutId }, s.token)));
    const placed = results.filter((r) => !r.errors);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.data.placeOrder).toMatchObject({ couponCode: code, discount: { cents: 259 } });
    expect(errorOf(results.find((r) => r.errors)!)).toMatchObject({ code: 'PRICE_CHANGED', rule: 'COUPON_ALREADY_USED' });
  });

  it('refuses an exhausted coupon at apply time', async () => {
    const { code } = await createCoupon(stack, { maxRedemptions: 1 });
    const first = await checkoutWithCoupon(stack, sku, 2, code);
    await checkoutWhen(stack, first.token, first.checkoutId, (c) => c.discount.cents > 0, 'the checkout to show the discount');
    ok(await stack.request(PLACE, { checkoutId: first.checkoutId }, first.token));

    const token = await stack.tokenFor('CUSTOMER');
    const cartId = await cartWithItems(token);
    await eventually(async () => (await stack.request(APPLY_COUPON, { cartId, code }, token)).errors?.[0]?.extensions?.rule === 'COUPON_EXHAUSTED', {
      what: 'the cart to learn the coupon is used up',
      timeoutMs: 20_000,
    });
  });

  it('treats a coupon that expired between apply and place like price drift', async () => {
    const { code } = await createCoupon(stack, { percentOff: 10, validUntil: new Date(Date.now() + 6_000).toISOString() });
    const shopper = await checkoutWithCoupon(stack, sku, 2, code);
    const discounted = await checkoutWhen(stack, shopper.token, shopper.checkoutId, (c) => c.discount.cents > 0, 'the checkout to show the discount');
    // once it expires the checkout shows the total the order would have
    const after = await checkoutWhen(stack, shopper.token, shopper.checkoutId, (c) => c.discount.cents === 0, 'the coupon to expire');
    expect(after).toMatchObject({ couponCode: null, total: { cents: discounted.total.cents + 259 } });

    const refused = await stack.request(PLACE, { checkoutId: shopper.checkoutId }, shopper.token);
    expect(errorOf(refused)).toMatchObject({ code: 'PRICE_CHANGED', rule: 'COUPON_EXPIRED' });
    const order = ok(await stack.request(PLACE, { checkoutId: shopper.checkoutId, acknowledgePriceChanges: true }, shopper.token)).placeOrder;
    expect(order).toMatchObject({ couponCode: null, discount: { cents: 0 }, total: { cents: after.total.cents } });
  });

  it('treats a coupon deactivated between apply and place the same way', async () => {
    const { code } = await createCoupon(stack);
    const shopper = await checkoutWithCoupon(stack, sku, 2, code);
    await checkoutWhen(stack, shopper.token, shopper.checkoutId, (c) => c.discount.cents > 0, 'the checkout to show the discount');
    ok(await stack.request(DEACTIVATE_COUPON, { code }, await stack.tokenFor('CATALOG_MANAGER')));
    await checkoutWhen(stack, shopper.token, shopper.checkoutId, (c) => c.discount.cents === 0, 'orders to learn of the deactivation');
    expect(errorOf(await stack.request(PLACE, { checkoutId: shopper.checkoutId }, shopper.token))).toMatchObject({ code: 'PRICE_CHANGED', rule: 'COUPON_INACTIVE' });
  });

  it('gives the redemption back when the order is cancelled: the customer may use the coupon again', async () => {
    const { code } = await createCoupon(stack, { maxRedemptions: 1 });
    const customerId = randomUUID();
    const shopper = await checkoutWithCoupon(stack, sku, 2, code, customerId);
    await checkoutWhen(stack, shopper.token, shopper.checkoutId, (c) => c.discount.cents > 0, 'the checkout to show the discount');
    const order = ok(await stack.request(PLACE, { checkoutId: shopper.checkoutId }, shopper.token)).placeOrder;
    await redemptionsBecome(code, 1);

    ok(await stack.request(CANCEL, { orderId: order.id }, shopper.token));
    await redemptionsBecome(code, 0);
    const cartId = await cartWithItems(shopper.token);
    await eventually(async () => !(await stack.request(APPLY_COUPON, { cartId, code }, shopper.token)).errors, {
      what: 'the cart to learn the redemption was given back',
      timeoutMs: 20_000,
    });
  });
});

describe('a guest coupon at sign-in (mergeCart)', () => {
  it("comes along when it applies to the customer, and is left behind when the customer already used it", async () => {
    const { code } = await createCoupon(stack, { percentOff: 10 });

    // a customer who already used it
    const usedBy = randomUUID();
    const used = await checkoutWithCoupon(stack, sku, 2, code, usedBy);
    await checkoutWhen(stack, used.token, used.checkoutId, (c) => c.discount.cents > 0, 'the checkout to show the discount');
    ok(await stack.request(PLACE, { checkoutId: used.checkoutId }, used.token));
    const usedToken = await stack.tokenFor('CUSTOMER', usedBy);
    const usedCartId = await cartWithItems(usedToken);
    await eventually(async () => (await stack.request(APPLY_COUPON, { cartId: usedCartId, code }, usedToken)).errors?.[0]?.extensions?.rule === 'COUPON_ALREADY_USED', {
      what: 'the cart to learn the customer used the coupon',
      timeoutMs: 20_000,
    });

    const guestCart = async () => {
      const guest = await stack.tokenFor('GUEST');
      const cartId = await cartWithItems(guest);
      ok(await stack.request(APPLY_COUPON, { cartId, code }, guest));
      return guest;
    };
    const merged = ok(await stack.request(MERGE_CART, { guestToken: await guestCart() }, usedToken)).mergeCart;
    expect(merged).toMatchObject({ coupon: null, discount: { cents: 0 } });

    const fresh = await stack.tokenFor('CUSTOMER');
    const kept = ok(await stack.request(MERGE_CART, { guestToken: await guestCart() }, fresh)).mergeCart;
    expect(kept).toMatchObject({ coupon: { code }, subtotal: { cents: 2_590 }, discount: { cents: 259 } });
  });
});
