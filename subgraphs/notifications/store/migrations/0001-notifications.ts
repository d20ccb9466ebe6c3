import { Migration } from '@mikro-orm/migrations';

/**
 * The e-mails (one row per message, unique per causing event, kind and recipient), and the two
 * event-fed projections they are written from: customers' addresses and the orders' facts an
 * e-mail shows. The partial index is the sender's queue: only QUEUED rows, by due time.
 */
export class Migration0001Notifications extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".recipient (
        customer_id text primary key,
        email text not null,
        first_name text not null,
        last_name text not null,
        -- event time of the fact the row reflects: an older event never overwrites a newer one
        as_of timestamptz not null
      );

      create table "${schema}".order_summary (
        order_id uuid primary key,
        customer_id text not null,
        number text,
        items jsonb not null,
        subtotal_cents integer not null check (subtotal_cents >= 0),
        shipping_cents integer not null check (shipping_cents >= 0),
        total_cents integer not null check (total_cents >= 0),
        currency text not null,
        shipping_address jsonb not null,
        shipping_method text not null,
        placed_at timestamptz not null,
        captured_cents integer not null default 0 check (captured_cents >= 0)
      );
      create index order_summary_customer_idx on "${schema}".order_summary (customer_id);

      create table "${schema}".notification (
        id uuid primary key,
        event_id uuid not null,
        kind text not null,
        recipient text not null,
        customer_id text,
        order_id uuid,
        subject text not null,
        html text not null,
        text text not null,
        status text not null check (status in ('QUEUED', 'SENT', 'FAILED')),
        attempts integer not null default 0 check (attempts >= 0),
        event_at timestamptz not null,
        next_attempt_at timestamptz,
        last_error text,
        created_at timestamptz not null default now(),
        sent_at timestamptz,
        failed_at timestamptz,
        unique (event_id, kind, recipient),
        check ((status = 'QUEUED') = (next_attempt_at is not null))
      );
      create index notification_due_idx on "${schema}".notification (next_attempt_at) where status = 'QUEUED';
      create index notification_customer_idx on "${schema}".notification (customer_id, id desc);
      create index notification_order_idx on "${schema}".notification (order_id, id desc);
      create index notification_status_idx on "${schema}".notification (status, id desc);
    `);
  }
}
