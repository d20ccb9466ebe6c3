import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { ReservationEntity, type ReservationRecord } from './reservation.entity.js';

export type NewReservation = Omit<ReservationRecord, 'id' | 'createdAt' | 'updatedAt'>;

/** Reservations, one per order. Changes are flushed with the caller's transaction. */
export class ReservationRepository {
  constructor(private readonly em: EntityManager) {}

  private get table(): string {
    return `"${this.em.config.get('schema')}".reservation`;
  }

  /**
   * Inside a transaction: serialises everything done for one order (two deliveries of requests for
   * the same order, even before its row exists), then reads its reservation under a row lock.
   */
  async lockForOrder(orderId: string): Promise<ReservationRecord | null> {
    await this.em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`inventory.reservation:${orderId}`]);
    return this.em.findOne(ReservationEntity, { orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /**
   * Inside a transaction: claims the oldest expired RESERVED reservation that no other replica is
   * expiring, by the database clock. Null when there is none.
   */
  async claimExpired(): Promise<ReservationRecord | null> {
    const [row] = await this.em.execute<{ id: string }[]>(
      `select id from ${this.table}
       where status = 'RESERVED' and expires_at <= now()
       order by expires_at limit 1
       for update skip locked`,
    );
    return row ? this.em.findOneOrFail(ReservationEntity, { id: row.id }, { refresh: true }) : null;
  }

  /** `ttlMs` from now by the database clock (the one the expiry job compares with). */
  async expiryFromNow(ttlMs: number): Promise<Date> {
    const [row] = await this.em.execute<{ at: Date }[]>(`select now() + ? * interval '1 millisecond' as at`, [ttlMs]);
    return new Date(row.at);
  }

  add(reservation: NewReservation): ReservationRecord {
    return this.em.create(ReservationEntity, { id: uuidv7(), ...reservation } as never);
  }
}
