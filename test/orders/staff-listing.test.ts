import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../support/stack.js';
import { completeCheckout, ok, placeOrder, startOrdersWorld, type EventPublisher, type OrdersWorld } from './support.js';

/**
 * Staff's order listing, newest first by default and oldest first on request (the ON_HOLD queue is
 * worked in order of age), keyset-paginated either way. Only orders runs; cart is played by events.
 */

let world: OrdersWorld;
let stack: Stack;
let events: EventPublisher;

beforeAll(async () => {
  ({ stack, events } = world = await startOrdersWorld());
});

afterAll(async () => {
  await world?.stop();
});

const LIST = /* GraphQL */ `
  query OrdersTestStaffListing($oldestFirst: Boolean, $first: Int, $after: String) {
    orders(status: PLACED, oldestFirst: $oldestFirst, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        placedAt
      }
    }
  }
`;

async function placed(): Promise<string> {
  const customerId = randomUUID();
  const token = await stack.tokenFor('CUSTOMER', customerId);
  const checkoutId = await events.initiateCheckout(customerId, [{ sku: 'DOG-BOWL-001', quantity: 1, unitPriceCents: 1299 }]);
  await completeCheckout(stack, token, checkoutId);
  return (await placeOrder(stack, token, checkoutId)).id;
}

describe('the staff order listing', () => {
  it('lists oldest first on request, page by page, and newest first by default', async () => {
    const ids = [await placed(), await placed(), await placed()];
    const staff = await stack.tokenFor('CUSTOMER_SERVICE');

    const first = ok(await stack.request(LIST, { oldestFirst: true, first: 2 }, staff)).orders;
    expect(first.totalCount).toBe(3);
    expect(first.nodes.map((o: { id: string }) => o.id)).toEqual(ids.slice(0, 2));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await stack.request(LIST, { oldestFirst: true, first: 2, after: first.pageInfo.endCursor }, staff)).orders;
    expect(second.nodes.map((o: { id: string }) => o.id)).toEqual([ids[2]]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const newest = ok(await stack.request(LIST, { first: 3 }, staff)).orders;
    expect(newest.nodes.map((o: { id: string }) => o.id)).toEqual([...ids].reverse());
  });
});
