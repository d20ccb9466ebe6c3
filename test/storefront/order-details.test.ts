import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { graphql } from '../__generated__/index.js';
import { startStack, type Stack } from '../support/stack.js';
import { CANCEL_ORDER, checkoutCart, completeCheckout, errorCode, ok, placeOrder } from '../orders/support.js';
import { send } from './support.js';

/**
 * What a storefront shows about an order and a checkout (issue 13 §4): the shipping options with
 * their costs and delivery days, a human-readable order number staff can search by, when the order
 * last changed and when it should arrive — through the gateway.
 */

const CheckoutOptions = graphql(`
  query StorefrontCheckoutOptions($id: ID!) {
    checkout(id: $id) {
      shippingOptions {
        method
        cost {
          cents
          formatted
        }
        minDays
        maxDays
      }
    }
  }
`);

const OrderDetails = graphql(`
  query StorefrontOrderDetails($id: ID!) {
    order(id: $id) {
      id
      number
      status
      placedAt
      updatedAt
      shippingMethod
      estimatedDeliveryBy
    }
  }
`);

const OrderByNumber = graphql(`
  query StorefrontOrderByNumber($number: String!) {
    orders(number: $number) {
      nodes {
        id
        number
      }
      totalCount
    }
  }
`);

let stack: Stack;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph]);
});

afterAll(async () => {
  await stack?.stop();
});

/** A new customer's order of one seeded product, shipped by `method`. */
async function newOrder(method = 'STANDARD') {
  const token = await stack.tokenFor('CUSTOMER', randomUUID());
  const checkoutId = ok((await checkoutCart(stack, token, [['DOG-BOWL-001', 1]])).response).checkoutCart.id as string;
  await completeCheckout(stack, token, checkoutId, { method });
  const placed = await placeOrder(stack, token, checkoutId);
  return { token, checkoutId, orderId: placed.id };
}

describe('shipping options', () => {
  it('lists every method with its cost and business days, and the chosen one prices the order', async () => {
    const token = await stack.tokenFor('CUSTOMER', randomUUID());
    const checkoutId = ok((await checkoutCart(stack, token, [['DOG-BOWL-001', 1]])).response).checkoutCart.id as string;
    const options = ok(await send(stack, CheckoutOptions, { id: checkoutId }, token)).checkout!.shippingOptions;
    expect(options).toEqual([
      { method: 'STANDARD', cost: { cents: 599, formatted: '$5.99' }, minDays: 5, maxDays: 7 },
      { method: 'EXPRESS', cost: { cents: 1299, formatted: '$12.99' }, minDays: 2, maxDays: 3 },
      { method: 'NEXT_DAY', cost: { cents: 2499, formatted: '$24.99' }, minDays: 1, maxDays: 1 },
    ]);
    const express = await completeCheckout(stack, token, checkoutId, { method: 'EXPRESS' });
    expect(express.shippingCost?.cents).toBe(options[1].cost.cents);
  });
});

describe('order number, updatedAt and estimated delivery', () => {
  it('gives each order its own CS- number, which staff find it by (prefix and case optional)', async () => {
    const [first, second] = [await newOrder(), await newOrder()];
    const a = ok(await send(stack, OrderDetails, { id: first.orderId }, first.token)).order!;
    const b = ok(await send(stack, OrderDetails, { id: second.orderId }, second.token)).order!;
    expect(a.number).toMatch(/^CS-\d{6,}$/);
    expect(b.number).toMatch(/^CS-\d{6,}$/);
    expect(a.number).not.toBe(b.number);

    const staff = await stack.tokenFor('CUSTOMER_SERVICE');
    for (const typed of [b.number, b.number.toLowerCase(), b.number.slice(3), ` ${b.number} `]) {
      const found = ok(await send(stack, OrderByNumber, { number: typed }, staff)).orders;
      expect(found).toEqual({ nodes: [{ id: second.orderId, number: b.number }], totalCount: 1 });
    }
    expect(ok(await send(stack, OrderByNumber, { number: 'CS-1' }, staff)).orders.totalCount).toBe(0);
  });

  it('refuses a search that cannot be an order number, and customers cannot search', async () => {
    const staff = await stack.tokenFor('CUSTOMER_SERVICE');
    const bad = await send(stack, OrderByNumber, { number: 'DROP TABLE' }, staff);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields).toEqual({ number: expect.any(String) });
    const customer = await send(stack, OrderByNumber, { number: 'CS-100001' }, await stack.tokenFor('CUSTOMER', randomUUID()));
    expect(errorCode(customer)).toBe('FORBIDDEN');
  });

  it('estimates delivery from the method, moves updatedAt on a change, and drops the estimate once cancelled', async () => {
    const { token, orderId } = await newOrder('EXPRESS');
    const placed = ok(await send(stack, OrderDetails, { id: orderId }, token)).order!;
    expect(new Date(placed.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(placed.placedAt).getTime());
    // EXPRESS: at most 3 business days after the day of placement, at the end of that day
    const by = new Date(placed.estimatedDeliveryBy!);
    const placedAt = new Date(placed.placedAt);
    const days = (by.getTime() - placedAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(2);
    expect(days).toBeLessThan(6); // 3 business days plus at most a weekend
    expect(by.toISOString().endsWith('T23:59:59.999Z')).toBe(true);

    ok(await stack.request(CANCEL_ORDER, { orderId, reason: 'changed my mind' }, token));
    const cancelled = ok(await send(stack, OrderDetails, { id: orderId }, token)).order!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.estimatedDeliveryBy).toBeNull();
    expect(new Date(cancelled.updatedAt).getTime()).toBeGreaterThan(new Date(placed.updatedAt).getTime());
  });
});
