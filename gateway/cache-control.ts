import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context.js';

/**
 * What a CDN or browser may keep. Apollo computes each response's cache policy from the
 * subgraphs' `@cacheControl` hints (each subgraph answers the gateway with a Cache-Control header
 * the gateway honours); this keeps a public policy only where a shared cache may use it: an
 * anonymous query sent as GET (catalogue browsing). Anything sent with a token, any POST and
 * anything without a public policy is `private, no-store`. `Vary` keeps a cached answer to one
 * origin or caller from being served to another.
 */
export function cacheControlHeaders(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ request, response }) {
          const computed = response.http.headers.get('cache-control');
          const shared = request.http?.method === 'GET' && contextValue.caller.kind === 'anonymous' && !!computed && /\bpublic\b/.test(computed);
          if (!shared) response.http.headers.set('cache-control', 'private, no-store');
          response.http.headers.set('vary', 'Origin, Authorization, Accept');
        },
      };
    },
  };
}
