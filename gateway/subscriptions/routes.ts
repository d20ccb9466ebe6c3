import type { Caller } from '../../platform/auth.js';
import type { Envelope, EventDefinition, PayloadOf } from '../../events/contract.js';
import { CartChanged } from '../../events/contracts/cart/cart-changed.event.js';
import { AlertRaised } from '../../events/contracts/operations/alert-raised.event.js';
import { OrderStatusChanged } from '../../events/contracts/orders/order-status-changed.event.js';
import { decodeOrderStatusCursor, encodeOrderStatusCursor } from '../../events/contracts/orders/order-status-cursor.js';
import type { ResumeSpec } from './resume.js';
import { staffMay } from '../../platform/staff-access.js';

/**
 * How each `Subscription` field of the API schema is served by the edge: which integration
 * event feeds it, which events concern a subscriber, how the owning subgraph is asked whether
 * the subscriber may watch (with the subscriber's own token), and how the payload is rebuilt.
 * The entity field (`cart`, `order`) is hydrated by a query through the gateway, so its
 * cross-subgraph fields resolve exactly as in a query; the rest comes from the event.
 */
export interface SubscriptionRoute<TArgs = Record<string, unknown>> {
  field: string;
  event: EventDefinition;
  /**
   * Asked once at subscribe time through the gateway; a null or failing answer → FORBIDDEN.
   * `when` limits it to some arguments (default: always), e.g. only when an entity id is given.
   */
  authorize?: { query: string; variables: (args: TArgs) => Record<string, unknown>; when?: (args: TArgs) => boolean };
  /** Refuses some callers outright, before anything is asked (FORBIDDEN with this message); null → go on. */
  refuse?: (args: TArgs, caller: Exclude<Caller, { kind: 'anonymous' }>) => string | null;
  /**
   * Whose events can concern the subscriber: the customerId their envelopes must carry (the live
   * feed hands over no other customer's), or null when anyone's may (staff). `concerns` still decides.
   */
  audience: (caller: Exclude<Caller, { kind: 'anonymous' }>) => string | null;
  /** Whether this event belongs to this subscription. Identity comes only from the verified caller. */
  concerns: (event: Envelope<any>, args: TArgs, caller: Exclude<Caller, { kind: 'anonymous' }>) => boolean;
  /** `field` null: the payload is the entity itself (`alertRaised: Alert!`). */
  entity: { field: string | null; rootQuery: string; idArgument: string; idOf: (event: Envelope<any>) => string };
  /** The payload's non-entity fields. */
  fields: (event: Envelope<any>) => Record<string, unknown>;
  /** Set for fields a client can resume after a cursor (resume.ts). */
  resume?: ResumeSpec<TArgs>;
}

const cartUpdated: SubscriptionRoute<{ cartId: string }> = {
  field: 'cartUpdated',
  event: CartChanged,
  authorize: { query: 'query AuthorizeCartSubscription($id: ID!) { cart(id: $id) { id } }', variables: (args) => ({ id: args.cartId }) },
  audience: (caller) => caller.subject,
  // Both the cart and its owner must match: a cart id alone never lets events through.
  concerns: (event, args, caller) => event.payload.cartId === args.cartId && event.customerId === caller.subject,
  entity: { field: 'cart', rootQuery: 'cart', idArgument: 'id', idOf: (event) => event.payload.cartId },
  fields: (event) => ({ reason: event.payload.reason, occurredAt: event.occurredAt }),
};

const orderUpdated: SubscriptionRoute<{ orderId?: string | null; after?: string | null }> = {
  field: 'orderUpdated',
  event: OrderStatusChanged,
  // one order: orders answers order(id) only for its customer and staff (others: NOT_FOUND → FORBIDDEN)
  authorize: {
    query: 'query AuthorizeOrderSubscription($id: ID!) { order(id: $id) { id } }',
    variables: (args) => ({ id: args.orderId }),
    when: (args) => args.orderId != null,
  },
  // every order at once: only staff whose work needs it (platform/staff-access.ts)
  refuse: (args, caller) =>
    args.orderId == null && caller.kind === 'staff' && !staffMay(caller, 'watchAllOrders') ? 'Your role may not watch every order; give an orderId' : null,
  audience: (caller) => (caller.kind === 'staff' ? null : caller.subject),
  // a customer hears only of their own orders (the envelope's customerId); staff of any order
  concerns: (event, args, caller) =>
    (args.orderId == null || event.payload.orderId === args.orderId) && (caller.kind === 'staff' || event.customerId === caller.subject),
  entity: { field: 'order', rootQuery: 'order', idArgument: 'id', idOf: (event) => event.payload.orderId },
  fields: (event) => ({
    status: event.payload.status,
    previousStatus: event.payload.previousStatus,
    occurredAt: event.payload.occurredAt,
    // events recorded before changes were numbered carry no sequence: resuming from theirs replays the whole history
    cursor: encodeOrderStatusCursor({ orderId: event.payload.orderId, sequence: event.payload.sequence ?? 0 }),
  }),
  resume: {
    argument: 'after',
    start: (args) => {
      if (args.orderId == null) return { refused: 'Resuming (after) needs the orderId the cursor came from', field: 'orderId' };
      const position = decodeOrderStatusCursor(String(args.after));
      if (!position || position.orderId !== String(args.orderId).toLowerCase()) return { refused: 'Not a cursor of this order', field: 'after' };
      return { position: position.sequence };
    },
    positionOf: (event) => event.payload.sequence ?? null,
    // orders answers order(id) only for its customer and staff, like the authorize query above
    history: {
      query: `query ResumeOrderUpdates($id: ID!, $after: String) {
        order(id: $id) { id customer { id } statusChanges(after: $after) { status previousStatus reason occurredAt cursor } }
      }`,
      variables: (args, after) => ({ id: args.orderId, after: after > 0 ? encodeOrderStatusCursor({ orderId: String(args.orderId).toLowerCase(), sequence: after }) : null }),
      events: (data) => {
        const order = data.order as { id: string; customer: { id: string }; statusChanges: HistoryChange[] };
        return order.statusChanges.map((change) => historyEvent(order.id, order.customer.id, change));
      },
    },
  },
};

interface HistoryChange {
  status: string;
  previousStatus: string | null;
  reason: string | null;
  occurredAt: string;
  cursor: string;
}

/** A change read from the order's history, shaped as the live event it once was. */
function historyEvent(orderId: string, customerId: string, change: HistoryChange): Envelope<PayloadOf<typeof OrderStatusChanged>> {
  const sequence = decodeOrderStatusCursor(change.cursor)!.sequence;
  return {
    id: change.cursor,
    type: OrderStatusChanged.type,
    version: OrderStatusChanged.version,
    occurredAt: change.occurredAt,
    correlationId: orderId,
    causationId: null,
    customerId,
    payload: { orderId, customerId, status: change.status as never, previousStatus: change.previousStatus as never, reason: change.reason, occurredAt: change.occurredAt, sequence },
  };
}

const alertRaised: SubscriptionRoute<Record<string, never>> = {
  field: 'alertRaised',
  event: AlertRaised,
  // operations answers alerts only to staff: customers and guests get FORBIDDEN
  authorize: { query: 'query AuthorizeAlertSubscription { alerts(first: 1) { totalCount } }', variables: () => ({}) },
  audience: () => null,
  concerns: (_event, _args, caller) => caller.kind === 'staff',
  entity: { field: null, rootQuery: 'alert', idArgument: 'id', idOf: (event) => event.payload.alertId },
  fields: () => ({}),
};

export const subscriptionRoutes: SubscriptionRoute<any>[] = [cartUpdated, orderUpdated, alertRaised];
