import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlStatement } from '../../../platform/combined-statement.js';
import { executeTogether } from '../../../platform/postgres-driver.js';
import type { SqlText } from '../../../platform/prepared-statements.js';
import type { CheckoutLine } from '../domain/checkout.js';
import { CheckoutEntity, type CheckoutRecord } from './checkout.entity.js';

/** Checkouts in `orders.checkout`. Locking reads must run inside a transaction. */
export class CheckoutRepository {
  constructor(private readonly em: EntityManager) {}

  private get table(): string {
    return `"${this.em.config.get('schema')}".checkout`;
  }

  /**
   * Always reads the database (a checkout may appear while a request waits for it). A plain
   * record, as `lock` returns: a step writes it back by hand (checkout-changes.ts), and SQL of our
   * own skips the query builder and the identity map, which cost more than the read here.
   */
  async find(id: string): Promise<CheckoutRecord | null> {
    const [row] = await this.em.execute<Record<string, unknown>[]>(`select * from ${this.table} where id = ?`, [id]);
    return row ? checkoutRecordOf(this.em, row) : null;
  }

  /**
   * Inside a transaction: the checkout, locked until commit, or null when there is none (yet). A
   * plain record, not a managed entity: its writer writes it by hand, and the unit of work must
   * not write it a second time at commit. `along`, a read that needs the locked row, goes in the
   * same message, after the lock (its own statement, so it sees the row as locked); `alongRows` is
   * what it answered.
   */
  async lock(id: string, along: SqlText | null = null): Promise<{ checkout: CheckoutRecord | null; alongRows: Record<string, unknown>[] }> {
    const read: SqlText = { sql: `select * from ${this.table} where id = ? for update`, params: [id] };
    const [[row], alongRows = []] = await executeTogether(this.em, along ? [read, along] : [read]);
    return { checkout: row ? checkoutRecordOf(this.em, row) : null, alongRows };
  }


  /**
   * Claims up to `limit` checkouts in progress untouched for `ttlMs` by the database clock; rows
   * another sweeper holds (or a request is changing) are skipped, not waited for.
   */
  async claimExpired(ttlMs: number, limit: number): Promise<CheckoutRecord[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select id from ${this.table}
        where status = 'IN_PROGRESS' and updated_at <= now() - make_interval(secs => ? / 1000.0)
        order by updated_at
        limit ?
        for update skip locked`,
      [ttlMs, limit],
    );
    if (!rows.length) return [];
    return this.em.find(CheckoutEntity, { id: { $in: rows.map((r) => r.id) } }, { refresh: true });
  }
}

/** A row of `orders.checkout` as read or returned by SQL of our own → its record (not managed). */
export function checkoutRecordOf(em: EntityManager, row: Record<string, unknown>): CheckoutRecord {
  return em.getDriver().mapResult(row as never, em.getMetadata().get<CheckoutRecord>(CheckoutEntity.meta.className)) as CheckoutRecord;
}

export interface InitiatedCheckout {
  id: string;
  cartId: string;
  customerId: string;
  lines: CheckoutLine[];
  coupon?: { code: string; percentOff: number } | null;
}

/**
 * From CheckoutInitiated — one event's checkout, or a batch's in one statement; a repeated event
 * (same checkout id) inserts nothing. A checkout that is inserted announces itself on
 * `arrivalsChannel` (platform/arrivals.ts: requests that came before it wake when this commits)
 * from the insert's RETURNING, which PostgreSQL evaluates for every row inserted even when nothing
 * reads it — one statement. The RETURNING also hands back each row as inserted (defaults,
 * version): `committed` gets them as records once they are committed.
 */
export function initiatedCheckoutsInsert(
  schema: string,
  checkouts: readonly InitiatedCheckout[],
  arrivalsChannel: string,
  committed: (checkout: CheckoutRecord) => void,
): SqlStatement {
  if (!checkouts.length) throw new Error('initiatedCheckoutsInsert: no checkout to insert');
  return {
    sql: `insert into "${schema}".checkout (id, cart_id, customer_id, lines, coupon_code, coupon_percent_off)
          values ${checkouts.map(() => '(?, ?, ?, ?::jsonb, ?, ?)').join(', ')}
          on conflict (id) do nothing
          returning *, pg_notify(?, id::text) as arrival_announced`,
    params: [
      ...checkouts.flatMap((c) => [c.id, c.cartId, c.customerId, JSON.stringify(c.lines), c.coupon?.code ?? null, c.coupon?.percentOff ?? null]),
      arrivalsChannel,
    ],
    committed: (rows, em) => {
      for (const { arrival_announced: _announced, ...row } of rows) committed(checkoutRecordOf(em, row));
    },
  };
}
