import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { returnsSubgraph } from '../../subgraphs/returns/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { ok } from '../orders/support.js';
import { ContextTables, productInStock } from '../orders/saga-support.js';
import { RECEIVE_RETURN, deliveredOrder, orderWithReturns, requestReturn, returnWhen } from './support.js';

/**
 * The order's side of a return: every step shows on the order's timeline, and a DELIVERED order
 * with an open return does not close when its return window ends, only when the return does.
 * The window is short here (it is the same for requesting returns and closing orders).
 */

const RETURN_WINDOW_MS = 20_000;

let stack: Stack;
let tables: ContextTables;
let sku: string;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph, returnsSubgraph], {
    ORDER_RETURN_WINDOW_MS: String(RETURN_WINDOW_MS),
  });
  tables = await new ContextTables(stack.env.databaseUrl).connect();
  sku = await productInStock(stack, 20, { priceCents: 2_000 });
}, 120_000);

afterAll(async () => {
  await tables?.close();
  await stack?.stop();
});

describe('an order with a return', () => {
  it('shows each return step on its timeline and closes only once the return has ended', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[sku, 2]]);
    const ret = await requestReturn(stack, token, order.id, [{ sku, quantity: 1, reason: 'NO_LONGER_NEEDED' }]);

    // the window ends while the parcel is on its way back: the order stays DELIVERED
    const waiting = await eventually(
      async () => {
        const seen = await orderWithReturns(stack, order.id, token);
        return seen.timeline.some((e) => e.type === 'RETURN_WINDOW_ENDED') ? seen : undefined;
      },
      { what: 'the return window to end', timeoutMs: RETURN_WINDOW_MS + 20_000, intervalMs: 250 },
    );
    expect(waiting.status).toBe('DELIVERED');

    ok(await stack.request(RECEIVE_RETURN, { returnId: ret.id, items: [{ sku, acceptedQuantity: 1 }] }, await stack.tokenFor('WAREHOUSE')));
    await returnWhen(stack, ret.id, (r) => r.status === 'REFUNDED', 'the return to be REFUNDED');
    const closed = await eventually(
      async () => {
        const seen = await orderWithReturns(stack, order.id, token);
        return seen.status === 'CLOSED' ? seen : undefined;
      },
      { what: 'the order to close', timeoutMs: 20_000, intervalMs: 250 },
    );

    const steps = closed.timeline.map((e) => e.type).filter((type) => type.startsWith('RETURN_') || type === 'CLOSED');
    expect(steps).toEqual(['RETURN_APPROVED', 'RETURN_WINDOW_ENDED', 'RETURN_RECEIVED', 'RETURN_REFUNDED', 'CLOSED']);
    // $20.00 less the 15 % fee
    expect(closed.timeline.find((e) => e.type === 'RETURN_REFUNDED')?.detail).toBe('$17.00 refunded');
    expect(closed.payment).toMatchObject({ status: 'PARTIALLY_REFUNDED', refunded: { cents: 1_700 } });
    expect(closed.payment!.captured.cents - closed.payment!.refunded.cents).toBe(order.total.cents - 1_700);
  });

  it('closes a delivered order without returns when its window ends', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[sku, 1]]);
    const closed = await eventually(
      async () => {
        const seen = await orderWithReturns(stack, order.id, token);
        return seen.status === 'CLOSED' ? seen : undefined;
      },
      { what: 'the order to close', timeoutMs: RETURN_WINDOW_MS + 20_000, intervalMs: 250 },
    );
    expect(closed.timeline.map((e) => e.type)).not.toContain('RETURN_WINDOW_ENDED');
  });
});
