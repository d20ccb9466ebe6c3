import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installLazyBegin } from '../../platform/lazy-begin.js';
import { createTestEnvironment, type TestEnvironment } from '../support/config.js';

/**
 * BEGIN travels with a transaction's first statement (platform/lazy-begin.ts): what the
 * connection sends, and that transactions behave exactly as before.
 */
describe('lazy BEGIN', () => {
  let env: TestEnvironment;
  let client: pg.Client;
  /** The text of every simple-protocol query message ('Q') the client wrote, in order. */
  const sent: string[] = [];
  /** How many extended-protocol queries ('P' parse messages) it wrote. */
  let parsed = 0;

  beforeAll(async () => {
    installLazyBegin(); // as createContextOrm and the SQL counter do
    env = await createTestEnvironment();
    client = new pg.Client({ connectionString: env.databaseUrl });
    await client.connect();
    await client.query('create table lazy_begin_row (id int primary key)');
    const stream = (client as unknown as { connection: { stream: { write: (chunk: Buffer, ...rest: unknown[]) => boolean } } }).connection.stream;
    const write = stream.write.bind(stream);
    stream.write = (chunk: Buffer, ...rest: unknown[]) => {
      for (let at = 0; at < chunk.length; ) {
        const type = String.fromCharCode(chunk[at]!);
        const length = chunk.readInt32BE(at + 1);
        if (type === 'Q') sent.push(chunk.toString('utf8', at + 5, at + length)); // the text, without its NUL
        if (type === 'P') parsed++;
        at += 1 + length;
      }
      return write(chunk, ...rest);
    };
  });
  afterAll(async () => {
    await client?.end();
    await env?.cleanup();
  });

  const rows = async () => (await client.query<{ id: number }>('select id from lazy_begin_row order by id')).rows.map((r) => r.id);
  const clear = () => {
    sent.length = 0;
    parsed = 0;
  };

  it('sends BEGIN in one message with the first statement, which answers as if sent alone', async () => {
    await client.query('delete from lazy_begin_row');
    clear();
    expect((await client.query('BEGIN;')).command).toBe('BEGIN');
    const inserted = await client.query({ text: 'insert into lazy_begin_row (id) values (1), (2) returning id', values: [] });
    expect(inserted).toMatchObject({ command: 'INSERT', rowCount: 2, rows: [{ id: 1 }, { id: 2 }] });
    await client.query('insert into lazy_begin_row (id) values (3)');
    await client.query('COMMIT;');
    expect(sent).toEqual(['BEGIN;insert into lazy_begin_row (id) values (1), (2) returning id', 'insert into lazy_begin_row (id) values (3)', 'COMMIT;']);
    expect(await rows()).toEqual([1, 2, 3]);
  });

  it('answers a first text of several statements with a result for each, as if sent alone', async () => {
    clear();
    await client.query('BEGIN');
    const results = (await client.query('insert into lazy_begin_row (id) values (9); select count(*)::int as n from lazy_begin_row')) as unknown as pg.QueryResult[];
    await client.query('ROLLBACK');
    expect(sent).toEqual(['BEGIN;insert into lazy_begin_row (id) values (9); select count(*)::int as n from lazy_begin_row', 'ROLLBACK']);
    expect(results.map((r) => r.command)).toEqual(['INSERT', 'SELECT']);
    expect(results[1]!.rows).toEqual([{ n: 4 }]);
    expect(await rows()).toEqual([1, 2, 3]);
  });

  it('keeps the transaction: a failing first statement aborts it and ROLLBACK undoes it', async () => {
    await client.query('BEGIN');
    await expect(client.query('insert into lazy_begin_row (id) values (4), (1)')).rejects.toThrow(/duplicate key/);
    await expect(client.query('insert into lazy_begin_row (id) values (5)')).rejects.toThrow(/current transaction is aborted/);
    await client.query('ROLLBACK');
    expect(await rows()).toEqual([1, 2, 3]);
  });

  it('a syntax error in the first statement still leaves a transaction, aborted, as without lazy BEGIN', async () => {
    await client.query('BEGIN');
    await expect(client.query('selec 1')).rejects.toThrow(/syntax error/);
    await expect(client.query('insert into lazy_begin_row (id) values (10)')).rejects.toThrow(/current transaction is aborted/);
    await client.query('ROLLBACK');
    expect(await rows()).toEqual([1, 2, 3]);

    const failed = await new Promise<Error | null>((resolve) => client.query('BEGIN', () => client.query('selec 2', (err: Error | null) => resolve(err))));
    expect(failed?.message).toMatch(/syntax error/);
    await expect(client.query('insert into lazy_begin_row (id) values (11)')).rejects.toThrow(/current transaction is aborted/);
    await client.query('ROLLBACK');
    expect(await rows()).toEqual([1, 2, 3]);
  });

  it('passes a failing first statement its own error when the transaction status read is the previous one', async () => {
    // pg answers an error before the ReadyForQuery that carries the new status: pin it to "idle"
    Object.defineProperty(client, '_txStatus', { configurable: true, get: () => 'I', set: () => undefined });
    try {
      await client.query('BEGIN');
      await expect(client.query('insert into lazy_begin_row (id) values (12), (1)')).rejects.toThrow(/duplicate key/);
      await expect(client.query('insert into lazy_begin_row (id) values (13)')).rejects.toThrow(/current transaction is aborted/);
      await client.query('ROLLBACK');
    } finally {
      delete (client as unknown as { _txStatus?: string })._txStatus;
    }
    expect(await rows()).toEqual([1, 2, 3]);
  });

  it('sends BEGIN on its own before a first statement with parameters, and the transaction still holds it', async () => {
    clear();
    await client.query('BEGIN');
    await client.query('insert into lazy_begin_row (id) values ($1)', [6]);
    await client.query('ROLLBACK');
    expect(sent).toEqual(['BEGIN', 'ROLLBACK']);
    expect(parsed).toBe(1);
    expect(await rows()).toEqual([1, 2, 3]);
  });

  it('sends nothing for a transaction ended before its first statement', async () => {
    clear();
    await client.query('BEGIN;');
    expect((await client.query('COMMIT;')).command).toBe('COMMIT');
    await client.query('begin');
    await client.query('rollback');
    expect(sent).toEqual([]);
    // and the connection is outside a transaction: this insert stays after a ROLLBACK of nothing
    await client.query('insert into lazy_begin_row (id) values (7)');
    expect(await rows()).toEqual([1, 2, 3, 7]);
  });

  it('answers callback-style calls too', async () => {
    const begun = await new Promise<pg.QueryResult>((resolve, reject) => client.query('BEGIN;', (err: Error | null, result: pg.QueryResult) => (err ? reject(err) : resolve(result))));
    expect(begun.command).toBe('BEGIN');
    const deleted = await new Promise<pg.QueryResult>((resolve, reject) =>
      client.query({ text: 'delete from lazy_begin_row where id = 7', values: [] }, (err: Error | null, result: pg.QueryResult) => (err ? reject(err) : resolve(result))),
    );
    expect(deleted).toMatchObject({ command: 'DELETE', rowCount: 1 });
    await client.query('COMMIT;');
    expect(await rows()).toEqual([1, 2, 3]);

    await client.query('BEGIN');
    const inserted = await new Promise<pg.QueryResult>((resolve, reject) =>
      client.query('insert into lazy_begin_row (id) values ($1) returning id', [8], (err: Error | null, result: pg.QueryResult) => (err ? reject(err) : resolve(result))),
    );
    expect(inserted.rows).toEqual([{ id: 8 }]);
    await client.query('ROLLBACK');
    expect(await rows()).toEqual([1, 2, 3]);
  });
});
