import { EntitySchema, type EntityManager } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';
import { streamFor } from '../../events/contract.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import { ringRelayOnOutboxCommits } from '../../events/outbox-signal.js';
import { startOutboxRelay, type OutboxRelay } from '../../events/relay.js';
import { ensureStream } from '../../events/streams.js';
import { createContextOrm, migrate, type Orm } from '../../platform/database.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../support/config.js';

/**
 * A tiny bounded context for the messaging-kit tests: the messaging tables plus a `note`
 * (the producer's state change) and an `effect` table (what handlers did, one row per run).
 */
export interface Note {
  id: string;
  text: string;
}

export const NoteEntity = new EntitySchema<Note>({
  name: 'KitNote',
  tableName: 'note',
  properties: {
    id: { type: 'uuid', primary: true },
    text: { type: 'text' },
  },
});

class KitTables extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`create table "${schema}".note (id uuid primary key, text text not null);`);
    this.addSql(`create table "${schema}".effect (id bigserial primary key, event_id text not null, handler text not null);`);
  }
}

export async function createKitContext(env: TestEnvironment, context: string): Promise<Orm> {
  const orm = await createContextOrm(
    env.config,
    { context, entities: [NoteEntity], migrations: [{ name: '0001-kit-tables', class: KitTables }] },
    env.log,
  );
  await migrate(orm, context, env.databaseUrl);
  return orm;
}

/** What a test handler does: one row per run, so "exactly once" is a count. */
export async function recordEffect(em: EntityManager, eventId: string, handler: string): Promise<void> {
  const schema = em.config.get('schema');
  await em.execute(`insert into "${schema}".effect (event_id, handler) values (?, ?)`, [eventId, handler], 'run');
}

export async function countEffects(orm: Orm, eventId: string, handler: string): Promise<number> {
  const schema = orm.config.get('schema');
  const rows = await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "${schema}".effect where event_id = ? and handler = ?`, [eventId, handler]);
  return Number(rows[0]?.n ?? 0);
}

/** A kit context with its stream and an active relay that has published what was pending. */
export interface KitRelayWorld {
  env: TestEnvironment;
  orm: Orm;
  broker: Broker;
  relay: OutboxRelay;
  stream: string;
  stop(): Promise<void>;
}

/**
 * Starts `context` with its relay polling every `pollIntervalMs` (make it long to see what else
 * wakes it). Commits ring the relay over NATS; with `handOver`, they hand it their rows, as a
 * subgraph's do (platform/subgraph-runtime.ts).
 */
export async function startKitRelay(context: string, options: { pollIntervalMs: number; handOver: boolean }): Promise<KitRelayWorld> {
  const env = await createTestEnvironment();
  const orm = await createKitContext(env, context);
  const broker = await connectBroker(env.config.nats, env.log);
  const stream = streamFor(env.namespace, context).name;
  await ensureStream(broker, context);
  const commits = ringRelayOnOutboxCommits(orm, broker, context);
  const relay = startOutboxRelay({ context, databaseUrl: env.databaseUrl, broker, log: env.log, pollIntervalMs: options.pollIntervalMs });
  if (options.handOver) commits.attach(relay);
  await eventually(() => relay.isActive(), { what: 'the relay to take the lock' });
  // its first check of the outbox is done: from now on it waits for a ring, a hand-over or its poll
  await relay.drain();
  return {
    env,
    orm,
    broker,
    relay,
    stream,
    async stop() {
      await relay.stop();
      await broker.jsm.streams.delete(stream).catch(() => undefined);
      await broker.close();
      await orm.close();
      await env.cleanup();
    },
  };
}
