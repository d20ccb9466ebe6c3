import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { CouponEntity, type CouponRecord } from './coupon.entity.js';

/** Coupons and the redemptions orders reported. Writes flush with the caller's transaction. */
export class CouponRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  find(code: string): Promise<CouponRecord | null> {
    return this.em.findOne(CouponEntity, { code });
  }

  findMany(codes: readonly string[]): Promise<CouponRecord[]> {
    return this.em.find(CouponEntity, { code: { $in: [...codes] } });
  }

  /** Inside a transaction: the coupon under a row lock. */
  lock(code: string): Promise<CouponRecord | null> {
    return this.em.findOne(CouponEntity, { code }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** One page by code after `afterCode`; one more row than asked tells whether another page follows. */
  async page(afterCode: string | null, first: number): Promise<{ rows: CouponRecord[]; totalCount: number }> {
    const [rows, totalCount] = await Promise.all([
      this.em.find(CouponEntity, afterCode ? { code: { $gt: afterCode } } : {}, { orderBy: { code: 'asc' }, limit: first + 1 }),
      this.em.count(CouponEntity, {}),
    ]);
    return { rows, totalCount };
  }

  /**
   * Records what orders said about one order's redemption and recounts the coupon. Redeemed and
   * released may arrive in either order (different subjects): a release seen first leaves a row
   * that the later redemption cannot revive, so the count converges whatever the order.
   *
   * The coupon row is locked first. Facts about different orders of one coupon are projected
   * concurrently, and a recount that only queued behind another's UPDATE would still count with the
   * snapshot its statement started with (READ COMMITTED re-checks the locked row, not the subquery),
   * missing the other's row: the count drifted by one under load. Taking the lock in its own
   * statement means every later statement here reads what the previous holder committed.
   */
  async recordRedemption(fact: { code: string; orderId: string; customerId: string; released: boolean; at: Date }): Promise<void> {
    await this.em.execute(`select 1 from "${this.schema}".coupon where code = ? for update`, [fact.code]);
    await this.em.execute(
      `insert into "${this.schema}".coupon_redemption (order_id, code, customer_id, redeemed_at, released_at)
       values (?, ?, ?, ?, ?)
       on conflict (order_id) do update set released_at = coalesce("${this.schema}".coupon_redemption.released_at, excluded.released_at)`,
      [fact.orderId, fact.code, fact.customerId, fact.at, fact.released ? fact.at : null],
    );
    await this.em.execute(
      `update "${this.schema}".coupon c set redemptions = (select count(*) from "${this.schema}".coupon_redemption r where r.code = c.code and r.released_at is null) where c.code = ?`,
      [fact.code],
    );
  }
}
