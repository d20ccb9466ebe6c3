import { Migration } from '@mikro-orm/migrations';

/** Movement kind RETURNED: units a customer sent back, from shipped back to available. */
export class Migration0002ReturnedUnits extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      alter table "${schema}".stock_movement drop constraint stock_movement_kind_check;
      alter table "${schema}".stock_movement add constraint stock_movement_kind_check
        check (kind in ('SEEDED', 'RECEIVED', 'ADJUSTED', 'RESERVED', 'COMMITTED', 'SHIPPED', 'RELEASED', 'EXPIRED', 'RETURNED'));
      -- one restock per return and SKU, whatever the broker redelivers
      create unique index stock_movement_returned_idx on "${schema}".stock_movement (reference, sku) where kind = 'RETURNED';
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop index if exists "${schema}".stock_movement_returned_idx;
      alter table "${schema}".stock_movement drop constraint stock_movement_kind_check;
      alter table "${schema}".stock_movement add constraint stock_movement_kind_check
        check (kind in ('SEEDED', 'RECEIVED', 'ADJUSTED', 'RESERVED', 'COMMITTED', 'SHIPPED', 'RELEASED', 'EXPIRED'));
    `);
  }
}
