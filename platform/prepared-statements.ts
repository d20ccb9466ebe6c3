import { Utils, type Platform } from '@mikro-orm/core';
import type pg from 'pg';

/**
 * Server-side prepared statements for the statements the contexts send as text (combined
 * statements, plain-record reads, the kit's inbox and outbox: every hot path). PostgreSQL spends
 * about half of a statement's CPU parsing, analysing and planning it (docs/performance.md), and
 * with MikroORM's inlined values every statement is new text, so it did that every time. Here a
 * statement is prepared once per connection (`PREPARE s<n>_<what it does> AS …`, its values as `$1…$n`) and then
 * sent as `EXECUTE s<n>_…(<the values, inlined as before>)`: still one simple-protocol message, so it
 * keeps travelling with BEGIN, deferred writes and COMMIT (lazy-begin.ts, postgres-driver.ts), and
 * PostgreSQL parses only the EXECUTE and, after five runs, reuses a generic plan.
 *
 * A statement is prepared on a connection only after a probe has prepared it once on an idle
 * pooled connection: a statement whose parameter types PostgreSQL cannot infer (`select ? as n`,
 * a bare VALUES list) is refused there and keeps being sent as before, and preparing it can never
 * fail inside a caller's transaction. Calls whose values cannot be parameters as they are (lists
 * that `?` expands, raw SQL, identifiers, fractions, which a parameter inferred as integer would
 * round) are sent as before too. Prepared statements outlive transactions and rollbacks; they end
 * with their connection. Behind a pooler in transaction mode they must be off
 * (`DATABASE_PREPARED_STATEMENTS=false`).
 */
export class PreparedStatements {
  private readonly statements = new Map<string, Statement>();
  private readonly preparedOn = new WeakMap<pg.Client, Set<string>>();
  private count = 0;

  constructor(
    private readonly platform: Platform,
    private readonly pool: { acquire(): Promise<pg.Client>; release(connection: pg.Client): Promise<unknown> },
    private readonly onRefused: (sql: string, err: unknown) => void,
  ) {}

  /**
   * What to send on `connection` for `sql` with `params`: `EXECUTE` of the statement prepared on it
   * (preparing it there first, one message, when it is the connection's first time), or the
   * statement with its values inlined.
   */
  async text(connection: pg.Client, sql: string, params: readonly unknown[]): Promise<string> {
    const statement = params.length && parameterisable(params) ? this.statementFor(sql, params.length) : undefined;
    if (!statement || statement.state !== 'ready') return this.platform.formatQuery(sql, [...params]);
    let prepared = this.preparedOn.get(connection);
    if (!prepared?.has(statement.name)) {
      await connection.query(`PREPARE ${statement.name} AS ${statement.text}`);
      if (!prepared) this.preparedOn.set(connection, (prepared = new Set()));
      prepared.add(statement.name);
    }
    return `EXECUTE ${statement.name}(${params.map((value) => this.platform.quoteValue(value)).join(', ')})`;
  }

  /** Where `sql` stands: probed (being), prepared on the connections that ran it since, or refused; undefined when never seen. */
  state(sql: string): Statement['state'] | undefined {
    return this.statements.get(sql)?.state;
  }

  /** The statement for `sql`, probed in the background the first time it is seen. */
  private statementFor(sql: string, arity: number): Statement | undefined {
    const known = this.statements.get(sql);
    if (known) return known;
    if (this.statements.size >= MAX_STATEMENTS) return undefined;
    const text = numbered(sql, arity);
    const statement: Statement = { name: nameFor(++this.count, sql), text: text ?? '', state: text === null ? 'refused' : 'probing' };
    this.statements.set(sql, statement);
    if (text !== null) void this.probe(statement, sql);
    return statement;
  }

  private async probe(statement: Statement, sql: string): Promise<void> {
    let connection: pg.Client | undefined;
    try {
      connection = await this.pool.acquire();
      await connection.query(`PREPARE ${statement.name} AS ${statement.text}`);
      let prepared = this.preparedOn.get(connection);
      if (!prepared) this.preparedOn.set(connection, (prepared = new Set()));
      prepared.add(statement.name);
      statement.state = 'ready';
    } catch (err) {
      statement.state = 'refused';
      this.onRefused(sql, err);
    } finally {
      if (connection) await this.pool.release(connection).catch(() => undefined);
    }
  }
}

interface Statement {
  name: string;
  /** With `$1…$n` where `sql` has `?`. */
  text: string;
  state: 'probing' | 'ready' | 'refused';
}

/** Distinct statements prepared per process at most (each is prepared on every connection that runs it). */
const MAX_STATEMENTS = 500;

/**
 * `s<n>_` and what the statement does, for whoever reads pg_stat_activity or the server's log,
 * where a prepared statement shows as `EXECUTE <name>(…)`: each write (`ins_inbox_upd_checkout`),
 * or the table it reads (`sel_checkout`, `_lock` when it locks rows). At most 63 characters
 * (PostgreSQL's identifier length).
 */
export function nameFor(n: number, sql: string): string {
  const verbs: Record<string, string> = { insert: 'ins', update: 'upd', delete: 'del' };
  const parts: string[] = [];
  for (const match of sql.matchAll(/\b(insert\s+into|update|delete\s+from)\s+(?:"?\w+"?\.)?"?(\w+)"?/gi)) {
    const part = `${verbs[match[1]!.split(/\s/)[0]!.toLowerCase()]}_${match[2]!.toLowerCase()}`;
    if (!parts.includes(part)) parts.push(part);
  }
  if (!parts.length) {
    const read = /\bfrom\s+(?:"?\w+"?\.)?"?(\w+)"?/i.exec(sql);
    if (read) parts.push(`sel_${read[1]!.toLowerCase()}${/\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i.test(sql) ? '_lock' : ''}`);
  }
  return `s${n}${parts.length ? `_${parts.join('_')}` : ''}`.slice(0, 63).replace(/_+$/, '');
}

/**
 * `sql` with its `?` placeholders numbered `$1…$n` (as Platform.formatQuery reads them), or null
 * when it has identifier placeholders (`??`), escaped ones (`\?`) or not `arity` of them.
 */
export function numbered(sql: string, arity: number): string | null {
  if (sql.includes('??') || sql.includes('\\?')) return null;
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  return n === arity ? text : null;
}

/** Values a parameter receives unchanged: no list (which `?` expands), raw SQL or fraction. */
function parameterisable(params: readonly unknown[]): boolean {
  for (const value of params) {
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date) continue;
    if (typeof value === 'number' && Number.isInteger(value)) continue;
    if (Utils.isPlainObject(value) && !Utils.isRawSql(value)) continue;
    return false;
  }
  return true;
}
