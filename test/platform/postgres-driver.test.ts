import { EntitySchema, IsolationLevel, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createContextOrm, inTransaction, type Orm } from '../../platform/database.js';
import { ConnectionTransaction, executeAndCommit, executeDeferred, executeTogether } from '../../platform/postgres-driver.js';
import { queriesDuring } from '../support/queries.js';
import { createTestEnvironment, type TestEnvironment } from '../support/config.js';

interface Row {
  id: number;
  label: string;
}
const RowEntity = new EntitySchema<Row>({
  name: 'DriverRow',
  tableName: 'driver_row',
  properties: { id: { type: 'integer', primary: true, autoincrement: false }, label: { type: 'text' } },
});

/**
 * The context ORM's driver (platform/postgres-driver.ts): statements given as text go straight to
 * the pooled connection, and a transaction is a ConnectionTransaction instead of knex's. What an
 * ORM user can observe must not change: what commits and what rolls back (raw statements and the
 * unit of work alike), savepoints, errors, and the pool's connections coming back; and the round
 * trips it saves (a last write sent with the COMMIT). The pool has ONE connection, so a connection
 * that was not given back hangs the next test.
 */
describe('the context ORM driver', () => {
  let env: TestEnvironment;
  let orm: Orm;
  const em = () => orm.em.fork() as EntityManager;
  const labels = async () => (await em().execute<Row[]>('select id, label from driver_test.driver_row order by id')).map((r) => `${r.id}:${r.label}`);
  const backend = async (e: EntityManager) => (await e.execute<{ pid: number }[]>('select pg_backend_pid() as pid'))[0]!.pid;

  beforeAll(async () => {
    env = await createTestEnvironment();
    orm = await createContextOrm(env.config, { context: 'driver_test', entities: [RowEntity], migrations: [], poolMax: 1 }, env.log);
    await em().execute('create schema if not exists driver_test');
    await em().execute(
      `create table driver_test.driver_row (id int primary key, label text not null,
         constraint label_not_late check (label <> 'late') not deferrable)`,
    );
    await em().execute(
      `create table driver_test.driver_guard (id int primary key, row_id int not null references driver_test.driver_row (id) deferrable initially deferred)`,
    );
  });
  afterAll(async () => {
    await orm?.close();
    await env?.cleanup();
  });
  beforeEach(async () => {
    await em().execute('truncate driver_test.driver_guard, driver_test.driver_row');
  });

  it('commits raw statements and the unit of work together, on one connection', async () => {
    const pids = await em().transactional(async (tx) => {
      expect(tx.getTransactionContext()).toBeInstanceOf(ConnectionTransaction);
      const first = await backend(tx);
      await tx.execute('insert into driver_test.driver_row (id, label) values (?, ?)', [1, 'raw']);
      tx.persist(tx.create(RowEntity, { id: 2, label: 'entity' }));
      await tx.flush();
      // the query builder sees the raw statement's row: same transaction
      const seen = await tx.find(RowEntity, {}, { orderBy: { id: 'asc' } });
      expect(seen.map((r) => r.label)).toEqual(['raw', 'entity']);
      return [first, await backend(tx)];
    });
    expect(new Set(pids).size).toBe(1);
    expect(await labels()).toEqual(['1:raw', '2:entity']);
  });

  it('rolls everything back when the work fails, and gives the connection back', async () => {
    await expect(
      em().transactional(async (tx) => {
        await tx.execute('insert into driver_test.driver_row (id, label) values (?, ?)', [1, 'raw']);
        tx.persist(tx.create(RowEntity, { id: 2, label: 'entity' }));
        await tx.flush();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await labels()).toEqual([]);
  });

  it('rolls back a failed nested transaction to its savepoint only', async () => {
    await em().transactional(async (tx) => {
      await tx.execute('insert into driver_test.driver_row (id, label) values (?, ?)', [1, 'outer']);
      await expect(
        tx.transactional(async (inner) => {
          await inner.execute('insert into driver_test.driver_row (id, label) values (?, ?)', [2, 'inner']);
          await inner.execute('insert into driver_test.driver_row (id, label) values (?, ?)', [1, 'again']);
        }),
      ).rejects.toBeInstanceOf(UniqueConstraintViolationException);
      await tx.transactional(async (inner) => {
        await inner.execute('insert into driver_test.driver_row (id, label) values (?, ?)', [3, 'kept']);
      });
    });
    expect(await labels()).toEqual(['1:outer', '3:kept']);
  });

  it('reports a failing statement as MikroORM does: converted, with the driver code and the statement', async () => {
    await em().execute('insert into driver_test.driver_row (id, label) values (1, ?)', ['first']);
    const failure = await em()
      .execute('insert into driver_test.driver_row (id, label) values (?, ?)', [1, 'second'])
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(UniqueConstraintViolationException);
    expect(failure).toMatchObject({ code: '23505', constraint: 'driver_row_pkey' });
    expect((failure as Error).message).toContain("insert into driver_test.driver_row (id, label) values (1, 'second')");
    const inside = await em()
      .transactional((tx) => tx.execute("insert into driver_test.driver_row (id, label) values (2, 'late')"))
      .catch((err: unknown) => err);
    expect(inside).toMatchObject({ code: '23514', constraint: 'label_not_late' });
    expect(await labels()).toEqual(['1:first']);
  });

  it('fails a transaction whose COMMIT fails, writing nothing, and the connection serves the next one', async () => {
    const failure = await em()
      .transactional(async (tx) => {
        await tx.execute('insert into driver_test.driver_row (id, label) values (1, ?)', ['kept out']);
        await tx.execute('insert into driver_test.driver_guard (id, row_id) values (1, 99)'); // checked at COMMIT
      })
      .catch((err: unknown) => err);
    expect(failure).toMatchObject({ code: '23503' });
    expect(await labels()).toEqual([]);
    await em().transactional((tx) => tx.execute("insert into driver_test.driver_row (id, label) values (2, 'next')"));
    expect(await labels()).toEqual(['2:next']);
  });

  it('still runs a transaction with an isolation level (knex) to the same effect', async () => {
    await em().transactional(
      async (tx) => {
        await tx.execute("insert into driver_test.driver_row (id, label) values (1, 'serializable')");
        expect((await tx.execute<{ transaction_isolation: string }[]>('show transaction_isolation'))[0]!.transaction_isolation).toBe('serializable');
        expect(tx.getTransactionContext()).not.toBeInstanceOf(ConnectionTransaction);
      },
      { isolationLevel: IsolationLevel.SERIALIZABLE },
    );
    expect(await labels()).toEqual(['1:serializable']);
  });

  it('shapes results as MikroORM does for all, get and run', async () => {
    await em().execute("insert into driver_test.driver_row (id, label) values (1, 'a'), (2, 'b')");
    expect(await em().execute('select id from driver_test.driver_row order by id', [], 'all')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await em().execute('select id from driver_test.driver_row order by id', [], 'get')).toEqual({ id: 1 });
    expect(await em().execute("update driver_test.driver_row set label = 'c' returning id", [], 'run')).toMatchObject({ affectedRows: 2, rows: [{ id: 1 }, { id: 2 }] });
  });
  describe('a last statement with its COMMIT (executeAndCommit)', () => {
    it('commits with the statement in one message, and the later commit sends nothing', async () => {
      const insert = 'insert into driver_test.driver_row (id, label) values (?, ?) returning id';
      const plain = await queriesDuring(() => inTransaction(em(), (tx) => tx.execute(insert, [1, 'apart'])));
      const together = await queriesDuring(() =>
        inTransaction(em(), async (tx) => {
          expect(await executeAndCommit<{ id: number }>(tx, insert, [2, 'together'])).toEqual([{ id: 2 }]);
        }),
      );
      expect({ plain, together }).toEqual({ plain: 3, together: 2 }); // BEGIN, statement, COMMIT → BEGIN, statement;COMMIT
      expect(await labels()).toEqual(['1:apart', '2:together']);
    });

    it('commits nothing when the statement fails, converts the error, and the connection serves the next one', async () => {
      await em().execute("insert into driver_test.driver_row (id, label) values (1, 'first')");
      const failure = await inTransaction(em(), async (tx) => {
        await tx.execute("insert into driver_test.driver_row (id, label) values (2, 'written before')");
        await executeAndCommit(tx, 'insert into driver_test.driver_row (id, label) values (?, ?)', [1, 'again']);
      }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(UniqueConstraintViolationException);
      expect(await labels()).toEqual(['1:first']);
      const commitFailure = await inTransaction(em(), (tx) => executeAndCommit(tx, 'insert into driver_test.driver_guard (id, row_id) values (?, ?)', [1, 99])).catch((err: unknown) => err);
      expect(commitFailure).toMatchObject({ code: '23503' }); // the deferred key fails the COMMIT itself
      expect(await em().execute('select count(*)::int as n from driver_test.driver_guard')).toEqual([{ n: 0 }]);
      await inTransaction(em(), (tx) => executeAndCommit(tx, "insert into driver_test.driver_row (id, label) values (3, 'next')", []));
      expect(await labels()).toEqual(['1:first', '3:next']);
    });

    it('refuses any statement in the transaction after it', async () => {
      const failure = await inTransaction(em(), async (tx) => {
        await executeAndCommit(tx, "insert into driver_test.driver_row (id, label) values (1, 'last')", []);
        await tx.execute("insert into driver_test.driver_row (id, label) values (2, 'too late')");
      }).catch((err: unknown) => err);
      expect((failure as Error).message).toMatch(/transaction has ended/);
      expect(await labels()).toEqual(['1:last']);
    });

    it('runs as a plain statement inside a savepoint, and the outer transaction goes on', async () => {
      await inTransaction(em(), async (tx) => {
        await tx.transactional((inner) => executeAndCommit(inner, "insert into driver_test.driver_row (id, label) values (1, 'in the savepoint')", []));
        await tx.execute("insert into driver_test.driver_row (id, label) values (2, 'after it')");
      });
      expect(await labels()).toEqual(['1:in the savepoint', '2:after it']);
    });

    it('leaves the COMMIT apart when the unit of work holds an entity, which is flushed before it', async () => {
      const calls = await queriesDuring(() =>
        inTransaction(em(), async (tx) => {
          tx.persist(tx.create(RowEntity, { id: 1, label: 'entity' }));
          await executeAndCommit(tx, "insert into driver_test.driver_row (id, label) values (2, 'statement')", []);
        }),
      );
      expect(calls).toBe(4); // BEGIN, statement, the entity's insert, COMMIT
      expect(await labels()).toEqual(['1:entity', '2:statement']);
    });
  });
  describe('a write deferred to the next message (executeDeferred)', () => {
    const insert = 'insert into driver_test.driver_row (id, label) values (?, ?)';

    it('sends the last write with the COMMIT, in one message', async () => {
      const calls = await queriesDuring(() =>
        inTransaction(em(), async (tx) => {
          await tx.execute(insert, [1, 'first']);
          await executeDeferred(tx, insert, [2, 'deferred']);
        }),
      );
      expect(calls).toBe(3); // BEGIN, the first insert, the deferred insert;COMMIT
      expect(await labels()).toEqual(['1:first', '2:deferred']);
    });

    it('sends it before any later statement, so the transaction sees its own writes in order', async () => {
      const seen = await inTransaction(em(), async (tx) => {
        await executeDeferred(tx, insert, [1, 'deferred']);
        await executeDeferred(tx, insert, [2, 'deferred too']);
        const rows = await tx.find(RowEntity, {}, { orderBy: { id: 'asc' } });
        return rows.map((r) => r.label);
      });
      expect(seen).toEqual(['deferred', 'deferred too']);
      expect(await labels()).toEqual(['1:deferred', '2:deferred too']);
    });

    it("travels with the next statement given as text, which answers only its own result; when it fails, that statement does not run", async () => {
      const calls = await queriesDuring(() =>
        inTransaction(em(), async (tx) => {
          await executeDeferred(tx, insert, [1, 'deferred']);
          await executeDeferred(tx, insert, [2, 'deferred too']);
          expect(await tx.execute('select label from driver_test.driver_row order by id')).toEqual([{ label: 'deferred' }, { label: 'deferred too' }]);
        }),
      );
      expect(calls).toBe(3); // BEGIN, the two deferred inserts;the select, COMMIT
      const failure = await inTransaction(em(), async (tx) => {
        await executeDeferred(tx, insert, [1, 'again']);
        await tx.execute(insert, [3, 'never ran']);
      }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(UniqueConstraintViolationException);
      expect(await labels()).toEqual(['1:deferred', '2:deferred too']);
    });

    it('fails the commit when it fails, converted, with nothing committed, and the connection serves the next one', async () => {
      await em().execute("insert into driver_test.driver_row (id, label) values (1, 'first')");
      const failure = await inTransaction(em(), async (tx) => {
        await tx.execute("insert into driver_test.driver_row (id, label) values (2, 'written before')");
        await executeDeferred(tx, insert, [1, 'again']);
      }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(UniqueConstraintViolationException);
      expect((failure as Error).message).toContain("values (1, 'again')");
      expect(await labels()).toEqual(['1:first']);
      await inTransaction(em(), (tx) => executeDeferred(tx, insert, [3, 'next']));
      expect(await labels()).toEqual(['1:first', '3:next']);
    });

    it('drops it when the transaction rolls back, and keeps it past a savepoint released', async () => {
      await expect(
        inTransaction(em(), async (tx) => {
          await executeDeferred(tx, insert, [1, 'dropped']);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await inTransaction(em(), async (tx) => {
        await executeDeferred(tx, insert, [2, 'before the savepoint']);
        await expect(
          tx.transactional(async (inner) => {
            await executeDeferred(inner, insert, [3, 'rolled back to the savepoint']);
            throw new Error('inner failure');
          }),
        ).rejects.toThrow('inner failure');
        await tx.transactional((inner) => executeDeferred(inner, insert, [4, 'released']));
      });
      expect(await labels()).toEqual(['2:before the savepoint', '4:released']);
    });

    it('runs at once outside a transaction', async () => {
      await executeDeferred(em(), insert, [1, 'autocommit']);
      expect(await labels()).toEqual(['1:autocommit']);
    });
  });

  describe('statements read together (executeTogether)', () => {
    const insert = 'insert into driver_test.driver_row (id, label) values (?, ?)';
    const select = { sql: 'select id, label from driver_test.driver_row where id = ?', params: [1] };

    it('sends them in one message with what was deferred, each answering its own rows, the later seeing the earlier\'s work', async () => {
      let answers: Record<string, unknown>[][] = [];
      const calls = await queriesDuring(() =>
        inTransaction(em(), async (tx) => {
          await executeDeferred(tx, insert, [1, 'deferred']);
          answers = await executeTogether(tx, [
            { sql: "update driver_test.driver_row set label = 'updated' where id = ? returning id", params: [1] },
            { sql: 'select label from driver_test.driver_row order by id', params: [] },
            { sql: 'select count(*)::int as n from driver_test.driver_row where id = ?', params: [2] },
          ]);
        }),
      );
      expect(calls).toBe(3); // BEGIN, the deferred insert with the three statements, COMMIT
      expect(answers).toEqual([[{ id: 1 }], [{ label: 'updated' }], [{ n: 0 }]]);
      expect(await labels()).toEqual(['1:updated']);
    });

    it('fails with the first failing statement, converted and named, the rest not run and nothing committed', async () => {
      await em().execute(insert, [1, 'first']);
      const failure = await inTransaction(em(), async (tx) => {
        await executeTogether(tx, [{ sql: insert, params: [2, 'second'] }, { sql: insert, params: [1, 'again'] }, { sql: insert, params: [3, 'never ran'] }]);
      }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(UniqueConstraintViolationException);
      expect((failure as Error).message).toContain("values (1, 'again')");
      expect(await labels()).toEqual(['1:first']);
      await inTransaction(em(), (tx) => tx.execute(insert, [4, 'next']));
      expect(await labels()).toEqual(['1:first', '4:next']);
    });

    it('runs them one by one outside a transaction', async () => {
      await em().execute(insert, [1, 'autocommit']);
      expect(await executeTogether(em(), [select, { sql: 'select count(*)::int as n from driver_test.driver_row', params: [] }])).toEqual([[{ id: 1, label: 'autocommit' }], [{ n: 1 }]]);
    });
  });

  describe('a flush with nothing in the unit of work (ContextEntityManager)', () => {
    // MikroORM runs a flush inside an AsyncLocalStorage context (a promise hook for the rest of
    // the process on Node 20): an empty unit of work does not enter it, which shows as no flush
    // events; one holding entities flushes as before.
    let flushes = 0;
    beforeAll(() => {
      orm.em.getEventManager().registerSubscriber({ beforeFlush: () => void flushes++ });
    });

    it('commits statements of its own without a flush', async () => {
      const before = flushes;
      await inTransaction(em(), (tx) => tx.execute('insert into driver_test.driver_row (id, label) values (?, ?)', [1, 'raw']));
      await em().flush();
      expect(flushes).toBe(before);
      expect(await labels()).toEqual(['1:raw']);
    });

    it('still writes an entity persisted, and one loaded and changed in place', async () => {
      const before = flushes;
      await inTransaction(em(), async (tx) => {
        tx.persist(tx.create(RowEntity, { id: 1, label: 'new' }));
      });
      await inTransaction(em(), async (tx) => {
        const row = await tx.findOneOrFail(RowEntity, { id: 1 });
        row.label = 'changed';
      });
      expect(flushes).toBe(before + 2);
      expect(await labels()).toEqual(['1:changed']);
    });

    it('still removes an entity', async () => {
      await em().execute('insert into driver_test.driver_row (id, label) values (?, ?)', [1, 'doomed']);
      const fork = em();
      fork.remove(await fork.findOneOrFail(RowEntity, { id: 1 }));
      await fork.flush();
      expect(await labels()).toEqual([]);
    });
  });
});
