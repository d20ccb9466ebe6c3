import { Migration } from '@mikro-orm/migrations';

/**
 * Escalated refunds settled by staff: a refund made outside the provider (bank transfer, cheque)
 * keeps its reference, and every refund records who settled it by hand, if anyone.
 */
export class Migration0002ManualRefunds extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      alter table "${schema}".refund add column manual_reference text check (manual_reference is null or length(btrim(manual_reference)) between 1 and 200);
      alter table "${schema}".refund add column settled_by text;
      alter table "${schema}".refund add constraint refund_settled_once check (manual_reference is null or gateway_reference is null);
    `);
  }
}
