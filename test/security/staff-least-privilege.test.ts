import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { Subscriber, wsClient } from '../support/ws.js';
import { ORDER_UPDATED, checkoutCart, completeCheckout, errorCode, ok, orderWhen, placeOrder } from '../orders/support.js';

/**
 * Finding 7: staff see customers' personal data only as far as their work needs it
 * (platform/staff-access.ts). Shipping addresses: customer service and admins always, the warehouse
 * for the orders it ships, catalog managers never; every order's updates: customer service and admins.
 */

const SHIP_TO = /* GraphQL */ `
  query StaffAccessShipTo($id: ID!) {
    order(id: $id) {
      id
      shippingAddress {
        city
      }
    }
  }
`;
const SHIPMENT_SHIP_TO = /* GraphQL */ `
  query StaffAccessShipmentShipTo($id: ID!) {
    shipment(id: $id) {
      id
      order {
        id
        shippingAddress {
          city
        }
      }
    }
  }
`;
const SHIPMENTS_OF_ORDER = /* GraphQL */ `
  query StaffAccessShipmentsOfOrder($id: ID!) {
    order(id: $id) {
      id
      status
      shipments {
        id
      }
    }
  }
`;

let stack: Stack;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph]);
}, 180_000);
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await stack?.stop();
});

async function placedOrder(paymentToken = 'tok_visa') {
  const token = await stack.tokenFor('CUSTOMER', randomUUID());
  const { response } = await checkoutCart(stack, token, [['DOG-BOWL-001', 1]]);
  const checkout = ok(response).checkoutCart;
  await completeCheckout(stack, token, checkout.id, { paymentToken });
  return { token, order: await placeOrder(stack, token, checkout.id) };
}

const refusal = (subscriber: Subscriber) =>
  (subscriber.results[0]?.errors?.[0] ?? (Array.isArray(subscriber.error) ? subscriber.error[0] : undefined)) as { extensions?: { code?: string } } | undefined;

describe("an order's shipping address", () => {
  it('is for customer service and admins; a catalog manager is refused', async () => {
    const { order } = await placedOrder();
    for (const role of ['CUSTOMER_SERVICE', 'ADMIN'] as const) {
      const res = await stack.request(SHIP_TO, { id: order.id }, await stack.tokenFor(role));
      expect(res.errors).toBeUndefined();
      expect(res.data.order.shippingAddress.city).toBeTruthy();
    }
    const res = await stack.request(SHIP_TO, { id: order.id }, await stack.tokenFor('CATALOG_MANAGER'));
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(JSON.stringify(res.data ?? null)).not.toContain(order.shippingAddress!.city);
  });

  it('reaches the warehouse through the shipment it handles', async () => {
    const { token, order } = await placedOrder();
    const warehouse = await stack.tokenFor('WAREHOUSE');

    const confirmed = await orderWhen(stack, token, order.id, (o) => o.status === 'CONFIRMED', 'the order to be CONFIRMED', 60_000);
    const shipmentId = await eventually(
      async () => ok(await stack.request(SHIPMENTS_OF_ORDER, { id: confirmed.id }, token)).order.shipments[0]?.id as string | undefined,
      { what: 'the shipment', timeoutMs: 60_000 },
    );
    const res = await stack.request(SHIPMENT_SHIP_TO, { id: shipmentId }, warehouse);
    expect(res.errors).toBeUndefined();
    expect(res.data.shipment.order.shippingAddress.city).toBe(order.shippingAddress!.city);

    const catalog = await stack.request(SHIPMENT_SHIP_TO, { id: shipmentId }, await stack.tokenFor('CATALOG_MANAGER'));
    expect(JSON.stringify(catalog.data ?? null)).not.toContain(order.shippingAddress!.city);
  });

  it('is not for the warehouse when the order will not ship', async () => {
    const { token, order } = await placedOrder('tok_decline');
    await orderWhen(stack, token, order.id, (o) => o.status === 'CANCELLED', 'the declined order to be CANCELLED', 60_000);
    const res = await stack.request(SHIP_TO, { id: order.id }, await stack.tokenFor('WAREHOUSE'));
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});

describe('orderUpdated without an orderId (every order)', () => {
  it('is refused to a catalog manager and a warehouse, served to customer service', async () => {
    for (const role of ['CATALOG_MANAGER', 'WAREHOUSE'] as const) {
      const client = wsClient(stack.wsUrl, await stack.tokenFor(role));
      clients.push(client);
      const refused = new Subscriber(client, ORDER_UPDATED, {});
      await refused.ended();
      expect(refusal(refused)?.extensions?.code).toBe('FORBIDDEN');
    }

    const client = wsClient(stack.wsUrl, await stack.tokenFor('CUSTOMER_SERVICE'));
    clients.push(client);
    const before = stack.gateway.subscriptions!.stats().subscriptions;
    const watching = new Subscriber(client, ORDER_UPDATED, {});
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions > before || watching.error, { what: 'the subscription to be served' });
    expect(watching.error).toBeUndefined();
    const { order } = await placedOrder();
    const [update] = await watching.received(1, 30_000);
    expect(update!.data!.orderUpdated).toMatchObject({ status: 'PLACED', order: { id: order.id } });
    watching.stop();
  });
});
