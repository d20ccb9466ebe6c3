import { Migration } from '@mikro-orm/migrations';

/**
 * The checkout's version, bumped by every write: the steps write without a row lock (read,
 * decide, one conditional update `where version = ?`), so placeOrder and the abandonment sweep,
 * which still lock the row, bump it too — a step decided on an older row then writes nothing.
 */
export class Migration0005CheckoutVersion extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`alter table "${schema}".checkout add column version integer not null default 0;`);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`alter table "${schema}".checkout drop column if exists version;`);
  }
}
