import { isStaff } from '../../../platform/auth.js';
import { badInput, forbidden, notFound, unauthenticated } from '../../../platform/errors.js';
import { decodeOrderStatusCursor } from '../../../events/contracts/orders/index.js';
import { normalizeOrderNumber } from '../domain/order-number.js';
import type { StatusChangeRecord } from '../store/status-change.entity.js';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE } from '../domain/cursor.js';
import type { OrderStatus } from '../domain/saga/order-status.js';
import type { OrderRecord } from '../store/order.entity.js';
import { OrderRepository } from '../store/order.repository.js';
import type { CheckoutRecord } from '../store/checkout.entity.js';
import { findReadableCheckout } from './checkout-access.js';
import { isUuid, type OrdersDeps, type OrdersScope } from './scope.js';

export interface OrderPage {
  nodes: OrderRecord[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** `Customer` as orders knows it: the key. */
export interface CustomerReference {
  id: string;
}

const EMPTY_PAGE: OrderPage = { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };

/** Its customer and staff may read an order; to anyone else it does not exist. */
export function canRead(scope: OrdersScope, order: Pick<OrderRecord, 'customerId'>): boolean {
  return isStaff(scope.caller) || (scope.caller.kind === 'customer' && scope.caller.subject === order.customerId);
}

export async function readOrder(scope: OrdersScope, id: string): Promise<OrderRecord> {
  if (scope.caller.kind === 'anonymous') throw unauthenticated();
  const order = isUuid(id) ? await new OrderRepository(scope.em).find(id) : null;
  if (!order || !canRead(scope, order)) throw notFound('Order');
  return order;
}

/** For `_entities` (payments' and fulfillment's Order references): null rather than an error. */
export async function resolveOrderReference(scope: OrdersScope, id: string, load: (id: string) => Promise<OrderRecord | null>): Promise<OrderRecord | null> {
  if (!isUuid(id)) return null;
  const order = await load(id);
  return order && canRead(scope, order) ? order : null;
}

export function readCheckout(deps: OrdersDeps, scope: OrdersScope, id: string): Promise<CheckoutRecord> {
  return findReadableCheckout(deps, scope, id);
}

/** The signed-in customer's orders; guests and staff have none of their own. */
export function readMyOrders(scope: OrdersScope, first: number | null | undefined, after: string | null | undefined): Promise<OrderPage> {
  if (scope.caller.kind === 'anonymous') throw unauthenticated();
  if (scope.caller.kind !== 'customer') return Promise.resolve(EMPTY_PAGE);
  return listOrders(scope, { customerId: scope.caller.subject }, first, after);
}

/** `Customer.orders`: the customer's own, or any customer's for staff; empty for anyone else. */
export function readCustomerOrders(scope: OrdersScope, customer: CustomerReference, first: number | null | undefined, after: string | null | undefined): Promise<OrderPage> {
  if (!canRead(scope, { customerId: customer.id })) return Promise.resolve(EMPTY_PAGE);
  return listOrders(scope, { customerId: customer.id }, first, after);
}

export interface OrderSearch {
  status?: OrderStatus | null;
  /** An order number as staff type it (`CS-100042`, `cs-100042`, `100042`). */
  number?: string | null;
  /** Oldest first, for queues worked in order of age (the ON_HOLD queue). */
  oldestFirst?: boolean;
}

/** Staff only: every order, optionally of one status or with one number. */
export function readAllOrders(scope: OrdersScope, search: OrderSearch, first: number | null | undefined, after: string | null | undefined): Promise<OrderPage> {
  if (scope.caller.kind === 'anonymous') throw unauthenticated();
  if (!isStaff(scope.caller)) throw forbidden('Staff only');
  let number: string | null = null;
  if (search.number != null) {
    number = normalizeOrderNumber(search.number);
    if (!number) throw badInput('Not an order number (e.g. CS-100042)', { number: 'an order number such as CS-100042' });
  }
  return listOrders(scope, { status: search.status ?? null, number, oldestFirst: search.oldestFirst ?? false }, first, after);
}

async function listOrders(scope: OrdersScope, filter: { customerId?: string; status?: OrderStatus | null; number?: string | null; oldestFirst?: boolean }, first: number | null | undefined, after: string | null | undefined): Promise<OrderPage> {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, { first: `between 1 and ${MAX_PAGE_SIZE}` });
  const position = after ? decodeCursor(after) : null;
  if (after && !position) throw badInput('Invalid cursor', { after: 'not a cursor from this listing' });
  const orders = new OrderRepository(scope.em);
  const rows = await orders.list({ ...filter, after: position, limit: size + 1 });
  const totalCount = await orders.count(filter);
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor({ placedAt: last.placedAt, id: last.id }) : null } };
}

/**
 * An order's status history after a cursor (the order was already read, so access was checked).
 * A cursor that is not one, or belongs to another order: BAD_USER_INPUT.
 */
export function readStatusChanges(scope: OrdersScope, order: Pick<OrderRecord, 'id'>, after: string | null | undefined): Promise<StatusChangeRecord[]> {
  let position = 0;
  if (after != null) {
    const decoded = decodeOrderStatusCursor(after);
    if (!decoded || decoded.orderId !== order.id) throw badInput('Not a cursor of this order', { after: 'a cursor from this order\'s updates' });
    position = decoded.sequence;
  }
  return new OrderRepository(scope.em).statusChanges(order.id, position);
}
