import pg from 'pg';
import { StatementPipeline } from './prepared-statements.js';

/**
 * BEGIN travels with the transaction's first statement: `pg.Client#query('BEGIN;')` (how knex,
 * and so MikroORM, opens every transaction) is answered at once and sent as `BEGIN;<first
 * statement>` in one simple-protocol message. One round trip less per transaction, on every
 * connection, for what a round trip costs here (docs/performance.md); Npgsql opens transactions
 * the same way. PostgreSQL runs the two as if sent apart: the transaction block outlives the
 * message, and an error in the statement leaves it aborted, to be rolled back as before (a syntax
 * error, which keeps BEGIN from running at all, is handled in afterFailedMerge).
 * A transaction ended before any statement (COMMIT or ROLLBACK right after BEGIN) sends nothing.
 * A message of prepared statements (prepared-statements.ts) takes BEGIN as its first statement.
 * When the first statement cannot share the message (other queries with parameters: pg's own
 * extended protocol), BEGIN is queued on the connection just before it.
 */

type QueryCallback = (err: Error | null, result?: unknown) => void;
type Query = (this: pg.Client, ...args: unknown[]) => unknown;

const pendingBegin = new WeakSet<pg.Client>();
let installed = false;

/** Whether `client` has a BEGIN waiting to travel with its next statement. */
export function hasPendingBegin(client: pg.Client): boolean {
  return pendingBegin.has(client);
}

/** Wraps `pg.Client.prototype.query` (once per process; installSqlCounter wraps outside it). */
export function installLazyBegin(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as Query;
  (pg.Client.prototype as unknown as { query: Query }).query = function lazyBeginQuery(this: pg.Client, ...args: unknown[]) {
    const text = simpleText(args);
    const callback = typeof args[args.length - 1] === 'function' ? (args[args.length - 1] as QueryCallback) : undefined;
    if (text !== null && /^\s*begin\s*;?\s*$/i.test(text) && !pendingBegin.has(this)) {
      pendingBegin.add(this);
      return answer(callback, { command: 'BEGIN', rowCount: null, rows: [], fields: [] });
    }
    if (!pendingBegin.delete(this)) return original.apply(this, args);
    // a message of prepared statements takes BEGIN as its first (prepared-statements.ts)
    if (args[0] instanceof StatementPipeline) return original.apply(this, [args[0].withBegin(), ...args.slice(1)]);

    const end = text === null ? null : /^\s*(commit|rollback)\s*;?\s*$/i.exec(text);
    if (end) return answer(callback, { command: end[1]!.toUpperCase(), rowCount: null, rows: [], fields: [] });
    if (text === null) return beginThen(this, original, args, callback);
    const merged = typeof args[0] === 'string' ? `BEGIN;${text}` : { ...(args[0] as object), text: `BEGIN;${text}` };
    const client = this;
    const answered = (original.call(client, merged) as Promise<unknown>).then(withoutBegin, (err: unknown) => afterFailedMerge(client, original, args, err));
    if (!callback) return answered;
    answered.then(
      (result) => callback(null, result),
      (err: Error) => callback(err),
    );
    return undefined;
  };
}

/**
 * PostgreSQL parses a whole message before running any of it: a syntax error in the statement
 * means BEGIN never ran either, and the connection is outside any transaction. Without one, the
 * caller's next statements would commit one by one; so BEGIN is sent on its own and the statement
 * again — as it would have been without lazy BEGIN: it fails again, nothing having run, and leaves
 * the transaction aborted, to be rolled back as usual. Any other error ran BEGIN and aborted the
 * transaction it opened, and is passed on as it is.
 * Which of the two happened: pg answers the error before the ReadyForQuery that tells the
 * transaction status, so a status of "in a transaction" is current but "idle" may be the previous
 * one. BEGIN then tells: in an aborted transaction it fails (changing nothing), and the caller gets
 * the statement's own error.
 */
async function afterFailedMerge(client: pg.Client, original: Query, args: unknown[], err: unknown): Promise<unknown> {
  if ((client as unknown as { _txStatus?: string })._txStatus !== 'I') throw err;
  const begun = await (original.call(client, 'BEGIN') as Promise<unknown>).then(
    () => true,
    () => false,
  );
  if (!begun) throw err;
  return original.apply(client, args.filter((arg) => typeof arg !== 'function'));
}

/**
 * BEGIN on its own, then the query as asked (once BEGIN has answered: pg deprecates queueing a
 * query behind another). A Submittable (a cursor) is returned at once, so it is queued behind it.
 */
function beginThen(client: pg.Client, original: Query, args: unknown[], callback: QueryCallback | undefined): unknown {
  const config = args[0] as { submit?: unknown } | null;
  if (config && typeof config === 'object' && typeof config.submit === 'function') {
    (original.call(client, 'BEGIN') as Promise<unknown>).catch(() => undefined); // its failure is the cursor's too
    return original.apply(client, args);
  }
  const begun = original.call(client, 'BEGIN') as Promise<unknown>;
  if (!callback) return begun.then(() => original.apply(client, args));
  begun.then(
    () => original.apply(client, args),
    (err: Error) => callback(err),
  );
  return undefined;
}

/** The text of a simple-protocol query (no parameters, not prepared, no Submittable, no callback in the config); else null. */
function simpleText(args: unknown[]): string | null {
  const [config, values] = args;
  if (typeof config === 'string') return Array.isArray(values) && values.length ? null : config;
  if (!config || typeof config !== 'object') return null;
  const query = config as { text?: unknown; values?: unknown[]; name?: unknown; submit?: unknown; queryMode?: unknown; callback?: unknown };
  // a callback inside the config is answered by pg itself: the query goes as asked, after BEGIN
  if (typeof query.text !== 'string' || typeof query.submit === 'function' || typeof query.callback === 'function' || query.name || query.queryMode) return null;
  if (query.values?.length || (Array.isArray(values) && values.length)) return null;
  return query.text;
}

/**
 * `BEGIN;<text>` answers with a result per statement: the caller gets what `<text>` alone would
 * have answered — one result, or one per statement when it held several.
 */
const withoutBegin = (result: unknown): unknown => {
  if (!Array.isArray(result)) return result;
  const own = result.slice(1);
  return own.length === 1 ? own[0] : own;
};

function answer(callback: QueryCallback | undefined, result: unknown): unknown {
  if (!callback) return Promise.resolve(result);
  process.nextTick(callback, null, result);
  return undefined;
}
