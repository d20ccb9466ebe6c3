import { Migration } from '@mikro-orm/migrations';

/**
 * The durable history of every order's status, one row per change, numbered per order from 1
 * (PLACED). `orderUpdated(after:)` replays it to a client that lost its socket; the counter on
 * the order gives each new change its number inside the saga step that makes it (steps of one
 * order are serialized on the saga row's lock; the primary key is the backstop).
 *
 * Orders placed before this migration get their history from the outbox's OrderStatusChanged
 * rows where those are still kept, else one row for their current status.
 */
export class Migration0003OrderStatusHistory extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".order_status_change (
        order_id uuid not null references "${schema}".customer_order (id),
        sequence integer not null check (sequence > 0),
        status text not null,
        previous_status text,
        reason text,
        occurred_at timestamptz not null,
        primary key (order_id, sequence)
      );
      alter table "${schema}".customer_order add column status_changes integer not null default 0;

      insert into "${schema}".order_status_change (order_id, sequence, status, previous_status, reason, occurred_at)
        select (envelope->'payload'->>'orderId')::uuid,
               row_number() over (partition by envelope->'payload'->>'orderId' order by seq),
               envelope->'payload'->>'status', envelope->'payload'->>'previousStatus', envelope->'payload'->>'reason',
               (envelope->'payload'->>'occurredAt')::timestamptz
        from "${schema}".outbox
        where type = 'OrderStatusChanged'
          and (envelope->'payload'->>'orderId')::uuid in (select id from "${schema}".customer_order);
      insert into "${schema}".order_status_change (order_id, sequence, status, previous_status, reason, occurred_at)
        select id, 1, status, null, cancellation_reason, updated_at from "${schema}".customer_order o
        where not exists (select 1 from "${schema}".order_status_change h where h.order_id = o.id);
      update "${schema}".customer_order o set status_changes = (select count(*) from "${schema}".order_status_change h where h.order_id = o.id);
    `);
  }
}
