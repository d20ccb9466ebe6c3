import { Migration } from '@mikro-orm/migrations';

/**
 * Session lifecycle: single-use password reset tokens (only their SHA-256 is stored) and revoked
 * sessions (one session by id, or every session of a subject issued before a time).
 */
export class Migration0002SessionLifecycle extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".password_reset (
        token_hash text primary key,
        customer_id uuid not null references "${schema}".customer (id) on delete cascade,
        expires_at timestamptz not null,
        used_at timestamptz
      );
      create index password_reset_customer on "${schema}".password_reset (customer_id);

      create table "${schema}".session_revocation (
        id bigserial primary key,
        subject text not null,
        session_id uuid,
        issued_before timestamptz,
        except_session_id uuid,
        expires_at timestamptz not null,
        check ((session_id is null) <> (issued_before is null))
      );
      create index session_revocation_subject on "${schema}".session_revocation (subject);
    `);
  }
}
