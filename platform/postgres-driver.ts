import { PostgreSqlConnection, PostgreSqlPlatform, type EntityManager } from '@mikro-orm/postgresql';
import { AbstractSqlDriver, type Knex } from '@mikro-orm/knex';
import { EventType, type AnyEntity, type Configuration, type EntityData, type LoggingOptions, type QueryResult, type Transaction } from '@mikro-orm/core';
import type pg from 'pg';
import { countStatementsSentAlong } from './sql-counter.js';

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
    const trx = (await ConnectionTransaction.begin(this.getKnex().client as KnexClient)) as unknown as Knex.Transaction;
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
    const formatted = this.platform.formatQuery(query, params as unknown[]);
    // what MikroORM's own execute logs (its getSql is private)
    const logged = this.config.getLogger().isEnabled('query-params', loggerContext) ? formatted : query;
    return this.executeQuery<T>(
      logged,
      async () => {
        try {
          // the transaction's deferred writes travel in this statement's message
          if ((ctx as unknown) instanceof ConnectionTransaction) return this.transformRawResult<T>(await (ctx as unknown as ConnectionTransaction).query(formatted), method);
          // a knex transaction's client hands out the transaction's connection and releases nothing
          const client = ((ctx as Knex.Transaction | undefined) ?? this.getKnex()).client as KnexClient;
          const connection = await client.acquireConnection();
          try {
            return this.transformRawResult<T>(await connection.query({ text: formatted, values: [] }), method);
          } finally {
            await client.releaseConnection(connection);
          }
        } catch (err) {
          if (err instanceof Error) err.message = `${formatted} - ${err.message}`;
          throw err;
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
  /** How many statements `deferred` holds (for the SQL counter, which sees one message). */
  private deferredStatements = 0;

  /** A knex client that hands out this transaction's connection, as knex's own tx client does. */
  readonly client: KnexClient;

  private constructor(
    private readonly pool: KnexClient,
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

  static async begin(pool: KnexClient): Promise<ConnectionTransaction> {
    const connection = await pool.acquireConnection();
    try {
      await connection.query('BEGIN;'); // travels with the first statement (lazy-begin.ts)
    } catch (err) {
      await pool.releaseConnection(connection);
      throw err;
    }
    return new ConnectionTransaction(pool, connection, null, () => pool.releaseConnection(connection));
  }

  /** Sends what was deferred with the COMMIT, in one message. */
  commit(): Promise<void> {
    if (this.savepoint) return this.end(`release savepoint ${this.savepoint}`); // deferred writes stay deferred
    // the counter counts a message ending in COMMIT as a statement and the COMMIT: one deferred write is seen
    return this.end(this.withDeferred('COMMIT;', 1));
  }

  /**
   * `text` (values inlined) on the transaction's connection, after what was deferred, in ONE
   * message: a deferred write costs no round trip of its own when a statement follows it. Answers
   * what `text` alone would have. A deferred write that fails fails this message before `text`
   * runs (PostgreSQL skips the rest of a message after an error), with its own error.
   */
  async query(text: string): Promise<pg.QueryResult> {
    if (this.hasEnded()) throw new Error('Transaction query already complete: the transaction has ended');
    const top = this.top();
    const along = top.deferredStatements;
    const result = (await this.connection.query(top.withDeferred(text))) as unknown as pg.QueryResult | pg.QueryResult[];
    if (along === 0) return result as pg.QueryResult;
    const own = (result as pg.QueryResult[]).slice(along);
    return (own.length === 1 ? own[0] : own) as pg.QueryResult;
  }

  /** Deferred writes are dropped: nothing sent after the savepoint (or BEGIN) they follow survives anyway. */
  rollback(): Promise<void> {
    this.top().deferred = null;
    this.top().deferredStatements = 0;
    return this.end(this.savepoint ? `rollback to savepoint ${this.savepoint}` : 'ROLLBACK;');
  }

  /** A nested transaction (MikroORM's begin with `ctx`): a savepoint on the same connection. */
  async transaction(): Promise<ConnectionTransaction> {
    const name = `${this.savepoint ?? 'trx'}_${++this.nested}`;
    await this.connection.query(this.top().withDeferred(`savepoint ${name}`));
    return new ConnectionTransaction(this.pool, this.connection, name, null, this);
  }

  /**
   * A write (ONE statement, values already inlined) whose result nobody reads, sent with the
   * transaction's next message instead of in one of its own: in front of the next statement given
   * as text (`query`), or with the COMMIT — a round trip saved either way, as lazy BEGIN saves one
   * at the start. (Before a statement that goes through knex — a query builder, the unit of work —
   * it is sent on its own just ahead of it.) Everything still runs in the order asked. Its error, if
   * it fails, comes from that next statement or from the commit, the statement not having run;
   * either way nothing of the transaction is committed.
   */
  defer(text: string): void {
    if (this.hasEnded()) throw new Error('Transaction query already complete: the transaction has ended');
    const top = this.top();
    top.deferred = top.deferred === null ? text : `${top.deferred};\n${text}`;
    top.deferredStatements++;
  }

  /**
   * Runs `text` (values already inlined) as the transaction's LAST statement, with COMMIT in the
   * same message: one round trip less, as lazy BEGIN saves one at the start. PostgreSQL runs the
   * two in order; when the statement fails it skips the COMMIT, so the transaction is rolled back
   * here; when COMMIT fails nothing was committed. Either way the caller gets the error. Nothing
   * can run in the transaction afterwards (its client refuses), and the commit that MikroORM
   * sends later does nothing. Top level only.
   */
  async commitWith(text: string): Promise<pg.QueryResult> {
    if (this.savepoint || this.ended) throw new Error('commitWith: only an open top-level transaction can be committed with its last statement');
    this.ended = true;
    try {
      const results = (await this.connection.query(this.withDeferred(`${text};\nCOMMIT;`))) as unknown as pg.QueryResult[];
      this.settle.resolve();
      // one result per statement, deferred writes first: the statement's is the one before COMMIT's
      return results[results.length - 2]!;
    } catch (err) {
      await this.connection.query('ROLLBACK;').catch(() => undefined); // after a failed COMMIT: "no transaction in progress", harmless
      this.settle.reject(err);
      if (err instanceof Error) err.message = `${text} - ${err.message}`;
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

  /**
   * `text` after whatever was deferred, in one message; nothing is deferred afterwards. The SQL
   * counter sees the message as `text`'s statements: the deferred ones are counted here, but for
   * `counterSees` of them (a message ending in COMMIT: the first, counted as the statement before it).
   */
  private withDeferred(text: string, counterSees = 0): string {
    const deferred = this.deferred;
    if (deferred === null) return text;
    countStatementsSentAlong(this.deferredStatements - counterSees);
    this.deferred = null;
    this.deferredStatements = 0;
    return `${deferred};\n${text}`;
  }

  private async sendDeferred(): Promise<void> {
    if (this.deferred === null) return;
    // alone: the counter sees the message as one statement, the first deferred one
    const text = this.withDeferred('', 1);
    try {
      await this.connection.query(text);
    } catch (err) {
      if (err instanceof Error) err.message = `${text} - ${err.message}`;
      throw err;
    }
  }

  /** As knex's: never rejects; a failed COMMIT rejects `executionPromise`, which MikroORM awaits. */
  private async end(statement: string): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      await this.connection.query(statement);
      this.settle.resolve();
    } catch (err) {
      // a deferred write that failed made PostgreSQL skip the COMMIT after it: end the transaction
      if (!this.savepoint) await this.connection.query('ROLLBACK;').catch(() => undefined);
      if (err instanceof Error && statement.includes(';\n')) err.message = `${statement} - ${err.message}`;
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
  if (!(trx instanceof ConnectionTransaction) || !commitsWithStatement(em)) return em.execute<T[]>(sql, [...params]);
  const text = em.getPlatform().formatQuery(sql, [...params]);
  try {
    return (await trx.commitWith(text)).rows as T[];
  } catch (err) {
    throw err instanceof Error ? em.getDriver().convertException(err) : err;
  }
}

/** Whether executeAndCommit in `em` commits the transaction with its statement (when it returns, the transaction has committed). */
export function commitsWithStatement(em: EntityManager): boolean {
  const trx = em.getTransactionContext<unknown>();
  return trx instanceof ConnectionTransaction && trx.isTopLevel && holdsNoEntities(em);
}

function holdsNoEntities(em: EntityManager): boolean {
  const uow = em.getUnitOfWork();
  return uow.getIdentityMap().values().length === 0 && uow.getPersistStack().size === 0 && uow.getRemoveStack().size === 0;
}

/**
 * A write whose result nobody reads: inside a top-level ConnectionTransaction it is deferred to the
 * transaction's next message (ConnectionTransaction.defer) — the COMMIT, when it is the last
 * write; elsewhere it runs at once. Inside a savepoint too: deferred, it would travel after the
 * savepoint's release, and its failure — which the savepoint exists to roll back to (a dead
 * letter's replay) — would abort the whole transaction instead.
 */
export async function executeDeferred(em: EntityManager, sql: string, params: readonly unknown[]): Promise<void> {
  const trx = em.getTransactionContext<unknown>();
  if (trx instanceof ConnectionTransaction && trx.isTopLevel) trx.defer(em.getPlatform().formatQuery(sql, [...params]));
  else await em.execute(sql, [...params], 'run');
}
