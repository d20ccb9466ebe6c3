import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import type { Config, SubgraphName } from '../platform/config.js';
import { ANONYMOUS, type TokenVerifier } from '../platform/auth.js';
import { DomainError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { createMetrics, metricsPlugin } from '../platform/metrics.js';
import { Supergraph } from '@apollo/federation-internals';
import { Gauge } from 'prom-client';
import type { Broker } from '../events/nats.js';
import type { GatewayContext } from './context.js';
import { EventFeed } from './subscriptions/event-feed.js';
import { startSubscriptionEdge, type GraphExecutor, type SubscriptionEdge } from './subscriptions/edge.js';
import { subscriptionRoutes } from './subscriptions/routes.js';
import { createArmor } from './hardening.js';
import { ClientBudget, clientAddress, clientKey } from './client-budget.js';
import { admissionControl } from './admission-control.js';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { cacheControlHeaders } from './cache-control.js';
import { corsFor } from './cors.js';
import { AuthenticatedSubgraph, createSubgraphFetcher } from './subgraph-client.js';
import { operationGuardPlugin } from './operation-guards.js';
import { safeTextPlugin } from '../platform/text-input.js';
import { jsonErrors } from '../platform/http-errors.js';
import { authenticate, createHttpServer, graphqlEndpoint, listenForCrowds } from '../platform/graphql-endpoint.js';
import type { RevocationList } from '../platform/revocations.js';
import { adminApp } from './admin-app.js';

export interface GatewayOptions {
  config: Config;
  log: Logger;
  verifier: TokenVerifier;
  /** The composed supergraph (static composition; `schema/supergraph.graphql` in production). */
  supergraphSdl: string;
  /** Revoked sessions (the verifier checks them); the subscription edge closes their sockets. */
  revocations?: RevocationList;
  /** Live events for subscriptions; without it the gateway serves HTTP only. */
  broker?: Broker;
  port?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  httpServer: http.Server;
  subscriptions?: SubscriptionEdge;
  stop(): Promise<void>;
}

/** `name → url` as composed into the supergraph, with configured overrides applied. */
export function subgraphEndpoints(supergraph: Supergraph, overrides: Partial<Record<SubgraphName, string>>): Map<string, string> {
  return new Map(supergraph.subgraphsMetadata().map(({ name, url }) => [name, overrides[name as SubgraphName] ?? url]));
}

/**
 * The only API clients use: Apollo Gateway over the static supergraph, with the caller's JWT
 * verified here and again by each subgraph, query limits, CSRF prevention, no batching, a body
 * size limit, a per-client rate limit, admission by session start beyond GATEWAY_MAX_IN_FLIGHT operations in
 * flight, and /health, /ready, /metrics beside /graphql.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config, log, verifier } = options;
  const metrics = createMetrics('gateway');
  const supergraph = Supergraph.build(options.supergraphSdl);
  const endpoints = subgraphEndpoints(supergraph, config.gateway.subgraphUrls);
  const subgraphFetcher = createSubgraphFetcher({ connectionsPerOrigin: 64 });

  // The library reads only this variable, when the gateway is constructed (see config.ts); set
  // both ways, so an earlier gateway in this process cannot decide for this one.
  process.env.APOLLO_TELEMETRY_DISABLED = config.gateway.apolloTelemetry ? 'false' : 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new AuthenticatedSubgraph({ url: endpoints.get(name) ?? url, fetcher: subgraphFetcher.fetcher, gatewaySecret: config.subgraphSecret }),
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.gateway.trustProxyHops);
  // /graphql is answered without Express (platform/graphql-endpoint.ts), mounted once Apollo started
  const { httpServer, serveGraphQL } = createHttpServer(app);
  const armor = createArmor(config);
  const budget = new ClientBudget({
    requestsPerMinute: config.gateway.rateLimitPerMinute,
    socketsPerClient: config.gateway.wsMaxSocketsPerClient,
    // Registration and password-reset requests answer per e-mail: their budget bounds account probing.
    perAddress: {
      startGuestSession: config.gateway.guestSessionsPerMinute,
      registerCustomer: config.gateway.registrationsPerMinute,
      requestPasswordReset: config.gateway.registrationsPerMinute,
      resetPassword: config.gateway.registrationsPerMinute,
    },
  });
  const addressOf = (req: http.IncomingMessage) => clientAddress(req, config.gateway.trustProxyHops);
  const production = config.env === 'production';

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.gateway.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: config.env === 'development',
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.gateway.limits.maxTokens },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(config.env === 'development' ? [] : [ApolloServerPluginLandingPageDisabled()]),
      ...(armor.plugins as never[]),
      operationGuardPlugin(),
      budget.plugin(),
      safeTextPlugin(),
      metricsPlugin(metrics),
      ApolloServerPluginCacheControl(),
      cacheControlHeaders(),
    ],
    formatError(formatted, error) {
      const original = unwrapResolverError(error);
      const code = formatted.extensions?.code;
      if (code === 'INTERNAL_SERVER_ERROR' && !(original instanceof DomainError) && !formatted.extensions?.serviceName) {
        log.error({ err: original, path: formatted.path }, 'unexpected error in gateway');
        return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
      if (production && formatted.extensions) {
        // which subgraph answered is topology, not something a client needs
        const { exception: _exception, stacktrace: _stacktrace, serviceName: _serviceName, ...extensions } = formatted.extensions as Record<string, unknown>;
        return { ...formatted, extensions };
      }
      return formatted;
    },
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      [...endpoints].map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2_000) });
          return [name, response.ok ? 'up' : `status ${response.status}`] as const;
        } catch (err) {
          return [name, `down: ${err instanceof Error ? err.message : String(err)}`] as const;
        }
      }),
    );
    const ready = checks.every(([, state]) => state === 'up');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', supergraph: 'loaded', subgraphs: Object.fromEntries(checks) });
  });
  app.use('/admin', adminApp());
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.use(jsonErrors(log));
  serveGraphQL(
    graphqlEndpoint({
      apollo,
      log,
      // answers to GET queries (cacheable, see cache-control.ts) keep ETags for a CDN's revalidation
      etags: true,
      steps: [
        corsFor(config.gateway.corsOrigins),
        // the token is verified once per request, before anything else: a bad token reaches no
        // subgraph, and the rate limiter then counts the verified subject
        authenticate(verifier, { strict: true }),
        budget.middleware((req) => clientKey(req.caller, addressOf(req))),
        // body-parser's refusals (too large, malformed JSON) answer in GraphQL's shape, never with a stack
        express.json({ limit: config.gateway.maxBodyBytes }),
        // after the budget and the body: only operations ready to run wait for a turn (by session start)
        admissionControl(config.gateway.admission, metrics.registry),
      ],
      context: async (req): Promise<GatewayContext> => {
        const caller = req.caller ?? ANONYMOUS;
        return {
          caller,
          authorization: caller.kind === 'anonymous' ? undefined : req.headers.authorization,
          requestId: crypto.randomUUID(),
          clientKey: clientKey(caller, addressOf(req)),
          clientAddress: addressOf(req),
        };
      },
    }),
  );

  let subscriptions: SubscriptionEdge | undefined;
  let feed: EventFeed | undefined;
  if (options.broker) {
    feed = new EventFeed(options.broker.nc, options.broker.namespace, log.child({ component: 'event-feed' }));
    subscriptions = startSubscriptionEdge({
      httpServer,
      path: '/graphql',
      apiSchema: supergraph.apiSchema().toGraphQLJSSchema(),
      routes: subscriptionRoutes,
      feed,
      verifier,
      config,
      budget,
      addressOf,
      revocations: options.revocations,
      log: log.child({ component: 'subscriptions' }),
      execute: async (query, variables, contextValue) => {
        const response = await apollo.executeOperation({ query, variables }, { contextValue });
        if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported here');
        return response.body.singleResult as Awaited<ReturnType<GraphExecutor>>;
      },
    });
    const edge = subscriptions;
    const registers = [metrics.registry];
    new Gauge({ name: 'subscription_sockets_open', help: 'Open graphql-ws sockets', registers, collect() { this.set(edge.stats().sockets); } });
    new Gauge({ name: 'subscriptions_active', help: 'Active subscriptions', registers, collect() { this.set(edge.stats().subscriptions); } });
    new Gauge({ name: 'subscription_event_listeners', help: 'In-process listeners on the live event feed', registers, collect() { this.set(edge.stats().feedListeners); } });
  }

  const { port } = await listenForCrowds(httpServer, options.port ?? config.gateway.port, config.host);
  const url = `http://${config.host}:${port}/graphql`;
  log.info({ url }, 'gateway ready');
  return {
    url,
    port,
    httpServer,
    subscriptions,
    async stop() {
      await subscriptions?.close();
      feed?.close();
      await apollo.stop();
      await subgraphFetcher.close();
    },
  };
}
