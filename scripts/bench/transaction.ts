/**
 * `npm run bench:transaction`: what ONE transaction costs the Node process, by the way it is opened
 * — the machinery around the statements, which the statements' count does not show. Each way runs
 * the same transaction (a locking read and an update of one row; for the two "a delivery" ways
 * with an inbox row before them, as events/inbox.ts writes one) N times against PostgreSQL, in
 * rounds, interleaved; it prints µs of this process's CPU (user + system) per transaction, after a
 * warm-up, and of PostgreSQL's (the backends connected to the benchmark's database, from /proc, so
 * only when the server runs on this machine; 10 ms clock ticks, hence the thousands of
 * transactions).
 *
 *   node dist/scripts/bench/transaction.js [--transactions 3000] [--rounds 2]
 *
 * DATABASE_URL chooses the server (default: the local crittersupply_bench database, created if
 * missing). See docs/performance.md, "the fifth round".
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { MikroORM, PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createContextOrm, ensureDatabase, inTransaction, type Orm } from '../../platform/database.js';
import { createLogger } from '../../platform/logger.js';
import { executeDeferred } from '../../platform/postgres-driver.js';
import { backendCpuSeconds } from '../cluster/cpu.js';

const SCHEMA = 'bench_transaction';
const READ = `select n from "${SCHEMA}".counter where id = 1 for update`;
const UPDATE = `update "${SCHEMA}".counter set n = n + 1 where id = ?`;

interface Way {
  name: string;
  run: () => Promise<unknown>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { transactions: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '2' } } });
  const transactions = Number(values.transactions);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(transactions) || transactions < 1 || !Number.isInteger(rounds) || rounds < 1) throw new Error('--transactions and --rounds must be positive integers');
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/crittersupply_bench';
  await ensureDatabase(url);

  const log = createLogger({ logLevel: 'warn', env: 'development' }, 'bench-transaction');
  const contextOrm = await createContextOrm({ env: 'development', database: { url, poolMax: 4 } }, { context: SCHEMA, entities: [], migrations: [] }, log);
  // MikroORM's own driver, as every context used it before the fifth round: knex transactions, knex raw queries
  const stockOrm = await MikroORM.init({ driver: PostgreSqlDriver, clientUrl: url, schema: SCHEMA, entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: false, pool: { min: 1, max: 4 } });
  const raw = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await contextOrm.em.fork().execute(`create schema if not exists "${SCHEMA}"`);
    await contextOrm.em.fork().execute(`create table if not exists "${SCHEMA}".counter (id int primary key, n bigint not null)`);
    await contextOrm.em.fork().execute(`insert into "${SCHEMA}".counter (id, n) values (1, 0) on conflict do nothing`);
    await contextOrm.em.fork().execute(`create table if not exists "${SCHEMA}".inbox (message_id uuid primary key, handler text not null)`);
    await contextOrm.em.fork().execute(`truncate "${SCHEMA}".inbox`);
    const INBOX = `insert into "${SCHEMA}".inbox (message_id, handler) values (?, 'bench')`;

    const step = async (em: EntityManager) => {
      await em.execute(READ);
      await em.execute(UPDATE, [1]);
    };
    const fork = (orm: Orm) => orm.em.fork() as EntityManager;
    const ways: Way[] = [
      { name: 'em.fork().transactional, MikroORM driver (before)', run: () => fork(stockOrm).transactional(step) },
      { name: 'em.fork().transactional, context driver', run: () => fork(contextOrm).transactional(step) },
      { name: 'inTransaction, context driver', run: () => inTransaction(fork(contextOrm), step) },
      {
        name: 'inTransaction, update deferred to the COMMIT',
        run: () =>
          inTransaction(fork(contextOrm), async (em) => {
            await em.execute(READ);
            await executeDeferred(em, UPDATE, [1]);
          }),
      },
      // a delivery's transaction (events/inbox.ts): its inbox row, then the handler's read and write
      {
        name: 'a delivery: inbox row in a message of its own',
        run: () =>
          inTransaction(fork(contextOrm), async (em) => {
            await em.execute(INBOX, [randomUUID()]);
            await em.execute(READ);
            await executeDeferred(em, UPDATE, [1]);
          }),
      },
      {
        name: "a delivery: inbox row in the read's message",
        run: () =>
          inTransaction(fork(contextOrm), async (em) => {
            await executeDeferred(em, INBOX, [randomUUID()]);
            await em.execute(READ);
            await executeDeferred(em, UPDATE, [1]);
          }),
      },
      {
        name: 'by hand: BEGIN, 2 statements, COMMIT on a pg.Pool client',
        run: async () => {
          const client = await raw.connect();
          try {
            await client.query('BEGIN');
            await client.query(READ);
            await client.query(UPDATE.replace('?', '$1'), [1]);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        },
      },
    ];

    const node = new Map<string, number[]>(ways.map((w) => [w.name, []]));
    const server = new Map<string, (number | undefined)[]>(ways.map((w) => [w.name, []]));
    const serverSeconds = async () => {
      const backends = await backendCpuSeconds(url);
      return backends && [...backends.values()].reduce((sum, seconds) => sum + seconds, 0);
    };
    for (const way of ways) for (let i = 0; i < 300; i++) await way.run(); // warm-up: JIT, pools
    for (let round = 1; round <= rounds; round++) {
      for (const way of ways) {
        const serverBefore = await serverSeconds();
        const before = process.cpuUsage();
        for (let i = 0; i < transactions; i++) await way.run();
        const used = process.cpuUsage(before);
        const serverAfter = await serverSeconds();
        node.get(way.name)!.push((used.user + used.system) / transactions);
        server.get(way.name)!.push(serverBefore === undefined || serverAfter === undefined ? undefined : ((serverAfter - serverBefore) * 1e6) / transactions);
      }
    }

    const width = Math.max(...ways.map((w) => w.name.length));
    const rows = (results: Map<string, (number | undefined)[]>) => {
      process.stdout.write(`${'way'.padEnd(width)}  ${Array.from({ length: rounds }, (_, i) => `round ${i + 1}`.padStart(8)).join('  ')}\n`);
      for (const [name, perRound] of results) process.stdout.write(`${name.padEnd(width)}  ${perRound.map((us) => (us === undefined ? '-' : us.toFixed(0)).padStart(8)).join('  ')}\n`);
    };
    process.stdout.write(`\nCPU of this process per transaction (a locking read + an update), µs; ${transactions} transactions per way and round, ${rounds} rounds interleaved\n`);
    rows(node);
    process.stdout.write(`\nCPU of PostgreSQL per transaction, µs (its backends on this machine, /proc; - when it runs elsewhere)\n`);
    rows(server);
  } finally {
    await raw.end();
    await stockOrm.close();
    await contextOrm.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:transaction failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
