import { Migration } from '@mikro-orm/migrations';

/**
 * The product table with its full-text search document: a stored generated tsvector weighted
 * name (A) > brand and tags (B) > description (C), 'english' configuration, GIN-indexed.
 */
export class Migration0001CatalogProducts extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      -- array_to_string is only STABLE (it works for any element type), so a generated column
      -- cannot call it; for text[] the result never changes, which makes this wrapper IMMUTABLE.
      create function "${schema}".search_text(items text[]) returns text
        language sql immutable parallel safe
        as $$ select coalesce(array_to_string(items, ' '), '') $$;

      create table "${schema}".product (
        sku text primary key check (sku ~ '^[A-Z0-9-]{3,24}$'),
        name text not null check (char_length(name) between 1 and 100),
        description text not null default '' check (char_length(description) <= 2000),
        category text not null check (char_length(category) between 1 and 50),
        brand text check (char_length(brand) <= 100),
        tags text[] not null default '{}',
        images jsonb not null default '[]',
        price_cents integer not null check (price_cents > 0),
        currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'COMING_SOON', 'OUT_OF_SEASON', 'DISCONTINUED')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        search_vector tsvector generated always as (
          setweight(to_tsvector('english'::regconfig, name), 'A') ||
          setweight(to_tsvector('english'::regconfig, coalesce(brand, '') || ' ' || "${schema}".search_text(tags)), 'B') ||
          setweight(to_tsvector('english'::regconfig, description), 'C')
        ) stored
      );

      create index product_search_idx on "${schema}".product using gin (search_vector);
      -- keyset pagination of the browse order, overall and within a category
      create index product_name_sku_idx on "${schema}".product (name, sku);
      create index product_category_name_sku_idx on "${schema}".product (category, name, sku);
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`drop table if exists "${schema}".product; drop function if exists "${schema}".search_text(text[]);`);
  }
}
