import { randomUUID } from 'node:crypto';
import { eventually } from '../support/config.js';
import type { GraphQLResponse, Stack } from '../support/stack.js';
import { DISPATCH, RECORD_DELIVERY, checkoutCart, completeCheckout, ok, orderWhen, placeOrder, type OrderView } from '../orders/support.js';
import { settlement, type ContextTables } from '../orders/saga-support.js';

/** Shared by the returns tests: documents, a delivered order, waiting for returns to know it. */

export const RETURN_FIELDS = /* GraphQL */ `
  fragment ReturnsTestReturn on Return {
    id
    status
    order {
      id
    }
    items {
      product {
        sku
      }
      quantity
      reason
      acceptedQuantity
      unitPrice {
        cents
      }
    }
    restockingFee {
      cents
      currency
      formatted
    }
    refundAmount {
      cents
      currency
      formatted
    }
    label {
      carrier
      trackingNumber
      labelUrl
    }
    refundStatus
    requestedAt
    approvedAt
    receivedAt
    refundedAt
    rejectionReason
    comment
    updatedAt
  }
`;

export const REQUEST_RETURN = /* GraphQL */ `
  mutation ReturnsTestRequestReturn($orderId: ID!, $items: [ReturnItemInput!]!, $comment: String) {
    requestReturn(orderId: $orderId, items: $items, comment: $comment) {
      ...ReturnsTestReturn
    }
  }
  ${RETURN_FIELDS}
`;

export const APPROVE_RETURN = /* GraphQL */ `
  mutation ReturnsTestApproveReturn($returnId: ID!) {
    approveReturn(returnId: $returnId) {
      ...ReturnsTestReturn
    }
  }
  ${RETURN_FIELDS}
`;

export const REJECT_RETURN = /* GraphQL */ `
  mutation ReturnsTestRejectReturn($returnId: ID!, $reason: String!) {
    rejectReturn(returnId: $returnId, reason: $reason) {
      ...ReturnsTestReturn
    }
  }
  ${RETURN_FIELDS}
`;

export const RECEIVE_RETURN = /* GraphQL */ `
  mutation ReturnsTestReceiveReturn($returnId: ID!, $items: [ReturnInspectionInput!]!) {
    receiveReturn(returnId: $returnId, items: $items) {
      ...ReturnsTestReturn
    }
  }
  ${RETURN_FIELDS}
`;

export const RETURN = /* GraphQL */ `
  query ReturnsTestReturn($id: ID!) {
    return(id: $id) {
      ...ReturnsTestReturn
    }
  }
  ${RETURN_FIELDS}
`;

export const RETURNS = /* GraphQL */ `
  query ReturnsTestReturns($status: ReturnStatus, $first: Int, $after: String) {
    returns(status: $status, first: $first, after: $after) {
      nodes {
        id
        status
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const ORDER_WITH_RETURNS = /* GraphQL */ `
  query ReturnsTestOrderWithReturns($id: ID!) {
    order(id: $id) {
      id
      status
      total {
        cents
      }
      timeline {
        type
        detail
      }
      payment {
        status
        captured {
          cents
        }
        refunded {
          cents
        }
      }
      returns {
        id
        status
        refundAmount {
          cents
        }
      }
    }
  }
`;

export interface ReturnView {
  id: string;
  status: string;
  order: { id: string };
  items: { product: { sku: string }; quantity: number; reason: string; acceptedQuantity: number | null; unitPrice: { cents: number } }[];
  restockingFee: { cents: number; currency: string; formatted: string };
  refundAmount: { cents: number; currency: string; formatted: string };
  label: { carrier: string; trackingNumber: string; labelUrl: string } | null;
  refundStatus: string | null;
  requestedAt: string;
  approvedAt: string | null;
  receivedAt: string | null;
  refundedAt: string | null;
  rejectionReason: string | null;
  comment: string | null;
  updatedAt: string;
}

export interface OrderWithReturns {
  id: string;
  status: string;
  total: { cents: number };
  timeline: { type: string; detail: string | null }[];
  payment: { status: string; captured: { cents: number }; refunded: { cents: number } } | null;
  returns: { id: string; status: string; refundAmount: { cents: number } }[];
}

export const errorOf = (res: GraphQLResponse): { code?: string; rule?: string } => ({
  code: res.errors?.[0]?.extensions?.code as string | undefined,
  rule: res.errors?.[0]?.extensions?.rule as string | undefined,
});

export type ReturnItemInput = { sku: string; quantity: number; reason: string };

export async function requestReturn(stack: Stack, token: string, orderId: string, items: ReturnItemInput[], comment?: string): Promise<ReturnView> {
  return ok(await stack.request(REQUEST_RETURN, { orderId, items, comment }, token)).requestReturn;
}

export async function orderWithReturns(stack: Stack, orderId: string, token?: string): Promise<OrderWithReturns> {
  return ok(await stack.request(ORDER_WITH_RETURNS, { id: orderId }, token ?? (await stack.tokenFor('CUSTOMER_SERVICE')))).order;
}

/** Polls a return (as customer service) until `probe` accepts it. */
export async function returnWhen(stack: Stack, id: string, probe: (ret: ReturnView) => boolean, what: string): Promise<ReturnView> {
  const token = await stack.tokenFor('CUSTOMER_SERVICE');
  return eventually(
    async () => {
      const ret = ok(await stack.request(RETURN, { id }, token)).return as ReturnView | null;
      return ret && probe(ret) ? ret : undefined;
    },
    { what, timeoutMs: 20_000, intervalMs: 100 },
  );
}

/**
 * A new customer's order of `lines`, placed, confirmed, dispatched and delivered through the
 * gateway; resolves once returns has learnt of the delivery (its projection is fed by events).
 */
export async function deliveredOrder(
  stack: Stack,
  tables: ContextTables,
  lines: [sku: string, quantity: number][],
  options: { paymentToken?: string; customer?: { token: string; customerId: string } } = {},
): Promise<{ token: string; customerId: string; order: OrderView }> {
  // a bare token is enough for returns; pass a registered customer where the order's customer is read too
  const customerId = options.customer?.customerId ?? randomUUID();
  const token = options.customer?.token ?? (await stack.tokenFor('CUSTOMER', customerId));
  const { response } = await checkoutCart(stack, token, lines);
  const checkoutId = ok(response).checkoutCart.id as string;
  await completeCheckout(stack, token, checkoutId, { paymentToken: options.paymentToken });
  const order = await placeOrder(stack, token, checkoutId);
  await orderWhen(stack, token, order.id, (o) => o.status === 'CONFIRMED', 'the order to be CONFIRMED');
  const shipmentId = await eventually(async () => (await settlement(stack, order.id)).shipments.find((s) => s.status === 'ASSIGNED')?.id, { what: 'the shipment to be assigned', timeoutMs: 20_000 });
  const warehouse = await stack.tokenFor('WAREHOUSE');
  ok(await stack.request(DISPATCH, { shipmentId }, warehouse));
  ok(await stack.request(RECORD_DELIVERY, { shipmentId, delivered: true }, warehouse));
  const delivered = await orderWhen(stack, token, order.id, (o) => o.status === 'DELIVERED', 'the order to be DELIVERED');
  await eventually(
    async () => (await tables.rows<{ ready: boolean }>('select delivered_at is not null and warehouse_id is not null and lines is not null as ready from returns.order_view where order_id = $1', [order.id]))[0]?.ready,
    { what: 'returns to learn of the delivery', timeoutMs: 20_000 },
  );
  return { token, customerId, order: delivered };
}
