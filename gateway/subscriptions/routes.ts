import type { Caller } from '../../platform/auth.js';
import type { Envelope, EventDefinition } from '../../events/contract.js';
import { CartChanged } from '../../events/contracts/cart/cart-changed.event.js';
import { AlertRaised } from '../../events/contracts/operations/alert-raised.event.js';
import { OrderStatusChanged } from '../../events/contracts/orders/order-status-changed.event.js';

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
  /** Whether this event belongs to this subscription. Identity comes only from the verified caller. */
  concerns: (event: Envelope<any>, args: TArgs, caller: Exclude<Caller, { kind: 'anonymous' }>) => boolean;
  /** `field` null: the payload is the entity itself (`alertRaised: Alert!`). */
  entity: { field: string | null; rootQuery: string; idArgument: string; idOf: (event: Envelope<any>) => string };
  /** The payload's non-entity fields. */
  fields: (event: Envelope<any>) => Record<string, unknown>;
}

const cartUpdated: SubscriptionRoute<{ cartId: string }> = {
  field: 'cartUpdated',
  event: CartChanged,
  authorize: { query: 'query AuthorizeCartSubscription($id: ID!) { cart(id: $id) { id } }', variables: (args) => ({ id: args.cartId }) },
  // Both the cart and its owner must match: a cart id alone never lets events through.
  concerns: (event, args, caller) => event.payload.cartId === args.cartId && event.customerId === caller.subject,
  entity: { field: 'cart', rootQuery: 'cart', idArgument: 'id', idOf: (event) => event.payload.cartId },
  fields: (event) => ({ reason: event.payload.reason, occurredAt: event.occurredAt }),
};

const orderUpdated: SubscriptionRoute<{ orderId?: string | null }> = {
  field: 'orderUpdated',
  event: OrderStatusChanged,
  // one order: orders answers order(id) only for its customer and staff (others: NOT_FOUND → FORBIDDEN)
  authorize: {
    query: 'query AuthorizeOrderSubscription($id: ID!) { order(id: $id) { id } }',
    variables: (args) => ({ id: args.orderId }),
    when: (args) => args.orderId != null,
  },
  // a customer hears only of their own orders (the envelope's customerId); staff of any order
  concerns: (event, args, caller) =>
    (args.orderId == null || event.payload.orderId === args.orderId) && (caller.kind === 'staff' || event.customerId === caller.subject),
  entity: { field: 'order', rootQuery: 'order', idArgument: 'id', idOf: (event) => event.payload.orderId },
  fields: (event) => ({ status: event.payload.status, previousStatus: event.payload.previousStatus, occurredAt: event.payload.occurredAt }),
};

const alertRaised: SubscriptionRoute<Record<string, never>> = {
  field: 'alertRaised',
  event: AlertRaised,
  // operations answers alerts only to staff: customers and guests get FORBIDDEN
  authorize: { query: 'query AuthorizeAlertSubscription { alerts(first: 1) { totalCount } }', variables: () => ({}) },
  concerns: (_event, _args, caller) => caller.kind === 'staff',
  entity: { field: null, rootQuery: 'alert', idArgument: 'id', idOf: (event) => event.payload.alertId },
  fields: () => ({}),
};

export const subscriptionRoutes: SubscriptionRoute<any>[] = [cartUpdated, orderUpdated, alertRaised];
