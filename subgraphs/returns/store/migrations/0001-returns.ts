import { Migration } from '@mikro-orm/migrations';

/**
 * Returns, the orders they belong to as returns learnt them from events, and the units written
 * off at inspection.
 */
export class Migration0001Returns extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".order_view (
        order_id uuid primary key,
        customer_id text,
        currency text,
        lines jsonb,
        subtotal_cents integer check (subtotal_cents >= 0),
        discount_cents integer not null default 0 check (discount_cents >= 0),
        shipping_address jsonb,
        warehouse_id text,
        delivered_at timestamptz,
        updated_at timestamptz not null default now()
      );

      create table "${schema}".return (
        id uuid primary key,
        order_id uuid not null,
        customer_id text not null,
        status text not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'REFUNDED')),
        lines jsonb not null,
        comment text,
        fingerprint text not null,
        currency text not null,
        warehouse_id text not null,
        restocking_fee_cents integer not null check (restocking_fee_cents >= 0),
        refund_cents integer not null check (refund_cents >= 0),
        label jsonb,
        rejection_reason text,
        refund_id uuid unique,
        refund_status text check (refund_status in ('REQUESTED', 'COMPLETED', 'FAILED')),
        refund_failure_reason text,
        sequence integer not null check (sequence >= 1),
        requested_at timestamptz not null,
        approved_at timestamptz,
        received_at timestamptz,
        refunded_at timestamptz,
        updated_at timestamptz not null default now(),
        -- an approved return always carries its prepaid label
        check (status in ('REQUESTED', 'REJECTED') or label is not null),
        check (status <> 'REJECTED' or rejection_reason is not null)
      );
      create index return_order_idx on "${schema}".return (order_id, requested_at);
      -- staff listings: by status, oldest first (ids are UUIDv7)
      create index return_listing_idx on "${schema}".return (status, id);

      create table "${schema}".write_off (
        id bigserial primary key,
        return_id uuid not null references "${schema}".return (id) deferrable initially deferred,
        order_id uuid not null,
        sku text not null,
        warehouse_id text not null,
        quantity integer not null check (quantity > 0),
        reason text not null,
        actor text not null,
        recorded_at timestamptz not null default now()
      );
      create index write_off_return_idx on "${schema}".write_off (return_id);
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop table if exists "${schema}".write_off;
      drop table if exists "${schema}".return;
      drop table if exists "${schema}".order_view;
    `);
  }
}
