import type { EntityManager } from '@mikro-orm/postgresql';
import type { TimeoutKind } from '../domain/saga/types.js';

export interface DueTimeout {
  orderId: string;
  kind: TimeoutKind;
  token: string;
}

/** The saga's durable timeouts (`orders.saga_timeout`): one row per order and kind. */
export class SagaTimeoutRepository {
  constructor(private readonly em: EntityManager) {}

  private get table(): string {
    return `"${this.em.config.get('schema')}".saga_timeout`;
  }

  /** Sets (or replaces, with a new token) the order's timeout of this kind. */
  async schedule(orderId: string, kind: TimeoutKind, token: string, dueAt: Date): Promise<void> {
    await this.em.execute(
      `insert into ${this.table} (order_id, kind, token, due_at) values (?, ?, ?, ?)
       on conflict (order_id, kind) do update set token = excluded.token, due_at = excluded.due_at`,
      [orderId, kind, token, dueAt],
      'run',
    );
  }

  async cancel(orderId: string, kind: TimeoutKind): Promise<void> {
    await this.em.execute(`delete from ${this.table} where order_id = ? and kind = ?`, [orderId, kind], 'run');
  }

  /**
   * Inside a transaction: takes the most overdue timeout by the database clock off the table.
   * Rows another replica is firing are skipped; if the caller's transaction rolls back, the row
   * is back and fires at the next poll.
   */
  async takeDue(): Promise<DueTimeout | null> {
    const rows = await this.em.execute<{ order_id: string; kind: TimeoutKind; token: string }[]>(
      `delete from ${this.table} where (order_id, kind) = (
         select order_id, kind from ${this.table} where due_at <= now() order by due_at limit 1 for update skip locked
       ) returning order_id, kind, token`,
    );
    const row = rows[0];
    return row ? { orderId: row.order_id, kind: row.kind, token: row.token } : null;
  }
}
