import pg from 'pg';
import { loadConfig, SUBGRAPHS } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import { SELECTIVE_CONSUMER } from '../../events/durable-consumer.js';

/** Every context's PostgreSQL schema (one per subgraph). */
export const SCHEMAS = [...SUBGRAPHS];

export interface ConsumerState {
  stream: string;
  /** `<consuming context>-<handler name>`. */
  name: string;
  filterSubject: string;
  /** Acks the deliveries its handler declares irrelevant without writing an inbox row. */
  selective: boolean;
  /** Every delivery up to this stream sequence is acknowledged. */
  ackFloor: number;
  pending: number;
  ackPending: number;
  redelivered: number;
}

/**
 * The driver's own view of the system, straight from the private PostgreSQL (read-only SQL over
 * every schema) and JetStream (stream and consumer state) — never through the processes under test.
 */
export class SystemProbe {
  private constructor(
    private readonly pool: pg.Pool,
    readonly broker: Broker,
    readonly namespace: string,
  ) {}

  static async connect(databaseUrl: string, natsUrl: string, namespace: string): Promise<SystemProbe> {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 3, connectionTimeoutMillis: 5_000 });
    pool.on('error', () => undefined); // idle connections die with PostgreSQL restarts; the pool replaces them
    const config = loadConfig({ NATS_URL: natsUrl, EVENT_NAMESPACE: namespace });
    const broker = await connectBroker(config.nats, createLogger({ ...config, logLevel: 'silent' }, 'chaos-probe'), { name: 'chaos-probe' });
    return new SystemProbe(pool, broker, namespace);
  }

  async query<T extends pg.QueryResultRow = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const rows = await this.query<{ n: string }>(sql, params);
    return Number(rows[0]?.n ?? 0);
  }

  /** Unpublished outbox rows per schema (only the non-zero ones). */
  async pendingOutbox(): Promise<Record<string, number>> {
    const rows = await this.query<{ schema: string; n: string }>(
      SCHEMAS.map((s) => `select '${s}' as schema, count(*) as n from "${s}".outbox where published_at is null`).join(' union all '),
    );
    return Object.fromEntries(rows.filter((r) => Number(r.n) > 0).map((r) => [r.schema, Number(r.n)]));
  }

  /** Outbox rows recorded in the last `seconds`, per schema: whose relay is busy. */
  async recentOutboxRows(seconds: number): Promise<Record<string, number>> {
    const rows = await this.query<{ schema: string; n: string }>(
      SCHEMAS.map((s) => `select '${s}' as schema, count(*) as n from "${s}".outbox where created_at > now() - make_interval(secs => ${seconds})`).join(' union all '),
    );
    return Object.fromEntries(rows.map((r) => [r.schema, Number(r.n)]));
  }

  async orderStatuses(ids?: string[]): Promise<Record<string, number>> {
    const rows = await this.query<{ status: string; n: string }>(
      `select status, count(*) as n from orders.customer_order ${ids ? 'where id = any($1::uuid[])' : ''} group by status order by status`,
      ids ? [ids] : [],
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** Every durable consumer of the namespace with its backlog. */
  async consumers(): Promise<ConsumerState[]> {
    const states: ConsumerState[] = [];
    for await (const stream of this.broker.jsm.streams.names()) {
      if (!stream.startsWith(`${this.namespace.toUpperCase()}_`)) continue;
      for await (const info of this.broker.jsm.consumers.list(stream)) {
        states.push({
          stream,
          name: info.name,
          filterSubject: info.config.filter_subject ?? '',
          selective: (info.config.description ?? '').endsWith(SELECTIVE_CONSUMER),
          ackFloor: info.ack_floor.stream_seq,
          pending: info.num_pending,
          ackPending: info.num_ack_pending,
          redelivered: info.num_redelivered,
        });
      }
    }
    return states;
  }

  async streamMessages(stream: string): Promise<{ messages: number; lastSeq: number }> {
    const info = await this.broker.jsm.streams.info(stream);
    return { messages: info.state.messages, lastSeq: info.state.last_seq };
  }

  async close(): Promise<void> {
    await this.broker.close().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
