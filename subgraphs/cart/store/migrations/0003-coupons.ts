import { Migration } from '@mikro-orm/migrations';

/**
 * Promotions (SPEC §12): the coupon on a cart (its code and percentage when applied), the cart's
 * projection of coupons, and who used which (one row per order that redeemed a coupon).
 */
export class Migration0003Coupons extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      alter table "${schema}".cart
        add column coupon_code text,
        add column coupon_percent_off integer check (coupon_percent_off between 1 and 100),
        add check ((coupon_code is null) = (coupon_percent_off is null));

      -- Fed by promotions' CouponCreated (terms; null until it arrived) and CouponDeactivated.
      create table "${schema}".coupon_projection (
        code text primary key,
        percent_off integer,
        valid_until timestamptz,
        max_redemptions integer,
        deactivated boolean not null default false
      );

      -- Fed by orders' CouponRedeemed / CouponRedemptionReleased.
      create table "${schema}".coupon_use (
        order_id uuid primary key,
        code text not null,
        customer_id text not null,
        released boolean not null
      );
      create index coupon_use_code_idx on "${schema}".coupon_use (code, customer_id) where not released;
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop table if exists "${schema}".coupon_use;
      drop table if exists "${schema}".coupon_projection;
      alter table "${schema}".cart drop column if exists coupon_percent_off, drop column if exists coupon_code;
    `);
  }
}
