import type http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import {
  GraphQLError,
  Kind,
  defaultFieldResolver,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { limitRules } from '../hardening.js';
import { rateLimited, type ClientBudget } from '../client-budget.js';
import type { RevocationList } from '../../platform/revocations.js';
import { decodeJwt } from 'jose';
import type { Caller, TokenVerifier } from '../../platform/auth.js';
import type { Config } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';
import type { Envelope } from '../../events/contract.js';
import type { GatewayContext } from '../context.js';
import type { EventFeed } from './event-feed.js';
import { EventQueue } from './event-queue.js';
import { buildHydrationQuery, entityFromEvent, WHOLE_PAYLOAD } from './hydration.js';
import { resumable } from './resume.js';
import type { SubscriptionRoute } from './routes.js';

/** Close codes of this edge beyond graphql-ws's own (docs/subscriptions.md lists them all). */
export const CLOSE = {
  /** Over the client's budget or socket cap: retry later, with back-off. */
  rateLimited: 4429,
  /** The token expired (at connect or while open): refresh it (or sign in) and reconnect; not a forbidden request. */
  sessionExpired: 4419,
  /** The session was revoked (logout, password change): sign in again; do not retry. */
  revoked: 4403,
} as const;

/** Closes the socket with `code`; returning false then makes graphql-ws's own 4403 a no-op. */
function refuse(socket: WebSocket, code: number, reason: string): false {
  socket.close(code, reason);
  return false;
}

/** Runs an operation through the gateway (query planner, subgraphs) with a subscriber's context. */
export type GraphExecutor = (
  query: string,
  variables: Record<string, unknown>,
  context: GatewayContext,
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>;

export interface SubscriptionEdgeOptions {
  httpServer: http.Server;
  path: string;
  apiSchema: GraphQLSchema;
  routes: SubscriptionRoute<any>[];
  feed: EventFeed;
  execute: GraphExecutor;
  verifier: TokenVerifier;
  config: Config;
  log: Logger;
  /** The client budget HTTP spends too: socket opens and subscribes count against it. */
  budget: ClientBudget;
  /** The client's address behind the trusted proxies (as for HTTP). */
  addressOf: (request: http.IncomingMessage) => string;
  /** Revoked sessions: an open socket of one closes with 4403. */
  revocations?: RevocationList;
  /** Subscriptions one socket may hold at once. */
  maxSubscriptionsPerSocket?: number;
}

interface Session {
  caller: Exclude<Caller, { kind: 'anonymous' }>;
  authorization: string;
  /** The client budget's key (`sub:<subject>`) and the client's address. */
  clientKey: string;
  address: string;
  subscriptions: number;
  expiryTimer?: NodeJS.Timeout;
  socket: WebSocket;
}

export interface EdgeStats {
  sockets: number;
  subscriptions: number;
  feedListeners: number;
}

export interface SubscriptionEdge {
  stats(): EdgeStats;
  close(): Promise<void>;
}

/**
 * The graphql-ws server of the gateway (same port and path as HTTP). @apollo/gateway cannot
 * execute subscriptions, so this edge serves the API schema's `Subscription` fields itself:
 * the subscriber is identified only by the token verified at connection time; the owning
 * subgraph is asked (with that token) whether the subscriber may watch; each event is re-read
 * through the gateway with the client's own selection, so every field resolves as in a query.
 */
export function startSubscriptionEdge(options: SubscriptionEdgeOptions): SubscriptionEdge {
  const { apiSchema, config, log } = options;
  const routes = new Map(options.routes.map((r) => [r.field, r]));
  const subscriptionType = apiSchema.getSubscriptionType();
  const maxPerSocket = options.maxSubscriptionsPerSocket ?? 25;
  const sessions = new Set<Session>();
  let sockets = 0;

  const { limits } = config.gateway;
  const rules: ValidationRule[] = [...specifiedRules, ...limitRules(config)];

  const contextOf = (session: Session): GatewayContext => ({
    caller: session.caller,
    authorization: session.authorization,
    requestId: crypto.randomUUID(),
    clientKey: session.clientKey,
    clientAddress: session.address,
  });

  /** Root subscription field: authorize with the owner, then stream the events that concern the caller. */
  const subscribeField: GraphQLFieldResolver<unknown, { session: Session }> = async (_root, args, { session }, info) => {
    const route = routes.get(info.fieldName);
    if (!route) throw new GraphQLError(`${info.fieldName} is not served`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const refusal = route.refuse?.(args, session.caller);
    if (refusal) throw new GraphQLError(refusal, { extensions: { code: 'FORBIDDEN' } });
    // Listen before asking, so nothing that happens in between is missed.
    const queue = new EventQueue<Envelope>();
    const stopListening = options.feed.listen(
      route.event,
      (event) => {
        if (route.concerns(event, args, session.caller)) queue.push(event);
      },
      route.audience(session.caller),
    );
    queue.onClose(stopListening);
    if (route.authorize && (route.authorize.when?.(args) ?? true)) {
      const result = await options.execute(route.authorize.query, route.authorize.variables(args), contextOf(session)).catch(() => undefined);
      const allowed = result && !result.errors?.length && result.data && Object.values(result.data).every((v) => v != null);
      if (!allowed) {
        queue.close();
        throw new GraphQLError(`Not allowed to subscribe to ${info.fieldName} with these arguments`, { extensions: { code: 'FORBIDDEN' } });
      }
    }
    session.subscriptions += 1;
    queue.onClose(() => {
      session.subscriptions -= 1;
    });
    return resumable(route.resume, args, queue, (query, variables) => options.execute(query, variables, contextOf(session)));
  };

  /** Each event → the client's payload; the entity part is hydrated through the gateway. */
  const resolveField: GraphQLFieldResolver<unknown, { session: Session; variables: Record<string, unknown>; document: DocumentNode }> = async (
    source,
    args,
    context,
    info,
  ) => {
    if (info.parentType !== subscriptionType) {
      // Hydrated data is keyed by response key (aliases included).
      if (source && typeof source === 'object' && info.path.key in source) return (source as Record<string, unknown>)[info.path.key as string];
      return defaultFieldResolver(source, args, context, info);
    }
    const route = routes.get(info.fieldName)!;
    const event = source as Envelope;
    const payload: Record<string, unknown> = { ...route.fields(event) };
    const fromEvent = entityFromEvent(info, route.entity, route.entity.idOf(event));
    if (fromEvent) return Object.assign(payload, fromEvent);
    const hydration = buildHydrationQuery(info, route.entity, context.variables, apiSchema);
    if (hydration) {
      const result = await options.execute(hydration.query, { ...hydration.variables, __id: route.entity.idOf(event) }, contextOf(context.session));
      if (result.errors?.length) {
        const [first] = result.errors;
        throw new GraphQLError(first.message, { extensions: { code: first.extensions?.code ?? 'INTERNAL_SERVER_ERROR' } });
      }
      Object.assign(payload, route.entity.field == null ? result.data?.[WHOLE_PAYLOAD] : result.data);
    }
    return payload;
  };

  const wsServer = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: config.gateway.maxBodyBytes });
  const disposable = useServer<Record<string, unknown> | undefined, { session: Session }>(
    {
      connectionInitWaitTimeout: config.gateway.wsInitTimeoutMs,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (typeof header !== 'string') return false; // → 4403 Forbidden
        let caller: Caller;
        try {
          caller = await options.verifier.fromAuthorizationHeader(header);
        } catch (err) {
          if (err instanceof GraphQLError && err.extensions?.reason === 'SESSION_EXPIRED') return refuse(ctx.extra.socket, CLOSE.sessionExpired, 'Session expired');
          return false;
        }
        if (caller.kind === 'anonymous') return false;
        const clientKey = `sub:${caller.subject}`;
        // Opening a socket spends the same budget as an HTTP request; 4429 lets a client retry later.
        const spent = await options.budget.spend(clientKey);
        if (!spent.allowed) return refuse(ctx.extra.socket, CLOSE.rateLimited, 'Too many requests');
        if (!options.budget.openSocket(clientKey)) return refuse(ctx.extra.socket, CLOSE.rateLimited, 'Too many open connections');
        const session: Session = { caller, authorization: header, clientKey, address: options.addressOf(ctx.extra.request), subscriptions: 0, socket: ctx.extra.socket };
        // The socket lives no longer than the session it was opened with.
        const exp = decodeJwt(header.replace(/^Bearer\s+/i, '')).exp;
        if (exp) {
          session.expiryTimer = setTimeout(() => ctx.extra.socket.close(CLOSE.sessionExpired, 'Session expired'), Math.max(0, exp * 1000 - Date.now()));
          session.expiryTimer.unref();
        }
        ctx.extra.session = session;
        sessions.add(session);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const session = ctx.extra.session!;
        // graphql-ws records an operation's id before this hook runs and forgets it only when the
        // operation ends, so its ledger counts subscriptions still being authorized too: a burst of
        // subscribes cannot all pass the check while each awaits its authorization query. Checked
        // before this hook's first await, while the ledger holds only the frames before this one.
        if (Object.keys(ctx.subscriptions).length > maxPerSocket) {
          return [new GraphQLError(`At most ${maxPerSocket} subscriptions per connection`, { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        // Every subscribe within the cap spends the client's budget, invalid ones included: each may cost an
        // authorization query through the gateway.
        const spent = await options.budget.spend(session.clientKey);
        if (!spent.allowed) return [rateLimited(spent.retryAfterSeconds, 'Too many requests', { http: false })];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: limits.maxTokens });
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('Could not parse the operation')];
        }
        const errors = validate(apiSchema, document, rules);
        if (errors.length) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation || operation.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        const variables = (payload.variables ?? {}) as Record<string, unknown>;
        const args: ExecutionArgs = {
          schema: apiSchema,
          document,
          operationName: payload.operationName,
          variableValues: variables,
          contextValue: { session, variables, document },
          subscribeFieldResolver: subscribeField,
          fieldResolver: resolveField,
        };
        return args;
      },
      onClose: (ctx) => {
        const session = ctx.extra.session;
        if (session) {
          clearTimeout(session.expiryTimer);
          sessions.delete(session);
          options.budget.closeSocket(session.clientKey);
        }
      },
    },
    wsServer,
    // The one heartbeat (docs/subscriptions.md): a WebSocket ping frame per interval keeps idle
    // sockets open through proxies; no pong within the next interval terminates the socket, which
    // frees its subscriptions. (graphql-ws's own default, 12 s, would otherwise run beside it.)
    config.gateway.wsKeepAliveMs,
  );
  wsServer.on('connection', (socket) => {
    sockets += 1;
    socket.once('close', () => {
      sockets -= 1;
    });
  });
  // A revoked session's sockets close at once (4403: signing in again is needed, not a retry).
  const stopFollowingRevocations = options.revocations?.onRevoked(() => {
    for (const session of sessions) if (options.revocations!.isRevoked(session.caller)) session.socket.close(CLOSE.revoked, 'Session revoked');
  });
  log.info({ path: options.path, fields: [...routes.keys()] }, 'subscription edge ready');

  return {
    stats: () => ({
      sockets,
      subscriptions: [...sessions].reduce((n, s) => n + s.subscriptions, 0),
      feedListeners: options.feed.listenerCount(),
    }),
    async close() {
      stopFollowingRevocations?.();
      await disposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
