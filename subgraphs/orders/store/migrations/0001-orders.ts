import { Migration } from '@mikro-orm/migrations';

/**
 * Checkouts, orders (aggregate rows, lines and addresses as JSON: always read and written
 * whole), saga rows (state + version for optimistic locking), the order timeline, the saga's
 * durable timeouts, and the local projections of catalog prices and customers' address books.
 */
export class Migration0001Orders extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      -- Built from cart's CheckoutInitiated (the cart mints the id).
      create table "${schema}".checkout (
        id uuid primary key,
        customer_id text not null,
        cart_id uuid not null,
        status text not null default 'IN_PROGRESS' check (status in ('IN_PROGRESS', 'COMPLETED', 'ABANDONED')),
        lines jsonb not null,
        shipping_address jsonb,
        address_id uuid,
        address_warnings jsonb not null default '[]',
        shipping_method text check (shipping_method in ('STANDARD', 'EXPRESS', 'NEXT_DAY')),
        -- cleared once the order is placed (it travels on in PaymentAuthorizationRequested)
        payment_token text check (char_length(payment_token) <= 256),
        order_id uuid unique,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((status = 'COMPLETED') = (order_id is not null))
      );
      -- The abandonment sweep: checkouts in progress, oldest change first.
      create index checkout_expiry_idx on "${schema}".checkout (updated_at) where status = 'IN_PROGRESS';

      create table "${schema}".customer_order (
        id uuid primary key,
        customer_id text not null,
        checkout_id uuid not null unique references "${schema}".checkout (id),
        status text not null check (status in ('PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CLOSED', 'CANCELLED', 'ON_HOLD')),
        lines jsonb not null,
        shipping_address jsonb not null,
        shipping_method text not null check (shipping_method in ('STANDARD', 'EXPRESS', 'NEXT_DAY')),
        subtotal_cents integer not null check (subtotal_cents >= 0),
        shipping_cents integer not null check (shipping_cents >= 0),
        total_cents integer not null check (total_cents >= 0),
        currency text not null,
        cancellation_reason text,
        placed_at timestamptz not null,
        updated_at timestamptz not null
      );
      -- myOrders / Customer.orders, staff listings (newest first; keyset pagination).
      create index customer_order_customer_idx on "${schema}".customer_order (customer_id, placed_at desc, id desc);
      create index customer_order_status_idx on "${schema}".customer_order (status, placed_at desc, id desc);
      create index customer_order_placed_idx on "${schema}".customer_order (placed_at desc, id desc);

      -- The saga's state; every step checks and bumps the version (optimistic locking).
      create table "${schema}".order_saga (
        order_id uuid primary key references "${schema}".customer_order (id),
        state jsonb not null,
        version integer not null default 1,
        updated_at timestamptz not null default now()
      );

      create table "${schema}".order_timeline (
        id bigserial primary key,
        order_id uuid not null references "${schema}".customer_order (id),
        type text not null,
        detail text,
        occurred_at timestamptz not null
      );
      create index order_timeline_order_idx on "${schema}".order_timeline (order_id, id);

      -- Durable saga timeouts, fired by a poller on the database clock; a stale token is a no-op.
      create table "${schema}".saga_timeout (
        order_id uuid not null references "${schema}".customer_order (id),
        kind text not null check (kind in ('CONFIRMATION', 'RETURN_WINDOW')),
        token text not null,
        due_at timestamptz not null,
        primary key (order_id, kind)
      );
      create index saga_timeout_due_idx on "${schema}".saga_timeout (due_at);

      -- Catalog's prices (ProductCreated / ProductUpdated / ProductPriceChanged): price drift at placeOrder.
      create table "${schema}".product_price (
        sku text primary key,
        price_cents integer not null,
        currency text not null,
        version text not null,
        updated_at timestamptz not null default now()
      );

      -- Customers' address books (CustomerAddressAdded/Updated/Removed): saved addresses at checkout.
      create table "${schema}".customer_address (
        id uuid primary key,
        customer_id text not null,
        nickname text,
        line1 text,
        line2 text,
        city text,
        region text,
        postal_code text,
        country text,
        verification text,
        removed boolean not null default false,
        version text not null,
        updated_at timestamptz not null default now()
      );
      create index customer_address_customer_idx on "${schema}".customer_address (customer_id);
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop table if exists "${schema}".customer_address;
      drop table if exists "${schema}".product_price;
      drop table if exists "${schema}".saga_timeout;
      drop table if exists "${schema}".order_timeline;
      drop table if exists "${schema}".order_saga;
      drop table if exists "${schema}".customer_order;
      drop table if exists "${schema}".checkout;
    `);
  }
}
