import { requireCustomer, requireSignedIn } from '../../../platform/auth.js';
import { requireStaffCapability, staffMay } from '../../../platform/staff-access.js';
import { badInput, forbidden } from '../../../platform/errors.js';
import type { Context } from '../context.js';
import { decodeCursor, encodeCursor } from '../domain/cursor.js';
import type { NotificationRecord, NotificationStatus } from '../store/notification.entity.js';
import { NotificationRepository, type NotificationFilter } from '../store/notification.repository.js';

export interface NotificationPage {
  nodes: NotificationRecord[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export const PAGE_MAX = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `myNotifications`: the caller's own e-mails, by the customer id of their verified token only. */
export function readMyNotifications(ctx: Context, args: PageArgs): Promise<NotificationPage> {
  const customer = requireCustomer(ctx.caller, 'Sign in as a customer to see your e-mails');
  return page(ctx, { customerId: customer.subject }, args);
}

/** `notifications(status, orderId)`: staff who may read customers' personal data (recipients' e-mails): CUSTOMER_SERVICE and ADMIN. */
export function listNotifications(ctx: Context, args: PageArgs & { status?: NotificationStatus | null; orderId?: string | null }): Promise<NotificationPage> {
  requireStaffCapability(ctx.caller, 'readCustomerPii');
  if (args.orderId != null && !UUID.test(args.orderId)) throw badInput('Invalid arguments', { orderId: 'is not an order id' });
  return page(ctx, { ...(args.status && { status: args.status }), ...(args.orderId != null && { orderId: args.orderId.toLowerCase() }) }, args);
}

/**
 * `Order.notifications`: the order's customer (as OrderPlaced named them) or customer service.
 * Anyone else is refused even when the order has no e-mails yet, so the answer never tells
 * another customer anything; an order notifications never heard of has none.
 */
export async function readOrderNotifications(ctx: Context, orderId: string): Promise<NotificationRecord[]> {
  const caller = requireSignedIn(ctx.caller);
  const owner = await ctx.loaders.customerOfOrder.load(orderId);
  const mayRead = staffMay(caller, 'readCustomerPii') || (caller.kind === 'customer' && owner !== null && owner === caller.subject);
  if (!mayRead && owner !== null) throw forbidden("Only the order's customer and customer service can see its e-mails");
  if (!mayRead) return [];
  return ctx.loaders.notificationsByOrderId.load(orderId);
}

async function page(ctx: Context, filter: NotificationFilter, args: PageArgs): Promise<NotificationPage> {
  const errors: Record<string, string> = {};
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX) errors.first = `must be between 1 and ${PAGE_MAX}`;
  const afterId = args.after != null ? decodeCursor(args.after) : null;
  if (args.after != null && !afterId) errors.after = 'is not a cursor of this listing';
  if (Object.keys(errors).length) throw badInput('Invalid arguments', errors);
  const { rows, totalCount } = await new NotificationRepository(ctx.em).page(filter, { first, afterId });
  const nodes = rows.slice(0, first);
  const hasNextPage = rows.length > first;
  return { nodes, totalCount, pageInfo: { hasNextPage, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]!.id) : null } };
}
