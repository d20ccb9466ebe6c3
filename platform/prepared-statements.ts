import pg from 'pg';
import { Utils, JsonProperty } from '@mikro-orm/core';
import type { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/**
 * Statements given as text (`em.execute(sql, params)`: every hot path) sent as PREPARED statements
 * over PostgreSQL's extended protocol, several in one message: Parse once per connection, then
 * Bind/Describe/Execute for each statement of the message and ONE Sync. PostgreSQL then parses,
 * analyses and plans a statement once per connection instead of at every call (a third of its
 * work per statement with the values inlined: docs/performance.md), and a message keeps what the
 * text merging of the driver gave — BEGIN with the first statement, deferred writes with the next,
 * the last write with its COMMIT: one round trip, and after an error PostgreSQL skips the rest of
 * the message up to the Sync, as it skips the rest of a multi-statement text.
 *
 * A statement goes prepared only once PostgreSQL has said it can prepare it: the first time a
 * process meets a statement (its text and its parameters' types) it is sent with its values inlined,
 * as before, and a separate connection asks the server to Parse it (`StatementProbe`). A statement
 * the server cannot prepare (a parameter whose type nothing in it decides, `? is null`; a text
 * holding several statements) keeps going inlined. Values are typed as their inlined literals would
 * be: integers int4 or int8, fractions numeric, booleans bool, everything else unknown (as a quoted
 * literal is), so PostgreSQL reads a statement the same way in both forms.
 */

/** One statement as MikroORM takes it: `?` for a value, `??` for an identifier. */
export interface SqlText {
  readonly sql: string;
  readonly params: readonly unknown[];
  /**
   * A text built for this one call, whose shape depends on what it carries (a batch's statement
   * for N orders): it goes inlined, neither probed nor named — it would hardly repeat, and would
   * only fill the probe's verdicts and the connection's named statements.
   */
  readonly oneOff?: boolean;
}

/** A statement in the extended protocol's terms: `$n` placeholders, values as text, their types. */
export interface PreparedForm {
  readonly text: string;
  readonly values: (string | null)[];
  readonly types: number[];
  /** Text and types: what a prepared statement is known by. */
  readonly key: string;
}

const INT4 = 23;
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const UNKNOWN = 0;
const INT4_MAX = 2_147_483_647;

/** Statements one connection keeps prepared; beyond that, the rest go unnamed (parsed each time). */
const NAMED_PER_CONNECTION = 400;

/**
 * `sql` with `params` as the extended protocol takes them, or null when a value has no plain text
 * form (a raw fragment, a buffer, a nested list): such a statement keeps going inlined. Follows
 * MikroORM's Platform.formatQuery placeholder for placeholder (`\?` a question mark, `??` an
 * identifier, a list one value per element), so both forms are the same statement.
 */
export function preparedForm(platform: PostgreSqlPlatform, sql: string, params: readonly unknown[]): PreparedForm | null {
  const values: (string | null)[] = [];
  const types: number[] = [];
  let failed = false;
  const placeholder = (value: unknown): string => {
    if (Array.isArray(value)) return value.map((element) => (Array.isArray(element) ? ((failed = true), '') : placeholder(element))).join(', ');
    const typed = typedValue(platform, value);
    if (!typed) {
      failed = true;
      return '';
    }
    values.push(typed[0]);
    types.push(typed[1]);
    return `$${values.length}`;
  };
  let text = sql;
  if (params.length > 0) {
    // MikroORM's formatQuery, with `placeholder` where it quotes a value
    let j = 0;
    let pos = 0;
    text = '';
    if (sql[0] === '?') {
      if (sql[1] === '?') {
        text += platform.quoteIdentifier(params[j++] as string);
        pos = 2;
      } else {
        text += placeholder(params[j++]);
        pos = 1;
      }
    }
    while (pos < sql.length) {
      const idx = sql.indexOf('?', pos + 1);
      if (idx === -1) {
        text += sql.substring(pos, sql.length);
        break;
      }
      if (sql.substring(idx - 1, idx + 1) === '\\?') {
        text += sql.substring(pos, idx - 1) + '?';
        pos = idx + 1;
      } else if (sql.substring(idx, idx + 2) === '??') {
        text += sql.substring(pos, idx) + platform.quoteIdentifier(params[j++] as string);
        pos = idx + 2;
      } else {
        text += sql.substring(pos, idx) + placeholder(params[j++]);
        pos = idx + 1;
      }
    }
  }
  if (failed) return null;
  return { text, values, types, key: `${types.join(',')}|${text}` };
}

/** A value's text and type as its inlined literal would read; null when it has no such form here. */
function typedValue(platform: PostgreSqlPlatform, value: unknown): [string | null, number] | null {
  if (value === null || value === undefined) return [null, UNKNOWN];
  switch (typeof value) {
    case 'string':
      return [value, UNKNOWN];
    case 'boolean':
      return [value ? 'true' : 'false', BOOL];
    case 'number':
      if (!Number.isFinite(value)) return null;
      if (Number.isInteger(value)) return [String(value), Math.abs(value) <= INT4_MAX ? INT4 : Number.isSafeInteger(value) ? INT8 : NUMERIC];
      return [String(value), NUMERIC];
    case 'bigint':
      return [value.toString(), value >= -(2n ** 63n) && value < 2n ** 63n ? INT8 : NUMERIC];
    case 'object':
      if (value instanceof Date) return [(platform as unknown as { formatDate(date: Date): string }).formatDate(value), UNKNOWN];
      if (platform.isRaw(value)) return null;
      if (Utils.isPlainObject(value) || (value as Record<symbol, unknown>)[JsonProperty]) return [JSON.stringify(value), UNKNOWN];
      return null;
    default:
      return null;
  }
}

/** What one message sends: prepared statements, or a text (BEGIN, COMMIT, a savepoint) parsed unnamed. */
export type PipelineStatement = PreparedForm | string;

interface PreparedNames {
  readonly byKey: Map<string, string>;
  next: number;
}

/** Per connection: the statements it has prepared, by key. */
const preparedOn = new WeakMap<object, PreparedNames>();

type Callback = (err: Error | null, results?: pg.QueryResult[]) => void;

/**
 * One message of several statements for `pg.Client#query` (a Submittable): each statement
 * Parsed (once per connection for a prepared one), Bound, Described and Executed, then one Sync.
 * Answers with one result per statement, or with the first error — PostgreSQL skips everything
 * after it up to the Sync.
 */
export class StatementPipeline {
  callback?: Callback;
  /** pg fills `_types` (the client's type parsers) into a query's `_result`. */
  readonly _result: { _types?: unknown } = {};
  private statements: PipelineStatement[];
  private results: pg.QueryResult[] = [];
  private current: pg.QueryResult | null = null;
  /** Statements first prepared by this message: not known to exist if it fails. */
  private fresh: string[] = [];
  private names: PreparedNames | null = null;
  private failed = false;
  private begun = false;

  constructor(statements: readonly PipelineStatement[]) {
    this.statements = [...statements];
  }

  /** PostgreSQL refused a prepared statement's plan: the columns it answers changed (a migration). */
  static outdatedPlan(err: unknown): boolean {
    return (err as { code?: unknown })?.code === '0A000' && /cached plan must not change result type/.test(String((err as Error).message));
  }

  /** The statements' texts, in order (what the SQL counter counts). */
  get texts(): string[] {
    return this.statements.map((statement) => (typeof statement === 'string' ? statement : statement.text));
  }

  /** The statements as their inlined forms would read (for logs and tests). */
  get readableTexts(): string[] {
    return this.statements.map((statement) => (typeof statement === 'string' ? statement : readable(statement)));
  }

  /** BEGIN first, its result left out of the answer (lazy-begin.ts). */
  withBegin(): this {
    this.statements.unshift('BEGIN');
    this.begun = true;
    return this;
  }

  /** Runs on `client`; the results, one per statement. */
  run(client: pg.Client): Promise<pg.QueryResult[]> {
    return new Promise((resolve, reject) => {
      this.callback = (err, results) => (err ? reject(err) : resolve(results!));
      void client.query(this as unknown as pg.QueryConfig);
    });
  }

  submit(connection: PgConnection): Error | null {
    let names = preparedOn.get(connection);
    if (!names) preparedOn.set(connection, (names = { byKey: new Map(), next: 0 }));
    this.names = names;
    connection.stream.cork?.();
    try {
      for (const statement of this.statements) {
        let name = '';
        if (typeof statement === 'string') {
          connection.parse({ name: '', text: statement, types: [] });
        } else {
          name = names.byKey.get(statement.key) ?? '';
          if (!name) {
            if (names.byKey.size < NAMED_PER_CONNECTION) {
              name = `cs${++names.next}`;
              names.byKey.set(statement.key, name);
              this.fresh.push(statement.key);
            }
            connection.parse({ name, text: statement.text, types: statement.types });
          }
        }
        connection.bind({ portal: '', statement: name, values: typeof statement === 'string' ? [] : statement.values });
        connection.describe({ type: 'P', name: '' });
        connection.execute({ portal: '', rows: 0 });
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(msg: { fields: unknown[] }): void {
    this.result().addFields(msg.fields);
  }

  handleDataRow(msg: { fields: unknown[] }): void {
    const result = this.result();
    result.addRow(result.parseRow(msg.fields));
  }

  handleCommandComplete(msg: unknown): void {
    this.result().addCommandComplete(msg);
    this.next();
  }

  handleEmptyQuery(): void {
    this.result();
    this.next();
  }

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: PgConnection): void {
    connection.sendCopyFail('COPY is not supported in a statement pipeline');
  }

  handleCopyData(): void {}

  handleError(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    // whether a Parse this message sent got through is unknown: its name is not used again
    for (const key of this.fresh) this.names?.byKey.delete(key);
    // a table's columns changed under a prepared `select *` or `returning *` (a migration of a
    // later release): this message fails, and the connection prepares its statements afresh
    if (StatementPipeline.outdatedPlan(err)) this.names?.byKey.clear();
    this.callback?.(err);
  }

  handleReadyForQuery(): void {
    if (this.failed) return;
    this.callback?.(null, this.begun ? this.results.slice(1) : this.results);
  }

  private result(): ResultInternals {
    this.current ??= new (pg as unknown as { Result: new (rowMode: undefined, types: unknown) => pg.QueryResult }).Result(undefined, this._result._types);
    return this.current as unknown as ResultInternals;
  }

  private next(): void {
    this.results.push(this.current!);
    this.current = null;
  }
}

interface ResultInternals {
  addFields(fields: unknown[]): void;
  parseRow(fields: unknown[]): unknown;
  addRow(row: unknown): void;
  addCommandComplete(msg: unknown): void;
}

/** `statement` with its values in the text, as the inlined form reads: numbers and booleans bare, the rest quoted. */
export function readable(statement: PreparedForm): string {
  return statement.text.replace(/\$(\d+)/g, (placeholder, n: string) => {
    const i = Number(n) - 1;
    if (i >= statement.values.length) return placeholder;
    const value = statement.values[i]!;
    if (value === null) return 'NULL';
    return statement.types[i] === UNKNOWN ? pg.escapeLiteral(value) : value;
  });
}

/** What of pg's Connection a pipeline uses. */
interface PgConnection {
  stream: { cork?: () => void; uncork?: () => void };
  parse(query: { name: string; text: string; types: number[] }): void;
  bind(config: { portal: string; statement: string; values: (string | null)[] }): void;
  describe(msg: { type: 'P' | 'S'; name: string }): void;
  execute(config: { portal: string; rows: number }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

/** Parse only (no Bind, no Execute): whether the server can prepare a statement. */
class ParseOnly {
  callback?: (err: Error | null) => void;
  readonly _result = {};
  private failed = false;

  constructor(private readonly statement: PreparedForm) {}

  submit(connection: PgConnection): null {
    connection.parse({ name: '', text: this.statement.text, types: this.statement.types });
    connection.sync();
    return null;
  }

  handleError(err: Error): void {
    this.failed = true;
    this.callback?.(err);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.callback?.(null);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}
}

type Verdict = 'probing' | 'prepared' | 'inlined';

/**
 * Which statements this process sends prepared. A statement met for the first time is asked
 * about on a connection of its own (opened when there is something to ask, closed when idle):
 * until the server has answered it goes inlined, and for good when the server cannot prepare it.
 */
export class StatementProbe {
  private readonly verdicts = new Map<string, Verdict>();
  private readonly queue: PreparedForm[] = [];
  private client: pg.Client | null = null;
  private draining: Promise<void> | null = null;
  private idle: NodeJS.Timeout | null = null;

  /** A probe's message: a Parse that runs nothing (the SQL counter leaves it out). */
  static isProbe(query: unknown): boolean {
    return query instanceof ParseOnly;
  }

  constructor(
    private readonly connectionConfig: pg.ClientConfig,
    private readonly onInlined: (statement: PreparedForm, err: Error) => void = () => undefined,
  ) {}

  /** Whether `statement` may go prepared now; asks the server about one it has not met. */
  prepared(statement: PreparedForm): boolean {
    const verdict = this.verdicts.get(statement.key);
    if (verdict) return verdict === 'prepared';
    if (this.verdicts.size >= 10_000) return false; // texts that never repeat (values in them): stop asking
    this.verdicts.set(statement.key, 'probing');
    this.queue.push(statement);
    this.draining ??= this.drain().finally(() => (this.draining = null));
    return false;
  }

  /** Once every statement met so far has its verdict. */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Closes the probing connection; the verdicts stay. */
  async close(): Promise<void> {
    // what was still to be asked is asked when next met
    for (const statement of this.queue.splice(0)) this.verdicts.delete(statement.key);
    if (this.idle) clearTimeout(this.idle);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async drain(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    try {
      while (this.queue.length > 0) {
        const statement = this.queue.shift()!;
        try {
          const client = await this.connected();
          await new Promise<void>((resolve, reject) => {
            const probe = new ParseOnly(statement);
            probe.callback = (err) => (err ? reject(err) : resolve());
            void client.query(probe as unknown as pg.QueryConfig);
          });
          this.verdicts.set(statement.key, 'prepared');
        } catch (err) {
          if (isServerAnswer(err)) {
            this.verdicts.set(statement.key, 'inlined');
            this.onInlined(statement, err as Error);
          } else {
            // no answer (the connection failed): ask again when the statement is next met
            this.verdicts.delete(statement.key);
            await this.close();
          }
        }
      }
    } finally {
      this.idle = setTimeout(() => void this.close(), 2_000);
      this.idle.unref();
    }
  }

  private async connected(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client(this.connectionConfig);
    client.on('error', () => undefined); // a dropped idle probe connection: the next probe opens another
    await client.connect();
    this.client = client;
    return client;
  }
}

/** An error the server sent (it has a SQLSTATE), not a lost connection. */
const isServerAnswer = (err: unknown): boolean => typeof (err as { code?: unknown })?.code === 'string' && /^[0-9A-Z]{5}$/.test((err as { code: string }).code);
