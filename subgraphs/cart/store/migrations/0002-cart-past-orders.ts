import { Migration } from '@mikro-orm/migrations';

/**
 * The cart's projection of placed orders (orders' OrderPlaced): which SKUs, how many, whose. All
 * `reorder` needs, without reading orders' tables. Orders placed before this migration are not in
 * it (their OrderPlaced events went by); they cannot be reordered.
 */
export class Migration0002CartPastOrders extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".past_order (
        order_id uuid primary key,
        customer_id text not null,
        items jsonb not null,
        placed_at timestamptz not null
      );
    `);
  }
}
