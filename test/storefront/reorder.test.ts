import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { graphql } from '../__generated__/index.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { CHANGE_PRICE, CREATE_CART, checkoutCart, completeCheckout, createProduct, errorCode, ok, orderWhen, placeOrder } from '../orders/support.js';
import { productInStock } from '../orders/saga-support.js';
import { send } from './support.js';

/**
 * Issue 13 §3: after a declined card the order is CANCELLED and its cart CHECKED_OUT;
 * `reorder(orderId)` puts the order's items back into the customer's active cart — ACTIVE
 * products only, today's prices, addCartItem's stock warnings — learnt by the cart from
 * OrderPlaced, never from orders' tables.
 */

const Reorder = graphql(`
  mutation StorefrontReorder($orderId: ID!) {
    reorder(orderId: $orderId) {
      cart {
        id
        status
        items {
          product {
            sku
          }
          quantity
          unitPrice {
            cents
          }
        }
      }
      warnings {
        sku
        code
        message
      }
    }
  }
`);

const ChangeStatus = graphql(`
  mutation StorefrontChangeStatus($sku: ID!, $status: ProductStatus!) {
    changeProductStatus(sku: $sku, status: $status) {
      sku
      status
    }
  }
`);

const AddItem = graphql(`
  mutation StorefrontProbeAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {
    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {
      cart {
        items {
          product {
            sku
          }
          unitPrice {
            cents
          }
        }
      }
    }
  }
`);

let stack: Stack;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph], { PAYMENT_RETRY_BACKOFF_MS: '10,10' });
});

afterAll(async () => {
  await stack?.stop();
});

/** A customer whose card was declined for an order of `items`. */
async function declinedOrder(items: [string, number][]) {
  const token = await stack.tokenFor('CUSTOMER', randomUUID());
  const checkoutId = ok((await checkoutCart(stack, token, items)).response).checkoutCart.id as string;
  await completeCheckout(stack, token, checkoutId, { paymentToken: 'tok_decline' });
  const order = await placeOrder(stack, token, checkoutId);
  await orderWhen(stack, token, order.id, (o) => o.status === 'CANCELLED', 'the declined order to be CANCELLED', 30_000);
  return { token, orderId: order.id };
}

/** The cart learns of an order from OrderPlaced: reorder answers NOT_FOUND until then. */
function reorderWhenKnown(token: string, orderId: string) {
  return eventually(
    async () => {
      const res = await send(stack, Reorder, { orderId }, token);
      if (errorCode(res) === 'NOT_FOUND') return undefined;
      return ok(res).reorder;
    },
    { what: 'the cart to know the order', timeoutMs: 20_000, intervalMs: 100 },
  );
}

describe('reorder', () => {
  it("puts a declined order's items back at today's prices, leaves out what is no longer for sale, and warns about stock", async () => {
    const catalog = await stack.tokenFor('CATALOG_MANAGER');
    const kibble = await productInStock(stack, 50, { priceCents: 1_000 }); // in stock
    const treats = await createProduct(stack, catalog, 300); // never received: out of stock
    const toy = await productInStock(stack, 50, { priceCents: 700 }); // will stop being sold
    const { token, orderId } = await declinedOrder([
      [kibble, 2],
      [treats, 1],
      [toy, 1],
    ]);

    ok(await stack.request(CHANGE_PRICE, { sku: kibble, price: { cents: 1_250, currency: 'USD' } }, catalog));
    ok(await send(stack, ChangeStatus, { sku: toy, status: 'OUT_OF_SEASON' }, catalog));
    // the cart's projection of the catalogue has both changes once addCartItem shows them (in a
    // fresh cart each time: a cart keeps the price a SKU was first added at)
    await eventually(
      async () => {
        const probe = await stack.tokenFor('CUSTOMER');
        const cartId = ok(await stack.request(CREATE_CART, {}, probe)).createCart.id as string;
        const price = ok(await send(stack, AddItem, { cartId, sku: kibble, quantity: 1 }, probe)).addCartItem.cart.items[0].unitPrice.cents;
        const toyRefused = errorCode(await send(stack, AddItem, { cartId, sku: toy, quantity: 1 }, probe)) === 'BAD_USER_INPUT';
        return price === 1_250 && toyRefused;
      },
      { what: 'the cart to learn the new price and status', timeoutMs: 20_000, intervalMs: 200 },
    );

    const payload = await reorderWhenKnown(token, orderId);
    expect(payload.cart.status).toBe('ACTIVE');
    expect(payload.cart.items).toEqual([
      { product: { sku: kibble }, quantity: 2, unitPrice: { cents: 1_250 } },
      { product: { sku: treats }, quantity: 1, unitPrice: { cents: 300 } },
    ]);
    expect(payload.warnings).toEqual([
      { sku: treats, code: 'OUT_OF_STOCK', message: expect.any(String) },
      { sku: toy, code: 'NOT_AVAILABLE', message: expect.stringContaining(toy) },
    ]);

    // again: into the same active cart, quantities add up as with addCartItem
    const again = ok(await send(stack, Reorder, { orderId }, token)).reorder;
    expect(again.cart.id).toBe(payload.cart.id);
    expect(again.cart.items.map((i) => [i.product.sku, i.quantity])).toEqual([
      [kibble, 4],
      [treats, 2],
    ]);
  });

  it("answers NOT_FOUND for another customer's order or an unknown one, and refuses guests, staff and the signed-out", async () => {
    const { token, orderId } = await declinedOrder([['DOG-BOWL-001', 1]]);
    // the cart knows the order (its customer can reorder it): to anyone else it does not exist
    await reorderWhenKnown(token, orderId);
    const other = await stack.tokenFor('CUSTOMER', randomUUID());
    expect(errorCode(await send(stack, Reorder, { orderId }, other))).toBe('NOT_FOUND');
    expect(errorCode(await send(stack, Reorder, { orderId: randomUUID() }, other))).toBe('NOT_FOUND');
    expect(errorCode(await send(stack, Reorder, { orderId: 'not-an-id' }, other))).toBe('NOT_FOUND');
    expect(errorCode(await send(stack, Reorder, { orderId }, await stack.tokenFor('GUEST')))).toBe('NOT_FOUND');
    expect(errorCode(await send(stack, Reorder, { orderId }, await stack.tokenFor('CUSTOMER_SERVICE')))).toBe('FORBIDDEN');
    expect(errorCode(await send(stack, Reorder, { orderId }))).toBe('UNAUTHENTICATED');
    // and nothing was put in the other customer's cart
    expect(ok(await stack.request('query { myCart { id } }', {}, other)).myCart).toBeNull();
  });
});
