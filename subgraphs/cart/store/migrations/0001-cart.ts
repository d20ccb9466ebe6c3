import { Migration } from '@mikro-orm/migrations';

/**
 * Carts (one aggregate row each, lines as JSON: a cart is always read and written whole and
 * holds at most 100 lines), their change history, and the local projections of catalog
 * products and inventory stock levels.
 */
export class Migration0001Cart extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".cart (
        id uuid primary key,
        owner_kind text not null check (owner_kind in ('GUEST', 'CUSTOMER')),
        owner_id text not null,
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'CHECKED_OUT', 'ABANDONED', 'CLEARED')),
        lines jsonb not null default '[]',
        checkout_id uuid unique,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((status = 'CHECKED_OUT') = (checkout_id is not null))
      );
      -- One ACTIVE cart per owner (SPEC §5); createCart races resolve on this index.
      create unique index cart_one_active_per_owner on "${schema}".cart (owner_kind, owner_id) where status = 'ACTIVE';
      -- The expiry sweep: active guest carts, oldest change first.
      create index cart_guest_expiry_idx on "${schema}".cart (updated_at) where status = 'ACTIVE' and owner_kind = 'GUEST';

      -- Every change, as published (CartChanged); event_id = the outbox envelope id.
      create table "${schema}".cart_history (
        event_id uuid primary key,
        seq bigserial not null unique,
        cart_id uuid not null references "${schema}".cart (id),
        reason text not null,
        sku text,
        item_count integer not null,
        subtotal_cents integer not null,
        detail jsonb,
        occurred_at timestamptz not null
      );
      create index cart_history_cart_idx on "${schema}".cart_history (cart_id, seq);

      -- Fed by catalog's product events. Facts stay null until their event arrived; *_version
      -- orders the events (see domain/projections.ts).
      create table "${schema}".product_projection (
        sku text primary key,
        name text,
        price_cents integer,
        currency text,
        status text,
        details_version text,
        price_version text,
        status_version text,
        updated_at timestamptz not null default now()
      );

      -- Fed by inventory's StockLevelChanged: total available over all warehouses.
      create table "${schema}".stock_projection (
        sku text primary key,
        total_available integer not null check (total_available >= 0),
        low_stock boolean not null,
        in_stock boolean not null,
        version text not null,
        updated_at timestamptz not null default now()
      );
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop table if exists "${schema}".stock_projection;
      drop table if exists "${schema}".product_projection;
      drop table if exists "${schema}".cart_history;
      drop table if exists "${schema}".cart;
    `);
  }
}
