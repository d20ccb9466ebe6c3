import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EntitySchema, IsolationLevel, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { createContextOrm, inTransaction, type Orm } from '../../platform/database.js';
import { executeAndCommit, executeDeferred } from '../../platform/postgres-driver.js';
import { preparedForm } from '../../platform/prepared-statements.js';
import { sqlCounts, installSqlCounter } from '../../platform/sql-counter.js';
import { createTestEnvironment, type TestEnvironment } from '../support/config.js';
import { statementFormsOf } from '../support/queries.js';

interface Row {
  id: number;
  label: string;
}
const RowEntity = new EntitySchema<Row>({
  name: 'PreparedRow',
  tableName: 'prepared_row',
  properties: { id: { type: 'integer', primary: true, autoincrement: false }, label: { type: 'text' } },
});

/**
 * Statements given as text go as prepared statements once the server has parsed them on the probe
 * connection (platform/prepared-statements.ts). What must hold: the same rows and errors as with
 * the values inlined, a statement the server cannot prepare keeps working inlined, and a
 * transaction's message still carries BEGIN, deferred writes and COMMIT in one round trip.
 */
describe('prepared statements', () => {
  let env: TestEnvironment;
  let orm: Orm;
  let inlinedOrm: Orm;
  const em = () => orm.em.fork() as EntityManager;
  const forms = (o: Orm = orm) => statementFormsOf(o);
  /** The statements the session's connection has prepared (the pool has one connection). */
  const preparedOnConnection = async (e: EntityManager) =>
    (await e.execute<{ statement: string }[]>("select statement from pg_prepared_statements where name like 'cs%'")).map((r) => r.statement);
  /** Runs `work` once (inlined: first met), waits for the probe's verdicts, and runs it again. */
  const twice = async <T>(work: () => Promise<T>): Promise<[T, T]> => {
    const first = await work();
    await forms().probe.settled();
    return [first, await work()];
  };

  beforeAll(async () => {
    installSqlCounter();
    env = await createTestEnvironment();
    orm = await createContextOrm(env.config, { context: 'prepared_test', entities: [RowEntity], migrations: [], poolMax: 1 }, env.log);
    inlinedOrm = await createContextOrm({ ...env.config, database: { ...env.config.database, preparedStatements: false } }, { context: 'prepared_test', entities: [RowEntity], migrations: [], poolMax: 1 }, env.log);
    await em().execute('create schema if not exists prepared_test');
    await em().execute('create table prepared_test.prepared_row (id int primary key, label text not null)');
    await em().execute(
      `create table prepared_test.typed (id int primary key, amount numeric(12, 2), big bigint, flag boolean, at timestamptz, doc jsonb, note text, small smallint)`,
    );
  });
  afterAll(async () => {
    await orm?.close();
    await inlinedOrm?.close();
    await env?.cleanup();
  });
  beforeEach(async () => {
    await em().execute('truncate prepared_test.prepared_row, prepared_test.typed');
  });

  it('sends a statement inlined until the server has parsed it, then prepared once per connection, with the same answers', async () => {
    const select = 'select id, label from prepared_test.prepared_row where id = ? and label = ?';
    await em().execute("insert into prepared_test.prepared_row (id, label) values (1, 'one')");
    const [inlined, prepared] = await twice(() => em().execute<Row[]>(select, [1, 'one']));
    expect(inlined).toEqual([{ id: 1, label: 'one' }]);
    expect(prepared).toEqual(inlined);
    expect(await em().execute(select, [2, 'one'])).toEqual([]);
    const statements = await preparedOnConnection(em());
    expect(statements).toContain('select id, label from prepared_test.prepared_row where id = $1 and label = $2');
    expect(statements.filter((s) => s.includes('prepared_row where id = $1'))).toHaveLength(1);
  });

  it('reads and writes every kind of value as the inlined statement does', async () => {
    const at = new Date('2026-12-05T04:40:00.123Z');
    const values = [1.5, 9_007_199_254_740_991, true, at, { kind: 'bowl', sizes: [1, 2] }, "it's", 7] as const;
    const insert = 'insert into prepared_test.typed (id, amount, big, flag, at, doc, note, small) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)';
    const read = 'select amount, big, flag, at, doc, note, small, (select count(*)::int from prepared_test.typed where id in (?)) as listed from prepared_test.typed where id = ?';
    await em().execute(insert, [1, ...values]);
    await forms().probe.settled();
    await em().execute(insert, [2, ...values]); // prepared now
    await inlinedOrm.em.fork().execute(insert, [3, ...values]);
    const rows = await Promise.all([1, 2, 3].map(async (id) => (await twice(() => em().execute(read, [[1, 2, 3], id])))[1]));
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[2]).toEqual(rows[0]);
    expect(rows[0]).toEqual([
      { amount: '1.50', big: '9007199254740991', flag: true, at: expect.any(String), doc: { kind: 'bowl', sizes: [1, 2] }, note: "it's", small: 7, listed: 3 },
    ]);
    expect(new Date((rows[0] as { at: string }[])[0]!.at)).toEqual(at); // the ORM reads timestamptz as text
    expect(await preparedOnConnection(em())).toContain(
      'select amount, big, flag, at, doc, note, small, (select count(*)::int from prepared_test.typed where id in ($1, $2, $3)) as listed from prepared_test.typed where id = $4',
    );
  });

  it('keeps sending inlined a statement the server cannot prepare', async () => {
    const undecided = 'select ? is null as missing';
    const [first, again] = await twice(() => em().execute<{ missing: boolean }[]>(undecided, [null]));
    expect(first).toEqual([{ missing: true }]);
    expect(again).toEqual(first);
    expect(await em().execute(undecided, ['here'])).toEqual([{ missing: false }]);
    expect((await preparedOnConnection(em())).some((s) => s.includes('is null as missing'))).toBe(false);
  });

  it('never prepares with DATABASE_PREPARED_STATEMENTS=false', async () => {
    const inlined = () => inlinedOrm.em.fork() as EntityManager;
    const select = 'select count(*)::int as n from prepared_test.prepared_row where id > ?';
    await inlined().execute(select, [0]);
    await forms(inlinedOrm).probe.settled();
    expect(await inlined().execute(select, [0])).toEqual([{ n: 0 }]);
    expect(await preparedOnConnection(inlined())).toEqual([]);
  });

  it('never prepares a one-off statement (a batch’s, shaped by what it carries), deferred or with the COMMIT, and answers the same', async () => {
    const batchOf = (ids: number[]) => `insert into prepared_test.prepared_row (id, label) values ${ids.map(() => "(?, 'batch')").join(', ')}`;
    const batch = (oneOff: boolean) =>
      inTransaction(em(), async (tx) => {
        const base = (await tx.execute<{ n: number }[]>('select count(*)::int as n from prepared_test.prepared_row'))[0]!.n;
        await executeDeferred(tx, batchOf([1, 2]), [base + 1, base + 2], { oneOff });
        return executeAndCommit<{ id: number }>(tx, `${batchOf([3])} returning id`, [base + 3], { oneOff });
      });
    const preparedBatches = async () => (await preparedOnConnection(em())).filter((text) => text.includes("'batch'"));
    // as often as the same statements without the mark need to go prepared (below): the probe is
    // asked about a message's first unknown one at a time, so each sending waits for its verdict
    await batch(true);
    await forms().probe.settled();
    expect(await twice(() => batch(true))).toEqual([[{ id: 6 }], [{ id: 9 }]]);
    expect(await preparedBatches()).toEqual([]);
    await batch(false);
    await forms().probe.settled();
    expect(await twice(() => batch(false))).toEqual([[{ id: 15 }], [{ id: 18 }]]);
    expect(await preparedBatches()).toHaveLength(2);
  });

  describe('in a transaction, once prepared', () => {
    const insert = 'insert into prepared_test.prepared_row (id, label) values (?, ?)';
    const select = 'select label from prepared_test.prepared_row order by id';
    /** Makes `insert` and `select` known prepared statements. */
    beforeEach(async () => {
      await inTransaction(em(), async (tx) => {
        await tx.execute(insert, [100, 'warm-up']);
        await tx.execute(select);
      });
      await forms().probe.settled();
      await em().execute('truncate prepared_test.prepared_row');
    });
    const roundTripsDuring = async (work: () => Promise<unknown>) => {
      const before = sqlCounts().roundTrips;
      await work();
      return sqlCounts().roundTrips - before;
    };
    const countsDuring = async (work: () => Promise<unknown>) => {
      const before = sqlCounts();
      await work();
      const after = sqlCounts();
      return { statements: after.statements - before.statements, commits: after.commits - before.commits, autocommits: after.autocommits - before.autocommits };
    };

    it('sends BEGIN, the deferred writes and the next statement in one message, and the last write with its COMMIT', async () => {
      let seen: unknown;
      const trips = await roundTripsDuring(() =>
        inTransaction(em(), async (tx) => {
          await executeDeferred(tx, insert, [1, 'deferred']);
          await executeDeferred(tx, insert, [2, 'deferred too']);
          seen = await tx.execute(select);
          await executeDeferred(tx, insert, [3, 'with the commit']);
        }),
      );
      expect(seen).toEqual([{ label: 'deferred' }, { label: 'deferred too' }]);
      expect(trips).toBe(2); // BEGIN + 2 inserts + select; insert + COMMIT
      expect(await em().execute(select)).toEqual([{ label: 'deferred' }, { label: 'deferred too' }, { label: 'with the commit' }]);
      expect((await preparedOnConnection(em())).some((s) => s.startsWith('insert into prepared_test.prepared_row'))).toBe(true);
    });

    it('counts each statement of a message for the SQL counter, and the transaction once', async () => {
      const counted = await countsDuring(() =>
        inTransaction(em(), async (tx) => {
          await executeDeferred(tx, insert, [1, 'deferred']);
          await tx.execute(select);
          await executeAndCommit(tx, insert, [2, 'with the commit']);
        }),
      );
      expect(counted).toEqual({ statements: 5, commits: 1, autocommits: 0 }); // BEGIN, insert, select, insert, COMMIT
    });

    it('fails the next statement with a deferred write’s own error, and commits nothing', async () => {
      await em().execute(insert, [1, 'first']);
      const failure = await inTransaction(em(), async (tx) => {
        await executeDeferred(tx, insert, [2, 'would be written']);
        await executeDeferred(tx, insert, [1, 'again']);
        await tx.execute(select);
      }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(UniqueConstraintViolationException);
      expect(await em().execute(select)).toEqual([{ label: 'first' }]);
    });

    it('commits with the last statement, and commits nothing when it fails; the connection serves the next transaction', async () => {
      const trips = await roundTripsDuring(() => inTransaction(em(), (tx) => executeAndCommit(tx, insert, [1, 'together'])));
      expect(trips).toBe(1); // BEGIN + insert + COMMIT
      const failure = await inTransaction(em(), async (tx) => {
        await tx.execute(insert, [2, 'written before']);
        await executeAndCommit(tx, insert, [1, 'again']);
      }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(UniqueConstraintViolationException);
      expect(await em().execute(select)).toEqual([{ label: 'together' }]);
      await inTransaction(em(), (tx) => executeAndCommit(tx, insert, [3, 'next']));
      expect(await em().execute(select)).toEqual([{ label: 'together' }, { label: 'next' }]);
    });

    it('runs prepared in a transaction with an isolation level (knex) too, which rolls back as a whole', async () => {
      const failure = await em()
        .transactional(
          async (tx) => {
            await tx.execute(insert, [1, 'repeatable']);
            expect(await tx.execute(select)).toEqual([{ label: 'repeatable' }]);
            expect((await tx.execute<{ transaction_isolation: string }[]>('show transaction_isolation'))[0]!.transaction_isolation).toBe('repeatable read');
            throw new Error('changed my mind');
          },
          { isolationLevel: IsolationLevel.REPEATABLE_READ },
        )
        .catch((err: unknown) => err);
      expect(failure).toMatchObject({ message: 'changed my mind' });
      expect(await em().execute(select)).toEqual([]);
      expect((await preparedOnConnection(em())).some((s) => s.startsWith('insert into prepared_test.prepared_row'))).toBe(true);
    });

    it('prepares afresh after a migration changes the columns a prepared statement answers', async () => {
      const all = 'select * from prepared_test.prepared_row where id = ?';
      await em().execute(insert, [1, 'before']);
      await twice(() => em().execute(all, [1]));
      await em().execute("alter table prepared_test.prepared_row add column note text not null default 'added'");
      try {
        // alone, outside a transaction: PostgreSQL refuses the cached plan, the statement is prepared again
        expect(await em().execute(all, [1])).toEqual([{ id: 1, label: 'before', note: 'added' }]);
        // in a transaction the refusal fails it once ("cached plan must not change result type")
        await em().execute('alter table prepared_test.prepared_row drop column note');
        const once = await inTransaction(em(), (tx) => tx.execute(all, [1])).catch((err: unknown) => err);
        expect(once).toMatchObject({ code: '0A000' });
        expect(await inTransaction(em(), (tx) => tx.execute(all, [1]))).toEqual([{ id: 1, label: 'before' }]);
        // and in a knex transaction, though its statement goes alone: it is not sent again either
        await em().execute("alter table prepared_test.prepared_row add column note text not null default 'added'");
        const inKnex = await em()
          .transactional((tx) => tx.execute(all, [1]), { isolationLevel: IsolationLevel.REPEATABLE_READ })
          .catch((err: unknown) => err);
        expect(inKnex).toMatchObject({ code: '0A000' });
      } finally {
        await em().execute('alter table prepared_test.prepared_row drop column if exists note');
      }
    });
  });

  it('takes placeholders as MikroORM formats them: a list one value each, ?? an identifier, \\? a question mark', () => {
    const platform = orm.em.getPlatform() as PostgreSqlPlatform;
    expect(preparedForm(platform, 'select ?? from t where a in (?) and b = ? and c \\? d', ['col', [1, 'x'], false, 'unused'])).toEqual({
      text: 'select "col" from t where a in ($1, $2) and b = $3 and c ? d',
      values: ['1', 'x', 'false'],
      types: [23, 0, 16],
      key: '23,0,16|select "col" from t where a in ($1, $2) and b = $3 and c ? d',
    });
    expect(preparedForm(platform, '? + ?', [2 ** 40, 0.25])?.types).toEqual([20, 1700]);
    expect(preparedForm(platform, 'select ?', [Buffer.from('raw')])).toBeNull();
    expect(preparedForm(platform, 'select ?', [[[1, 2]]])).toBeNull();
  });
});
