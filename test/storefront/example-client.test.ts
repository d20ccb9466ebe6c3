import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { runJourney } from '../../examples/storefront/journey.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * The example storefront client (examples/storefront/) runs its whole journey against the test
 * stack: typecheck compiles it, this runs it, schema:check validates its operations.
 */

let stack: Stack;

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph]);
});

afterAll(async () => {
  await stack?.stop();
});

describe('the example storefront', () => {
  it('browses, fills a guest cart, signs in and merges, checks out, follows the order across a dropped socket, and reorders', async () => {
    const lines: string[] = [];
    const result = await runJourney({ httpUrl: stack.gateway.url, wsUrl: stack.wsUrl, log: (line) => lines.push(line) });
    expect(result.orderNumber).toMatch(/^CS-\d+$/);
    expect(result.updates.map((u) => [u.previousStatus, u.status])).toEqual([['PLACED', 'CONFIRMED']]);
    expect(result.connections).toBeGreaterThanOrEqual(2); // the dropped socket was reconnected
    expect(result.reorderedItemCount).toBe(2);
    expect(lines.join('\n')).toMatch(/merged cart has 2 item\(s\)/);
  });
});
