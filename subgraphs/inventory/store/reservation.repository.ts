import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { lockForTransaction } from '../../../platform/advisory-locks.js';
import { plainRecord } from '../../../platform/plain-record.js';
import { executeTogether } from '../../../platform/postgres-driver.js';
import type { SqlText } from '../../../platform/prepared-statements.js';
import type { StockLevel } from '../domain/stock-level.js';
import { ReservationEntity, type ReservationRecord } from './reservation.entity.js';

/** The advisory lock every change of one order's reservation takes (the reservation handlers' `lockKey`). */
export const reservationLockKey = (orderId: string): string => `inventory.reservation:${orderId}`;

export type NewReservation = Omit<ReservationRecord, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * Reservations, one per order, read as plain records (never in the ORM's identity map) and written
 * with the rest of their transaction by inventory-write.statement.ts.
 */
export class ReservationRepository {
  constructor(private readonly em: EntityManager) {}

  private get table(): string {
    return `"${this.em.config.get('schema')}".reservation`;
  }

  /**
   * Inside a transaction: serialises everything done for one order (two deliveries of requests for
   * the same order, even before its row exists), then reads its reservation under a row lock. The
   * read is a statement of its own, after the lock: under READ COMMITTED its snapshot includes what
   * the previous holder committed. The reservation handlers' deliveries hold the lock already (the
   * kit takes it with the inbox row: `lockKey`), so then the read is the only statement. It also
   * answers the transaction's time by the database clock (the one the expiry job compares with);
   * the lateral join keeps that answer when there is no reservation (a row lock cannot sit on the
   * nullable side of an outer join, but can inside it).
   * `stockLock`, a locking read of stock rows (store/stock.repository.ts), goes in the same message,
   * after the read: one round trip for both, the order's locks still taken before the stock rows',
   * as every inventory transaction takes them. `stock` is what it locked (nothing without it).
   */
  async lockForOrder(orderId: string, stockLock: SqlText | null): Promise<{ reservation: ReservationRecord | null; now: Date; stock: StockLevel[] }> {
    await lockForTransaction(this.em, reservationLockKey(orderId));
    const read: SqlText = {
      sql: `select now() as transaction_now, r.*
              from (select 1) as one
              left join lateral (select * from ${this.table} where order_id = ? for update) as r on true`,
      params: [orderId],
    };
    const [[row], stock = []] = await executeTogether(this.em, stockLock ? [read, stockLock] : [read]);
    const { transaction_now: now, ...reservation } = row as Record<string, unknown> & { transaction_now: string | Date };
    return { reservation: reservation.id == null ? null : this.recordOf(reservation), now: new Date(now), stock: stock as unknown as StockLevel[] };
  }

  /**
   * Inside a transaction: claims the oldest expired RESERVED reservation that no other replica is
   * expiring, by the database clock. Null when there is none.
   */
  async claimExpired(): Promise<ReservationRecord | null> {
    const [row] = await this.em.execute<Record<string, unknown>[]>(
      `select * from ${this.table}
       where status = 'RESERVED' and expires_at <= now()
       order by expires_at limit 1
       for update skip locked`,
    );
    return row ? this.recordOf(row) : null;
  }

  /** A new reservation's record, to be inserted by the transaction's write. */
  create(reservation: NewReservation): ReservationRecord {
    const now = new Date();
    return { id: uuidv7(), ...reservation, createdAt: now, updatedAt: now };
  }

  private recordOf(row: Record<string, unknown>): ReservationRecord {
    return plainRecord(this.em, ReservationEntity, row);
  }
}
