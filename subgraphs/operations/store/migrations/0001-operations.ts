import { Migration } from '@mikro-orm/migrations';

/**
 * Alerts, and operations' copy of every context's dead letters. A partial unique index keeps one
 * open (not RESOLVED) alert per (kind, subject), whatever races the handlers run into; another
 * serves the escalation poll (OPEN alerts not yet escalated, oldest first). The latest stock
 * level per SKU orders low-stock events against recoveries.
 */
export class Migration0001Operations extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".alert (
        id uuid primary key,
        kind text not null check (kind in ('ORDER_ON_HOLD', 'REFUND_ESCALATED', 'DELIVERY_FAILED', 'LOW_STOCK', 'MESSAGE_DEAD_LETTERED', 'NOTIFICATION_FAILED')),
        subject text not null,
        status text not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
        summary text not null,
        order_id uuid,
        sku text,
        raised_at timestamptz not null default now(),
        acknowledged_at timestamptz,
        acknowledged_by text,
        resolved_at timestamptz,
        resolved_by text,
        resolution text,
        escalated_at timestamptz,
        cause_event_id text,
        check ((status = 'RESOLVED') = (resolved_at is not null)),
        check (status = 'OPEN' or acknowledged_at is not null or resolved_at is not null)
      );
      create unique index alert_one_open_per_subject on "${schema}".alert (kind, subject) where status <> 'RESOLVED';
      create index alert_status_idx on "${schema}".alert (status, id);
      create index alert_kind_idx on "${schema}".alert (kind, id);
      create index alert_order_idx on "${schema}".alert (order_id) where order_id is not null;
      create index alert_escalation_idx on "${schema}".alert (raised_at) where status = 'OPEN' and escalated_at is null;

      create table "${schema}".dead_letter_copy (
        id uuid primary key,
        context text not null,
        handler text not null,
        subject text not null,
        event_id text not null,
        error text not null,
        attempts integer not null check (attempts >= 0),
        failed_at timestamptz not null,
        payload text not null,
        replayed_at timestamptz,
        replay_requested_at timestamptz
      );
      create index dead_letter_copy_failed_idx on "${schema}".dead_letter_copy (failed_at desc, id desc);
      create index dead_letter_copy_context_idx on "${schema}".dead_letter_copy (context, failed_at desc, id desc);

      -- The latest stock level seen per SKU (StockLevelChanged), so a LowStockDetected handled after a
      -- later recovery does not open an alert for stock that is no longer low.
      create table "${schema}".sku_stock (
        sku text primary key,
        total_available integer not null check (total_available >= 0),
        observed_at timestamptz not null
      );
    `);
  }
}
