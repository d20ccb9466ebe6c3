import type { EntityManager } from '@mikro-orm/postgresql';
import { qualified } from './sql.js';

/**
 * The local projection of orders' checkouts: which saved address each checkout in progress
 * holds. Fed by orders' events only (see handlers/); read when an address is removed.
 */
export class AddressInUseRepository {
  private readonly table: string;

  constructor(private readonly em: EntityManager) {
    this.table = qualified(em, 'address_in_use');
  }

  /**
   * The checkout now holds `addressId` (or no saved address). Ignored for a checkout that has
   * already ended, and for a selection older than the one recorded (events may arrive late).
   */
  async recordSelection(selection: { checkoutId: string; customerId: string; addressId: string | null; selectedAt: Date }): Promise<void> {
    await this.em.execute(
      `insert into ${this.table} (checkout_id, customer_id, address_id, selected_at)
       values (?, ?, ?, ?)
       on conflict (checkout_id) do update
         set address_id = excluded.address_id, selected_at = excluded.selected_at
         where address_in_use.ended_at is null and address_in_use.selected_at <= excluded.selected_at`,
      [selection.checkoutId, selection.customerId, selection.addressId, selection.selectedAt],
    );
  }

  /** The checkout ended: it holds nothing any more, whatever arrives for it later. */
  async recordEnd(end: { checkoutId: string; customerId: string; endedAt: Date }): Promise<void> {
    await this.em.execute(
      `insert into ${this.table} (checkout_id, customer_id, address_id, selected_at, ended_at)
       values (?, ?, null, ?, ?)
       on conflict (checkout_id) do update
         set ended_at = coalesce(address_in_use.ended_at, excluded.ended_at)`,
      [end.checkoutId, end.customerId, end.endedAt, end.endedAt],
    );
  }

  async isHeldByCheckoutInProgress(addressId: string): Promise<boolean> {
    const rows = await this.em.execute<{ held: number }[]>(
      `select 1 as held from ${this.table} where address_id = ? and ended_at is null limit 1`,
      [addressId],
    );
    return rows.length > 0;
  }

  /** Housekeeping: rows of checkouts that ended long ago guard against nothing any more. */
  async purgeEndedBefore(cutoff: Date): Promise<number> {
    const result = await this.em.execute<{ affectedRows: number }>(`delete from ${this.table} where ended_at < ?`, [cutoff], 'run');
    return result.affectedRows;
  }
}
