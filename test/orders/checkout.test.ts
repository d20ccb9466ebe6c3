import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { CustomersDb } from '../customers/support.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  ADD_ADDRESS,
  ALL_ORDERS,
  CHANGE_PRICE,
  CHECKOUT,
  EventPublisher,
  MY_ORDERS,
  ORDER,
  OrdersDb,
  PLACE_ORDER,
  REMOVE_ADDRESS,
  SET_ADDRESS,
  SET_METHOD,
  SET_PAYMENT,
  checkoutCart,
  completeCheckout,
  createProduct,
  errorCode,
  homeAddress,
  ok,
  placeOrder,
  registerCustomer,
  type CheckoutView,
} from './support.js';

/**
 * SPEC §6 "Checkout": a customer's cart becomes a checkout (cart's checkoutCart), three steps in
 * any order, then placeOrder with its errors and the price-drift rule — through the gateway, with
 * customers (address book), catalog (prices), inventory, cart and orders running.
 */

let stack: Stack;
let db: OrdersDb;
let customersDb: CustomersDb;
let events: EventPublisher;
let catalogToken: string;
let kibble: string; // $12.99
let treats: string; // $4.50

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph], {
    // No saga here needs a timeout. Quiet, the timeout job's tick does not borrow the pooled
    // connection a test is watching: pg_stat_activity shows only each connection's latest statement.
    ORDER_TIMEOUT_POLL_MS: String(60 * 60_000),
  });
  db = await new OrdersDb(stack.env.databaseUrl).connect();
  customersDb = new CustomersDb(stack.env.databaseUrl);
  await customersDb.connect();
  events = await EventPublisher.connect(stack);
  catalogToken = await stack.tokenFor('CATALOG_MANAGER');
  kibble = await createProduct(stack, catalogToken, 1_299);
  treats = await createProduct(stack, catalogToken, 450);
});

afterAll(async () => {
  await events?.close();
  await db?.close();
  await customersDb?.close();
  await stack?.stop();
});

/** A registered customer with a checkout of 2 × kibble and 1 × treats. */
async function freshCheckout(items: [string, number][] = [[kibble, 2], [treats, 1]]) {
  const customer = await registerCustomer(stack);
  const { response } = await checkoutCart(stack, customer.token, items);
  const checkout = ok(response).checkoutCart as CheckoutView;
  return { ...customer, checkout };
}

const step = async (query: string, variables: Record<string, unknown>, token: string) => stack.request(query, variables, token);

describe('starting a checkout from the cart', () => {
  it('answers checkoutCart with the checkout at once (orders waits for CheckoutInitiated), at cart prices', async () => {
    const { checkout } = await freshCheckout();
    expect(checkout).toMatchObject({
      status: 'IN_PROGRESS',
      items: [
        { product: { sku: kibble }, quantity: 2, unitPrice: { cents: 1_299, currency: 'USD' }, lineTotal: { cents: 2_598 } },
        { product: { sku: treats }, quantity: 1, unitPrice: { cents: 450 }, lineTotal: { cents: 450 } },
      ],
      shippingAddress: null,
      shippingMethod: null,
      shippingCost: null,
      hasPaymentMethod: false,
      priceChanges: [],
      subtotal: { cents: 3_048 },
      total: { cents: 3_048 },
      order: null,
    });
  });

  it('shows a checkout only to its customer and to staff (others: NOT_FOUND)', async () => {
    const { checkout, token } = await freshCheckout();
    expect(ok(await stack.request(CHECKOUT, { id: checkout.id }, token)).checkout.id).toBe(checkout.id);
    expect(ok(await stack.request(CHECKOUT, { id: checkout.id }, await stack.tokenFor('CUSTOMER_SERVICE'))).checkout.id).toBe(checkout.id);
    expect(errorCode(await stack.request(CHECKOUT, { id: checkout.id }, await stack.tokenFor('CUSTOMER')))).toBe('NOT_FOUND');
    expect(errorCode(await stack.request(CHECKOUT, { id: checkout.id }, await stack.tokenFor('GUEST')))).toBe('NOT_FOUND');
    expect(errorCode(await stack.request(CHECKOUT, { id: checkout.id }))).toBe('UNAUTHENTICATED');
    // another customer cannot take a step on it either
    expect(errorCode(await step(SET_METHOD, { checkoutId: checkout.id, method: 'EXPRESS' }, await stack.tokenFor('CUSTOMER')))).toBe('NOT_FOUND');
  });

  it('takes a step sent before orders has the checkout: waits for CheckoutInitiated, then applies it', async () => {
    const customer = await registerCustomer(stack);
    const checkoutId = randomUUID();
    const held = await db.holdNewCheckouts();
    let answer: ReturnType<typeof step> | undefined;
    try {
      const sent = await db.now();
      await events.initiateCheckout(customer.customerId, [{ sku: kibble, quantity: 1, unitPriceCents: 1_299 }], checkoutId);
      // orders received the event: its insert of the checkout waits on the held table
      // (delivered alone, the handler's insert travels in one statement with its inbox row)
      await eventually(async () => (await db.statementsSince(sent)).some((query) => /insert into "orders".checkout /.test(query)), { what: 'the checkout insert waiting' });
      const stepSent = await db.now();
      answer = step(SET_METHOD, { checkoutId, method: 'EXPRESS' }, customer.token);
      // the step found no checkout to lock (the insert has not committed) and now waits for it
      // outside its transaction: the wait's own read is a plain select of the checkout
      await eventually(async () => (await db.statementsSince(stepSent)).some((query) => /^select .* from "orders"\.checkout where id = /.test(query)), { what: 'the step waiting for the checkout' });
    } finally {
      await held.release();
    }
    expect(ok(await answer!).setCheckoutShippingMethod).toMatchObject({ id: checkoutId, shippingMethod: 'EXPRESS' });
  });

  it('answers NOT_FOUND for an unknown checkout after a bounded wait', async () => {
    const started = Date.now();
    expect(errorCode(await stack.request(CHECKOUT, { id: randomUUID() }, await stack.tokenFor('CUSTOMER')))).toBe('NOT_FOUND');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(errorCode(await stack.request(CHECKOUT, { id: 'not-an-id' }, await stack.tokenFor('CUSTOMER')))).toBe('NOT_FOUND');
  });
});

describe('step 1: the shipping address', () => {
  it('verifies an inline address and keeps the warnings, which never block', async () => {
    const { checkout, token } = await freshCheckout();
    const verified = ok(await step(SET_ADDRESS, { checkoutId: checkout.id, address: homeAddress() }, token)).setCheckoutShippingAddress;
    expect(verified).toMatchObject({ shippingAddress: { line1: '1 Main St', city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' }, addressWarnings: [] });

    const corrected = ok(await step(SET_ADDRESS, { checkoutId: checkout.id, address: homeAddress({ region: 'nj', city: '  newark ' }) }, token)).setCheckoutShippingAddress;
    expect(corrected.shippingAddress).toMatchObject({ region: 'NJ', city: 'Newark' });
    expect(corrected.addressWarnings).toEqual([expect.stringMatching(/^CORRECTED/)]);

    const invalid = ok(await step(SET_ADDRESS, { checkoutId: checkout.id, address: homeAddress({ postalCode: '00000' }) }, token)).setCheckoutShippingAddress;
    expect(invalid.addressWarnings).toEqual([expect.stringMatching(/^INVALID/)]);
  });

  it.each([
    ['both addressId and address', { addressId: randomUUID(), address: homeAddress() }, ['addressId', 'address']],
    ['neither', {}, ['addressId', 'address']],
    ['a country that is not two letters', { address: homeAddress({ country: 'USA' }) }, ['address.country']],
    ['an empty city', { address: homeAddress({ city: ' ' }) }, ['address.city']],
  ])('refuses %s (BAD_USER_INPUT)', async (_case, variables, fields) => {
    const { checkout, token } = await freshCheckout();
    const res = await step(SET_ADDRESS, { checkoutId: checkout.id, ...variables }, token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(Object.keys(res.errors![0]!.extensions!.fields)).toEqual(fields);
  });

  it("copies a saved address, which customers then refuses to remove until the order is placed", async () => {
    const { checkout, token } = await freshCheckout();
    const saved = ok(await stack.request(ADD_ADDRESS, { input: { nickname: 'Office', line1: '9 Work Ave', city: 'Kent', region: 'WA', postalCode: '98032', country: 'US' } }, token)).addAddress;

    const chosen = ok(await step(SET_ADDRESS, { checkoutId: checkout.id, addressId: saved.id }, token)).setCheckoutShippingAddress;
    expect(chosen.shippingAddress).toMatchObject({ line1: '9 Work Ave', city: 'Kent', region: 'WA' });
    expect((await db.eventsFor(checkout.id, 'CheckoutAddressSelected')).map((e) => e.payload.addressId)).toEqual([saved.id]);
    // watched in customers' projection: a removal tried before the hold arrives would succeed
    await eventually(async () => (await customersDb.checkoutHold(checkout.id))?.addressId === saved.id, { what: 'customers to hold the address' });
    expect(errorCode(await stack.request(REMOVE_ADDRESS, { id: saved.id }, token))).toBe('CONFLICT');

    ok(await step(SET_METHOD, { checkoutId: checkout.id, method: 'STANDARD' }, token));
    ok(await step(SET_PAYMENT, { checkoutId: checkout.id, paymentToken: 'tok_visa' }, token));
    const order = await placeOrder(stack, token, checkout.id);
    expect(order.shippingAddress).toMatchObject({ line1: '9 Work Ave', region: 'WA' });
    // the order keeps its copy; the address book is free again
    await eventually(async () => ok(await stack.request(REMOVE_ADDRESS, { id: saved.id }, token)).removeAddress === true, { what: 'customers to release the address' });
    expect((await stack.request(ORDER, { id: order.id }, token)).data.order.shippingAddress.line1).toBe('9 Work Ave');
  });

  it("refuses someone else's saved address (BAD_USER_INPUT)", async () => {
    const other = await registerCustomer(stack);
    const theirs = ok(await stack.request(ADD_ADDRESS, { input: { nickname: 'Theirs', line1: '5 Elm St', city: 'Dallas', region: 'TX', postalCode: '75201', country: 'US' } }, other.token)).addAddress;
    const { checkout, token } = await freshCheckout();
    const res = await step(SET_ADDRESS, { checkoutId: checkout.id, addressId: theirs.id }, token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.fields).toHaveProperty('addressId');
  });
});

describe('steps 2 and 3: shipping method and payment token', () => {
  it.each([
    ['STANDARD', 599, '$5.99'],
    ['EXPRESS', 1_299, '$12.99'],
    ['NEXT_DAY', 2_499, '$24.99'],
  ])('prices %s shipping at %i cents', async (method, cents, formatted) => {
    const { checkout, token } = await freshCheckout([[treats, 1]]);
    const chosen = ok(await step(SET_METHOD, { checkoutId: checkout.id, method }, token)).setCheckoutShippingMethod;
    expect(chosen).toMatchObject({ shippingMethod: method, shippingCost: { cents, formatted }, total: { cents: 450 + cents } });
  });

  it('takes a payment token of at most 256 characters', async () => {
    const { checkout, token } = await freshCheckout();
    const tooLong = await step(SET_PAYMENT, { checkoutId: checkout.id, paymentToken: `tok_${'x'.repeat(253)}` }, token);
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0]!.extensions!.fields).toHaveProperty('paymentToken');
    const set = ok(await step(SET_PAYMENT, { checkoutId: checkout.id, paymentToken: `tok_${'x'.repeat(252)}` }, token)).setCheckoutPaymentMethod;
    expect(set.hasPaymentMethod).toBe(true);
  });

  it('refuses the steps to guests (UNAUTHENTICATED) and staff (FORBIDDEN)', async () => {
    const { checkout } = await freshCheckout();
    expect(errorCode(await step(SET_METHOD, { checkoutId: checkout.id, method: 'EXPRESS' }, await stack.tokenFor('GUEST')))).toBe('UNAUTHENTICATED');
    expect(errorCode(await step(SET_METHOD, { checkoutId: checkout.id, method: 'EXPRESS' }, await stack.tokenFor('ADMIN')))).toBe('FORBIDDEN');
  });
});

describe('placeOrder', () => {
  it('names every missing step (BAD_USER_INPUT)', async () => {
    const { checkout, token } = await freshCheckout();
    const res = await stack.request(PLACE_ORDER, { checkoutId: checkout.id }, token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toBe('The checkout is missing: shipping address, shipping method, payment method');
    expect(Object.keys(res.errors![0]!.extensions!.fields)).toEqual(['shippingAddress', 'shippingMethod', 'paymentMethod']);

    ok(await step(SET_METHOD, { checkoutId: checkout.id, method: 'EXPRESS' }, token));
    const still = await stack.request(PLACE_ORDER, { checkoutId: checkout.id }, token);
    expect(still.errors![0]!.message).toBe('The checkout is missing: shipping address, payment method');
  });

  it('turns the checkout into an order with totals, once: placing again returns the same order', async () => {
    const { checkout, token, customerId } = await freshCheckout();
    await completeCheckout(stack, token, checkout.id, { method: 'EXPRESS' });
    const order = await placeOrder(stack, token, checkout.id);
    expect(order).toMatchObject({
      status: 'PLACED',
      customer: { id: customerId },
      items: [
        { product: { sku: kibble }, quantity: 2, unitPrice: { cents: 1_299 }, lineTotal: { cents: 2_598 } },
        { product: { sku: treats }, quantity: 1, unitPrice: { cents: 450 } },
      ],
      shippingMethod: 'EXPRESS',
      subtotal: { cents: 3_048 },
      shippingCost: { cents: 1_299 },
      total: { cents: 4_347, formatted: '$43.47' },
      cancellationReason: null,
    });
    expect(order.timeline.map((e) => e.type).slice(0, 3)).toEqual(['PLACED', 'RESERVATION_REQUESTED', 'PAYMENT_AUTHORIZATION_REQUESTED']);

    const again = await Promise.all([placeOrder(stack, token, checkout.id), placeOrder(stack, token, checkout.id)]);
    expect(again.map((o) => o.id)).toEqual([order.id, order.id]);
    expect((await db.eventsFor(order.id, 'OrderPlaced')).length).toBe(1);

    const completed = ok(await stack.request(CHECKOUT, { id: checkout.id }, token)).checkout;
    expect(completed).toMatchObject({ status: 'COMPLETED', order: { id: order.id }, hasPaymentMethod: true });
    expect(errorCode(await step(SET_METHOD, { checkoutId: checkout.id, method: 'NEXT_DAY' }, token))).toBe('CONFLICT');

    // the saga started: reservation and authorization requested together, the token passed on
    const requests = await db.eventsFor(order.id);
    expect(requests.map((e) => e.type)).toEqual(expect.arrayContaining(['OrderPlaced', 'InventoryReservationRequested', 'PaymentAuthorizationRequested', 'OrderStatusChanged']));
    const [authorization] = await db.eventsFor(order.id, 'PaymentAuthorizationRequested');
    expect(authorization!.payload).toMatchObject({ amountCents: 4_347, currency: 'USD', paymentToken: 'tok_visa', customerId });
  });

  it('fails with PRICE_CHANGED when a price drifted, and uses the new prices once acknowledged', async () => {
    const sku = await createProduct(stack, catalogToken, 2_000);
    const { checkout, token } = await freshCheckout([[sku, 1], [treats, 2]]);
    await completeCheckout(stack, token, checkout.id);
    ok(await stack.request(CHANGE_PRICE, { sku, price: { cents: 2_500, currency: 'USD' } }, catalogToken));

    const drift = await eventually(
      async () => {
        const view = ok(await stack.request(CHECKOUT, { id: checkout.id }, token)).checkout as CheckoutView;
        return view.priceChanges.length ? view.priceChanges : undefined;
      },
      { what: 'the new price to reach orders' },
    );
    expect(drift).toEqual([{ product: { sku }, previousPrice: { cents: 2_000 }, currentPrice: { cents: 2_500 } }]);

    const refused = await stack.request(PLACE_ORDER, { checkoutId: checkout.id }, token);
    expect(errorCode(refused)).toBe('PRICE_CHANGED');
    expect(refused.errors![0]!.extensions!.priceChanges).toEqual([
      { sku, previousPrice: { cents: 2_000, currency: 'USD', formatted: '$20.00' }, currentPrice: { cents: 2_500, currency: 'USD', formatted: '$25.00' } },
    ]);
    expect(ok(await stack.request(CHECKOUT, { id: checkout.id }, token)).checkout.status).toBe('IN_PROGRESS');

    const order = await placeOrder(stack, token, checkout.id, true);
    expect(order.items.find((i) => i.product.sku === sku)!.unitPrice.cents).toBe(2_500);
    expect(order.subtotal.cents).toBe(2_500 + 2 * 450);
    expect(order.total.cents).toBe(2_500 + 2 * 450 + 599);
  });
});

describe('reading orders', () => {
  it("lets the customer and staff read an order, and nobody else", async () => {
    const { checkout, token, customerId } = await freshCheckout([[treats, 1]]);
    await completeCheckout(stack, token, checkout.id);
    const order = await placeOrder(stack, token, checkout.id);

    expect(ok(await stack.request(ORDER, { id: order.id }, token)).order.id).toBe(order.id);
    expect(ok(await stack.request(ORDER, { id: order.id }, await stack.tokenFor('CUSTOMER_SERVICE'))).order.customer.id).toBe(customerId);
    expect(errorCode(await stack.request(ORDER, { id: order.id }, await stack.tokenFor('CUSTOMER')))).toBe('NOT_FOUND');
    expect(errorCode(await stack.request(ORDER, { id: order.id }, await stack.tokenFor('GUEST')))).toBe('NOT_FOUND');
    expect(errorCode(await stack.request(ORDER, { id: order.id }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await stack.request(ORDER, { id: 'nope' }, token))).toBe('NOT_FOUND');
  });

  it('lists the customer’s own orders, newest first, page by page (myOrders and me.orders)', async () => {
    const customer = await registerCustomer(stack);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const checkout = ok((await checkoutCart(stack, customer.token, [[treats, 1]])).response).checkoutCart;
      await completeCheckout(stack, customer.token, checkout.id);
      ids.push((await placeOrder(stack, customer.token, checkout.id)).id);
    }
    const first = ok(await stack.request(MY_ORDERS, { first: 2 }, customer.token)).myOrders;
    expect(first.totalCount).toBe(3);
    expect(first.nodes.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await stack.request(MY_ORDERS, { first: 2, after: first.pageInfo.endCursor }, customer.token)).myOrders;
    expect(second.nodes.map((o: { id: string }) => o.id)).toEqual([ids[0]]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const me = ok(await stack.request('query OrdersTestMe { me { id orders(first: 10) { totalCount nodes { id } } } }', {}, customer.token)).me;
    expect(me.orders.totalCount).toBe(3);
    expect(errorCode(await stack.request(MY_ORDERS, { first: 0 }, customer.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await stack.request(MY_ORDERS, { after: 'garbage' }, customer.token))).toBe('BAD_USER_INPUT');
  });

  it('lists every order to staff only, optionally by status', async () => {
    const { checkout, token } = await freshCheckout([[treats, 1]]);
    await completeCheckout(stack, token, checkout.id);
    const order = await placeOrder(stack, token, checkout.id);
    const staff = await stack.tokenFor('CUSTOMER_SERVICE');
    const all = ok(await stack.request(ALL_ORDERS, { first: 100 }, staff)).orders;
    expect(all.nodes.map((o: { id: string }) => o.id)).toContain(order.id);
    const byStatus = ok(await stack.request(ALL_ORDERS, { status: 'DELIVERED' }, staff)).orders;
    expect(byStatus.nodes.every((o: { status: string }) => o.status === 'DELIVERED')).toBe(true);
    expect(errorCode(await stack.request(ALL_ORDERS, {}, token))).toBe('FORBIDDEN');
    expect(errorCode(await stack.request(ALL_ORDERS, {}))).toBe('UNAUTHENTICATED');
  });
});
