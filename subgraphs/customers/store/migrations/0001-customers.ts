import { Migration } from '@mikro-orm/migrations';

/**
 * Accounts (customers and staff), the address book, the sign-in throttle and the projection of
 * saved addresses held by checkouts in progress. The domain validates first; the checks here
 * are the last line of defence (lengths in characters, as the domain counts them).
 */
export class Migration0001Customers extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".customer (
        id uuid primary key,
        email text not null check (char_length(email) between 3 and 256),
        email_key text not null check (email_key = lower(email_key)),
        password_hash text not null,
        first_name text not null check (char_length(first_name) between 1 and 100),
        last_name text not null check (char_length(last_name) between 1 and 100),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint customer_email_key_unique unique (email_key)
      );

      create table "${schema}".staff_account (
        id uuid primary key,
        email text not null,
        email_key text not null check (email_key = lower(email_key)),
        role text not null check (role in ('CUSTOMER_SERVICE', 'WAREHOUSE', 'CATALOG_MANAGER', 'ADMIN')),
        password_hash text not null,
        first_name text not null,
        last_name text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint staff_account_email_key_unique unique (email_key)
      );

      create table "${schema}".address (
        id uuid primary key,
        customer_id uuid not null references "${schema}".customer (id) on delete cascade,
        nickname text not null check (char_length(nickname) between 1 and 50),
        line1 text not null check (char_length(line1) between 1 and 100),
        line2 text check (char_length(line2) between 1 and 100),
        city text not null check (char_length(city) between 1 and 50),
        region text not null check (char_length(region) between 1 and 50),
        postal_code text not null check (char_length(postal_code) between 1 and 20),
        country char(2) not null check (country ~ '^[A-Z]{2}$'),
        is_default boolean not null default false,
        verification text not null check (verification in ('VERIFIED', 'CORRECTED', 'UNVERIFIED', 'INVALID')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      -- Nicknames are unique per customer, case-insensitively (also serves lookups by customer).
      create unique index address_customer_nickname_unique on "${schema}".address (customer_id, lower(nickname));
      -- At most one default per customer, whatever the application does.
      create unique index address_one_default_per_customer on "${schema}".address (customer_id) where is_default;

      -- Failed sign-ins per e-mail key (sliding window; shared by every replica).
      create table "${schema}".login_failure (
        id bigserial primary key,
        email_key text not null,
        failed_at timestamptz not null default now()
      );
      create index login_failure_email_key_failed_at_idx on "${schema}".login_failure (email_key, failed_at);
      create index login_failure_failed_at_idx on "${schema}".login_failure (failed_at);

      -- Projection of orders' checkout events: which saved address each checkout holds.
      -- A row stays after the checkout ended (ended_at) so that a late selection event for a
      -- finished checkout cannot hold an address again.
      create table "${schema}".address_in_use (
        checkout_id uuid primary key,
        customer_id uuid not null,
        address_id uuid,
        selected_at timestamptz not null,
        ended_at timestamptz
      );
      create index address_in_use_address_idx on "${schema}".address_in_use (address_id) where ended_at is null;
    `);
  }
}
