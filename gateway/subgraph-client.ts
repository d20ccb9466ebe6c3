import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch as undiciFetch } from 'undici';
import type { GatewayContext } from './context.js';
import { CLIENT_ADDRESS_HEADER, GATEWAY_SECRET_HEADER } from '../platform/gateway-link.js';

/**
 * Subgraph calls reuse a bounded pool of keep-alive connections: query plans fan out to
 * several subgraphs per request, and opening a socket each time dominates latency under load.
 */
export function createSubgraphFetcher(options: { connectionsPerOrigin: number }): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({ connections: options.connectionsPerOrigin, keepAliveTimeout: 30_000, pipelining: 1 });
  const fetcher = ((url: string, init?: Record<string, unknown>) =>
    undiciFetch(url, { ...(init as object), dispatcher: agent })) as unknown as Fetcher;
  return { fetcher, close: () => agent.close() };
}

/**
 * Forwards the caller's token (subgraphs verify it again), the request id for log correlation and
 * the client's address (sign-in throttling counts it), and presents the gateway's shared secret
 * (subgraphs answer nobody else, which is why they may believe the address).
 */
export class AuthenticatedSubgraph extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly gatewaySecret: string;

  constructor(config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0] & { gatewaySecret: string }) {
    super(config);
    this.gatewaySecret = config.gatewaySecret;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http) return;
    request.http.headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    if ('authorization' in context && context.authorization) request.http.headers.set('authorization', context.authorization);
    if ('requestId' in context && context.requestId) request.http.headers.set('x-request-id', context.requestId);
    if ('clientAddress' in context && context.clientAddress) request.http.headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
  }
}
