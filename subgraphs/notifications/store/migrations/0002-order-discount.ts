import { Migration } from '@mikro-orm/migrations';

/** The coupon of an order (OrderPlaced's discountCents / couponCode), for the confirmation's discount line. */
export class Migration0002OrderDiscount extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      alter table "${schema}".order_summary
        add column discount_cents integer not null default 0 check (discount_cents >= 0),
        add column coupon_code text;
    `);
  }
}
