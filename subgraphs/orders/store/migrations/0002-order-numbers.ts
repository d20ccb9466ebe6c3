import { Migration } from '@mikro-orm/migrations';

/**
 * Human-readable order numbers (CS-100042): a sequence shared by every replica, the existing
 * orders numbered in placement order, then unique and required. Staff search by number, so it
 * is indexed (the unique constraint's index).
 */
export class Migration0002OrderNumbers extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create sequence "${schema}".order_number_seq start with 100001;
      alter table "${schema}".customer_order add column number text;
      update "${schema}".customer_order o set number = 'CS-' || numbered.n
        from (select id, nextval('"${schema}".order_number_seq') as n from (select id from "${schema}".customer_order order by placed_at, id) ordered) numbered
        where numbered.id = o.id;
      alter table "${schema}".customer_order alter column number set not null;
      alter table "${schema}".customer_order add constraint customer_order_number_key unique (number);
    `);
  }
}
