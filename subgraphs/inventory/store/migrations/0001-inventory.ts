import { Migration } from '@mikro-orm/migrations';

/**
 * Warehouses, stock per (SKU, warehouse) in four buckets that never go negative, the append-only
 * movement log, and reservations (one per order) with the index the expiry job claims from.
 * The warehouse rows are the four sites of SPEC §4 as of this migration (routing lives in
 * domain/warehouses.ts); a new site is a new migration.
 */
export class Migration0001Inventory extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".warehouse (
        id text primary key,
        name text not null,
        city text not null
      );
      insert into "${schema}".warehouse (id, name, city) values
        ('NJ-FC', 'Newark Fulfillment Center', 'Newark, NJ'),
        ('WA-FC', 'Kent Fulfillment Center', 'Kent, WA'),
        ('OH-FC', 'Columbus Fulfillment Center', 'Columbus, OH'),
        ('TX-FC', 'Dallas Fulfillment Center', 'Dallas, TX');

      create table "${schema}".stock_level (
        sku text not null check (sku ~ '^[A-Z0-9-]{3,24}$'),
        warehouse_id text not null references "${schema}".warehouse (id),
        available integer not null default 0 check (available >= 0),
        reserved integer not null default 0 check (reserved >= 0),
        committed integer not null default 0 check (committed >= 0),
        shipped integer not null default 0 check (shipped >= 0),
        updated_at timestamptz not null default now(),
        primary key (sku, warehouse_id)
      );

      create table "${schema}".stock_movement (
        id bigserial primary key,
        sku text not null,
        warehouse_id text not null,
        kind text not null check (kind in ('SEEDED', 'RECEIVED', 'ADJUSTED', 'RESERVED', 'COMMITTED', 'SHIPPED', 'RELEASED', 'EXPIRED')),
        delta_available integer not null default 0,
        delta_reserved integer not null default 0,
        delta_committed integer not null default 0,
        delta_shipped integer not null default 0,
        -- staff subject for receipts and adjustments; "system" for reservations, seed and expiry
        actor text not null,
        reason text,
        -- receipt reference, or the order id of a reservation move
        reference text,
        occurred_at timestamptz not null default now(),
        foreign key (sku, warehouse_id) references "${schema}".stock_level (sku, warehouse_id),
        check (delta_available <> 0 or delta_reserved <> 0 or delta_committed <> 0 or delta_shipped <> 0)
      );
      create index stock_movement_row_idx on "${schema}".stock_movement (sku, warehouse_id, id);
      create index stock_movement_reference_idx on "${schema}".stock_movement (reference) where reference is not null;

      create function "${schema}".stock_movement_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'stock_movement is append-only';
      end $$;
      create trigger stock_movement_append_only before update or delete on "${schema}".stock_movement
        for each row execute function "${schema}".stock_movement_append_only();

      create table "${schema}".reservation (
        id uuid primary key,
        order_id text not null unique,
        customer_id text,
        status text not null check (status in ('RESERVED', 'COMMITTED', 'SHIPPED', 'RELEASED', 'EXPIRED', 'FAILED')),
        -- null for FAILED and for a release that arrived before any reservation
        warehouse_id text references "${schema}".warehouse (id),
        lines jsonb not null default '[]',
        unavailable jsonb,
        shipping_region text,
        shipping_country text,
        release_reason text,
        -- what the units were when released (null for a release ahead of the request): answers repeats
        released_from text check (released_from in ('RESERVED', 'COMMITTED')),
        expires_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (status <> 'RESERVED' or (expires_at is not null and warehouse_id is not null))
      );
      create index reservation_expiry_idx on "${schema}".reservation (expires_at) where status = 'RESERVED';
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop table if exists "${schema}".reservation;
      drop table if exists "${schema}".stock_movement;
      drop function if exists "${schema}".stock_movement_append_only();
      drop table if exists "${schema}".stock_level;
      drop table if exists "${schema}".warehouse;
    `);
  }
}
