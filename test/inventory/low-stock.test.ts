import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { RECEIVE, errorCode, stockedProduct } from './support.js';

/** `lowStock` (staff): the rows of SKUs below the low-stock threshold, lowest first. */

const LOW_STOCK = /* GraphQL */ `
  query InventoryTestLowStock {
    lowStock {
      sku
      warehouse {
        id
      }
      available
      reserved
      committed
    }
  }
`;

let stack: Stack;
let warehouse: string;
let catalog: string;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph]);
  warehouse = await stack.tokenFor('WAREHOUSE');
  catalog = await stack.tokenFor('CATALOG_MANAGER');
});

afterAll(async () => {
  await stack?.stop();
});

const lowStock = async (token: string) => {
  const res = await stack.request(LOW_STOCK, {}, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.lowStock as { sku: string; warehouse: { id: string }; available: number }[];
};

describe('lowStock', () => {
  it('lists the stocked rows of SKUs whose total is below 10, lowest first, until they are restocked', async () => {
    const low = await stockedProduct(stack, warehouse, catalog, { 'NJ-FC': 6, 'TX-FC': 2 });
    const plenty = await stockedProduct(stack, warehouse, catalog, { 'NJ-FC': 6, 'TX-FC': 4 });

    const rows = await lowStock(await stack.tokenFor('CUSTOMER_SERVICE'));
    expect(rows.filter((r) => r.sku === low).map((r) => [r.warehouse.id, r.available])).toEqual([
      ['TX-FC', 2],
      ['NJ-FC', 6],
    ]);
    expect(rows.some((r) => r.sku === plenty)).toBe(false);
    const available = rows.map((r) => r.available);
    expect(available).toEqual([...available].sort((a, b) => a - b));

    const res = await stack.request(RECEIVE, { sku: low, warehouseId: 'TX-FC', quantity: 5 }, warehouse);
    expect(res.errors).toBeUndefined();
    expect((await lowStock(warehouse)).some((r) => r.sku === low)).toBe(false);
  });

  it('is for staff only', async () => {
    expect(errorCode(await stack.request(LOW_STOCK, {}, await stack.tokenFor('CUSTOMER')))).toBe('FORBIDDEN');
    expect(errorCode(await stack.request(LOW_STOCK, {}))).toBe('UNAUTHENTICATED');
  });
});
