import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { ADD_ITEM, CHANGE_QUANTITY, createCart, createProduct, ok, waitUntilAddable } from './support.js';

/** The cart's stock warnings follow inventory's real StockLevelsChanged events (no stand-in here). */

const RECEIVE_STOCK = /* GraphQL */ `
  mutation CartTestReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!) {
    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: "cart test") {
      available
    }
  }
`;

let stack: Stack;
let catalogToken: string;
let warehouseToken: string;

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, inventorySubgraph, cartSubgraph]);
  catalogToken = await stack.tokenFor('CATALOG_MANAGER');
  warehouseToken = await stack.tokenFor('WAREHOUSE');
});

afterAll(async () => {
  await stack?.stop();
});

/** The warning codes for the SKU's line as it is now: setting the same quantity changes nothing but answers them. */
async function warningsNow(token: string, cartId: string, sku: string, quantity: number): Promise<string[]> {
  return ok(await stack.request(CHANGE_QUANTITY, { cartId, sku, quantity }, token)).changeCartItemQuantity.warnings.map((w: { code: string }) => w.code);
}

describe('stock warnings from inventory', () => {
  it('warns OUT_OF_STOCK, then LOW_STOCK, then nothing as inventory receives stock', async () => {
    const sku = await createProduct(stack, catalogToken);
    await waitUntilAddable(stack, sku);
    const token = await stack.tokenFor('CUSTOMER', randomUUID());
    const cart = await createCart(stack, token);
    expect(ok(await stack.request(ADD_ITEM, { cartId: cart.id, sku, quantity: 2 }, token)).addCartItem.warnings.map((w: { code: string }) => w.code)).toEqual(['OUT_OF_STOCK']);

    // inventory opens the SKU's rows on ProductCreated; receiving may race that, so retry until it lands
    await eventually(async () => !(await stack.request(RECEIVE_STOCK, { sku, warehouseId: 'NJ-FC', quantity: 5 }, warehouseToken)).errors, { what: `stock rows of ${sku}` });
    await eventually(async () => (await warningsNow(token, cart.id, sku, 2)).join() === 'LOW_STOCK', { what: 'LOW_STOCK from inventory' });

    ok(await stack.request(RECEIVE_STOCK, { sku, warehouseId: 'OH-FC', quantity: 100 }, warehouseToken));
    await eventually(async () => (await warningsNow(token, cart.id, sku, 2)).length === 0, { what: 'no warning once stocked' });
  });

  it('knows the seeded stock of the seeded catalogue', async () => {
    await waitUntilAddable(stack, 'DOG-BOWL-001');
    const token = await stack.tokenFor('GUEST', randomUUID());
    const cart = await createCart(stack, token);
    ok(await stack.request(ADD_ITEM, { cartId: cart.id, sku: 'DOG-BOWL-001', quantity: 1 }, token));
    await eventually(async () => (await warningsNow(token, cart.id, 'DOG-BOWL-001', 1)).length === 0, { what: 'seeded stock in the cart projection' });
  });
});
