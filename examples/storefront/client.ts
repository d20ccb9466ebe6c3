import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A GraphQL error as the gateway sends it: `extensions.code` always, `rule`/`fields` for broken rules. */
export interface GraphError {
  message: string;
  extensions?: { code?: string; rule?: string; fields?: Record<string, string>; [key: string]: unknown };
}

export class GraphRequestError extends Error {
  constructor(readonly errors: GraphError[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/**
 * The storefront's HTTP side: a typed document in, typed data out (or a GraphRequestError with
 * the codes). The token goes in `Authorization`; `content-type: application/json` makes every
 * POST pass Apollo's CSRF prevention.
 */
export function httpClient(url: string) {
  return async function request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, token?: string): Promise<TData> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await response.json()) as { data?: TData; errors?: GraphError[] };
    if (body.errors?.length) throw new GraphRequestError(body.errors);
    return body.data as TData;
  };
}

export type Request = ReturnType<typeof httpClient>;

/**
 * The subscription side: graphql-ws with the token in connectionParams and retries. A lost socket
 * (a tunnel, a lift, a network switch) is retried with back-off; `retryAttempts` bounds it.
 */
export function subscriptionClient(url: string, token: string, hooks: { onConnected?: (socket: WebSocket, retrying: boolean) => void } = {}): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 10,
    // a closed socket is worth retrying whatever the cause (graphql-ws stops on fatal close codes itself)
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** retries, 5_000))),
    on: { connected: (socket, _payload, retrying) => hooks.onConnected?.(socket as WebSocket, retrying) },
  });
}
