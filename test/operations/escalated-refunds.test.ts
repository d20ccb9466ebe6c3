import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentGatewayError, type PaymentGateway } from '../../subgraphs/payments/adapters/payment-gateway/payment-gateway.js';
import { StubPaymentGateway } from '../../subgraphs/payments/adapters/payment-gateway/stub-payment-gateway.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { operationsSubgraph } from '../../subgraphs/operations/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { createPaymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { placedOrder, productInStock } from '../orders/saga-support.js';
import { CANCEL_ORDER, orderWhen, timelineTypes } from '../orders/support.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { alertWhen, errorCode, ok } from './support.js';

/**
 * SPEC §6/§10 through the real contexts: a cancelled order's refund fails its 3 attempts while the
 * provider's refunds are down, payments escalates it (RefundFailed) and operations alerts; customer
 * service retries it or records a manual refund, which completes it for the saga and resolves the
 * alert. The same flow shows LOW_STOCK raised by a real reservation and resolved by the release.
 */

/** The stub provider, with refunds that fail (retriable) while `refundsDown`. */
class RefundOutage implements PaymentGateway {
  readonly name = 'stub' as const;
  refundsDown = false;
  constructor(private readonly stub = new StubPaymentGateway()) {}
  authorize: PaymentGateway['authorize'] = (r) => this.stub.authorize(r);
  capture: PaymentGateway['capture'] = (r) => this.stub.capture(r);
  void: PaymentGateway['void'] = (r) => this.stub.void(r);
  refund: PaymentGateway['refund'] = async (r) => {
    if (this.refundsDown) throw new PaymentGatewayError('UNAVAILABLE', 'refunds are down at the provider');
    return this.stub.refund(r);
  };
}

const REFUNDS = /* GraphQL */ `
  query OperationsOrderRefunds($id: ID!) {
    order(id: $id) {
      id
      status
      timeline {
        type
      }
      payment {
        status
        refunded {
          cents
        }
        refunds {
          id
          status
          failureReason
          manualReference
          amount {
            cents
          }
        }
      }
    }
  }
`;

const RETRY = /* GraphQL */ `
  mutation OperationsRetryRefund($refundId: ID!) {
    retryRefund(refundId: $refundId) {
      id
      status
      failureReason
    }
  }
`;

const MANUAL = /* GraphQL */ `
  mutation OperationsManualRefund($refundId: ID!, $reference: String!) {
    recordManualRefund(refundId: $refundId, reference: $reference) {
      id
      status
      manualReference
      completedAt
    }
  }
`;

let stack: Stack;
const gateway = new RefundOutage();
let cs: string;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, createPaymentsSubgraph({ gateway }), operationsSubgraph], {
    PAYMENT_RETRY_BACKOFF_MS: '50,100',
  });
  cs = await stack.tokenFor('CUSTOMER_SERVICE', 'cs-agent-7');
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const refundsOf = async (orderId: string) => ok(await stack.request(REFUNDS, { id: orderId }, cs)).order;

/** A CONFIRMED order of `units` of `sku`, cancelled by its customer while refunds are down: its escalated refund. */
async function escalatedRefund(sku: string, units: number): Promise<{ orderId: string; refundId: string; token: string; totalCents: number }> {
  const { token, order } = await placedOrder(stack, sku, units);
  await orderWhen(stack, token, order.id, (o) => o.status === 'CONFIRMED', 'the order to be CONFIRMED');
  gateway.refundsDown = true;
  ok(await stack.request(CANCEL_ORDER, { orderId: order.id, reason: 'changed my mind' }, token));
  const failed = await eventually(async () => (await refundsOf(order.id)).payment.refunds.find((r: { status: string }) => r.status === 'FAILED'), { what: 'the refund to fail', timeoutMs: 30_000 });
  expect(failed.failureReason).toContain('refunds are down');
  return { orderId: order.id, refundId: failed.id, token, totalCents: order.total.cents };
}

describe('an escalated refund', () => {
  let sku: string;
  beforeAll(async () => {
    sku = await productInStock(stack, 12);
  });

  it('raises LOW_STOCK when a reservation takes the SKU below 10, resolved when the cancelled order releases it', async () => {
    const { token, order } = await placedOrder(stack, sku, 5);
    await orderWhen(stack, token, order.id, (o) => o.status === 'CONFIRMED', 'the order to be CONFIRMED');
    const low = await alertWhen(stack, cs, `sku:${sku}`, () => true, 'the low-stock alert');
    expect(low).toMatchObject({ kind: 'LOW_STOCK', status: 'OPEN', sku });
    ok(await stack.request(CANCEL_ORDER, { orderId: order.id, reason: 'changed my mind' }, token));
    expect(await alertWhen(stack, cs, `sku:${sku}`, (a) => a.status === 'RESOLVED', 'the low-stock alert to resolve', 30_000)).toMatchObject({ resolvedBy: 'system' });
  });

  it('is alerted, retried by customer service once the provider is back: the order is refunded and the alert resolved', async () => {
    const { orderId, refundId } = await escalatedRefund(sku, 1);
    const alert = await alertWhen(stack, cs, `refund:${refundId}`, () => true, 'the refund alert');
    expect(alert).toMatchObject({ kind: 'REFUND_ESCALATED', status: 'OPEN', order: { id: orderId } });

    // not theirs to retry
    for (const role of ['CUSTOMER', 'WAREHOUSE'] as const) expect(errorCode(await stack.request(RETRY, { refundId }, await stack.tokenFor(role))), role).toBe('FORBIDDEN');
    // still down: another 3 attempts, FAILED again with its reason, the alert stays the same one
    const again = ok(await stack.request(RETRY, { refundId }, cs)).retryRefund;
    expect(again).toMatchObject({ id: refundId, status: 'FAILED' });

    gateway.refundsDown = false;
    expect(ok(await stack.request(RETRY, { refundId }, cs)).retryRefund).toMatchObject({ id: refundId, status: 'COMPLETED' });
    const refunded = await eventually(async () => {
      const order = await refundsOf(orderId);
      return timelineTypes(order).includes('REFUNDED') && order;
    }, { what: 'the saga to learn of the refund' });
    expect(refunded.payment).toMatchObject({ status: 'REFUNDED', refunds: [{ id: refundId, status: 'COMPLETED', manualReference: null }] });
    expect(await alertWhen(stack, cs, `refund:${refundId}`, (a) => a.status === 'RESOLVED', 'the refund alert to resolve')).toMatchObject({ resolvedBy: 'system' });

    // settled: nothing more to retry or record
    expect(errorCode(await stack.request(RETRY, { refundId }, cs))).toBe('CONFLICT');
    expect(errorCode(await stack.request(MANUAL, { refundId, reference: 'BANK-1' }, cs))).toBe('CONFLICT');
  });

  it('is recorded as refunded by hand: completed for the order with its reference, and the alert resolved', async () => {
    const { orderId, refundId } = await escalatedRefund(sku, 1);
    await alertWhen(stack, cs, `refund:${refundId}`, () => true, 'the refund alert');

    expect(errorCode(await stack.request(MANUAL, { refundId, reference: '   ' }, cs))).toBe('BAD_USER_INPUT');
    expect(errorCode(await stack.request(MANUAL, { refundId, reference: 'x'.repeat(201) }, cs))).toBe('BAD_USER_INPUT');
    expect(errorCode(await stack.request(MANUAL, { refundId: randomUUID(), reference: 'BANK-1' }, cs))).toBe('NOT_FOUND');
    expect(errorCode(await stack.request(RETRY, { refundId: 'not-a-refund' }, cs))).toBe('NOT_FOUND');
    expect(errorCode(await stack.request(MANUAL, { refundId, reference: 'BANK-1' }, await stack.tokenFor('CUSTOMER')))).toBe('FORBIDDEN');
    // nothing changed
    expect((await refundsOf(orderId)).payment.refunds).toMatchObject([{ id: refundId, status: 'FAILED', manualReference: null }]);

    const manual = ok(await stack.request(MANUAL, { refundId, reference: ' BANK-TRF-0042 ' }, await stack.tokenFor('ADMIN'))).recordManualRefund;
    expect(manual).toMatchObject({ id: refundId, status: 'COMPLETED', manualReference: 'BANK-TRF-0042' });
    const refunded = await eventually(async () => {
      const order = await refundsOf(orderId);
      return timelineTypes(order).includes('REFUNDED') && order;
    }, { what: 'the saga to count the manual refund' });
    expect(refunded.payment).toMatchObject({ status: 'REFUNDED', refunds: [{ status: 'COMPLETED', manualReference: 'BANK-TRF-0042' }] });
    expect(await alertWhen(stack, cs, `refund:${refundId}`, (a) => a.status === 'RESOLVED', 'the refund alert to resolve')).toMatchObject({ resolvedBy: 'system' });
  });
});
