import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { ADD_ITEM, CART, MY_CART, CartTables, createCart, createProduct, errorCode, ok, waitUntilAddable, type CartView } from './support.js';

/** SPEC §5 (PO): guest carts expire after their last change → ABANDONED with an event; customers' carts never do. */

/** Shortened from 24 h so the test sees it happen; long enough for a few requests in between. */
const GUEST_TTL_MS = 3_000;

let stack: Stack;
let tables: CartTables;
let sku: string;

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, cartSubgraph], { CART_GUEST_TTL_MS: String(GUEST_TTL_MS), CART_EXPIRY_SWEEP_MS: '100' });
  tables = await new CartTables(stack.env.databaseUrl).connect();
  sku = await createProduct(stack, await stack.tokenFor('CATALOG_MANAGER'));
  await waitUntilAddable(stack, sku);
});

afterAll(async () => {
  await tables?.close();
  await stack?.stop();
});

const add = (token: string, cartId: string, quantity: number) => stack.request(ADD_ITEM, { cartId, sku, quantity }, token);
const readCart = async (token: string, id: string): Promise<CartView> => ok(await stack.request(CART, { id }, token)).cart;

describe('guest cart expiry', () => {
  it("abandons a guest cart after its last change, with an event, and leaves customers' carts alone", async () => {
    const customerId = randomUUID();
    const customer = await stack.tokenFor('CUSTOMER', customerId);
    const customerCart = await createCart(stack, customer);
    ok(await add(customer, customerCart.id, 1));

    const guestId = randomUUID();
    const guest = await stack.tokenFor('GUEST', guestId);
    const guestCart = await createCart(stack, guest);
    const added = ok(await add(guest, guestCart.id, 2)).addCartItem.cart as CartView;
    expect(Date.parse(added.expiresAt!) - Date.parse(added.updatedAt)).toBe(GUEST_TTL_MS);

    const abandoned = await eventually(
      async () => {
        const cart = await readCart(guest, guestCart.id);
        return cart.status === 'ABANDONED' && cart;
      },
      { what: 'the guest cart to be abandoned', timeoutMs: 20_000 },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(added.expiresAt!));
    // the owner still reads it, with its lines, but it no longer expires or changes
    expect(abandoned).toMatchObject({ itemCount: 2, expiresAt: null });
    expect(errorCode(await add(guest, guestCart.id, 1))).toBe('CONFLICT');
    expect(ok(await stack.request(MY_CART, {}, guest)).myCart).toBeNull();
    expect((await createCart(stack, guest)).id).not.toBe(guestCart.id);

    const [event] = (await tables.eventsOf(guestCart.id, 'CartChanged')).slice(-1);
    expect(event).toMatchObject({ customerId: guestId, payload: { reason: 'ABANDONED', status: 'ABANDONED', ownerKind: 'GUEST', itemCount: 2 } });
    expect(await tables.reasonsOf(guestCart.id)).toEqual(['ITEM_ADDED', 'ABANDONED']);

    // the customer's cart was created earlier and is just as old: still ACTIVE, no expiry
    expect(await readCart(customer, customerCart.id)).toMatchObject({ status: 'ACTIVE', expiresAt: null, itemCount: 1 });
    expect(await tables.reasonsOf(customerCart.id)).toEqual(['ITEM_ADDED']);
  });

  it('counts from the last change: every change pushes the expiry back', async () => {
    const guest = await stack.tokenFor('GUEST', randomUUID());
    const cart = await createCart(stack, guest);
    const first = ok(await add(guest, cart.id, 1)).addCartItem.cart as CartView;
    await eventually(() => Date.now() > Date.parse(first.updatedAt) + 20, { what: 'the clock to move on' });
    const second = ok(await add(guest, cart.id, 1)).addCartItem.cart as CartView;
    expect(Date.parse(second.expiresAt!)).toBeGreaterThan(Date.parse(first.expiresAt!));
    expect(Date.parse(second.expiresAt!) - Date.parse(second.updatedAt)).toBe(GUEST_TTL_MS);
    // reading does not count as a change
    expect((await readCart(guest, cart.id)).expiresAt).toBe(second.expiresAt);
  });
});
