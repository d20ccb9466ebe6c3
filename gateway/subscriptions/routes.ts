import type { Caller } from '../../platform/auth.js';
import type { Envelope, EventDefinition } from '../../events/contract.js';
import { CartChanged } from '../../events/contracts/cart/cart-changed.event.js';

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
  /** Asked once at subscribe time through the gateway; a null or failing answer → FORBIDDEN. */
  authorize?: { query: string; variables: (args: TArgs) => Record<string, unknown> };
  /** Whether this event belongs to this subscription. Identity comes only from the verified caller. */
  concerns: (event: Envelope<any>, args: TArgs, caller: Exclude<Caller, { kind: 'anonymous' }>) => boolean;
  entity: { field: string; rootQuery: string; idArgument: string; idOf: (event: Envelope<any>) => string };
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

export const subscriptionRoutes: SubscriptionRoute<any>[] = [cartUpdated];
