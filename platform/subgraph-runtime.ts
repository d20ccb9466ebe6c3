import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config, SubgraphName } from './config.js';
import { createTokenVerifier, type TokenVerifier } from './auth.js';
import { createContextOrm, migrate, type MigrationClass, type Orm } from './database.js';
import type { Logger } from './logger.js';
import { repoPath } from './paths.js';
import { startSubgraphServer, type RequestContext, type RunningServer, type SubgraphServerOptions } from './subgraph-server.js';
import { connectBroker, type Broker } from '../events/nats.js';
import { ensureStream } from '../events/streams.js';
import { startInboxPurge } from '../events/inbox.js';
import { ringRelayOnOutboxCommits } from '../events/outbox-signal.js';
import { startOutboxRelay, type OutboxRelay } from '../events/relay.js';
import { startConsumers, type ConsumerGroup } from '../events/consumer.js';
import type { EventHandler } from '../events/handler.js';
import { deadLetterReplayHandler } from '../events/dead-letters.js';
import type { EntitySchema } from '@mikro-orm/postgresql';
import { registerMessagingMetrics } from './metrics.js';
import { OutboundClients } from './outbound/outbound-clients.js';
import { registerOutboundMetrics } from './outbound/outbound-metrics.js';
import { RevocationList, followRevocations } from './revocations.js';

/** What a subgraph's wiring receives: configuration and the process-wide resources. */
export interface SubgraphRuntime {
  config: Config;
  log: Logger;
  orm: Orm;
  broker: Broker;
  verifier: TokenVerifier;
  /** Where adapters get their resilience policy (payment provider, carrier, address verifier). */
  outbound: OutboundClients;
}

/** The subgraph's own parts, built by hand in its `main.ts`/`app.ts` from the runtime. */
export interface SubgraphParts<TContext extends RequestContext> {
  resolvers: object;
  /** Per request: typically `{ ...base, em: orm.em.fork(), loaders }`. */
  createContext: (base: RequestContext) => TContext;
  /** Integration-event consumers of this context. */
  handlers?: EventHandler[];
  /** Idempotent seed data; runs after migrations when the config asks for it. */
  seed?: () => Promise<void>;
  /** Background jobs (timeouts, expiry); each returns its stop function. */
  jobs?: (() => { stop(): Promise<void> | void })[];
  /** Extra HTTP routes on the subgraph's server (e.g. fulfillment's carrier webhook); see SubgraphServerOptions.routes. */
  routes?: SubgraphServerOptions<TContext>['routes'];
  /** The context's own metrics on /metrics (e.g. notifications' delivery latency), next to the kit's. */
  registerMetrics?: SubgraphServerOptions<TContext>['registerMetrics'];
}

export interface SubgraphSpec<TContext extends RequestContext> {
  name: SubgraphName;
  /** Path of the SDL file (the source of truth), relative to the repository root. */
  schemaFile: string;
  entities: EntitySchema<any, any>[];
  migrations: { name: string; class: MigrationClass }[];
  build: (runtime: SubgraphRuntime) => SubgraphParts<TContext> | Promise<SubgraphParts<TContext>>;
}

export interface RunningSubgraph extends RunningServer {
  runtime: SubgraphRuntime;
  relay: OutboxRelay;
}

export function loadTypeDefs(schemaFile: string): DocumentNode {
  return parse(readFileSync(repoPath(schemaFile), 'utf8'));
}

/**
 * Boots one subgraph: ORM + migrations, broker + its stream, outbox relay, consumers, seed,
 * the inbox purge and the context's jobs, then the HTTP server. `stop()` releases everything in reverse order. Used by every
 * subgraph's `main.ts`, by the dev launcher and by tests (in-process on port 0).
 */
export async function bootSubgraph<TContext extends RequestContext>(
  spec: SubgraphSpec<TContext>,
  config: Config,
  log: Logger,
  options: { port?: number } = {},
): Promise<RunningSubgraph> {
  const closers: (() => Promise<unknown> | unknown)[] = [];
  const stop = async () => {
    for (const close of closers.reverse()) {
      try {
        await close();
      } catch (err) {
        log.error({ err }, 'error while stopping');
      }
    }
  };
  try {
    const orm = await createContextOrm(config, { context: spec.name, entities: spec.entities, migrations: spec.migrations }, log);
    closers.push(() => orm.close());
    const applied = await migrate(orm, spec.name, config.database.url);
    if (applied.length) log.info({ applied }, 'migrations applied');

    const broker = await connectBroker(config.nats, log);
    closers.push(() => broker.close());
    await ensureStream(broker, spec.name);
    const outboxCommits = ringRelayOnOutboxCommits(orm, broker, spec.name);

    // Revoked sessions, followed from customers' stream: every subgraph refuses them without asking.
    const revocations = new RevocationList();
    closers.push(followRevocations(broker, revocations, log.child({ component: 'revocations' })));
    const verifier = await createTokenVerifier(config.jwt, { revocations });
    const outbound = new OutboundClients(config.outbound);
    const runtime: SubgraphRuntime = { config, log, orm, broker, verifier, outbound };
    const parts = await spec.build(runtime);

    if (parts.seed) await parts.seed();

    const relay = startOutboxRelay({ context: spec.name, databaseUrl: config.database.url, broker, log: log.child({ component: 'outbox-relay' }) });
    // while it is the active one, this process's commits hand it their rows instead of ringing
    outboxCommits.attach(relay);
    closers.push(() => relay.stop());

    let consumers: ConsumerGroup | undefined;
    if (parts.handlers?.length) {
      // staff replay this context's dead letters from operations (DeadLetterReplayRequested)
      const own = parts.handlers;
      const handlers = [...own, deadLetterReplayHandler({ context: spec.name, namespace: broker.namespace }, () => own)];
      consumers = await startConsumers({ context: spec.name, orm, broker, handlers, log: log.child({ component: 'consumer' }) });
      const group = consumers;
      closers.push(() => group.stop());
    }
    const inboxPurge = startInboxPurge({ orm, retentionDays: config.inbox.retentionDays, intervalMs: config.inbox.purgeIntervalMs, log: log.child({ component: 'inbox-purge' }) });
    closers.push(() => inboxPurge.stop());
    for (const job of parts.jobs ?? []) {
      const running = job();
      closers.push(() => running.stop());
    }

    const server = await startSubgraphServer<TContext>(
      {
        name: spec.name,
        typeDefs: loadTypeDefs(spec.schemaFile),
        resolvers: parts.resolvers,
        createContext: parts.createContext,
        verifier,
        log,
        env: config.env,
        gatewaySecret: config.subgraphSecret,
        limits: config.gateway.limits,
        routes: parts.routes,
        registerMetrics: (registry) => {
          registerMessagingMetrics(registry, { context: spec.name, relay, consumers });
          registerOutboundMetrics(registry, outbound);
          parts.registerMetrics?.(registry);
        },
        readiness: async () => {
          await orm.em.fork().getConnection().execute('select 1');
          if (broker.isClosed()) throw new Error('broker connection closed');
          // open breakers are reported, not failed on: see OutboundClients.readiness
          return outbound.list().length ? outbound.readiness() : {};
        },
      },
      { host: config.host, port: options.port ?? config.ports[spec.name] },
    );
    closers.push(() => server.stop());
    return { ...server, runtime, relay, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Short-lived EntityManager fork per request/message; never shared across them. */
export const forkEm = (orm: Orm): EntityManager => orm.em.fork() as EntityManager;
