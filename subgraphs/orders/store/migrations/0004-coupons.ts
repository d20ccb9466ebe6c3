import { Migration } from '@mikro-orm/migrations';

/**
 * Promotions (SPEC §12): the coupon a checkout carries from the cart, the discount an order got,
 * orders' projection of coupons with the authoritative redemption counter (decided at placeOrder
 * under the coupon row's lock), and one redemption row per order that used a coupon.
 */
export class Migration0004Coupons extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      alter table "${schema}".checkout
        add column coupon_code text,
        add column coupon_percent_off integer check (coupon_percent_off between 1 and 100);

      alter table "${schema}".customer_order
        add column discount_cents integer not null default 0 check (discount_cents >= 0),
        add column coupon_code text,
        add check (discount_cents <= subtotal_cents),
        add check (coupon_code is not null or discount_cents = 0);

      -- Terms from promotions' CouponCreated (null until it arrived), CouponDeactivated; the counter
      -- is orders' own: placeOrder increments it with a conditional update, cancellation decrements.
      create table "${schema}".coupon_allowance (
        code text primary key,
        percent_off integer,
        valid_until timestamptz,
        max_redemptions integer,
        deactivated boolean not null default false,
        redemptions integer not null default 0 check (redemptions >= 0),
        check (max_redemptions is null or redemptions <= max_redemptions)
      );

      create table "${schema}".coupon_redemption (
        order_id uuid primary key references "${schema}".customer_order (id) deferrable initially deferred,
        code text not null references "${schema}".coupon_allowance (code),
        customer_id text not null,
        discount_cents integer not null check (discount_cents >= 0),
        redeemed_at timestamptz not null,
        released_at timestamptz
      );
      -- one use per customer while the order stands (a cancelled order gives it back)
      create unique index coupon_redemption_one_per_customer on "${schema}".coupon_redemption (code, customer_id) where released_at is null;
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop table if exists "${schema}".coupon_redemption;
      drop table if exists "${schema}".coupon_allowance;
      alter table "${schema}".customer_order drop column if exists coupon_code, drop column if exists discount_cents;
      alter table "${schema}".checkout drop column if exists coupon_percent_off, drop column if exists coupon_code;
    `);
  }
}
