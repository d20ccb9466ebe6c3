import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/**
 * Operations the HTTP endpoint cannot run are the client's mistake (400), not the server's:
 * an operationName the document does not define, and subscriptions (@apollo/gateway cannot
 * execute them; they are served over WebSocket on the same path).
 */
export function operationGuardPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            throw badRequest(request.operationName ? `Unknown operation named "${request.operationName}"` : 'Must provide an operation name when the document holds several operations');
          }
          if (operation.operation === 'subscription') {
            throw badRequest('Subscriptions are served over WebSocket (graphql-ws) on this path, not over HTTP');
          }
        },
      };
    },
  };
}
