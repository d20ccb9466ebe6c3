import express from 'express';
import { BREAK, visit, type DocumentNode } from 'graphql';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { Config } from './config.js';
import type { Caller, TokenVerifier } from './auth.js';
import { DomainError } from './errors.js';
import { safeTextPlugin } from './text-input.js';
import { jsonErrors } from './http-errors.js';
import { authenticate, createHttpServer, graphqlEndpoint, listenForCrowds } from './graphql-endpoint.js';
import { CLIENT_ADDRESS_HEADER, requireGateway } from './gateway-link.js';
import { limitRules, type QueryLimits } from './query-limits.js';
import type { Logger } from './logger.js';
import { createMetrics, metricsPlugin, type Metrics } from './metrics.js';

/** What every resolver gets, whatever the subgraph: the verified caller and a request logger. */
export interface RequestContext {
  caller: Caller;
  log: Logger;
  requestId: string;
  /**
   * The client's address as the gateway computed it (TRUST_PROXY_HOPS). Trusted only because
   * /graphql answers nobody but the gateway (requireGateway); absent when the gateway sent none.
   */
  clientAddress?: string;
}

export interface SubgraphServerOptions<TContext extends RequestContext> {
  name: string;
  typeDefs: DocumentNode;
  /** Codegen'd `Resolvers<TContext>`; typed loosely here because the generated map is structural. */
  resolvers: object;
  /** Adds the subgraph's own per-request pieces (an EntityManager fork, DataLoaders). */
  createContext: (base: RequestContext) => TContext | Promise<TContext>;
  verifier: TokenVerifier;
  log: Logger;
  env: Config['env'];
  /** Only requests presenting this secret (the gateway's) reach /graphql. */
  gatewaySecret: string;
  /** The gateway's query limits, applied again here. */
  limits: QueryLimits;
  /** Throws when the subgraph cannot serve (database or broker unreachable); may add details to the answer. */
  readiness?: () => Promise<void | Record<string, unknown>>;
  plugins?: ApolloServerPlugin<TContext>[];
  maxBodyBytes?: number;
  /** Extra HTTP routes of the subgraph (e.g. a signed webhook), mounted before /graphql with their own body parsing. */
  routes?: (app: express.Express) => void;
  /** Adds process-specific metrics (e.g. the messaging kit's counters) to the /metrics registry. */
  registerMetrics?: (registry: Metrics['registry']) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The one server factory every subgraph uses: Apollo Server over a federation subgraph schema,
 * the caller verified from the forwarded token (the subgraph never trusts the gateway blindly),
 * error codes preserved and unexpected errors masked, plus /health, /ready and /metrics.
 */
export async function startSubgraphServer<TContext extends RequestContext>(
  options: SubgraphServerOptions<TContext>,
  listen: { host: string; port: number },
): Promise<RunningServer> {
  const { log } = options;
  const metrics = createMetrics(options.name);
  options.registerMetrics?.(metrics.registry);
  const app = express();
  app.disable('x-powered-by');
  // Only the gateway reads these answers and it never revalidates one: hashing every body for an
  // ETag (Express's default) is work nobody uses.
  app.disable('etag');
  // /graphql is answered without Express (platform/graphql-endpoint.ts), mounted once Apollo started
  const { httpServer, serveGraphQL } = createHttpServer(app);

  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
    introspection: options.env !== 'production',
    includeStacktraceInErrorResponses: options.env === 'development',
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The gateway's limits: query plans are subsets of what it accepted (an entity fetch nests one
    // `_entities` level above a path the client's query already had), so only what the gateway
    // would refuse is refused. Fetch documents add key fields and __typename, hence the token slack.
    validationRules: limitRules(options.limits),
    parseOptions: { maxTokens: options.limits.maxTokens * 2 },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      metricsPlugin(metrics) as ApolloServerPlugin<TContext>,
      safeTextPlugin<TContext>(),
      // Apollo Server adds its cache-control plugin unless told not to, and then wraps every field
      // resolver to collect hints. A schema that gives none can only conclude "not cacheable",
      // which the gateway also concludes from an answer without a Cache-Control header.
      ...(givesCacheHints(options.typeDefs) ? [] : [ApolloServerPluginCacheControlDisabled()]),
      ...(options.plugins ?? []),
    ],
    formatError(formatted, error) {
      const original = unwrapResolverError(error);
      if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' && !(original instanceof DomainError)) {
        log.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
        return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
      return formatted;
    },
  });
  await apollo.start();

  // Names the service so a launcher can tell its own process from whatever else holds the port.
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/ready', async (_req, res) => {
    try {
      const details = await options.readiness?.();
      res.json({ status: 'ready', ...details });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', reason: err instanceof Error ? err.message : String(err) });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  options.routes?.(app);
  app.use(jsonErrors(log));
  serveGraphQL(
    graphqlEndpoint({
      apollo,
      log,
      steps: [
        requireGateway(options.gatewaySecret),
        // a bad token is refused (401) before Apollo runs, as at the gateway
        authenticate(options.verifier, { strict: false }),
        express.json({ limit: options.maxBodyBytes ?? 1_000_000 }),
      ],
      context: async (req) => {
        const requestId = (req.headers['x-request-id'] as string | undefined) ?? crypto.randomUUID();
        const clientAddress = req.headers[CLIENT_ADDRESS_HEADER];
        return options.createContext({
          caller: req.caller as Caller,
          requestId,
          log: log.child({ requestId }),
          ...(typeof clientAddress === 'string' && clientAddress ? { clientAddress } : {}),
        });
      },
    }),
  );

  const { port } = await listenForCrowds(httpServer, listen.port, listen.host);
  const url = `http://${listen.host}:${port}/graphql`;
  log.info({ url }, `${options.name} subgraph ready`);
  return {
    url,
    port,
    async stop() {
      await apollo.stop();
    },
  };
}

/** Whether the schema uses `@cacheControl` anywhere (a type, a field, an interface). */
export function givesCacheHints(typeDefs: DocumentNode): boolean {
  let found = false;
  visit(typeDefs, {
    Directive(node) {
      if (node.name.value !== 'cacheControl') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}
