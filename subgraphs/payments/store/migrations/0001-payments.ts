import { Migration } from '@mikro-orm/migrations';

/**
 * Payments (one per order), their refunds, and the append-only attempt log of every provider
 * call. CHECKs keep the money rules even if code slips: captures within the authorization,
 * refunds within the capture. Foreign keys are checked at commit: the unit of work flushes a
 * payment, its refund and its attempts in whatever order it likes, all in one transaction.
 */
export class Migration0001Payments extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".payment (
        id uuid primary key,
        order_id uuid not null unique,
        customer_id text,
        status text not null check (status in ('PENDING', 'AUTHORIZED', 'CAPTURED', 'FAILED', 'VOIDED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
        amount_cents integer not null check (amount_cents >= 0),
        currency text not null check (currency ~ '^[A-Z]{3}$'),
        gateway text not null,
        gateway_reference text,
        failure_reason text,
        failure_kind text check (failure_kind in ('DECLINED', 'REJECTED', 'TIMEOUT', 'UNAVAILABLE')),
        attempts integer not null default 0 check (attempts >= 0),
        captured_cents integer not null default 0 check (captured_cents >= 0 and captured_cents <= amount_cents),
        refunded_cents integer not null default 0 check (refunded_cents >= 0 and refunded_cents <= captured_cents),
        authorized_at timestamptz,
        authorization_expires_at timestamptz,
        captured_at timestamptz,
        voided_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index payment_customer_idx on "${schema}".payment (customer_id);

      create table "${schema}".refund (
        id uuid primary key,
        payment_id uuid not null references "${schema}".payment (id) deferrable initially deferred,
        order_id uuid not null,
        amount_cents integer not null check (amount_cents > 0),
        currency text not null,
        status text not null check (status in ('PENDING', 'COMPLETED', 'FAILED')),
        reason text not null,
        failure_reason text,
        gateway_reference text,
        attempts integer not null default 0 check (attempts >= 0),
        created_at timestamptz not null default now(),
        completed_at timestamptz
      );
      create index refund_payment_idx on "${schema}".refund (payment_id, created_at);

      create table "${schema}".payment_attempt (
        id bigserial primary key,
        payment_id uuid not null references "${schema}".payment (id) deferrable initially deferred,
        refund_id uuid references "${schema}".refund (id) deferrable initially deferred,
        operation text not null check (operation in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND')),
        attempt integer not null check (attempt >= 1),
        outcome text not null check (outcome in ('SUCCEEDED', 'FAILED')),
        failure_kind text check (failure_kind in ('DECLINED', 'REJECTED', 'TIMEOUT', 'UNAVAILABLE')),
        failure_message text,
        idempotency_key text not null,
        started_at timestamptz not null,
        duration_ms integer not null check (duration_ms >= 0),
        check ((outcome = 'SUCCEEDED') = (failure_kind is null))
      );
      create index payment_attempt_payment_idx on "${schema}".payment_attempt (payment_id, id);

      create function "${schema}".payment_attempt_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'payment_attempt is append-only';
      end $$;
      create trigger payment_attempt_append_only before update or delete on "${schema}".payment_attempt
        for each row execute function "${schema}".payment_attempt_append_only();
    `);
  }
}
