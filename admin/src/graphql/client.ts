import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../__generated__/graphql';
import { ApiError, type GraphQLErrorBody } from './errors';

/**
 * The app's one way to talk to the gateway: typed operations (from GraphQL Code Generator's client
 * preset) over fetch, and subscriptions over graphql-ws on the same path. The token is read for
 * every call, so a new sign-in takes effect at once; an UNAUTHENTICATED answer (expired or revoked
 * session) is reported to `onSessionLost` before it is thrown.
 */
export interface GraphClientOptions {
  url: string;
  token: () => string | undefined;
  onSessionLost: () => void;
}

export interface GraphClient {
  request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, ...variables: VariablesArg<TVariables>): Promise<TResult>;
  subscribe<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    handlers: { next: (data: TResult) => void; error?: (err: ApiError) => void },
  ): () => void;
  /** Closes the socket (sign-out: its token is no longer the caller's). */
  reset(): void;
}

type VariablesArg<TVariables> = TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables];

export function createGraphClient(options: GraphClientOptions): GraphClient {
  let socket: Client | undefined;
  const ws = (): Client => {
    socket ??= createClient({
      url: options.url.replace(/^http/, 'ws'),
      lazy: true,
      connectionParams: () => {
        const token = options.token();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      retryAttempts: 5,
      // 4403: the edge refused or dropped the token (expired); signing in again is the only way on.
      shouldRetry: (event) => !(isCloseEvent(event) && event.code === 4403),
      on: {
        closed: (event) => {
          if (isCloseEvent(event) && event.code === 4403) options.onSessionLost();
        },
      },
    });
    return socket;
  };

  return {
    async request(document, ...[variables]) {
      const token = options.token();
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      });
      const body = (await response.json().catch(() => ({}))) as { data?: unknown; errors?: GraphQLErrorBody[] };
      if (body.errors?.length || !response.ok) {
        const error = new ApiError(body.errors ?? [], response.status);
        if (error.code === 'UNAUTHENTICATED' && token) options.onSessionLost();
        throw error;
      }
      return body.data as never;
    },

    subscribe(document, variables, handlers) {
      return ws().subscribe(
        { query: document.toString(), variables: variables as Record<string, unknown> },
        {
          next: (result) => {
            if (result.errors?.length) handlers.error?.(new ApiError(result.errors as GraphQLErrorBody[]));
            else if (result.data) handlers.next(result.data as never);
          },
          error: (err) => handlers.error?.(err instanceof ApiError ? err : new ApiError(Array.isArray(err) ? err : [{ message: 'Live updates were interrupted' }])),
          complete: () => {},
        },
      );
    },

    reset() {
      void socket?.dispose();
      socket = undefined;
    },
  };
}

function isCloseEvent(event: unknown): event is { code: number } {
  return typeof event === 'object' && event !== null && 'code' in event;
}
