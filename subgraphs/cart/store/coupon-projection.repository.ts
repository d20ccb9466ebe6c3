import type { EntityManager } from '@mikro-orm/postgresql';
import type { CouponFacts } from '../../../events/contracts/promotions/index.js';

/**
 * The cart's projection of coupons (promotions' CouponCreated/CouponDeactivated) and of who used
 * which (orders' CouponRedeemed/CouponRedemptionReleased). Every fact is an upsert that commutes
 * with the others — each event type has its own consumer, so a deactivation or a release may be
 * applied before the event it follows. Plain SQL: rows of facts, no aggregate to load.
 */
export class CouponProjectionRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  async created(coupon: Omit<CouponFacts, 'active' | 'redemptions'>): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}".coupon_projection (code, percent_off, valid_until, max_redemptions)
       values (?, ?, ?, ?)
       on conflict (code) do update set percent_off = excluded.percent_off, valid_until = excluded.valid_until, max_redemptions = excluded.max_redemptions`,
      [coupon.code, coupon.percentOff, coupon.validUntil, coupon.maxRedemptions],
    );
  }

  async deactivated(code: string): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}".coupon_projection (code, deactivated) values (?, true) on conflict (code) do update set deactivated = true`,
      [code],
    );
  }

  async used(fact: { code: string; orderId: string; customerId: string; released: boolean }): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}".coupon_use (order_id, code, customer_id, released) values (?, ?, ?, ?)
       on conflict (order_id) do update set released = "${this.schema}".coupon_use.released or excluded.released`,
      [fact.orderId, fact.code, fact.customerId, fact.released],
    );
  }

  /** The coupon as the cart knows it (null until CouponCreated arrived) and whether `customerId` holds a redemption of it. */
  async standing(code: string, customerId: string | null): Promise<{ coupon: CouponFacts | null; usedByCustomer: boolean }> {
    const rows = await this.em.execute<{ percent_off: number | null; valid_until: Date | null; max_redemptions: number | null; deactivated: boolean; redemptions: string; used: boolean }[]>(
      `select p.percent_off, p.valid_until, p.max_redemptions, p.deactivated,
              (select count(*) from "${this.schema}".coupon_use u where u.code = p.code and not u.released) as redemptions,
              exists (select 1 from "${this.schema}".coupon_use u where u.code = p.code and u.customer_id = ? and not u.released) as used
         from "${this.schema}".coupon_projection p where p.code = ?`,
      [customerId ?? '', code],
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
        redemptions: Number(row.redemptions),
      },
      usedByCustomer: customerId !== null && row.used,
    };
  }
}
