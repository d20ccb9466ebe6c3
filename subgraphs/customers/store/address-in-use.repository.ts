import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlStatement } from '../../../platform/combined-statement.js';
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

/**
 * The checkout now holds `addressId` if it is the customer's own saved address (a wrong id must not
 * pin someone else's address: then it holds none), or no saved address. Ignored for a checkout that
 * has already ended, and for a selection older than the one recorded (events may arrive late).
 */
export function addressSelectionUpsert(schema: string, selection: { checkoutId: string; customerId: string; addressId: string | null; selectedAt: Date }): SqlStatement {
  const table = `"${schema}".address_in_use`;
  const held = selection.addressId === null ? 'null::uuid' : `(select a.id from "${schema}".address a where a.id = ? and a.customer_id = ?)`;
  return {
    sql: `insert into ${table} (checkout_id, customer_id, address_id, selected_at)
       values (?, ?, ${held}, ?)
       on conflict (checkout_id) do update
         set address_id = excluded.address_id, selected_at = excluded.selected_at
         where address_in_use.ended_at is null and address_in_use.selected_at <= excluded.selected_at`,
    params: [selection.checkoutId, selection.customerId, ...(selection.addressId === null ? [] : [selection.addressId, selection.customerId]), selection.selectedAt],
  };
}

/** The checkout ended: it holds nothing any more, whatever arrives for it later. */
export function checkoutEndUpsert(schema: string, end: { checkoutId: string; customerId: string; endedAt: Date }): SqlStatement {
  return {
    sql: `insert into "${schema}".address_in_use (checkout_id, customer_id, address_id, selected_at, ended_at)
       values (?, ?, null, ?, ?)
       on conflict (checkout_id) do update
         set ended_at = coalesce(address_in_use.ended_at, excluded.ended_at)`,
    params: [end.checkoutId, end.customerId, end.endedAt, end.endedAt],
  };
}
