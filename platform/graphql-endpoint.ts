import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import etag from 'etag';
import fresh from 'fresh';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Caller, TokenVerifier } from './auth.js';
import { answerHttpError, sendJson } from './http-errors.js';
import type { Logger } from './logger.js';

/** A request on its way to /graphql: the steps before Apollo record what they learnt on it. */
export interface GraphQLHttpRequest extends IncomingMessage {
  /** The verified caller (the authentication step). */
  caller?: Caller;
  /** The parsed JSON body (body-parser's `json()`), absent for GET and for other content types. */
  body?: unknown;
}

/**
 * One step before Apollo runs, in the connect style: `next()` to go on, `next(err)` to answer an
 * error, or answer itself and not call `next`. Plain Node request and response only, so the
 * same step runs here and in an Express app (body-parser's `json()` and `cors()` are such steps).
 */
export type GraphQLStep = (req: GraphQLHttpRequest, res: ServerResponse, next: (err?: unknown) => void) => void;

export interface GraphQLEndpointOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Run in order before Apollo (gate keepers, the body parser). */
  steps: GraphQLStep[];
  context: (req: GraphQLHttpRequest, res: ServerResponse) => Promise<TContext>;
  log: Logger;
  /** Weak ETags on answers to GET (cacheable queries), with 304 for a fresh If-None-Match. */
  etags?: boolean;
}

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A process's HTTP server: /graphql goes to the endpoint once `serveGraphQL` mounts it (after
 * Apollo started), everything else to `app` (Express: health, metrics, other routes).
 */
export function createHttpServer(app: HttpHandler): { httpServer: http.Server; serveGraphQL(endpoint: HttpHandler): void } {
  let graphql: HttpHandler | undefined;
  const httpServer = http.createServer((req, res) => (graphql && isGraphQLPath(req.url) ? graphql(req, res) : app(req, res)));
  return { httpServer, serveGraphQL: (endpoint) => void (graphql = endpoint) };
}

/**
 * How many connections the kernel may hold ready for a listening server before the process
 * accepts them. Node's default (511) is too few for a crowd that connects at once — a sale
 * opening, the benchmark's 1,000 shoppers, each with an HTTP connection and a graphql-ws socket —
 * while the process is busy: the kernel drops the connects it cannot queue, and each client tries
 * again after 1, 3, 7, 15 s (requests that took ~20 s; connects that timed out, at 10 s, as
 * NETWORK errors: docs/performance.md, the twentieth round). Linux caps it at
 * net.core.somaxconn (4,096 by default since 5.4).
 */
export const LISTEN_BACKLOG = 4_096;

/** Starts `httpServer` listening with room for a crowd (LISTEN_BACKLOG); answers where it listens. */
export async function listenForCrowds(httpServer: http.Server, port: number, host: string): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  return httpServer.address() as AddressInfo;
}

/** True for the path the endpoint serves (query string ignored; a trailing slash allowed, as Express did). */
export function isGraphQLPath(url: string | undefined): boolean {
  if (!url) return false;
  const end = url.indexOf('?');
  const path = end < 0 ? url : url.slice(0, end);
  return path === '/graphql' || path === '/graphql/';
}

/**
 * /graphql answered straight from Node's HTTP server, without Express's router and response
 * helpers: the one route every client request and every subgraph fetch takes, where they cost
 * ~10 % of the gateway's CPU and ~5 % of the busiest subgraphs' (docs/performance.md, the eighth
 * round). Express keeps the other routes (health, metrics, the admin app, webhooks). What Apollo
 * is handed is what `@as-integrations/express5` handed it: method, headers, query string, body.
 */
export function graphqlEndpoint<TContext extends BaseContext>(options: GraphQLEndpointOptions<TContext>): HttpHandler {
  const { apollo, steps, log } = options;
  apollo.assertStarted('graphqlEndpoint()');

  async function answer(req: GraphQLHttpRequest, res: ServerResponse): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: query < 0 ? '' : url.slice(query), body: req.body },
      context: () => options.context(req, res),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'chunked') {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
      return;
    }
    const body = response.body.string;
    const cacheable = options.etags && (req.method === 'GET' || req.method === 'HEAD') && res.statusCode >= 200 && res.statusCode < 300;
    if (cacheable) {
      const tag = etag(body, { weak: true });
      res.setHeader('ETag', tag);
      if (fresh(req.headers, { etag: tag })) {
        res.statusCode = 304;
        res.removeHeader('Content-Type');
        res.end();
        return;
      }
    }
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return (incoming, res) => {
    const req = incoming as GraphQLHttpRequest;
    const fail = (err: unknown) => answerHttpError(res, err, log);
    let at = 0;
    const next = (err?: unknown): void => {
      if (err !== undefined) return fail(err);
      const step = steps[at++];
      if (!step) {
        answer(req, res).catch(fail);
        return;
      }
      try {
        step(req, res, next);
      } catch (thrown) {
        fail(thrown);
      }
    };
    next();
  };
}

/**
 * Verifies the caller's token before anything else runs: a bad token is answered 401 here and
 * reaches no resolver. `strict`: any failure of the verifier is a 401 (the gateway, facing
 * clients); otherwise only the verifier's own refusals are, and anything else is a 500.
 */
export function authenticate(verifier: TokenVerifier, options: { strict: boolean }): GraphQLStep {
  return (req, res, next) => {
    verifier.fromAuthorizationHeader(req.headers.authorization).then(
      (caller) => {
        req.caller = caller;
        next();
      },
      (err: unknown) => {
        if (!(err instanceof GraphQLError) && !options.strict) return next(err);
        const message = err instanceof GraphQLError ? err.message : 'Invalid session token';
        sendJson(res, 401, { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
      },
    );
  };
}
