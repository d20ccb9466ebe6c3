import { Migration } from '@mikro-orm/migrations';

/**
 * Failed sign-ins remember the client address the gateway saw, so the throttle can hold them
 * against that address rather than against the e-mail everywhere (issue 9, finding 5).
 */
export class Migration0003LoginFailureAddress extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      alter table "${schema}".login_failure add column client_address text not null default '';
    `);
  }
}
