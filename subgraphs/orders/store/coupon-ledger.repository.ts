import type { EntityManager } from '@mikro-orm/postgresql';
import type { CouponFacts } from '../../../events/contracts/promotions/index.js';

/**
 * Orders' coupon ledger: its projection of promotions' coupons and the one authoritative count of
 * redemptions per coupon. Plain SQL, because the point is the exact statements: redeeming is one
 * conditional UPDATE, so concurrent placements queue on the coupon's row and each re-reads the
 * count the previous one committed — never more redemptions than the limit.
 */
export class CouponLedgerRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  // ------------------------------------------------------------ projection of promotions' events
  // Each upsert commutes with the other: a deactivation applied before the creation still counts.

  async created(coupon: Pick<CouponFacts, 'code' | 'percentOff' | 'validUntil' | 'maxRedemptions'>): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}".coupon_allowance (code, percent_off, valid_until, max_redemptions) values (?, ?, ?, ?)
       on conflict (code) do update set percent_off = excluded.percent_off, valid_until = excluded.valid_until, max_redemptions = excluded.max_redemptions`,
      [coupon.code, coupon.percentOff, coupon.validUntil, coupon.maxRedemptions],
    );
  }

  async deactivated(code: string): Promise<void> {
    await this.em.execute(`insert into "${this.schema}".coupon_allowance (code, deactivated) values (?, true) on conflict (code) do update set deactivated = true`, [code]);
  }

  // ------------------------------------------------------------ redemptions

  /**
   * Inside placeOrder's transaction: takes one redemption of `code` for `customerId` if the coupon
   * applies at `now` — known, active, unexpired, below its limit, not held by this customer.
   * Waits for the coupon row's lock; false when it does not apply (see `standing` for why).
   */
  async tryRedeem(code: string, customerId: string, now: Date): Promise<boolean> {
    const rows = await this.em.execute<{ redemptions: number }[]>(
      `update "${this.schema}".coupon_allowance a set redemptions = a.redemptions + 1
        where a.code = ? and a.percent_off is not null and not a.deactivated
          and (a.valid_until is null or a.valid_until > ?)
          and (a.max_redemptions is null or a.redemptions < a.max_redemptions)
          and not exists (select 1 from "${this.schema}".coupon_redemption r where r.code = a.code and r.customer_id = ? and r.released_at is null)
        returning a.redemptions`,
      [code, now, customerId],
    );
    return rows.length === 1;
  }

  /** A cancelled order's redemption goes back to the coupon (once): the released row, or null if there was none to release. */
  async release(orderId: string, at: Date): Promise<{ code: string; customerId: string } | null> {
    const rows = await this.em.execute<{ code: string; customer_id: string }[]>(
      `update "${this.schema}".coupon_redemption set released_at = ? where order_id = ? and released_at is null returning code, customer_id`,
      [at, orderId],
    );
    const released = rows[0];
    if (!released) return null;
    await this.em.execute(`update "${this.schema}".coupon_allowance set redemptions = redemptions - 1 where code = ?`, [released.code]);
    return { code: released.code, customerId: released.customer_id };
  }

  /** The coupon as orders knows it now and whether the customer holds a redemption of it (no locks: for reads and refusals). */
  async standing(code: string, customerId: string): Promise<{ coupon: CouponFacts | null; usedByCustomer: boolean }> {
    const rows = await this.em.execute<{ percent_off: number | null; valid_until: Date | null; max_redemptions: number | null; deactivated: boolean; redemptions: number; used: boolean }[]>(
      `select a.percent_off, a.valid_until, a.max_redemptions, a.deactivated, a.redemptions,
              exists (select 1 from "${this.schema}".coupon_redemption r where r.code = a.code and r.customer_id = ? and r.released_at is null) as used
         from "${this.schema}".coupon_allowance a where a.code = ?`,
      [customerId, code],
    );
    const row = rows[0];
    if (!row || row.percent_off === null) return { coupon: null, usedByCustomer: false };
    return {
      coupon: {
        code,
        percentOff: row.percent_off,
        validUntil: row.valid_until ? new Date(row.valid_until) : null,
        maxRedemptions: row.max_redemptions,
        active: !row.deactivated,
        redemptions: row.redemptions,
      },
      usedByCustomer: row.used,
    };
  }
}
