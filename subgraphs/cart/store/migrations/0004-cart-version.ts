import { Migration } from '@mikro-orm/migrations';

/**
 * A version on each cart, bumped by every write (CartRepository): an item change or the checkout
 * may then be decided on the copy this process last saw committed and written only over that
 * version (use-cases/own-cart-changes.ts), without a locking read first.
 */
export class Migration0004CartVersion extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "${this.config.get('schema')}".cart add column version integer not null default 1`);
  }
}
