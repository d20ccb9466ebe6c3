import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextOrm, inTransaction, type Orm } from '../../platform/database.js';
import { executeAndCommit, executeDeferred } from '../../platform/postgres-driver.js';
import { createMetrics } from '../../platform/metrics.js';
import { classify, sqlCounts, type SqlCounts } from '../../platform/sql-counter.js';
import { createTestEnvironment, type TestEnvironment } from '../support/config.js';
import { statementFormsOf } from '../support/queries.js';

/**
 * Every process counts the SQL it sends (db_statements_total, db_transactions_total{outcome} on
 * /metrics): raw pg clients, pg.Pool and MikroORM through knex alike, since all go through
 * pg.Client#query. Nothing else in this test file's process talks to PostgreSQL while it measures.
 */
describe('SQL counter', () => {
  let env: TestEnvironment;
  let client: pg.Client;
  const metrics = createMetrics('sql-counter-test'); // installs the counter, as every process's /metrics does

  beforeAll(async () => {
    env = await createTestEnvironment();
    client = new pg.Client({ connectionString: env.databaseUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await env?.cleanup();
  });

  /** What `work` added to the counters. */
  async function counted(work: () => Promise<unknown>): Promise<SqlCounts> {
    const before = sqlCounts();
    await work();
    const after = sqlCounts();
    return { statements: after.statements - before.statements, commits: after.commits - before.commits, rollbacks: after.rollbacks - before.rollbacks, autocommits: after.autocommits - before.autocommits };
  }

  it('counts three statements in a transaction as five statements and one commit', async () => {
    const delta = await counted(async () => {
      await client.query('BEGIN');
      await client.query('select 1');
      await client.query({ text: 'select $1::int', values: [2] });
      await client.query('select 3');
      await client.query('COMMIT');
    });
    expect(delta).toEqual({ statements: 5, commits: 1, rollbacks: 0, autocommits: 0 });
  });

  it('counts a rolled-back transaction, and statements outside one as transactions of their own', async () => {
    const delta = await counted(async () => {
      await client.query('begin');
      await client.query('savepoint s1');
      await client.query('rollback to savepoint s1');
      await client.query('rollback');
      await client.query('select 1');
      await client.query('select 2');
    });
    expect(delta).toEqual({ statements: 6, commits: 0, rollbacks: 1, autocommits: 2 });
  });

  it("counts pg.Pool's queries once each", async () => {
    const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
    try {
      const delta = await counted(() => Promise.all([pool.query('select 1'), pool.query('select 2'), pool.query('select 3')]));
      expect(delta).toEqual({ statements: 3, commits: 0, rollbacks: 0, autocommits: 3 });
    } finally {
      await pool.end();
    }
  });

  describe('through MikroORM (knex)', () => {
    let orm: Orm;
    beforeAll(async () => {
      orm = await createContextOrm(env.config, { context: 'counted', entities: [], migrations: [] }, env.log);
      await orm.em.fork().execute('select 1'); // the pool's first connection, before measuring
    });
    afterAll(async () => {
      await orm?.close();
    });

    it('counts a transactional unit of work with its BEGIN and COMMIT', async () => {
      const delta = await counted(() =>
        orm.em.fork().transactional(async (em) => {
          await em.execute('select 1');
          await em.execute('select 2');
          await em.execute('select 3');
        }),
      );
      expect(delta).toEqual({ statements: 5, commits: 1, rollbacks: 0, autocommits: 0 });
    });

    it('counts a last statement sent with its COMMIT as two statements and a commit', async () => {
      const delta = await counted(() => inTransaction(orm.em.fork(), (em) => executeAndCommit(em, 'select 1', [])));
      expect(delta).toEqual({ statements: 3, commits: 1, rollbacks: 0, autocommits: 0 });
      expect(await counted(() => orm.em.fork().execute('select 2'))).toEqual({ statements: 1, commits: 0, rollbacks: 0, autocommits: 1 });
    });

    it('counts writes deferred into another message as the statements they are', async () => {
      const withCommit = await counted(() =>
        inTransaction(orm.em.fork(), async (em) => {
          await executeDeferred(em, 'select 1', []);
          await executeDeferred(em, 'select 2', []);
        }),
      );
      expect(withCommit).toEqual({ statements: 4, commits: 1, rollbacks: 0, autocommits: 0 }); // BEGIN, two writes;COMMIT
      const withStatement = await counted(() =>
        inTransaction(orm.em.fork(), async (em) => {
          await executeDeferred(em, 'select 1', []);
          await em.execute('select 2');
        }),
      );
      expect(withStatement).toEqual({ statements: 4, commits: 1, rollbacks: 0, autocommits: 0 }); // BEGIN, the write;the statement, COMMIT
      const alone = await counted(() =>
        inTransaction(orm.em.fork(), async (em) => {
          await executeDeferred(em, 'select 1', []);
          await executeDeferred(em, 'select 2', []);
          await em.execute(em.getKnex().raw('select 3')); // through knex: the deferred writes go first, on their own
        }),
      );
      expect(alone).toEqual({ statements: 5, commits: 1, rollbacks: 0, autocommits: 0 });
    });

    it('counts round trips: a BEGIN sent with the first statement, writes deferred to the COMMIT, an extended-protocol query once', async () => {
      const trips = async (work: () => Promise<unknown>) => {
        // the statement probe's Parse is a round trip of its own (on its own connection): let the
        // one asking about a statement an earlier test met first finish outside the window
        await statementFormsOf(orm).probe.settled();
        const before = sqlCounts().roundTrips;
        await work();
        return sqlCounts().roundTrips - before;
      };
      // BEGIN;select 1 — then select 2;COMMIT
      const deferring = () =>
        inTransaction(orm.em.fork(), async (em) => {
          await em.execute('select 1');
          await executeDeferred(em, 'select 2', []);
        });
      expect(await trips(deferring)).toBe(2);
      // Parse, Bind, Describe, Execute and one Sync
      expect(await trips(() => client.query({ text: 'select $1::int', values: [2] }))).toBe(1);
      // a raw client's BEGIN waits for its first statement too
      const raw = async () => {
        await client.query('BEGIN');
        await client.query('select 1');
        await client.query('COMMIT');
      };
      expect(await trips(raw)).toBe(2);
    });

    it('counts a failed unit of work as a rollback', async () => {
      const delta = await counted(() =>
        orm.em
          .fork()
          .transactional(async (em) => {
            await em.execute('select 1');
            throw new Error('changed my mind');
          })
          .catch(() => undefined),
      );
      expect(delta).toEqual({ statements: 3, commits: 0, rollbacks: 1, autocommits: 0 });
    });
  });

  it('exports the counts on /metrics', async () => {
    const read = async () => {
      const text = await metrics.registry.metrics();
      const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1]);
      return {
        statements: value(/^db_statements_total\{[^}]*\} (\d+)$/m),
        commits: value(/^db_transactions_total\{[^}]*outcome="commit"[^}]*\} (\d+)$/m),
        autocommits: value(/^db_transactions_total\{[^}]*outcome="autocommit"[^}]*\} (\d+)$/m),
        roundTrips: value(/^db_round_trips_total\{[^}]*\} (\d+)$/m),
      };
    };
    const before = await read();
    await client.query('BEGIN');
    await client.query('select 1');
    await client.query('COMMIT');
    await client.query('select 2');
    const after = await read();
    expect({
      statements: after.statements - before.statements,
      commits: after.commits - before.commits,
      autocommits: after.autocommits - before.autocommits,
      roundTrips: after.roundTrips - before.roundTrips,
    }).toEqual({ statements: 4, commits: 1, autocommits: 1, roundTrips: 3 }); // BEGIN;select 1 — COMMIT — select 2
  });

  it('tells transaction control from other statements', () => {
    expect(['BEGIN;', '  begin', 'START TRANSACTION ISOLATION LEVEL SERIALIZABLE'].map(classify)).toEqual(['begin', 'begin', 'begin']);
    expect(['COMMIT;', 'end', 'ROLLBACK', 'abort'].map(classify)).toEqual(['commit', 'commit', 'rollback', 'rollback']);
    expect(['ROLLBACK TO SAVEPOINT trx2', 'RELEASE SAVEPOINT trx2', 'SAVEPOINT trx2', 'COMMIT PREPARED \'x\'', 'select begin_at from t', 'insert into commits values (1)'].map(classify)).toEqual(['other', 'other', 'other', 'other', 'other', 'other']);
  });
});
