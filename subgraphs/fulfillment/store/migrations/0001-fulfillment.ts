import { Migration } from '@mikro-orm/migrations';

/**
 * Shipments (one per order), their append-only history, the carrier reports already handled
 * (idempotency per carrier event id) and the orders cancelled by orders.
 */
export class Migration0001Fulfillment extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".shipment (
        id uuid primary key,
        order_id text not null unique,
        customer_id text not null,
        reservation_id text not null,
        warehouse_id text not null,
        status text not null check (status in ('REQUESTED', 'ASSIGNED', 'DISPATCHED', 'DELIVERED', 'DELIVERY_FAILED', 'BACKORDERED', 'CANCELLED')),
        items jsonb not null,
        shipping_address jsonb not null,
        shipping_method text not null,
        carrier text,
        tracking_number text,
        delivery_attempts integer not null default 0 check (delivery_attempts >= 0),
        assigned_at timestamptz,
        dispatched_at timestamptz,
        delivered_at timestamptz,
        delivery_failed_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        -- a parcel that left the warehouse always has its label
        check (status not in ('DISPATCHED', 'DELIVERED', 'DELIVERY_FAILED') or (carrier is not null and tracking_number is not null and dispatched_at is not null))
      );
      -- staff listings: by status (and warehouse), oldest first (ids are UUIDv7)
      create index shipment_listing_idx on "${schema}".shipment (status, warehouse_id, id);
      -- the stub carrier's delivery simulation claims dispatched parcels by their last change
      create index shipment_in_transit_idx on "${schema}".shipment (updated_at) where status = 'DISPATCHED';

      create table "${schema}".shipment_history (
        id bigserial primary key,
        -- deferred: the unit of work does not order inserts of unrelated entities (no ORM relation here)
        shipment_id uuid not null references "${schema}".shipment (id) deferrable initially deferred,
        kind text not null check (kind in ('REQUESTED', 'ASSIGNED', 'DISPATCHED', 'IN_TRANSIT', 'DELIVERY_ATTEMPT_FAILED', 'DELIVERY_FAILED', 'DELIVERED', 'CANCELLED')),
        actor text not null,
        detail text,
        occurred_at timestamptz not null
      );
      create index shipment_history_shipment_idx on "${schema}".shipment_history (shipment_id, id);

      create function "${schema}".shipment_history_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'shipment_history is append-only';
      end $$;
      create trigger shipment_history_append_only before update or delete on "${schema}".shipment_history
        for each row execute function "${schema}".shipment_history_append_only();

      create table "${schema}".carrier_event (
        event_id text primary key,
        shipment_id uuid not null references "${schema}".shipment (id) deferrable initially deferred,
        type text not null,
        outcome text not null check (outcome in ('APPLIED', 'IGNORED')),
        received_at timestamptz not null default now()
      );

      create table "${schema}".order_cancellation (
        order_id text primary key,
        reason text,
        cancelled_at timestamptz not null default now()
      );
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop table if exists "${schema}".order_cancellation;
      drop table if exists "${schema}".carrier_event;
      drop table if exists "${schema}".shipment_history;
      drop function if exists "${schema}".shipment_history_append_only();
      drop table if exists "${schema}".shipment;
    `);
  }
}
