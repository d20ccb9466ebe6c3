import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  ADD_ITEM,
  CART,
  CHANGE_QUANTITY,
  CHECKOUT_CART,
  CLEAR_CART,
  MERGE_CART,
  MY_CART,
  REMOVE_ITEM,
  CartTables,
  createCart,
  createProduct,
  errorCode,
  login,
  ok,
  registerCustomer,
  startGuestSession,
  waitUntilAddable,
  type CartView,
} from './support.js';

/** SPEC §5: a guest signs in and keeps the cart (mergeCart); a customer checks out (checkoutCart → CheckoutInitiated). */

const CART_WITH_CUSTOMER = /* GraphQL */ `
  query CartTestCartCustomer($id: ID!) {
    cart(id: $id) {
      customer {
        id
        email
      }
      items {
        quantity
        product {
          sku
          name
        }
      }
    }
  }
`;

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let stack: Stack;
let tables: CartTables;
let catalogToken: string;
let bowl: string;
let treats: string;

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, cartSubgraph]);
  tables = await new CartTables(stack.env.databaseUrl).connect();
  catalogToken = await stack.tokenFor('CATALOG_MANAGER');
  bowl = await createProduct(stack, catalogToken, { priceCents: 1_299, name: 'Merge Test Bowl' });
  treats = await createProduct(stack, catalogToken, { priceCents: 450, name: 'Merge Test Treats' });
  await waitUntilAddable(stack, bowl);
  await waitUntilAddable(stack, treats);
});

afterAll(async () => {
  await tables?.close();
  await stack?.stop();
});

const add = (token: string, cartId: string, sku: string, quantity: number) => stack.request(ADD_ITEM, { cartId, sku, quantity }, token);
const readCart = async (token: string, id: string): Promise<CartView> => ok(await stack.request(CART, { id }, token)).cart;
const merge = (token: string | undefined, guestToken: string) => stack.request(MERGE_CART, { guestToken }, token);
const checkout = (token: string | undefined, cartId: string) => stack.request(CHECKOUT_CART, { cartId }, token);
const lines = (cart: CartView) => cart.items.map((i) => [i.product.sku, i.quantity, i.unitPrice.cents]);

describe('guest → sign in → mergeCart', () => {
  it("moves the guest's lines into the customer's cart, sums shared SKUs and clears the guest cart", async () => {
    const guestToken = await startGuestSession(stack);
    const guestCart = await createCart(stack, guestToken);
    ok(await add(guestToken, guestCart.id, bowl, 2));
    ok(await add(guestToken, guestCart.id, treats, 3));

    const { email, password, customerId } = await registerCustomer(stack);
    const first = await login(stack, email, password);
    const customerCart = await createCart(stack, first.token);
    ok(await add(first.token, customerCart.id, bowl, 1));

    // signs in again (another session of the same customer) and merges
    const { token } = await login(stack, email, password);
    const merged = ok(await merge(token, guestToken)).mergeCart as CartView;
    expect(merged.id).toBe(customerCart.id);
    expect(merged.status).toBe('ACTIVE');
    expect(lines(merged)).toEqual([
      [bowl, 3, 1_299],
      [treats, 3, 450],
    ]);
    expect(merged).toMatchObject({ itemCount: 6, subtotal: { cents: 3 * 1_299 + 3 * 450 }, customer: { id: customerId }, expiresAt: null });

    // the whole graph sees it: customer and product names resolve in their own subgraphs
    const view = ok(await stack.request(CART_WITH_CUSTOMER, { id: merged.id }, token)).cart;
    expect(view.customer).toEqual({ id: customerId, email });
    expect(view.items.map((i: any) => i.product.name)).toEqual(['Merge Test Bowl', 'Merge Test Treats']);

    const guestAfter = await readCart(guestToken, guestCart.id);
    expect(guestAfter).toMatchObject({ status: 'CLEARED', items: [], itemCount: 0, expiresAt: null });
    expect(ok(await stack.request(MY_CART, {}, guestToken)).myCart).toBeNull();

    const [customerEvent] = (await tables.eventsOf(customerCart.id, 'CartChanged')).slice(-1);
    expect(customerEvent).toMatchObject({ customerId, payload: { reason: 'MERGED', ownerKind: 'CUSTOMER', itemCount: 6, status: 'ACTIVE' } });
    const guestEvents = await tables.eventsOf(guestCart.id, 'CartChanged');
    const guestSubject = guestEvents[0].payload.ownerId;
    expect(guestEvents.map((e) => [e.payload.reason, e.customerId])).toEqual([
      ['ITEM_ADDED', guestSubject],
      ['ITEM_ADDED', guestSubject],
      ['MERGED', guestSubject],
    ]);
    expect(guestEvents[2].payload).toMatchObject({ ownerKind: 'GUEST', status: 'CLEARED', itemCount: 0 });

    // a second merge (a retry) changes nothing and publishes nothing
    const again = ok(await merge(token, guestToken)).mergeCart as CartView;
    expect(lines(again)).toEqual(lines(merged));
    expect(again.updatedAt).toBe(merged.updatedAt);
    expect(await tables.reasonsOf(customerCart.id)).toEqual(['ITEM_ADDED', 'MERGED']);
    expect(await tables.reasonsOf(guestCart.id)).toEqual(['ITEM_ADDED', 'ITEM_ADDED', 'MERGED']);
    // the guest cart can no longer change
    expect(errorCode(await add(guestToken, guestCart.id, bowl, 1))).toBe('CONFLICT');
  });

  it('creates the customer cart when there is none', async () => {
    const guestToken = await startGuestSession(stack);
    const guestCart = await createCart(stack, guestToken);
    ok(await add(guestToken, guestCart.id, treats, 2));
    const customer = await stack.tokenFor('CUSTOMER', randomUUID());
    const merged = ok(await merge(customer, guestToken)).mergeCart as CartView;
    expect(merged.id).not.toBe(guestCart.id);
    expect(lines(merged)).toEqual([[treats, 2, 450]]);
    expect(ok(await stack.request(MY_CART, {}, customer)).myCart.id).toBe(merged.id);
  });

  it('caps merged quantities at 999 units per SKU instead of failing', async () => {
    const guestToken = await startGuestSession(stack);
    const guestCart = await createCart(stack, guestToken);
    ok(await add(guestToken, guestCart.id, bowl, 998));
    const customer = await stack.tokenFor('CUSTOMER', randomUUID());
    const customerCart = await createCart(stack, customer);
    ok(await add(customer, customerCart.id, bowl, 5));
    const merged = ok(await merge(customer, guestToken)).mergeCart as CartView;
    expect(lines(merged)).toEqual([[bowl, 999, 1_299]]);
    expect((await readCart(guestToken, guestCart.id)).status).toBe('CLEARED');
    const [mergedHistory] = (await tables.history(customerCart.id)).filter((h) => h.reason === 'MERGED');
    expect(mergedHistory.detail?.capped).toEqual([{ sku: bowl, requested: 998, kept: 994, rule: 'MAX_UNITS_PER_SKU' }]);
  });

  it('needs a customer session and a valid guest token', async () => {
    const guestToken = await startGuestSession(stack);
    const customer = await stack.tokenFor('CUSTOMER');
    expect(errorCode(await merge(undefined, guestToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await merge(guestToken, guestToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await merge(await stack.tokenFor('ADMIN'), guestToken))).toBe('FORBIDDEN');
    for (const bad of ['not-a-token', await stack.tokenFor('CUSTOMER'), `${guestToken.slice(0, -4)}AAAA`]) {
      const res = await merge(customer, bad);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields).toHaveProperty('guestToken');
    }
  });
});

describe('checkoutCart', () => {
  it('checks the cart out and records CheckoutInitiated with the item snapshot', async () => {
    const customerId = randomUUID();
    const token = await stack.tokenFor('CUSTOMER', customerId);
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, bowl, 2));
    ok(await add(token, cart.id, treats, 1));

    const checkoutId = ok(await checkout(token, cart.id)).checkoutCart.id as string;
    expect(checkoutId).toMatch(UUID_V7);
    expect(await readCart(token, cart.id)).toMatchObject({ status: 'CHECKED_OUT', itemCount: 3, expiresAt: null });

    const [initiated] = await tables.eventsOf(cart.id, 'CheckoutInitiated');
    expect(initiated).toMatchObject({ customerId, correlationId: checkoutId });
    expect(initiated.payload).toEqual({
      checkoutId,
      cartId: cart.id,
      customerId,
      items: [
        { sku: bowl, name: 'Merge Test Bowl', quantity: 2, unitPriceCents: 1_299, currency: 'USD' },
        { sku: treats, name: 'Merge Test Treats', quantity: 1, unitPriceCents: 450, currency: 'USD' },
      ],
      occurredAt: expect.any(String),
    });
    const changed = (await tables.eventsOf(cart.id, 'CartChanged')).slice(-1)[0];
    expect(changed).toMatchObject({ customerId, payload: { reason: 'CHECKED_OUT', status: 'CHECKED_OUT', itemCount: 3, subtotalCents: 2 * 1_299 + 450 } });

    // the next createCart starts a fresh cart
    expect(ok(await stack.request(MY_CART, {}, token)).myCart).toBeNull();
    expect((await createCart(stack, token)).id).not.toBe(cart.id);
  });

  it('refuses a second checkout of the same cart with CONFLICT naming the checkout already started', async () => {
    const token = await stack.tokenFor('CUSTOMER', randomUUID());
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, bowl, 1));
    const checkoutId = ok(await checkout(token, cart.id)).checkoutCart.id;
    const again = await checkout(token, cart.id);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions!.checkoutId).toBe(checkoutId);
    expect(await tables.eventsOf(cart.id, 'CheckoutInitiated')).toHaveLength(1);
  });

  it('refuses every change of a checked-out cart with CONFLICT', async () => {
    const token = await stack.tokenFor('CUSTOMER', randomUUID());
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, bowl, 1));
    ok(await checkout(token, cart.id));
    const attempts = [
      await add(token, cart.id, treats, 1),
      await stack.request(CHANGE_QUANTITY, { cartId: cart.id, sku: bowl, quantity: 2 }, token),
      await stack.request(REMOVE_ITEM, { cartId: cart.id, sku: bowl }, token),
      await stack.request(CLEAR_CART, { cartId: cart.id }, token),
    ];
    for (const res of attempts) expect(errorCode(res)).toBe('CONFLICT');
    expect(await readCart(token, cart.id)).toMatchObject({ status: 'CHECKED_OUT', itemCount: 1 });
  });

  it('asks guests to sign in (UNAUTHENTICATED) and refuses an empty cart (BAD_USER_INPUT)', async () => {
    const guest = await startGuestSession(stack);
    const guestCart = await createCart(stack, guest);
    ok(await add(guest, guestCart.id, bowl, 1));
    const res = await checkout(guest, guestCart.id);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/sign in to check out/i);
    expect((await readCart(guest, guestCart.id)).status).toBe('ACTIVE');

    const token = await stack.tokenFor('CUSTOMER', randomUUID());
    const empty = await createCart(stack, token);
    expect(errorCode(await checkout(token, empty.id))).toBe('BAD_USER_INPUT');
    expect((await readCart(token, empty.id)).status).toBe('ACTIVE');
  });

  it("answers NOT_FOUND for another customer's cart and checks nothing out", async () => {
    const owner = await stack.tokenFor('CUSTOMER', randomUUID());
    const cart = await createCart(stack, owner);
    ok(await add(owner, cart.id, bowl, 1));
    expect(errorCode(await checkout(await stack.tokenFor('CUSTOMER'), cart.id))).toBe('NOT_FOUND');
    expect(errorCode(await checkout(undefined, cart.id))).toBe('UNAUTHENTICATED');
    expect((await readCart(owner, cart.id)).status).toBe('ACTIVE');
    expect(await tables.eventsOf(cart.id, 'CheckoutInitiated')).toEqual([]);
  });
});
