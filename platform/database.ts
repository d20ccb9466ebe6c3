import { MikroORM, type EntityManager, type EntitySchema, type Options } from '@mikro-orm/postgresql';
import { Migrator, type Migration } from '@mikro-orm/migrations';
import pg from 'pg';
import type { Config } from './config.js';
import { installLazyBegin } from './lazy-begin.js';
import { directPostgreSqlDriver } from './postgres-driver.js';
import { ContextEntityManager } from './entity-manager.js';
import type { Logger } from './logger.js';
import { messagingEntities, messagingMigration, outboxRingMigration } from '../events/store.js';

export type Orm = MikroORM;
export type MigrationClass = new (...args: any[]) => Migration;

export interface ContextDatabaseOptions {
  /** The bounded context; also its PostgreSQL schema. */
  context: string;
  entities: EntitySchema<any, any>[];
  /** Committed migrations, oldest first. The messaging tables (outbox/inbox/dead letters) come first. */
  migrations: { name: string; class: MigrationClass }[];
  poolMax?: number;
}

/**
 * One ORM per bounded context, bound to its own schema. Entities carry explicit column types
 * (no decorator metadata), and the schema is only ever changed by committed migrations.
 */
export async function createContextOrm(config: Pick<Config, 'database' | 'env'>, options: ContextDatabaseOptions, log: Logger): Promise<Orm> {
  installLazyBegin();
  const orm = await MikroORM.init({
    driver: directPostgreSqlDriver({ preparedStatements: config.database.preparedStatements ?? true }),
    entityManager: ContextEntityManager,
    clientUrl: config.database.url,
    schema: options.context,
    entities: [...messagingEntities, ...options.entities],
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      migrationsList: [{ name: '0000-messaging', class: messagingMigration }, { name: '0000-messaging-outbox-ring', class: outboxRingMigration }, ...options.migrations],
    },
    pool: { min: 0, max: options.poolMax ?? config.database.poolMax },
    // names the context's connections in pg_stat_activity and the server's log (%a)
    driverOptions: { connection: { application_name: options.context } },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    debug: false,
    logger: (message: string) => log.debug({ orm: true }, message),
  } satisfies Options);
  return orm;
}

/**
 * Runs `work` in a transaction on `em` itself, which must be a fork of its own outside any
 * transaction (a delivery's, a request's, a job run's): begin, work, flush and commit — or roll
 * back and rethrow. Every top-level transaction in the contexts is opened here. It is
 * `em.transactional` minus what only an EntityManager shared between units of work needs — a
 * second fork, an AsyncLocalStorage context, merging that fork's entities back — which costs
 * about a third of a millisecond of CPU per transaction here (docs/performance.md). Entities
 * loaded in the transaction stay managed by `em`, as the merge would leave them. Nested
 * transactions (savepoints) are still `em.transactional` on the transaction's em.
 */
export async function inTransaction<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  // begin() on an EntityManager already in a transaction would start a second one over it
  if (em.isInTransaction()) throw new Error('inTransaction: this EntityManager is already in a transaction (nest with em.transactional, a savepoint)');
  await em.begin();
  try {
    const result = await work(em);
    await em.commit(); // flushes first
    return result;
  } catch (err) {
    if (em.isInTransaction()) await em.rollback();
    throw err;
  }
}

/**
 * Applies pending migrations. Several replicas may start at once: a transaction-independent
 * advisory lock (per schema) makes them queue instead of racing on the migrations table.
 */
export async function migrate(orm: Orm, context: string, databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [`migrate:${context}`]);
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', [`migrate:${context}`]).catch(() => {});
    await client.end();
  }
}

/** Creates the database named in the URL when it does not exist (dev launcher, tests). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-zA-Z0-9_]+$/.test(name)) throw new Error(`Unsupported database name "${name}"`);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name}"`).catch((err: { code?: string }) => {
      if (err.code !== '42P04') throw err; // created concurrently by another process
    });
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-zA-Z0-9_]+$/.test(name)) throw new Error(`Unsupported database name "${name}"`);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
