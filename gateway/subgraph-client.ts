import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { STATUS_CODES } from 'node:http';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { Agent, Headers, request } from 'undici';
import type { GatewayContext } from './context.js';
import { CLIENT_ADDRESS_HEADER, GATEWAY_SECRET_HEADER } from '../platform/gateway-link.js';

/**
 * Subgraph calls reuse a bounded pool of keep-alive connections: query plans fan out to
 * several subgraphs per request, and opening a socket each time dominates latency under load.
 * They go through `undici.request`, not WHATWG fetch: a subgraph answer is one small JSON body,
 * and fetch's streams and Request/Response objects cost the gateway more CPU than the call itself
 * (docs/performance.md).
 */
export function createSubgraphFetcher(options: { connectionsPerOrigin: number }): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({ connections: options.connectionsPerOrigin, keepAliveTimeout: 30_000, pipelining: 1 });
  const fetcher: Fetcher = async (url, init) => {
    const answer = await request(url, { method: (init?.method ?? 'POST') as 'POST', headers: init?.headers, body: init?.body, dispatcher: agent });
    const body = await answer.body.text();
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    return subgraphResponse(url, answer.statusCode, headers, body);
  };
  return { fetcher, close: () => agent.close() };
}

/** The parts of a fetch Response the gateway reads, over a body already received whole. */
function subgraphResponse(url: string, status: number, headers: Headers, body: string): FetcherResponse {
  return {
    url,
    status,
    ok: status >= 200 && status < 300,
    statusText: STATUS_CODES[status] ?? '',
    redirected: false,
    bodyUsed: false,
    headers,
    text: async () => body,
    json: async () => JSON.parse(body),
    arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer,
    clone: () => subgraphResponse(url, status, headers, body),
  };
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
