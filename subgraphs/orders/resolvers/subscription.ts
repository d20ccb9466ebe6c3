import { GraphQLError } from 'graphql';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';

/**
 * `orderUpdated` is declared here so composition, codegen and the schema checks see it, but the
 * gateway's subscription edge serves it from OrderStatusChanged events (gateway/subscriptions/
 * routes.ts); subgraphs are only reached over HTTP, where subscriptions are never executed.
 */
export const subscriptionResolvers: SubscriptionResolvers = {
  orderUpdated: {
    subscribe: () => {
      throw new GraphQLError('orderUpdated is served by the gateway over WebSocket', { extensions: { code: 'BAD_USER_INPUT' } });
    },
  },
};
