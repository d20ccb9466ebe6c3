import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { returnsSubgraph } from '../../subgraphs/returns/subgraph.js';
import { FakeEasyPost } from '../support/fake-easypost.js';
import { startStack, type Stack } from '../support/stack.js';
import { ContextTables, productInStock } from '../orders/saga-support.js';
import { deliveredOrder, requestReturn } from './support.js';

/**
 * Returns books its prepaid labels with the carrier CARRIER_ADAPTER names, the one fulfillment
 * ships with: with `easypost`, the label a customer gets is an EasyPost return shipment
 * (is_return), bought from (a local fake of) EasyPost's API.
 */

const FROM = { name: 'CritterSupply NJ', street1: '100 Warehouse Way', city: 'Newark', state: 'NJ', zip: '07105', country: 'US', phone: '9735550100' };

let easypost: FakeEasyPost;
let stack: Stack;
let tables: ContextTables;
let leash: string;

beforeAll(async () => {
  easypost = await FakeEasyPost.start();
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph, returnsSubgraph], {
    CARRIER_ADAPTER: 'easypost',
    EASYPOST_API_KEY: easypost.apiKey,
    EASYPOST_API_BASE: easypost.url,
    EASYPOST_FROM_ADDRESS: JSON.stringify(FROM),
  });
  tables = await new ContextTables(stack.env.databaseUrl).connect();
  leash = await productInStock(stack, 100, { priceCents: 2_999 });
}, 120_000);

afterAll(async () => {
  await tables?.close();
  await stack?.stop();
  await easypost?.stop();
});

describe('return labels with CARRIER_ADAPTER=easypost', () => {
  it('gives the customer the label of an EasyPost return shipment from their address', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[leash, 1]]);
    const ret = await requestReturn(stack, token, order.id, [{ sku: leash, quantity: 1, reason: 'DEFECTIVE' }]);

    const bought = easypost.shipments.get(`return-${ret.id}`) ?? [...easypost.shipments.values()].find((s) => s.reference === `return-${ret.id}`);
    expect(bought).toBeDefined();
    expect(bought.is_return).toBe(true);
    // to/from as for an outbound parcel: EasyPost swaps them for a return (the customer sends it back)
    expect(order.shippingAddress).not.toBeNull();
    expect(bought.to_address).toMatchObject({ street1: order.shippingAddress!.line1, city: order.shippingAddress!.city });
    expect(bought.from_address).toMatchObject({ street1: FROM.street1 });
    expect(ret.status).toBe('APPROVED');
    expect(ret.label).toEqual({ carrier: bought.selected_rate.carrier, trackingNumber: bought.tracking_code, labelUrl: bought.postage_label.label_url });
    expect(ret.label!.trackingNumber).not.toMatch(/^9202/); // not the stub's
  });
});
