import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  ADD_ITEM,
  CART,
  CHANGE_PRODUCT_PRICE,
  CHANGE_PRODUCT_STATUS,
  CHANGE_QUANTITY,
  CLEAR_CART,
  MY_CART,
  REMOVE_ITEM,
  CartTables,
  InventoryStandIn,
  createCart,
  createProduct,
  errorCode,
  ok,
  uniqueSku,
  waitForProjection,
  waitUntilAddable,
  type CartView,
} from './support.js';

/** SPEC §5 through the gateway: one active cart per owner, item rules, limits, warnings, ownership, events. */

const CART_PRODUCTS = /* GraphQL */ `
  query CartTestCartProducts($id: ID!) {
    cart(id: $id) {
      items {
        product {
          sku
          name
          price {
            cents
          }
        }
      }
    }
  }
`;

const DAY_MS = 24 * 3600_000;

let stack: Stack;
let tables: CartTables;
let inventory: InventoryStandIn;
let catalogToken: string;
/** ACTIVE products: 10.00 with plenty of stock, 2.50 with low stock, 7.00 never stocked. */
let plenty: string;
let low: string;
let unstocked: string;

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, cartSubgraph]);
  tables = await new CartTables(stack.env.databaseUrl).connect();
  inventory = await InventoryStandIn.connect(stack);
  catalogToken = await stack.tokenFor('CATALOG_MANAGER');
  plenty = await createProduct(stack, catalogToken, { priceCents: 1_000 });
  low = await createProduct(stack, catalogToken, { priceCents: 250 });
  unstocked = await createProduct(stack, catalogToken, { priceCents: 700 });
  await inventory.stockLevel(plenty, 50);
  await inventory.stockLevel(low, 4);
  await waitUntilAddable(stack, plenty);
  await waitUntilAddable(stack, low);
  await waitUntilAddable(stack, unstocked);
  await eventuallyStocked(plenty, 50);
  await eventuallyStocked(low, 4);
});

afterAll(async () => {
  await inventory?.close();
  await tables?.close();
  await stack?.stop();
});

async function eventuallyStocked(sku: string, total: number) {
  await eventually(async () => (await tables.stock(sku))?.total_available === total, { what: `stock projection of ${sku}` });
}

const shopper = (role: 'GUEST' | 'CUSTOMER' = 'CUSTOMER') => stack.tokenFor(role, randomUUID());
const add = (token: string, cartId: string, sku: string, quantity: number) => stack.request(ADD_ITEM, { cartId, sku, quantity }, token);
const change = (token: string, cartId: string, sku: string, quantity: number) => stack.request(CHANGE_QUANTITY, { cartId, sku, quantity }, token);
const remove = (token: string, cartId: string, sku: string) => stack.request(REMOVE_ITEM, { cartId, sku }, token);
const readCart = async (token: string, id: string): Promise<CartView> => ok(await stack.request(CART, { id }, token)).cart;

describe('one active cart per owner', () => {
  it('makes a product created through catalog addable once its event arrived (measured, not asserted)', async () => {
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const sku = await createProduct(stack, catalogToken);
      delays.push(await waitUntilAddable(stack, sku));
    }
    // A measurement for docs/cart.md: createProduct answered → the first addCartItem that succeeds (50 ms polling).
    console.info(`[cart] fresh product addable after ${delays.join(', ')} ms (createProduct answered → addCartItem succeeded)`);
    expect(delays).toHaveLength(5);
  });

  it.each(['GUEST', 'CUSTOMER'] as const)('gives a %s the same ACTIVE cart however often (and however concurrently) it is created', async (role) => {
    const token = await shopper(role);
    const carts = await Promise.all(Array.from({ length: 6 }, () => createCart(stack, token)));
    expect(new Set(carts.map((c) => c.id)).size).toBe(1);
    expect((await createCart(stack, token)).id).toBe(carts[0].id);
    expect(carts[0]).toMatchObject({ status: 'ACTIVE', items: [], itemCount: 0, subtotal: { cents: 0, currency: 'USD', formatted: '$0.00' } });
    expect(ok(await stack.request(MY_CART, {}, token)).myCart.id).toBe(carts[0].id);
  });

  it("gives guests' carts an expiry 24 hours after the last change and customers' carts none", async () => {
    const guest = await createCart(stack, await shopper('GUEST'));
    expect(Date.parse(guest.expiresAt!) - Date.parse(guest.updatedAt)).toBe(DAY_MS);
    expect(guest.customer).toBeNull();
    const subject = randomUUID();
    const customer = await createCart(stack, await stack.tokenFor('CUSTOMER', subject));
    expect(customer.expiresAt).toBeNull();
    expect(customer.customer).toEqual({ id: subject });
  });

  it('refuses carts to anonymous callers (UNAUTHENTICATED) and staff (FORBIDDEN)', async () => {
    expect(errorCode(await stack.request('mutation CartTestAnonymousCreate { createCart { id } }'))).toBe('UNAUTHENTICATED');
    for (const role of ['ADMIN', 'CUSTOMER_SERVICE', 'CATALOG_MANAGER'] as const) {
      expect(errorCode(await stack.request('mutation CartTestStaffCreate { createCart { id } }', {}, await stack.tokenFor(role)))).toBe('FORBIDDEN');
    }
  });

  it('answers myCart with null for a shopper without a cart, anonymous callers and staff', async () => {
    expect(ok(await stack.request(MY_CART, {}, await shopper())).myCart).toBeNull();
    expect(ok(await stack.request(MY_CART)).myCart).toBeNull();
    expect(ok(await stack.request(MY_CART, {}, await stack.tokenFor('ADMIN'))).myCart).toBeNull();
  });
});

describe('adding items', () => {
  it('adds an item at the catalog price; product fields resolve through catalog', async () => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    const res = ok(await add(token, cart.id, plenty.toLowerCase(), 2)).addCartItem;
    expect(res.warnings).toEqual([]);
    expect(res.cart).toMatchObject({
      itemCount: 2,
      subtotal: { cents: 2_000, currency: 'USD', formatted: '$20.00' },
      items: [{ quantity: 2, unitPrice: { cents: 1_000, currency: 'USD' }, lineTotal: { cents: 2_000 }, product: { sku: plenty } }],
    });
    const products = ok(await stack.request(CART_PRODUCTS, { id: cart.id }, token)).cart.items.map((i: any) => i.product);
    expect(products).toEqual([{ sku: plenty, name: `Cart Test Chew Toy ${plenty}`, price: { cents: 1_000 } }]);
  });

  it('adds seeded products too (catalog seeds through its outbox)', async () => {
    await waitUntilAddable(stack, 'DOG-BOWL-001');
    const token = await shopper();
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, 'DOG-BOWL-001', 1));
    const [item] = ok(await stack.request(CART_PRODUCTS, { id: cart.id }, token)).cart.items;
    expect(item.product.sku).toBe('DOG-BOWL-001');
    expect(item.product.name).toBeTruthy();
  });

  it('sums the quantity of a SKU already in the cart and keeps the price it was first added at', async () => {
    const sku = await createProduct(stack, catalogToken, { priceCents: 1_500 });
    await waitUntilAddable(stack, sku);
    const token = await shopper();
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, sku, 2));

    ok(await stack.request(CHANGE_PRODUCT_PRICE, { sku, price: { cents: 1_800, currency: 'USD' } }, catalogToken));
    await waitForProjection(tables, sku, (row) => row.price_cents === 1_800);

    const after = ok(await add(token, cart.id, sku, 3)).addCartItem.cart;
    expect(after.items).toEqual([expect.objectContaining({ quantity: 5, unitPrice: { cents: 1_500, currency: 'USD' }, lineTotal: { cents: 7_500 } })]);
    // a cart adding it now takes the new price
    const other = await shopper();
    const otherCart = await createCart(stack, other);
    expect(ok(await add(other, otherCart.id, sku, 1)).addCartItem.cart.items[0].unitPrice.cents).toBe(1_800);
  });

  it.each([
    ['an unknown SKU', () => uniqueSku('NOPE')],
    ['a malformed SKU', () => 'not a sku!'],
  ])('refuses %s with BAD_USER_INPUT', async (_what, sku) => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    const res = await add(token, cart.id, sku(), 1);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toHaveProperty('sku');
    expect((await readCart(token, cart.id)).items).toEqual([]);
  });

  it('refuses products that are not ACTIVE, from creation or after a status change', async () => {
    const comingSoon = await createProduct(stack, catalogToken, { status: 'COMING_SOON' });
    const discontinued = await createProduct(stack, catalogToken);
    await waitUntilAddable(stack, discontinued);
    ok(await stack.request(CHANGE_PRODUCT_STATUS, { sku: discontinued, status: 'DISCONTINUED' }, catalogToken));
    await waitForProjection(tables, comingSoon, (row) => row.status === 'COMING_SOON');
    await waitForProjection(tables, discontinued, (row) => row.status === 'DISCONTINUED');

    const token = await shopper();
    const cart = await createCart(stack, token);
    for (const sku of [comingSoon, discontinued]) {
      const res = await add(token, cart.id, sku, 1);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/only ACTIVE products/);
    }
  });

  it('adds out-of-stock and low-stock products with a warning', async () => {
    const token = await shopper('GUEST');
    const cart = await createCart(stack, token);
    const none = ok(await add(token, cart.id, unstocked, 1)).addCartItem;
    expect(none.warnings).toEqual([{ sku: unstocked, code: 'OUT_OF_STOCK', message: expect.stringMatching(/may not be available at checkout/) }]);
    const few = ok(await add(token, cart.id, low, 2)).addCartItem;
    expect(few.warnings).toEqual([{ sku: low, code: 'LOW_STOCK', message: expect.stringMatching(/may not be available at checkout/) }]);
    // wanting more than there is: low stock too
    const many = ok(await add(token, cart.id, plenty, 60)).addCartItem;
    expect(many.warnings.map((w: any) => w.code)).toEqual(['LOW_STOCK']);
    expect(many.cart.items.map((i: any) => [i.product.sku, i.quantity])).toEqual([
      [unstocked, 1],
      [low, 2],
      [plenty, 60],
    ]);
  });

  it('follows stock level changes (sold out → OUT_OF_STOCK)', async () => {
    const sku = await createProduct(stack, catalogToken);
    await inventory.stockLevel(sku, 100);
    await inventory.stockLevel(sku, 0);
    await waitUntilAddable(stack, sku);
    await eventuallyStocked(sku, 0);
    const token = await shopper();
    const cart = await createCart(stack, token);
    expect(ok(await add(token, cart.id, sku, 1)).addCartItem.warnings.map((w: any) => w.code)).toEqual(['OUT_OF_STOCK']);
  });

  it('keeps the newest stock level when an older announcement is delivered late', async () => {
    const sku = await createProduct(stack, catalogToken);
    await inventory.stockLevel(sku, 0);
    await eventuallyStocked(sku, 0);
    const late = await inventory.stockLevel(sku, 100, new Date(Date.now() - 60_000));
    await eventually(() => tables.handled(late, 'stock-projection-on-stock-levels-changed'), { what: 'the late announcement handled' });
    expect(await tables.stock(sku)).toEqual({ total_available: 0 });
    await inventory.stockLevel(sku, 7);
    await eventuallyStocked(sku, 7);
  });

  it('takes every SKU of a StockLevelsChanged, and still reads the per-SKU StockLevelChanged of earlier releases', async () => {
    const [one, two, old] = [await createProduct(stack, catalogToken), await createProduct(stack, catalogToken), await createProduct(stack, catalogToken)];
    await inventory.stockLevels([
      [one, 3],
      [two, 0],
    ]);
    await inventory.legacyStockLevel(old, 12);
    await eventuallyStocked(one, 3);
    await eventuallyStocked(two, 0);
    await eventuallyStocked(old, 12);
  });
});

describe('limits (PO)', () => {
  it.each([
    [0, /at least 1/],
    [-3, /at least 1/],
    [1_000, /999 units per SKU/],
  ])('refuses adding quantity %s with BAD_USER_INPUT naming the limit', async (quantity, message) => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    const res = await add(token, cart.id, plenty, quantity);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
    expect(res.errors![0].extensions!.fields).toHaveProperty('quantity');
  });

  it('refuses going past 999 units of one SKU across additions', async () => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, plenty, 998));
    ok(await add(token, cart.id, plenty, 1));
    const res = await add(token, cart.id, plenty, 1);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/999 units per SKU/);
    expect((await readCart(token, cart.id)).itemCount).toBe(999);
  });

  it('refuses a 101st distinct SKU with BAD_USER_INPUT naming the limit', async () => {
    const skus: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      skus.push(...(await Promise.all(Array.from({ length: 10 }, () => createProduct(stack, catalogToken, { priceCents: 100 })))));
    }
    const extra = await createProduct(stack, catalogToken, { priceCents: 100 });
    await Promise.all([...skus, extra].map((sku) => waitForProjection(tables, sku, (row) => row.status === 'ACTIVE')));

    const token = await shopper();
    const cart = await createCart(stack, token);
    for (const sku of skus) ok(await add(token, cart.id, sku, 1));
    const res = await add(token, cart.id, extra, 1);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/100 distinct SKUs/);
    // more of a SKU already in the cart still fits
    expect(ok(await add(token, cart.id, skus[0], 1)).addCartItem.cart.itemCount).toBe(101);
  });
});

describe('changing, removing and clearing', () => {
  it('sets a quantity and keeps the unit price; refuses SKUs not in the cart and quantities out of range', async () => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, plenty, 2));
    const changed = ok(await change(token, cart.id, plenty, 7)).changeCartItemQuantity.cart;
    expect(changed).toMatchObject({ itemCount: 7, items: [{ quantity: 7, unitPrice: { cents: 1_000 } }] });

    for (const [sku, quantity, message] of [
      [low, 1, /not in the cart/],
      [plenty, 0, /at least 1/],
      [plenty, 1_000, /999 units per SKU/],
    ] as const) {
      const res = await change(token, cart.id, sku, quantity);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(message);
    }
    expect((await readCart(token, cart.id)).itemCount).toBe(7);
  });

  it('removes an item; removing one that is not there changes nothing', async () => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, plenty, 1));
    ok(await add(token, cart.id, low, 1));
    const removed = ok(await remove(token, cart.id, plenty)).removeCartItem;
    expect(removed.cart.items.map((i: any) => i.product.sku)).toEqual([low]);
    expect(removed.warnings).toEqual([]);
    const again = ok(await remove(token, cart.id, plenty)).removeCartItem.cart;
    expect(again.updatedAt).toBe(removed.cart.updatedAt);
    expect(await tables.reasonsOf(cart.id)).toEqual(['ITEM_ADDED', 'ITEM_ADDED', 'ITEM_REMOVED']);
  });

  it('clears a cart, which stays ACTIVE for more shopping', async () => {
    const token = await shopper('GUEST');
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, plenty, 3));
    const cleared = ok(await stack.request(CLEAR_CART, { cartId: cart.id }, token)).clearCart;
    expect(cleared).toMatchObject({ id: cart.id, status: 'ACTIVE', items: [], itemCount: 0, subtotal: { cents: 0 } });
    ok(await add(token, cart.id, low, 1));
    expect((await createCart(stack, token)).id).toBe(cart.id);
  });
});

describe('ownership', () => {
  it("answers NOT_FOUND to anyone but the owner — other shoppers and staff alike — and leaves the cart as it was", async () => {
    const owner = await shopper('GUEST');
    const cart = await createCart(stack, owner);
    ok(await add(owner, cart.id, plenty, 1));
    const others = [await shopper('GUEST'), await shopper('CUSTOMER'), await stack.tokenFor('CUSTOMER_SERVICE'), await stack.tokenFor('ADMIN')];
    for (const token of others) {
      const attempts = [
        await stack.request(CART, { id: cart.id }, token),
        await add(token, cart.id, plenty, 1),
        await change(token, cart.id, plenty, 5),
        await remove(token, cart.id, plenty),
        await stack.request(CLEAR_CART, { cartId: cart.id }, token),
      ];
      for (const res of attempts) {
        expect(errorCode(res)).toBe('NOT_FOUND');
        expect(JSON.stringify(res.data ?? null)).not.toContain(plenty);
      }
    }
    expect(await readCart(owner, cart.id)).toMatchObject({ itemCount: 1 });
    expect(await tables.reasonsOf(cart.id)).toEqual(['ITEM_ADDED']);
  });

  it('answers NOT_FOUND for unknown and malformed ids, UNAUTHENTICATED without a session', async () => {
    const token = await shopper();
    expect(errorCode(await stack.request(CART, { id: randomUUID() }, token))).toBe('NOT_FOUND');
    expect(errorCode(await stack.request(CART, { id: 'not-a-cart' }, token))).toBe('NOT_FOUND');
    expect(errorCode(await add(token, 'not-a-cart', plenty, 1))).toBe('NOT_FOUND');
    const cart = await createCart(stack, token);
    expect(errorCode(await stack.request(CART, { id: cart.id }))).toBe('UNAUTHENTICATED');
  });
});

describe('events', () => {
  it('records every change as CartChanged with the owner as the envelope customerId, and keeps a history', async () => {
    const subject = randomUUID();
    const token = await stack.tokenFor('GUEST', subject);
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, plenty, 2));
    ok(await add(token, cart.id, low, 1));
    ok(await change(token, cart.id, plenty, 3));
    ok(await remove(token, cart.id, low));
    ok(await stack.request(CLEAR_CART, { cartId: cart.id }, token));
    // no-ops publish nothing
    ok(await remove(token, cart.id, low));
    ok(await stack.request(CLEAR_CART, { cartId: cart.id }, token));

    const events = await tables.eventsOf(cart.id, 'CartChanged');
    expect(events.map((e) => [e.payload.reason, e.payload.sku, e.payload.itemCount, e.payload.subtotalCents])).toEqual([
      ['ITEM_ADDED', plenty, 2, 2_000],
      ['ITEM_ADDED', low, 3, 2_250],
      ['QUANTITY_CHANGED', plenty, 4, 3_250],
      ['ITEM_REMOVED', low, 3, 3_000],
      ['CLEARED', null, 0, 0],
    ]);
    for (const event of events) {
      expect(event.customerId).toBe(subject);
      expect(event.payload).toMatchObject({ cartId: cart.id, ownerId: subject, ownerKind: 'GUEST', status: 'ACTIVE' });
    }
    expect((await tables.history(cart.id)).map((h) => h.reason)).toEqual(['ITEM_ADDED', 'ITEM_ADDED', 'QUANTITY_CHANGED', 'ITEM_REMOVED', 'CLEARED']);
  });

  it('gives concurrent createCart calls of one shopper the same cart, and makes one', async () => {
    const subject = randomUUID();
    const token = await stack.tokenFor('CUSTOMER', subject);
    const carts = await Promise.all(Array.from({ length: 6 }, () => createCart(stack, token)));
    expect(new Set(carts.map((cart) => cart.id)).size).toBe(1);
    expect(await tables.cartsOf(subject)).toEqual([{ id: carts[0]!.id, status: 'ACTIVE' }]);
  });

  it('applies concurrent changes of one cart one after the other: none is lost', async () => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    const adds = [plenty, low, plenty, unstocked, plenty, low, unstocked, plenty];
    for (const res of await Promise.all(adds.map((sku) => add(token, cart.id, sku, 1)))) ok(res);
    const lines = (await readCart(token, cart.id)).items.map((item) => [item.product.sku, item.quantity]);
    expect(Object.fromEntries(lines)).toEqual({ [plenty]: 4, [low]: 2, [unstocked]: 2 });
    expect(await tables.reasonsOf(cart.id)).toHaveLength(adds.length);
    expect(await tables.history(cart.id)).toHaveLength(adds.length);
  });

  it('changes nothing when part of a change cannot be written: cart, history and event stand or fall together', async () => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, plenty, 1));
    // the history row of this one SKU cannot be written (only in this test's database)
    await tables.run(`
      create function cart.refuse_history() returns trigger language plpgsql as $$ begin raise exception 'history refused'; end $$;
      create trigger refuse_history before insert on cart.cart_history for each row when (new.sku = '${low}') execute function cart.refuse_history();`);
    try {
      expect(errorCode(await add(token, cart.id, low, 2))).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await tables.run('drop trigger refuse_history on cart.cart_history; drop function cart.refuse_history();');
    }
    expect((await readCart(token, cart.id)).items.map((item) => [item.product.sku, item.quantity])).toEqual([[plenty, 1]]);
    expect(await tables.reasonsOf(cart.id)).toEqual(['ITEM_ADDED']);
    expect((await tables.history(cart.id)).map((h) => h.sku)).toEqual([plenty]);
  });

  it("records a customer's changes under the customer's id (the token subject)", async () => {
    const subject = randomUUID();
    const token = await stack.tokenFor('CUSTOMER', subject);
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, plenty, 1));
    const [event] = await tables.eventsOf(cart.id, 'CartChanged');
    expect(event).toMatchObject({ customerId: subject, payload: { ownerKind: 'CUSTOMER', ownerId: subject, reason: 'ITEM_ADDED' } });
  });
});
