import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { plainRecord } from '../../../platform/plain-record.js';
import { ReservationEntity, type ReservationRecord } from './reservation.entity.js';

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
   * read is a statement of its own, after the lock: its snapshot must include what the previous
   * holder committed. Also answers the transaction's time by the database clock (the one the
   * expiry job compares with), which the lock's statement reads for free.
   */
  async lockForOrder(orderId: string): Promise<{ reservation: ReservationRecord | null; now: Date }> {
    const [lock] = await this.em.execute<{ now: string | Date }[]>(`select pg_advisory_xact_lock(hashtextextended(?, 0))::text as locked, now() as now`, [`inventory.reservation:${orderId}`]);
    const [row] = await this.em.execute<Record<string, unknown>[]>(`select * from ${this.table} where order_id = ? for update`, [orderId]);
    return { reservation: row ? this.recordOf(row) : null, now: new Date(lock!.now) };
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
