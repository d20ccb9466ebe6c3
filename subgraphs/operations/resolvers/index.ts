import { GraphQLError } from 'graphql';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { DateTime } from '../../../platform/scalars.js';
import type { OperationsUseCases } from '../use-cases/index.js';

/** Thin by design: arguments → one use case → payload. */
export const createResolvers = (useCases: OperationsUseCases): Resolvers => ({
  DateTime,
  Query: {
    alerts: (_root, { status, kind, first, after }, ctx) => useCases.listAlerts(ctx, { status, kind, first, after }),
    alert: (_root, { id }, ctx) => useCases.readAlert(ctx, id),
    deadLetters: (_root, { context, first, after }, ctx) => useCases.listDeadLetters(ctx, { context, first, after }),
  },
  Mutation: {
    acknowledgeAlert: (_root, { id }, ctx) => useCases.acknowledgeAlert(ctx, id),
    resolveAlert: (_root, { id, note }, ctx) => useCases.resolveAlert(ctx, id, note),
    replayDeadLetter: (_root, { id }, ctx) => useCases.replayDeadLetter(ctx, id),
  },
  // served by the gateway's subscription edge from AlertRaised events (gateway/subscriptions/routes.ts);
  // subgraphs are only reached over HTTP, where subscriptions are never executed
  Subscription: {
    alertRaised: {
      subscribe: () => {
        throw new GraphQLError('alertRaised is served by the gateway over WebSocket', { extensions: { code: 'BAD_USER_INPUT' } });
      },
    },
  },
  Alert: {
    __resolveReference: (reference, ctx) => useCases.readAlert(ctx, reference.id),
    order: (alert) => (alert.orderId ? { id: alert.orderId } : null),
  },
  DeadLetter: {
    eventId: (letter) => letter.eventId,
  },
});
