import { Migration } from '@mikro-orm/migrations';

/**
 * Coupons and the redemptions orders reported (one row per order that used a coupon; released
 * when the order was cancelled). `coupon.redemptions` is the count of unreleased rows.
 */
export class Migration0001Promotions extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".coupon (
        code text primary key check (code = upper(code)),
        description text not null,
        percent_off integer not null check (percent_off between 1 and 100),
        valid_until timestamptz,
        max_redemptions integer check (max_redemptions >= 1),
        active boolean not null default true,
        redemptions integer not null default 0 check (redemptions >= 0),
        created_by text not null,
        created_at timestamptz not null default now(),
        deactivated_at timestamptz,
        check (active = (deactivated_at is null))
      );

      create table "${schema}".coupon_redemption (
        order_id uuid primary key,
        code text not null,
        customer_id text not null,
        redeemed_at timestamptz not null,
        released_at timestamptz
      );
      create index coupon_redemption_code_idx on "${schema}".coupon_redemption (code) where released_at is null;
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop table if exists "${schema}".coupon_redemption;
      drop table if exists "${schema}".coupon;
    `);
  }
}
