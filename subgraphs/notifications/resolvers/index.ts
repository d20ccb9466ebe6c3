import type { NotificationResolvers, OrderResolvers, QueryResolvers, Resolvers } from '../__generated__/resolvers-types.js';
import { DateTime } from '../../../platform/scalars.js';
import { listNotifications, readMyNotifications, readOrderNotifications } from '../use-cases/read-notifications.js';

/** Thin by design: arguments → one read; everything that writes arrives as an event (handlers/). */
const query: QueryResolvers = {
  myNotifications: (_root, args, ctx) => readMyNotifications(ctx, args),
  notifications: (_root, args, ctx) => listNotifications(ctx, args),
};

const order: OrderResolvers = {
  // any order id resolves: an order notifications never heard of simply has no e-mails
  __resolveReference: (reference) => ({ id: reference.id }),
  notifications: (orderRef, _args, ctx) => readOrderNotifications(ctx, orderRef.id),
};

const notification: NotificationResolvers = {
  to: (row) => row.recipient,
  order: (row) => (row.orderId ? { id: row.orderId } : null),
};

export const createResolvers = (): Resolvers => ({ DateTime, Query: query, Order: order, Notification: notification });
