import type { EntityManager } from '@mikro-orm/postgresql';
import { requireSignedIn, requireStaff, type Caller } from '../../../platform/auth.js';
import { forbidden } from '../../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../../platform/id-cursor.js';
import type { ReturnLine, ReturnStatus } from '../domain/return-rules.js';
import type { ReturnRecord } from '../store/return.entity.js';
import { ReturnRepository } from '../store/return.repository.js';
import { invalidInput, isUuid, type FieldErrors } from './input.js';
import type { ReturnsScope } from './scope.js';

export interface ReturnPage {
  nodes: ReturnRecord[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A line of a return as the API shows it: with the return's currency for its unit price. */
export type ReturnItemView = ReturnLine & { currency: string };

export interface ReturnListArgs {
  status?: ReturnStatus | null;
  first?: number | null;
  after?: string | null;
}

export const PAGE_MAX = 100;

/** The order's customer and staff read a return; nobody else. */
const canRead = (caller: Caller, ret: ReturnRecord): boolean => caller.kind === 'staff' || (caller.kind === 'customer' && caller.subject === ret.customerId);

/** `return(id)`: signed in; null for an unknown id and for someone else's return alike, so existence never leaks. */
export async function readReturn(scope: ReturnsScope, id: string): Promise<ReturnRecord | null> {
  requireSignedIn(scope.caller);
  if (!isUuid(id)) return null;
  const ret = await new ReturnRepository(scope.em).findById(id.toLowerCase());
  return ret && canRead(scope.caller, ret) ? ret : null;
}

/** `Order.returns`: the order's customer or staff; someone else → FORBIDDEN. An order without returns has nothing to protect. */
export function visibleOrderReturns(caller: Caller, returns: ReturnRecord[]): ReturnRecord[] {
  requireSignedIn(caller);
  if (returns.some((ret) => !canRead(caller, ret))) throw forbidden("Only the order's customer and staff can see its returns");
  return returns;
}

/** CUSTOMER_SERVICE, WAREHOUSE or ADMIN: returns oldest first, e.g. the REQUESTED ones to review or the APPROVED ones expected. */
export async function listReturns(scope: ReturnsScope, args: ReturnListArgs): Promise<ReturnPage> {
  requireStaff(scope.caller, 'CUSTOMER_SERVICE', 'WAREHOUSE');
  const errors: FieldErrors = {};
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX) errors.first = `must be between 1 and ${PAGE_MAX}`;
  const afterId = args.after != null ? decodeCursor(args.after) : null;
  if (args.after != null && !afterId) errors.after = 'is not a cursor of this listing';
  if (Object.keys(errors).length) throw invalidInput(errors);

  const { rows, totalCount } = await new ReturnRepository(scope.em).page(args.status ?? null, afterId, first);
  const nodes = rows.slice(0, first);
  return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]!.id) : null } };
}

/** Batch for the per-request loader: each order's returns, oldest first. */
export async function returnsOfOrders(em: EntityManager, orderIds: readonly string[]): Promise<ReturnRecord[][]> {
  const ids = orderIds.filter(isUuid).map((id) => id.toLowerCase());
  const rows = ids.length ? await new ReturnRepository(em).ofOrders(ids) : [];
  return orderIds.map((orderId) => rows.filter((row) => row.orderId === orderId.toLowerCase()));
}
