import { PostgreSqlConnection, PostgreSqlPlatform, type EntityManager } from '@mikro-orm/postgresql';
import { AbstractSqlDriver, type Knex } from '@mikro-orm/knex';
import { EventType, type AnyEntity, type Configuration, type EntityData, type LoggingOptions, type QueryResult, type Transaction } from '@mikro-orm/core';
import type pg from 'pg';
import { countStatementsSentAlong } from './sql-counter.js';
import { holdsNoEntities } from './entity-manager.js';
import { hasPendingBegin } from './lazy-begin.js';
import { preparedForm, StatementPipeline, StatementProbe, type PipelineStatement, type PreparedForm, type SqlText } from './prepared-statements.js';

type Method = 'all' | 'get' | 'run';
type BeginOptions = NonNullable<Parameters<PostgreSqlConnection['begin']>[0]>;

/**
 * MikroORM's PostgreSQL connection, except that a statement given as text (`em.execute(sql,
 * params)`, which is how every hot path writes: combined statements, plain-record reads, the
 * kit's inbox) goes straight to the pooled pg connection instead of through a knex raw query and
 * its runner. The text and values are formatted exactly as before (MikroORM inlines the values,
 * so it stays one simple-protocol message), the result is shaped the same, errors carry the
 * statement in their message as knex's do and are converted by the driver as before; inside a
 * transaction it runs on the transaction's own connection. What it saves is knex's per-query
 * machinery: about a tenth of a millisecond of CPU per statement here, on ~120 statements per
 * order (docs/performance.md). Query builders and the unit of work still go through knex. And a
 * top-level transaction is a ConnectionTransaction (below) instead of a knex transaction.
 */
export class DirectPostgreSqlConnection extends PostgreSqlConnection {
  /** A write deferred to the COMMIT (ConnectionTransaction.defer) fails there: its error is converted as a statement's would be. */
  override async commit(ctx: Knex.Transaction, eventBroadcaster?: Parameters<PostgreSqlConnection['commit']>[1], loggerContext?: LoggingOptions): Promise<void> {
    try {
      await super.commit(ctx, eventBroadcaster, loggerContext);
    } catch (err) {
      throw (ctx as unknown) instanceof ConnectionTransaction && err instanceof Error ? this.platform.getExceptionConverter().convertException(err) : err;
    }
  }

  /**
   * A top-level transaction is a ConnectionTransaction; one with an isolation level or read-only
   * is knex's, as before, and so is one nested in it. Nested in a ConnectionTransaction, MikroORM's
   * own begin asks it for a savepoint.
   */
  override async begin(options: BeginOptions = {}): Promise<Knex.Transaction> {
    if (options.ctx || options.isolationLevel || options.readOnly) return super.begin(options);
    await options.eventBroadcaster?.dispatchEvent(EventType.beforeTransactionStart);
    const trx = (await ConnectionTransaction.begin(this.getKnex().client as KnexClient, this.statementForms())) as unknown as Knex.Transaction;
    for (const query of this.platform.getBeginTransactionSQL(options)) this.logQuery(query, options.loggerContext);
    await options.eventBroadcaster?.dispatchEvent(EventType.afterTransactionStart, trx);
    return trx;
  }

  override async execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    queryOrKnex: string | Knex.QueryBuilder | Knex.Raw,
    params: readonly unknown[] = [],
    method: Method = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    if (typeof queryOrKnex !== 'string') return super.execute<T>(queryOrKnex, params as unknown[], method, ctx, loggerContext);
    await this.ensureConnection();
    const statement: SqlText = { sql: this.config.get('onQuery')(queryOrKnex, params as unknown[]), params };
    const forms = this.statementForms();
    // what MikroORM's own execute logs (its getSql is private)
    const logged = this.config.getLogger().isEnabled('query-params', loggerContext) ? forms.inline(statement) : statement.sql;
    return this.executeQuery<T>(
      logged,
      async () => {
        try {
          // the transaction's deferred writes travel in this statement's message
          if ((ctx as unknown) instanceof ConnectionTransaction) return this.transformRawResult<T>(await (ctx as unknown as ConnectionTransaction).query(statement), method);
          // a knex transaction's client hands out the transaction's connection and releases nothing
          const client = ((ctx as Knex.Transaction | undefined) ?? this.getKnex()).client as KnexClient;
          const connection = await client.acquireConnection();
          try {
            const prepared = forms.prepared(statement);
            if (prepared) {
              const run = () => new StatementPipeline([prepared]).run(connection);
              // alone outside a transaction nothing ran: a plan the schema outdated is prepared again
              // (asked before sending: a pending lazy BEGIN travels in the message and is gone after)
              const alone = !inTransaction(connection);
              const results = await run().catch((err: unknown) => (alone && StatementPipeline.outdatedPlan(err) ? run() : Promise.reject(err)));
              return this.transformRawResult<T>(results[0]!, method);
            }
            return this.transformRawResult<T>(await connection.query({ text: forms.inline(statement), values: [] }), method);
          } finally {
            await client.releaseConnection(connection);
          }
        } catch (err) {
          if (err instanceof Error) err.message = `${forms.inline(statement)} - ${err.message}`;
          throw err;
        }
      },
      { query: statement.sql, params: params as unknown[], ...loggerContext },
    );
  }

  override async close(force?: boolean): Promise<void> {
    await this.forms?.probe.close();
    await super.close(force);
  }

  private forms?: StatementForms;
  /** Whether statements given as text go prepared when the server can prepare them (directPostgreSqlDriver). */
  protected readonly preparedStatements: boolean = true;

  /** How this connection's statements given as text are sent (prepared-statements.ts). */
  statementForms(): StatementForms {
    if (!this.forms) {
      const options = this.getConnectionOptions() as pg.ClientConfig;
      const log = this.config.get('logger');
      const probe = new StatementProbe({ ...options, application_name: `statement-probe:${String(options.application_name ?? '')}` }, (statement, err) =>
        log(`a statement goes inlined from now on, the server cannot prepare it (${err.message}): ${statement.text}`),
      );
      this.forms = new StatementForms(this.platform as PostgreSqlPlatform, probe, this.preparedStatements);
    }
    return this.forms;
  }
}

/** A statement given as text, inlined (values in the text) or prepared, when the server can prepare it. */
export class StatementForms {
  constructor(
    private readonly platform: PostgreSqlPlatform,
    readonly probe: StatementProbe,
    private readonly enabled: boolean,
  ) {}

  inline(statement: SqlText): string {
    return this.platform.formatQuery(statement.sql, [...statement.params]);
  }

  /** Its prepared form, when it may go so now; else null (send it inlined). */
  prepared(statement: SqlText): PreparedForm | null {
    if (!this.enabled || statement.oneOff) return null;
    const form = preparedForm(this.platform, statement.sql, statement.params);
    return form && this.probe.prepared(form) ? form : null;
  }

  /**
   * Sends `parts` on `connection` in ONE message and answers one result per part: prepared when
   * every statement given as text may go so, else as one text, values inlined. Parts that are only
   * text (BEGIN, COMMIT, a savepoint) go as text: lazy BEGIN answers a bare COMMIT without sending it.
   */
  async send(connection: pg.Client, parts: readonly (SqlText | string)[]): Promise<pg.QueryResult[]> {
    if (parts.some((part) => typeof part !== 'string')) {
      const pipeline: PipelineStatement[] = [];
      for (const part of parts) {
        const form = typeof part === 'string' ? part : this.prepared(part);
        if (form === null) break;
        pipeline.push(form);
      }
      if (pipeline.length === parts.length) return new StatementPipeline(pipeline).run(connection);
    }
    const text = parts.map((part) => (typeof part === 'string' ? part : this.inline(part))).join(';\n');
    // the counter sees one statement in a text, two when it ends with COMMIT after another
    countStatementsSentAlong(parts.length - (parts.length > 1 && /^commit;?$/i.test(String(parts[parts.length - 1])) ? 2 : 1));
    const result = (await connection.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
    return Array.isArray(result) ? result : [result];
  }
}

/** Whether `connection` is inside BEGIN … (pg keeps the status of its last ReadyForQuery; lazy BEGIN's pending one counts). */
function inTransaction(connection: pg.Client): boolean {
  return (connection as unknown as { _txStatus?: string })._txStatus !== 'I' || hasPendingBegin(connection);
}

/**
 * A transaction on one pooled connection: BEGIN, the statements, COMMIT or ROLLBACK, and the
 * connection back to the pool — what MikroORM needs of a knex transaction, without the rest of
 * one. Knex builds a whole knex instance per transaction (a function with a hundred properties
 * defined on it, event relays), a few tenths of a millisecond of CPU here, on each of the ~20
 * transactions an order takes (docs/performance.md). MikroORM uses `client` (query builders and
 * the unit of work run on it through `.transacting(trx)`), `commit()`, `rollback()`,
 * `executionPromise` (awaited after commit) and `transaction()` for a nested one: a savepoint,
 * the same class with a name.
 */
export class ConnectionTransaction {
  readonly executionPromise: Promise<void>;
  private settle!: { resolve: () => void; reject: (err: unknown) => void };
  private ended = false;
  private nested = 0;
  /** Writes deferred to the transaction's next message (`defer`); kept by the top-level transaction. */
  private deferred: SqlText[] = [];

  /** A knex client that hands out this transaction's connection, as knex's own tx client does. */
  readonly client: KnexClient;

  private constructor(
    private readonly pool: KnexClient,
    private readonly connection: pg.Client,
    private readonly forms: StatementForms,
    private readonly savepoint: string | null,
    private readonly release: (() => Promise<unknown>) | null,
    private readonly parent: ConnectionTransaction | null = null,
  ) {
    this.client = pinnedClient(pool, connection, async () => {
      if (this.hasEnded()) throw new Error('Transaction query already complete: the transaction has ended');
      await this.top().sendDeferred();
    });
    this.executionPromise = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.executionPromise.catch(() => undefined); // the caller's commit reads it; never an unhandled rejection
  }

  static async begin(pool: KnexClient, forms: StatementForms): Promise<ConnectionTransaction> {
    const connection = await pool.acquireConnection();
    try {
      await connection.query('BEGIN;'); // travels with the first statement (lazy-begin.ts)
    } catch (err) {
      await pool.releaseConnection(connection);
      throw err;
    }
    return new ConnectionTransaction(pool, connection, forms, null, () => pool.releaseConnection(connection));
  }

  /** Sends what was deferred with the COMMIT, in one message. */
  commit(): Promise<void> {
    if (this.savepoint) return this.end(`release savepoint ${this.savepoint}`); // deferred writes stay deferred
    return this.end('COMMIT;');
  }

  /**
   * `statement` on the transaction's connection, after what was deferred, in ONE message: a
   * deferred write costs no round trip of its own when a statement follows it. Answers what
   * `statement` alone would have. A deferred write that fails fails this message before
   * `statement` runs (PostgreSQL skips the rest of a message after an error), with its own error.
   */
  async query(statement: SqlText): Promise<pg.QueryResult> {
    const own = await this.queryEach([statement]);
    return (own.length === 1 ? own[0] : own) as pg.QueryResult;
  }

  /**
   * `statements` on the transaction's connection, after what was deferred, in ONE message
   * (executeTogether): one result per statement, in order. PostgreSQL skips the rest of a message
   * after an error, so the first failure is the error.
   */
  async queryEach(statements: readonly SqlText[]): Promise<pg.QueryResult[]> {
    if (this.hasEnded()) throw new Error('Transaction query already complete: the transaction has ended');
    const along = this.top().takeDeferred();
    const results = await this.forms.send(this.connection, [...along, ...statements]);
    return results.slice(along.length);
  }

  /** Deferred writes are dropped: nothing sent after the savepoint (or BEGIN) they follow survives anyway. */
  rollback(): Promise<void> {
    this.top().deferred = [];
    return this.end(this.savepoint ? `rollback to savepoint ${this.savepoint}` : 'ROLLBACK;');
  }

  /** A nested transaction (MikroORM's begin with `ctx`): a savepoint on the same connection. */
  async transaction(): Promise<ConnectionTransaction> {
    const name = `${this.savepoint ?? 'trx'}_${++this.nested}`;
    await this.forms.send(this.connection, [...this.top().takeDeferred(), `savepoint ${name}`]);
    return new ConnectionTransaction(this.pool, this.connection, this.forms, name, null, this);
  }

  /**
   * A write (ONE statement) whose result nobody reads, sent with the transaction's next message
   * instead of in one of its own: in front of the next statement given as text (`query`), or with
   * the COMMIT — a round trip saved either way, as lazy BEGIN saves one at the start. (Before a
   * statement that goes through knex — a query builder, the unit of work — it is sent on its own
   * just ahead of it.) Everything still runs in the order asked. Its error, if it fails, comes
   * from that next statement or from the commit, the statement not having run; either way nothing
   * of the transaction is committed.
   */
  defer(statement: SqlText): void {
    if (this.hasEnded()) throw new Error('Transaction query already complete: the transaction has ended');
    this.top().deferred.push(statement);
  }

  /**
   * Runs `statement` as the transaction's LAST statement, with COMMIT in the same message: one
   * round trip less, as lazy BEGIN saves one at the start. PostgreSQL runs the two in order; when
   * the statement fails it skips the COMMIT, so the transaction is rolled back here; when COMMIT
   * fails nothing was committed. Either way the caller gets the error. Nothing can run in the
   * transaction afterwards (its client refuses), and the commit that MikroORM sends later does
   * nothing. Top level only.
   */
  async commitWith(statement: SqlText): Promise<pg.QueryResult> {
    if (this.savepoint || this.ended) throw new Error('commitWith: only an open top-level transaction can be committed with its last statement');
    this.ended = true;
    try {
      const results = await this.forms.send(this.connection, [...this.takeDeferred(), statement, 'COMMIT;']);
      this.settle.resolve();
      // one result per statement, deferred writes first: the statement's is the one before COMMIT's
      return results[results.length - 2]!;
    } catch (err) {
      await this.connection.query('ROLLBACK;').catch(() => undefined); // after a failed COMMIT: "no transaction in progress", harmless
      this.settle.reject(err);
      if (err instanceof Error) err.message = `${this.forms.inline(statement)} - ${err.message}`;
      throw err;
    } finally {
      await this.release?.();
    }
  }

  /** The transaction a savepoint is nested in, under knex's name for it (null at the top level). */
  get parentTransaction(): ConnectionTransaction | null {
    return this.parent;
  }

  /** Not a savepoint: `commitWith` may end it. */
  get isTopLevel(): boolean {
    return this.savepoint === null;
  }

  private hasEnded(): boolean {
    return this.ended || (this.parent?.hasEnded() ?? false);
  }

  private top(): ConnectionTransaction {
    return this.parent ? this.parent.top() : this;
  }

  /** What was deferred, to be sent now; nothing is deferred afterwards. */
  private takeDeferred(): SqlText[] {
    const deferred = this.deferred;
    this.deferred = [];
    return deferred;
  }

  private async sendDeferred(): Promise<void> {
    const deferred = this.takeDeferred();
    if (deferred.length === 0) return;
    try {
      await this.forms.send(this.connection, deferred);
    } catch (err) {
      if (err instanceof Error) err.message = `${deferred.map((statement) => this.forms.inline(statement)).join(';\n')} - ${err.message}`;
      throw err;
    }
  }

  /** As knex's: never rejects; a failed COMMIT rejects `executionPromise`, which MikroORM awaits. */
  private async end(statement: string): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    // a savepoint's release leaves the deferred writes deferred; a COMMIT takes them along
    const along = this.savepoint ? [] : this.takeDeferred();
    try {
      await this.forms.send(this.connection, [...along, statement]);
      this.settle.resolve();
    } catch (err) {
      // a deferred write that failed made PostgreSQL skip the COMMIT after it: end the transaction
      if (!this.savepoint) await this.connection.query('ROLLBACK;').catch(() => undefined);
      if (err instanceof Error && along.length > 0) err.message = `${[...along.map((part) => this.forms.inline(part)), statement].join(';\n')} - ${err.message}`;
      this.settle.reject(err);
    } finally {
      await this.release?.();
    }
  }
}

/**
 * As knex's makeTxClient: the pool's client, except that every query runs on `connection`, never
 * released, after what the transaction deferred — and none once the transaction has ended (its
 * connection is back in the pool).
 */
function pinnedClient(pool: KnexClient, connection: pg.Client, beforeQuery: () => Promise<void>): KnexClient {
  const client = Object.create(Object.getPrototypeOf(pool) as object) as KnexClient & Record<string, unknown>;
  const from = pool as unknown as Record<string, unknown>;
  for (const key of ['version', 'config', 'driver', 'connectionSettings', 'valueForUndefined', 'logger']) client[key] = from[key];
  client.transacting = true;
  client.acquireConnection = () => beforeQuery().then(() => connection);
  client.releaseConnection = () => Promise.resolve();
  return client;
}

interface KnexClient {
  acquireConnection(): Promise<pg.Client>;
  releaseConnection(connection: pg.Client): Promise<unknown>;
}

/**
 * MikroORM's PostgreSqlDriver with the direct connection (the `driver` option), statements given as
 * text prepared or not (DATABASE_PREPARED_STATEMENTS). PostgreSqlDriver is exactly this constructor
 * with PostgreSqlConnection (@mikro-orm/postgresql 6.6).
 */
export function directPostgreSqlDriver(options: { preparedStatements: boolean }): new (config: Configuration) => AbstractSqlDriver<DirectPostgreSqlConnection, PostgreSqlPlatform> {
  class Connection extends DirectPostgreSqlConnection {
    protected override readonly preparedStatements = options.preparedStatements;
  }
  return class DirectPostgreSqlDriver extends AbstractSqlDriver<DirectPostgreSqlConnection, PostgreSqlPlatform> {
    constructor(config: Configuration) {
      super(config, new PostgreSqlPlatform(), Connection, ['knex', 'pg']);
    }
  };
}

/**
 * `em.execute(sql, params)` as the LAST statement of `em`'s transaction, with COMMIT in the same
 * message (ConnectionTransaction.commitWith): for a transaction whose final write is known to be
 * final (a message's inbox row goes in it: HandlerContext.inbox). Falls back to `em.execute`,
 * COMMIT sent later as usual, when the transaction is not a top-level ConnectionTransaction or when
 * the unit of work holds any entity, since flushing it must come before the commit. Errors are
 * converted as MikroORM converts them.
 */
export async function executeAndCommit<T>(em: EntityManager, sql: string, params: readonly unknown[], options: { oneOff?: boolean } = {}): Promise<T[]> {
  const trx = em.getTransactionContext<unknown>();
  if (!(trx instanceof ConnectionTransaction) || !commitsWithStatement(em)) return em.execute<T[]>(sql, [...params]);
  try {
    return (await trx.commitWith({ sql, params, oneOff: options.oneOff })).rows as T[];
  } catch (err) {
    throw err instanceof Error ? em.getDriver().convertException(err) : err;
  }
}

/** Whether executeAndCommit in `em` commits the transaction with its statement (when it returns, the transaction has committed). */
export function commitsWithStatement(em: EntityManager): boolean {
  const trx = em.getTransactionContext<unknown>();
  return trx instanceof ConnectionTransaction && trx.isTopLevel && holdsNoEntities(em);
}

/**
 * Statements whose answers the caller reads, sent in ONE message inside a ConnectionTransaction
 * (after what it deferred): one round trip where each would take its own. PostgreSQL runs them in
 * order, each with a snapshot of its own (READ COMMITTED), so a statement sees the rows an earlier
 * one locked as they stand now; after an error it skips the rest. Elsewhere they run one by one.
 * Answers each statement's rows, in order; errors are converted as MikroORM converts them.
 */
export async function executeTogether(em: EntityManager, statements: readonly SqlText[]): Promise<Record<string, unknown>[][]> {
  const trx = em.getTransactionContext<unknown>();
  if (!(trx instanceof ConnectionTransaction)) {
    const answers: Record<string, unknown>[][] = [];
    for (const statement of statements) answers.push(await em.execute<Record<string, unknown>[]>(statement.sql, [...statement.params]));
    return answers;
  }
  try {
    return (await trx.queryEach(statements)).map((result) => result.rows as Record<string, unknown>[]);
  } catch (err) {
    const forms = (em.getConnection() as DirectPostgreSqlConnection).statementForms();
    if (err instanceof Error) err.message = `${statements.map((statement) => forms.inline(statement)).join(';\n')} - ${err.message}`;
    throw err instanceof Error ? em.getDriver().convertException(err) : err;
  }
}

/**
 * A write whose result nobody reads: inside a top-level ConnectionTransaction it is deferred to the
 * transaction's next message (ConnectionTransaction.defer) — the COMMIT, when it is the last
 * write; elsewhere it runs at once. Inside a savepoint too: deferred, it would travel after the
 * savepoint's release, and its failure — which the savepoint exists to roll back to (a dead
 * letter's replay) — would abort the whole transaction instead.
 */
export async function executeDeferred(em: EntityManager, sql: string, params: readonly unknown[], options: { oneOff?: boolean } = {}): Promise<void> {
  const trx = em.getTransactionContext<unknown>();
  if (trx instanceof ConnectionTransaction && trx.isTopLevel) trx.defer({ sql, params, oneOff: options.oneOff });
  else await em.execute(sql, [...params], 'run');
}
