import pg from 'pg';
import { installLazyBegin } from './lazy-begin.js';
import { StatementPipeline, StatementProbe } from './prepared-statements.js';

/**
 * Counts the SQL this process sends, at the one place every statement passes: `pg.Client#query`.
 * MikroORM (through knex), the outbox relay, LISTEN/NOTIFY clients and pg.Pool's clients all end
 * up there, so wrapping it once counts them all without touching any of them (docs/performance.md,
 * "SQL per order"). Counted when sent, in the order the client sends them, which is what keeps
 * the per-connection transaction state right even when queries are queued on one connection.
 *
 * A transaction is what PostgreSQL counts as one (pg_stat_database.xact_commit + xact_rollback):
 * - `commit` / `rollback`: an explicit BEGIN … COMMIT / ROLLBACK (savepoints are not transactions);
 * - `autocommit`: a statement sent outside BEGIN … — PostgreSQL runs it as a transaction of its own.
 * A COMMIT of a failed transaction (PostgreSQL rolls back) and a failing autocommit statement are
 * counted as sent, not as they ended: the counter sees text, not results.
 */
export interface SqlCounts {
  /** Every `query` call: statements including BEGIN, COMMIT, ROLLBACK and SAVEPOINTs. */
  statements: number;
  commits: number;
  rollbacks: number;
  autocommits: number;
  /**
   * Round trips: the simple-protocol Query messages and extended-protocol Syncs the connections
   * sent, each answered by one ReadyForQuery — what a statement merged into another's message, a
   * BEGIN sent with the first statement and a write deferred to the COMMIT save. Absent from the
   * counts of a process that does not report them (a build from before they were counted).
   */
  roundTrips?: number;
}

type Kind = 'begin' | 'commit' | 'rollback' | 'other';

const counts: Required<SqlCounts> = { statements: 0, commits: 0, rollbacks: 0, autocommits: 0, roundTrips: 0 };
/** Connections inside BEGIN … (by the statements sent on them so far). */
const inTransaction = new WeakSet<object>();
let installed = false;

/** Wraps `pg.Client.prototype.query` (once per process; later calls do nothing). */
export function installSqlCounter(): void {
  if (installed) return;
  installed = true;
  // inside this wrapper, so what is counted is what the code asked for: a BEGIN is a statement
  // even when it travels with the next one
  installLazyBegin();
  const original = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  // `query` is overloaded (text, config object, Submittable; promise or callback): pass everything on untouched.
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    const config = args[0];
    // a message of prepared statements: each statement; a probe's Parse runs nothing
    if (config instanceof StatementPipeline) for (const text of config.texts) count(this, text);
    else if (!StatementProbe.isProbe(config)) count(this, statementText(config));
    return original.apply(this, args);
  };
  // where a message leaves, whatever the wrappers above did with the call (lazy BEGIN answers some
  // calls without one, and merges others)
  const connection = pg.Connection.prototype as unknown as Record<'query' | 'sync', (...args: unknown[]) => unknown>;
  for (const method of ['query', 'sync'] as const) {
    const send = connection[method]!;
    connection[method] = function countedRoundTrip(this: unknown, ...args: unknown[]) {
      counts.roundTrips++;
      return send.apply(this, args);
    };
  }
}

/**
 * Statements that travelled inside another's message beyond what the counter sees in its text: a
 * transaction's deferred writes (postgres-driver.ts, ConnectionTransaction.defer) go with its next
 * message, which the counter would otherwise count as one statement (two when it ends with COMMIT).
 * The transaction knows how many it merged; it says so here.
 */
export function countStatementsSentAlong(statements: number): void {
  if (installed && statements > 0) counts.statements += statements;
}

/** What has been counted since the process started (a copy). */
export function sqlCounts(): Required<SqlCounts> {
  return { ...counts };
}

function count(client: object, text: string): void {
  counts.statements++;
  const kind = classify(text);
  if (kind === 'begin') {
    inTransaction.add(client);
  } else if (kind === 'commit' || kind === 'rollback') {
    if (inTransaction.delete(client)) counts[kind === 'commit' ? 'commits' : 'rollbacks']++;
  } else if (!inTransaction.has(client)) {
    counts.autocommits++;
  } else if (ENDS_WITH_COMMIT.test(text)) {
    // a transaction's last statement with its COMMIT in one message (executeAndCommit): two statements
    counts.statements++;
    inTransaction.delete(client);
    counts.commits++;
  }
}

const ENDS_WITH_COMMIT = /;\s*commit\s*;?\s*$/i;

function statementText(config: unknown): string {
  if (typeof config === 'string') return config;
  const text = (config as { text?: unknown } | null | undefined)?.text;
  return typeof text === 'string' ? text : '';
}

/** BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT; `ROLLBACK TO SAVEPOINT` ends no transaction. */
export function classify(text: string): Kind {
  const head = /^\s*([a-z]+)(?:\s+([a-z]+))?/i.exec(text);
  const first = head?.[1]?.toLowerCase();
  const second = head?.[2]?.toLowerCase();
  if (first === 'begin' || (first === 'start' && second === 'transaction')) return 'begin';
  if (first === 'commit' || first === 'end') return second === 'prepared' ? 'other' : 'commit';
  if (first === 'rollback' || first === 'abort') return second === 'to' || second === 'prepared' ? 'other' : 'rollback';
  return 'other';
}
