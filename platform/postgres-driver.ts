import { PostgreSqlConnection, PostgreSqlPlatform, type EntityManager } from '@mikro-orm/postgresql';
import { AbstractSqlDriver, type Knex } from '@mikro-orm/knex';
import { EventType, type AnyEntity, type Configuration, type EntityData, type LoggingOptions, type QueryResult, type Transaction } from '@mikro-orm/core';
import type pg from 'pg';
import { PreparedStatements } from './prepared-statements.js';

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
  /** Set by usePreparedStatements (platform/database.ts, unless DATABASE_PREPARED_STATEMENTS=false). */
  private prepared: PreparedStatements | null = null;

  /** Statements given as text are prepared on the server (platform/prepared-statements.ts). */
  usePreparedStatements(onRefused: (sql: string, err: unknown) => void): void {
    const pool = () => this.getKnex().client as KnexClient;
    this.prepared = new PreparedStatements(this.platform, { acquire: () => pool().acquireConnection(), release: (connection) => pool().releaseConnection(connection) }, onRefused);
  }

  /** Whether `sql` is sent prepared (PreparedStatements.state); undefined when it never ran or prepared statements are off. */
  preparedState(sql: string): 'probing' | 'ready' | 'refused' | undefined {
    return this.prepared?.state(sql);
  }

  /** What to send on `connection` for `sql` with `params`: see PreparedStatements.text; the values inlined without it. */
  textFor(connection: pg.Client, sql: string, params: readonly unknown[]): Promise<string> | string {
    return this.prepared ? this.prepared.text(connection, sql, params) : this.platform.formatQuery(sql, [...params]);
  }

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
    const trx = (await ConnectionTransaction.begin(this.getKnex().client as KnexClient, this)) as unknown as Knex.Transaction;
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
    const query = this.config.get('onQuery')(queryOrKnex, params as unknown[]);
    const formatted = () => this.platform.formatQuery(query, params as unknown[]);
    // what MikroORM's own execute logs (its getSql is private)
    const logged = this.config.getLogger().isEnabled('query-params', loggerContext) ? formatted() : query;
    return this.executeQuery<T>(
      logged,
      async () => {
        // a knex transaction's client hands out the transaction's connection and releases nothing
        const client = ((ctx as Knex.Transaction | undefined) ?? this.getKnex()).client as KnexClient;
        const connection = await client.acquireConnection();
        try {
          const result = await connection.query({ text: await this.textFor(connection, query, params), values: [] });
          return this.transformRawResult<T>(result, method);
        } catch (err) {
          // the statement as written, values inlined, whether or not it went as EXECUTE
          if (err instanceof Error) err.message = `${formatted()} - ${err.message}`;
          throw err;
        } finally {
          await client.releaseConnection(connection);
        }
      },
      { query, params: params as unknown[], ...loggerContext },
    );
  }
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
  private deferred: string | null = null;
  /** The deferred writes as written, values inlined, for error messages (they may be sent as EXECUTE). */
  private deferredShown: (() => string)[] = [];

  /** A knex client that hands out this transaction's connection, as knex's own tx client does. */
  readonly client: KnexClient;

  private constructor(
    private readonly pool: KnexClient,
    private readonly statements: StatementText,
    private readonly connection: pg.Client,
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

  static async begin(pool: KnexClient, statements: StatementText): Promise<ConnectionTransaction> {
    const connection = await pool.acquireConnection();
    try {
      await connection.query('BEGIN;'); // travels with the first statement (lazy-begin.ts)
    } catch (err) {
      await pool.releaseConnection(connection);
      throw err;
    }
    return new ConnectionTransaction(pool, statements, connection, null, () => pool.releaseConnection(connection));
  }

  /** Sends what was deferred with the COMMIT, in one message. */
  commit(): Promise<void> {
    if (this.savepoint) return this.end(`release savepoint ${this.savepoint}`); // deferred writes stay deferred
    return this.end(this.withDeferred('COMMIT;'));
  }

  /** Deferred writes are dropped: nothing sent after the savepoint (or BEGIN) they follow survives anyway. */
  rollback(): Promise<void> {
    this.top().withDeferred('');
    return this.end(this.savepoint ? `rollback to savepoint ${this.savepoint}` : 'ROLLBACK;');
  }

  /** A nested transaction (MikroORM's begin with `ctx`): a savepoint on the same connection. */
  async transaction(): Promise<ConnectionTransaction> {
    const name = `${this.savepoint ?? 'trx'}_${++this.nested}`;
    await this.connection.query(this.top().withDeferred(`savepoint ${name}`).text);
    return new ConnectionTransaction(this.pool, this.statements, this.connection, name, null, this);
  }

  /** The text that runs `sql` with `params` on this transaction's connection (DirectPostgreSqlConnection.textFor). */
  async text(sql: string, params: readonly unknown[]): Promise<string> {
    if (this.hasEnded()) throw new Error('Transaction query already complete: the transaction has ended');
    return this.statements.textFor(this.connection, sql, params);
  }

  /**
   * A write (values already inlined) whose result nobody reads, sent with the transaction's next
   * message instead of in one of its own: before the next statement (so everything still runs in
   * the order asked) or with the COMMIT. A transaction whose last write is deferred saves a round
   * trip, as lazy BEGIN saves one at its start. Its error, if it fails, comes from that next
   * statement or from the commit; either way nothing of the transaction is committed.
   */
  defer(text: string, shown: () => string = () => text): void {
    if (this.hasEnded()) throw new Error('Transaction query already complete: the transaction has ended');
    const top = this.top();
    top.deferred = top.deferred === null ? text : `${top.deferred};\n${text}`;
    top.deferredShown.push(shown);
  }

  /**
   * Runs `text` (values already inlined) as the transaction's LAST statement, with COMMIT in the
   * same message: one round trip less, as lazy BEGIN saves one at the start. PostgreSQL runs the
   * two in order; when the statement fails it skips the COMMIT, so the transaction is rolled back
   * here; when COMMIT fails nothing was committed. Either way the caller gets the error. Nothing
   * can run in the transaction afterwards (its client refuses), and the commit that MikroORM
   * sends later does nothing. Top level only.
   */
  async commitWith(text: string, shown: () => string = () => text): Promise<pg.QueryResult> {
    if (this.savepoint || this.ended) throw new Error('commitWith: only an open top-level transaction can be committed with its last statement');
    this.ended = true;
    try {
      const results = (await this.connection.query(this.withDeferred(`${text};\nCOMMIT;`).text)) as unknown as pg.QueryResult[];
      this.settle.resolve();
      // one result per statement, deferred writes first: the statement's is the one before COMMIT's
      return results[results.length - 2]!;
    } catch (err) {
      await this.connection.query('ROLLBACK;').catch(() => undefined); // after a failed COMMIT: "no transaction in progress", harmless
      this.settle.reject(err);
      if (err instanceof Error) err.message = `${shown()} - ${err.message}`;
      throw err;
    } finally {
      await this.release?.();
    }
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

  /** `text` after whatever was deferred, in one message (and as written, for errors); nothing is deferred afterwards. */
  private withDeferred(text: string): Message {
    const deferred = this.deferred;
    const shown = this.deferredShown;
    this.deferred = null;
    this.deferredShown = [];
    if (deferred === null) return { text, shown: () => text };
    return { text: `${deferred};\n${text}`, shown: () => [...shown.map((write) => write()), text].join(';\n'), merged: true };
  }

  private async sendDeferred(): Promise<void> {
    if (this.deferred === null) return;
    const message = this.withDeferred('');
    try {
      await this.connection.query(message.text);
    } catch (err) {
      if (err instanceof Error) err.message = `${message.shown()} - ${err.message}`;
      throw err;
    }
  }

  /** As knex's: never rejects; a failed COMMIT rejects `executionPromise`, which MikroORM awaits. */
  private async end(statement: string | Message): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    const message = typeof statement === 'string' ? { text: statement, shown: () => statement } : statement;
    try {
      await this.connection.query(message.text);
      this.settle.resolve();
    } catch (err) {
      // a deferred write that failed made PostgreSQL skip the COMMIT after it: end the transaction
      if (!this.savepoint) await this.connection.query('ROLLBACK;').catch(() => undefined);
      if (err instanceof Error && 'merged' in message) err.message = `${message.shown()} - ${err.message}`;
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

/** What goes in one message, and the same as written (values inlined) for an error's message; `merged` when it carries deferred writes. */
interface Message {
  text: string;
  shown: () => string;
  merged?: true;
}

interface StatementText {
  textFor(connection: pg.Client, sql: string, params: readonly unknown[]): Promise<string> | string;
}

interface KnexClient {
  acquireConnection(): Promise<pg.Client>;
  releaseConnection(connection: pg.Client): Promise<unknown>;
}

/**
 * MikroORM's PostgreSqlDriver with the direct connection (the `driver` option). PostgreSqlDriver is
 * exactly this constructor with PostgreSqlConnection (@mikro-orm/postgresql 6.6).
 */
export class DirectPostgreSqlDriver extends AbstractSqlDriver<DirectPostgreSqlConnection, PostgreSqlPlatform> {
  constructor(config: Configuration) {
    super(config, new PostgreSqlPlatform(), DirectPostgreSqlConnection, ['knex', 'pg']);
  }
}

/**
 * `em.execute(sql, params)` as the LAST statement of `em`'s transaction, with COMMIT in the same
 * message (ConnectionTransaction.commitWith): for a transaction whose final write is known to be
 * final (a message's inbox row goes in it: HandlerContext.inbox). Falls back to `em.execute`,
 * COMMIT sent later as usual, when the transaction is not a top-level ConnectionTransaction or when
 * the unit of work holds any entity, since flushing it must come before the commit. Errors are
 * converted as MikroORM converts them.
 */
export async function executeAndCommit<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const trx = em.getTransactionContext<unknown>();
  if (!(trx instanceof ConnectionTransaction) || !trx.isTopLevel || !holdsNoEntities(em)) return em.execute<T[]>(sql, [...params]);
  try {
    return (await trx.commitWith(await trx.text(sql, params), () => em.getPlatform().formatQuery(sql, [...params]))).rows as T[];
  } catch (err) {
    throw err instanceof Error ? em.getDriver().convertException(err) : err;
  }
}

function holdsNoEntities(em: EntityManager): boolean {
  const uow = em.getUnitOfWork();
  return uow.getIdentityMap().values().length === 0 && uow.getPersistStack().size === 0 && uow.getRemoveStack().size === 0;
}

/**
 * A write whose result nobody reads: inside a ConnectionTransaction it is deferred to the
 * transaction's next message (ConnectionTransaction.defer) — the COMMIT, when it is the last
 * write; elsewhere it runs at once.
 */
export async function executeDeferred(em: EntityManager, sql: string, params: readonly unknown[]): Promise<void> {
  const trx = em.getTransactionContext<unknown>();
  if (trx instanceof ConnectionTransaction) trx.defer(await trx.text(sql, params), () => em.getPlatform().formatQuery(sql, [...params]));
  else await em.execute(sql, [...params], 'run');
}
