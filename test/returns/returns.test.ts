import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { createReturnsSubgraph } from '../../subgraphs/returns/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { checkoutCart, completeCheckout, ok, placeOrder } from '../orders/support.js';
import { ContextTables, productInStock, stockOf } from '../orders/saga-support.js';
import {
  APPROVE_RETURN,
  RECEIVE_RETURN,
  REJECT_RETURN,
  REQUEST_RETURN,
  RETURN,
  RETURNS,
  deliveredOrder,
  errorOf,
  orderWithReturns,
  requestReturn,
  returnWhen,
  type ReturnView,
} from './support.js';

/**
 * Returns through the gateway (SPEC §12): a customer returns units of a delivered order, approved
 * at once or by customer service, receives a prepaid label; the warehouse inspects the parcel,
 * accepted units go back on the shelf, the rest are written off; payments refunds the value less
 * the restocking fee, and the return ends REFUNDED. Money and stock must add up afterwards.
 */

const DAY_MS = 24 * 3600_000;
/** Moves returns' clock (and only returns'): the window-closed case. */
let returnsClockOffsetMs = 0;

let stack: Stack;
let tables: ContextTables;
let kibble: string; // $10.00
let leash: string; // $29.99

beforeAll(async () => {
  stack = await startStack([
    catalogSubgraph,
    inventorySubgraph,
    cartSubgraph,
    ordersSubgraph,
    paymentsSubgraph,
    fulfillmentSubgraph,
    createReturnsSubgraph({ clock: () => new Date(Date.now() + returnsClockOffsetMs) }),
  ]);
  tables = await new ContextTables(stack.env.databaseUrl).connect();
  kibble = await productInStock(stack, 100, { priceCents: 1_000 });
  leash = await productInStock(stack, 100, { priceCents: 2_999 });
}, 120_000);

afterAll(async () => {
  await tables?.close();
  await stack?.stop();
});

const warehouseToken = () => stack.tokenFor('WAREHOUSE');
const csToken = () => stack.tokenFor('CUSTOMER_SERVICE');

describe('requesting a return', () => {
  it('approves a return for the store’s fault at once, with a prepaid label and the full value as refund', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[kibble, 2], [leash, 1]]);
    const ret = await requestReturn(stack, token, order.id, [{ sku: leash, quantity: 1, reason: 'DEFECTIVE' }], 'The clip broke on day one');

    expect(ret).toMatchObject({
      status: 'APPROVED',
      order: { id: order.id },
      items: [{ product: { sku: leash }, quantity: 1, reason: 'DEFECTIVE', acceptedQuantity: null, unitPrice: { cents: 2_999 } }],
      restockingFee: { cents: 0, currency: 'USD', formatted: '$0.00' },
      refundAmount: { cents: 2_999, formatted: '$29.99' },
      refundStatus: null,
      comment: 'The clip broke on day one',
    });
    expect(ret.label).toMatchObject({ carrier: 'USPS' });
    expect(ret.label!.trackingNumber).toMatch(/^9202\d{18}$/);
    expect(ret.label!.labelUrl).toContain(ret.id);
    expect(ret.approvedAt).not.toBeNull();

    // the order shows it, to its customer
    const seen = await orderWithReturns(stack, order.id, token);
    expect(seen.returns).toEqual([{ id: ret.id, status: 'APPROVED', refundAmount: { cents: 2_999 } }]);
  });

  it('answers the same return when the same request is sent twice', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[kibble, 3]]);
    const items = [{ sku: kibble, quantity: 1, reason: 'DAMAGED_IN_TRANSIT' }];
    const [first, second] = await Promise.all([requestReturn(stack, token, order.id, items), requestReturn(stack, token, order.id, items)]);
    expect(second.id).toBe(first.id);
    expect(await requestReturn(stack, token, order.id, items)).toMatchObject({ id: first.id, label: first.label });
    expect((await orderWithReturns(stack, order.id, token)).returns).toHaveLength(1);
  });

  it('refuses more units than were delivered minus what earlier returns cover', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[kibble, 3]]);
    const first = await requestReturn(stack, token, order.id, [{ sku: kibble, quantity: 2, reason: 'NO_LONGER_NEEDED' }]);
    expect(first.status).toBe('APPROVED');

    const tooMany = await stack.request(REQUEST_RETURN, { orderId: order.id, items: [{ sku: kibble, quantity: 2, reason: 'DEFECTIVE' }] }, token);
    expect(errorOf(tooMany)).toEqual({ code: 'BAD_USER_INPUT', rule: 'TOO_MANY_UNITS' });
    expect(tooMany.errors![0]!.message).toBe(`At most 1 of ${kibble} can be returned (3 delivered, 2 in earlier returns)`);

    // the last unit is a second return of the same order
    const second = await requestReturn(stack, token, order.id, [{ sku: kibble, quantity: 1, reason: 'DEFECTIVE' }]);
    expect(second.id).not.toBe(first.id);
    expect((await orderWithReturns(stack, order.id, token)).returns.map((r) => r.id)).toEqual([first.id, second.id]);
  });

  it.each([
    ['an item that is not in the order', (sku: string) => [{ sku: 'NOT-IN-ORDER', quantity: 1, reason: 'DEFECTIVE' }], 'NOT_IN_ORDER'],
    ['a zero quantity', (sku: string) => [{ sku, quantity: 0, reason: 'DEFECTIVE' }], 'INVALID_QUANTITY'],
    ['no items', () => [], 'NO_ITEMS'],
  ])('refuses %s with its rule and changes nothing', async (_what, items, rule) => {
    const { token, order } = await deliveredOrder(stack, tables, [[kibble, 1]]);
    const res = await stack.request(REQUEST_RETURN, { orderId: order.id, items: items(kibble) }, token);
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', rule });
    expect((await orderWithReturns(stack, order.id, token)).returns).toEqual([]);
  });

  it('refuses an order that was not delivered', async () => {
    const token = await stack.tokenFor('CUSTOMER');
    const { response } = await checkoutCart(stack, token, [[kibble, 1]]);
    const checkoutId = ok(response).checkoutCart.id as string;
    await completeCheckout(stack, token, checkoutId);
    const order = await placeOrder(stack, token, checkoutId);
    await eventually(async () => (await tables.rows('select 1 from returns.order_view where order_id = $1 and lines is not null', [order.id])).length === 1, {
      what: 'returns to learn of the order',
    });
    const res = await stack.request(REQUEST_RETURN, { orderId: order.id, items: [{ sku: kibble, quantity: 1, reason: 'DEFECTIVE' }] }, token);
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', rule: 'ORDER_NOT_DELIVERED' });
  });

  it('refuses once the 30-day window after delivery has closed', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[kibble, 1]]);
    returnsClockOffsetMs = 31 * DAY_MS;
    try {
      const res = await stack.request(REQUEST_RETURN, { orderId: order.id, items: [{ sku: kibble, quantity: 1, reason: 'DEFECTIVE' }] }, token);
      expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', rule: 'RETURN_WINDOW_CLOSED' });
      expect(res.errors![0]!.message).toMatch(/^Returns are accepted within 30 days of delivery/);
    } finally {
      returnsClockOffsetMs = 0;
    }
    expect((await orderWithReturns(stack, order.id, token)).returns).toEqual([]);
  });

  it('answers NOT_FOUND for another customer’s order and hides its returns', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[kibble, 1]]);
    const ret = await requestReturn(stack, token, order.id, [{ sku: kibble, quantity: 1, reason: 'WRONG_ITEM' }]);
    const stranger = await stack.tokenFor('CUSTOMER');

    const res = await stack.request(REQUEST_RETURN, { orderId: order.id, items: [{ sku: kibble, quantity: 1, reason: 'WRONG_ITEM' }] }, stranger);
    expect(errorOf(res).code).toBe('NOT_FOUND');
    expect(ok(await stack.request(RETURN, { id: ret.id }, stranger)).return).toBeNull();
    expect(errorOf(await stack.request(RETURNS, {}, stranger)).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.request(REQUEST_RETURN, { orderId: order.id, items: [] }, undefined)).code).toBe('UNAUTHENTICATED');
  });
});

describe('customer service', () => {
  it('reviews a return with reason OTHER: no label until approved', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[leash, 1]]);
    const requested = await requestReturn(stack, token, order.id, [{ sku: leash, quantity: 1, reason: 'OTHER' }], 'Colour is not what I expected');
    expect(requested).toMatchObject({ status: 'REQUESTED', label: null, approvedAt: null, restockingFee: { cents: 449 }, refundAmount: { cents: 2_550 } });

    const listed = ok(await stack.request(RETURNS, { status: 'REQUESTED', first: 100 }, await csToken())).returns;
    expect(listed.nodes.map((n: { id: string }) => n.id)).toContain(requested.id);

    expect(errorOf(await stack.request(APPROVE_RETURN, { returnId: requested.id }, token)).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.request(APPROVE_RETURN, { returnId: requested.id }, await warehouseToken())).code).toBe('FORBIDDEN');
    const approved = ok(await stack.request(APPROVE_RETURN, { returnId: requested.id }, await csToken())).approveReturn as ReturnView;
    expect(approved).toMatchObject({ id: requested.id, status: 'APPROVED' });
    expect(approved.label?.trackingNumber).toMatch(/^9202/);
    expect(errorOf(await stack.request(APPROVE_RETURN, { returnId: requested.id }, await csToken())).code).toBe('CONFLICT');
  });

  it('rejects a return with a reason; its units can be asked for again', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[leash, 1]]);
    const requested = await requestReturn(stack, token, order.id, [{ sku: leash, quantity: 1, reason: 'OTHER' }]);
    expect(errorOf(await stack.request(REJECT_RETURN, { returnId: requested.id, reason: '  ' }, await csToken()))).toEqual({ code: 'BAD_USER_INPUT', rule: undefined });

    const rejected = ok(await stack.request(REJECT_RETURN, { returnId: requested.id, reason: 'Used item, not returnable' }, await csToken())).rejectReturn as ReturnView;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Used item, not returnable', label: null, refundAmount: { cents: 0 } });
    expect(errorOf(await stack.request(RECEIVE_RETURN, { returnId: requested.id, items: [{ sku: leash, acceptedQuantity: 1 }] }, await warehouseToken())).code).toBe('CONFLICT');

    const again = await requestReturn(stack, token, order.id, [{ sku: leash, quantity: 1, reason: 'DEFECTIVE' }]);
    expect(again).toMatchObject({ status: 'APPROVED' });
    expect(again.id).not.toBe(requested.id);
  });
});

describe('receipt, inspection and refund', () => {
  it('restocks accepted units, writes off the rest and refunds accepted value less the 15 % fee', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[kibble, 3], [leash, 1]]);
    const before = (await stockOf(stack, kibble))['NJ-FC']!;
    const ret = await requestReturn(stack, token, order.id, [{ sku: kibble, quantity: 3, reason: 'NO_LONGER_NEEDED' }]);
    // estimate: 3 × $10.00 = $30.00, fee $4.50
    expect(ret).toMatchObject({ restockingFee: { cents: 450 }, refundAmount: { cents: 2_550 } });

    expect(errorOf(await stack.request(RECEIVE_RETURN, { returnId: ret.id, items: [{ sku: kibble, acceptedQuantity: 4 }] }, await warehouseToken()))).toEqual({ code: 'BAD_USER_INPUT', rule: 'INVALID_QUANTITY' });
    expect(errorOf(await stack.request(RECEIVE_RETURN, { returnId: ret.id, items: [{ sku: kibble, acceptedQuantity: 2 }] }, token)).code).toBe('FORBIDDEN');

    const received = ok(await stack.request(RECEIVE_RETURN, { returnId: ret.id, items: [{ sku: kibble, acceptedQuantity: 2 }] }, await warehouseToken())).receiveReturn as ReturnView;
    // 2 accepted × $10.00 = $20.00, fee $3.00
    expect(received).toMatchObject({ status: 'RECEIVED', items: [{ acceptedQuantity: 2 }], restockingFee: { cents: 300 }, refundAmount: { cents: 1_700 }, refundStatus: 'REQUESTED' });

    const refunded = await returnWhen(stack, ret.id, (r) => r.status === 'REFUNDED', 'the return to be REFUNDED');
    expect(refunded).toMatchObject({ refundStatus: 'COMPLETED', refundAmount: { cents: 1_700 } });
    expect(refunded.refundedAt).not.toBeNull();

    // stock: 2 units back on the shelf where they were shipped from; the third is written off
    await eventually(async () => (await stockOf(stack, kibble))['NJ-FC']!.available === before.available + 2, { what: 'inventory to restock the accepted units' });
    expect((await stockOf(stack, kibble))['NJ-FC']).toMatchObject({ available: before.available + 2, shipped: before.shipped - 2 });
    expect(await tables.rows('select sku, quantity, reason, warehouse_id from returns.write_off where return_id = $1', [ret.id])).toEqual([
      { sku: kibble, quantity: 1, reason: 'NO_LONGER_NEEDED', warehouse_id: 'NJ-FC' },
    ]);

    // money: what was captured less every refund is what the customer kept
    const seen = await orderWithReturns(stack, order.id, token);
    expect(seen.payment).toMatchObject({ status: 'PARTIALLY_REFUNDED', captured: { cents: order.total.cents }, refunded: { cents: 1_700 } });
    expect(errorOf(await stack.request(RECEIVE_RETURN, { returnId: ret.id, items: [{ sku: kibble, acceptedQuantity: 2 }] }, await warehouseToken())).code).toBe('CONFLICT');
  });

  it('refunds every unit returned for the store’s fault, even those that fail inspection, without a fee', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[kibble, 2], [leash, 2]]);
    const before = (await stockOf(stack, leash))['NJ-FC']!;
    const ret = await requestReturn(stack, token, order.id, [
      { sku: leash, quantity: 2, reason: 'DAMAGED_IN_TRANSIT' },
      { sku: kibble, quantity: 1, reason: 'OTHER' },
    ]);
    expect(ret.status).toBe('REQUESTED');
    ok(await stack.request(APPROVE_RETURN, { returnId: ret.id }, await csToken()));
    const received = ok(
      await stack.request(RECEIVE_RETURN, { returnId: ret.id, items: [{ sku: leash, acceptedQuantity: 0 }, { sku: kibble, acceptedQuantity: 1 }] }, await warehouseToken()),
    ).receiveReturn as ReturnView;
    // 2 × $29.99 (no fee) + $10.00 − 15 % of $10.00
    expect(received).toMatchObject({ restockingFee: { cents: 150 }, refundAmount: { cents: 5_998 + 1_000 - 150 } });
    await returnWhen(stack, ret.id, (r) => r.status === 'REFUNDED', 'the return to be REFUNDED');

    // the broken leashes are not restocked
    await eventually(async () => (await tables.rows('select 1 from inventory.stock_movement where kind = $1 and reference = $2', ['RETURNED', ret.id])).length === 1, {
      what: 'inventory to restock the accepted kibble',
    });
    expect((await stockOf(stack, leash))['NJ-FC']).toEqual(before);
    const seen = await orderWithReturns(stack, order.id, token);
    expect(seen.payment!.captured.cents - seen.payment!.refunded.cents).toBe(order.total.cents - 6_848);
  });

  it('keeps a return whose refund failed RECEIVED and escalates it to staff on the order', async () => {
    // the stub provider fails every refund of a payment made with this token (after its 3 attempts)
    const { token, order } = await deliveredOrder(stack, tables, [[kibble, 1]], { paymentToken: 'tok_refund_fail' });
    const ret = await requestReturn(stack, token, order.id, [{ sku: kibble, quantity: 1, reason: 'DEFECTIVE' }]);
    ok(await stack.request(RECEIVE_RETURN, { returnId: ret.id, items: [{ sku: kibble, acceptedQuantity: 1 }] }, await warehouseToken()));

    const failed = await returnWhen(stack, ret.id, (r) => r.refundStatus === 'FAILED', 'the refund to fail');
    expect(failed).toMatchObject({ status: 'RECEIVED', refundAmount: { cents: 1_000 }, refundedAt: null });
    const escalated = await eventually(
      async () => {
        const seen = await orderWithReturns(stack, order.id, token);
        return seen.timeline.some((e) => e.type === 'ALERT_RAISED' && e.detail?.startsWith('REFUND_ESCALATED')) ? seen : undefined;
      },
      { what: 'orders to escalate the failed refund', timeoutMs: 20_000 },
    );
    expect(escalated.timeline.map((e) => e.type)).toContain('RETURN_REFUND_FAILED');
    expect(escalated.payment).toMatchObject({ status: 'CAPTURED', refunded: { cents: 0 } });
  });

  it('ends a return with nothing to refund at once', async () => {
    const { token, order } = await deliveredOrder(stack, tables, [[kibble, 1]]);
    const ret = await requestReturn(stack, token, order.id, [{ sku: kibble, quantity: 1, reason: 'NO_LONGER_NEEDED' }]);
    const received = ok(await stack.request(RECEIVE_RETURN, { returnId: ret.id, items: [{ sku: kibble, acceptedQuantity: 0 }] }, await warehouseToken())).receiveReturn as ReturnView;
    expect(received).toMatchObject({ status: 'REFUNDED', refundAmount: { cents: 0 }, restockingFee: { cents: 0 }, refundStatus: null });
    expect((await orderWithReturns(stack, order.id, token)).payment).toMatchObject({ status: 'CAPTURED', refunded: { cents: 0 } });
  });
});
