import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { queriesDuring } from '../support/queries.js';
import { startStack, type Stack } from '../support/stack.js';
import { ADD_ITEM, CART, CHANGE_PRODUCT_PRICE, CHECKOUT_CART, CartTables, createCart, createProduct, errorCode, ok, waitForProjection, waitUntilAddable, type CartView } from './support.js';

/**
 * An item change or a checkout decides on the cart (and the offer) this process last saw committed
 * and writes over the cart's version in one statement (subgraphs/cart/use-cases/own-cart-changes.ts).
 * What a shopper must not notice: a copy another replica moved past, an offer that changed, or a
 * copy that would refuse the change, is never what the change is decided on in the end.
 */

let stack: Stack;
let tables: CartTables;
let catalogToken: string;
let sku: string;

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, cartSubgraph]);
  tables = await new CartTables(stack.env.databaseUrl).connect();
  catalogToken = await stack.tokenFor('CATALOG_MANAGER');
  sku = await createProduct(stack, catalogToken, { priceCents: 1_000 });
  await waitUntilAddable(stack, sku);
});

afterAll(async () => {
  await tables?.close();
  await stack?.stop();
});

const shopper = () => stack.tokenFor('CUSTOMER', randomUUID());
const add = (token: string, cartId: string, item: string, quantity: number) => stack.request(ADD_ITEM, { cartId, sku: item, quantity }, token);
const readCart = async (token: string, id: string): Promise<CartView> => ok(await stack.request(CART, { id }, token)).cart;
const lines = (cart: CartView) => cart.items.map((item) => [item.product.sku, item.quantity, item.unitPrice.cents]);

/** What the process sends about carts (the cart table, not its history) while `work` runs. */
async function cartStatementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  await queriesDuring(work, (text) => /"cart"\.cart\s/.test(text) && sent.push(text) > 0);
  return sent;
}

/** Another replica's change of the cart, as it would commit it: the line's quantity set, the version bumped. */
async function changedElsewhere(cartId: string, quantity: number): Promise<void> {
  await tables.run(`update cart.cart set lines = jsonb_set(lines, '{0,quantity}', '${quantity}'), version = version + 1 where id = '${cartId}'`);
}

describe('changes of the remembered cart', () => {
  it('writes a change of a cart this process knows in one statement: no read, no lock, no transaction', async () => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    for (const quantity of [1, 2]) {
      const sent = await cartStatementsDuring(async () => ok(await add(token, cart.id, sku, quantity)));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/^with cart_written as \(update "cart"\.cart set/);
      expect(sent[0]).not.toMatch(/\bfor update\b|\bcommit\b/i);
    }
    expect(lines(await readCart(token, cart.id))).toEqual([[sku, 3, 1_000]]);
    expect(await tables.reasonsOf(cart.id)).toEqual(['ITEM_ADDED', 'ITEM_ADDED']);
    expect((await tables.history(cart.id)).map((h) => h.reason)).toEqual(['ITEM_ADDED', 'ITEM_ADDED']);
  });

  it('decides again under the lock when another replica moved the cart past the copy: nothing is lost', async () => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, sku, 1));
    await changedElsewhere(cart.id, 5);

    const sent = await cartStatementsDuring(async () => {
      const answer = ok(await add(token, cart.id, sku, 1)).addCartItem;
      expect(lines(answer.cart)).toEqual([[sku, 6, 1_000]]);
    });
    // the write over the copy's version, which changed nothing, then the locking read
    expect(sent.map((text) => (/^with cart_written/.test(text) ? 'write over the copy' : /for update of c/.test(text) ? 'locking read' : 'other'))).toEqual([
      'write over the copy',
      'locking read',
      'other',
    ]);
    expect(lines(await readCart(token, cart.id))).toEqual([[sku, 6, 1_000]]);
    // one change each, none from the write that lost
    expect(await tables.reasonsOf(cart.id)).toEqual(['ITEM_ADDED', 'ITEM_ADDED']);
    expect(await tables.history(cart.id)).toHaveLength(2);
  });

  it('believes a refusal only of the cart as it is now', async () => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, sku, 999));
    // the copy holds the most units of a SKU a cart may; another replica has taken most away
    await changedElsewhere(cart.id, 1);
    expect(lines(ok(await add(token, cart.id, sku, 1)).addCartItem.cart)).toEqual([[sku, 2, 1_000]]);
    // and a refusal the row confirms is the shopper's answer
    expect(errorCode(await add(token, cart.id, sku, 998))).toBe('BAD_USER_INPUT');
    expect(lines(await readCart(token, cart.id))).toEqual([[sku, 2, 1_000]]);
  });

  it('prices a new line at the offer the projection holds now, not at the one remembered', async () => {
    const product = await createProduct(stack, catalogToken, { priceCents: 1_000 });
    await waitUntilAddable(stack, product);
    const first = await shopper();
    const before = await createCart(stack, first);
    expect(lines(ok(await add(first, before.id, product, 1)).addCartItem.cart)).toEqual([[product, 1, 1_000]]);

    ok(await stack.request(CHANGE_PRODUCT_PRICE, { sku: product, price: { cents: 1_250, currency: 'USD' } }, catalogToken));
    await waitForProjection(tables, product, (row) => row.price_cents === 1_250);

    const second = await shopper();
    const after = await createCart(stack, second);
    expect(lines(ok(await add(second, after.id, product, 1)).addCartItem.cart)).toEqual([[product, 1, 1_250]]);
    expect((await tables.history(after.id)).map((h) => h.reason)).toEqual(['ITEM_ADDED']);
    // more of a SKU already in a cart keeps its first price
    expect(lines(ok(await add(first, before.id, product, 1)).addCartItem.cart)).toEqual([[product, 2, 1_000]]);
  });

  it("never lets a remembered cart answer someone else: NOT_FOUND, and the cart unchanged", async () => {
    const owner = await shopper();
    const cart = await createCart(stack, owner);
    ok(await add(owner, cart.id, sku, 1));
    expect(errorCode(await add(await shopper(), cart.id, sku, 1))).toBe('NOT_FOUND');
    expect(lines(await readCart(owner, cart.id))).toEqual([[sku, 1, 1_000]]);
    expect(await tables.reasonsOf(cart.id)).toEqual(['ITEM_ADDED']);
  });

  it('checks out a cart this process knows in one statement, CheckoutInitiated with it', async () => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, sku, 2));
    let checkoutId = '';
    const sent = await cartStatementsDuring(async () => (checkoutId = ok(await stack.request(CHECKOUT_CART, { cartId: cart.id }, token)).checkoutCart.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^with cart_written as \(update "cart"\.cart set/);
    expect((await readCart(token, cart.id)).status).toBe('CHECKED_OUT');
    const initiated = await tables.eventsOf(cart.id, 'CheckoutInitiated');
    expect(initiated.map((event) => event.payload)).toMatchObject([{ checkoutId, cartId: cart.id, items: [{ sku, quantity: 2, unitPriceCents: 1_000 }] }]);
    expect(await tables.reasonsOf(cart.id)).toEqual(['ITEM_ADDED', 'CHECKED_OUT']);
  });

  it('never checks out a cart twice: one checked out by another replica since the copy answers CONFLICT naming that checkout', async () => {
    const token = await shopper();
    const cart = await createCart(stack, token);
    ok(await add(token, cart.id, sku, 1));
    const elsewhere = randomUUID();
    await tables.run(`update cart.cart set status = 'CHECKED_OUT', checkout_id = '${elsewhere}', version = version + 1 where id = '${cart.id}'`);

    const answer = await stack.request(CHECKOUT_CART, { cartId: cart.id }, token);
    expect(errorCode(answer)).toBe('CONFLICT');
    expect(answer.errors![0]!.extensions).toMatchObject({ rule: 'CART_NOT_ACTIVE', checkoutId: elsewhere });
    expect(await tables.eventsOf(cart.id, 'CheckoutInitiated')).toEqual([]);
    expect(await tables.reasonsOf(cart.id)).toEqual(['ITEM_ADDED']);
  });
});
