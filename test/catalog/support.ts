import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { GraphQLResponse } from '../support/stack.js';

/** Shared by the catalog test files: product fields, input builders and an outbox reader. */

export const PRODUCT_FIELDS = /* GraphQL */ `
  fragment CatalogTestProduct on Product {
    sku
    name
    description
    category
    brand
    tags
    images {
      url
      altText
    }
    price {
      cents
      currency
      formatted
    }
    status
  }
`;

/** A SKU no other test (or the seed) uses. */
export const uniqueSku = (prefix = 'TST'): string => `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;

export interface ProductInput {
  sku: string;
  name: string;
  description: string;
  category: string;
  brand?: string | null;
  tags?: string[];
  images?: { url: string; altText: string }[];
  price: { cents: number; currency?: string };
  status?: string;
}

export function productInput(overrides: Partial<ProductInput> = {}): ProductInput {
  const sku = overrides.sku ?? uniqueSku();
  return {
    sku,
    name: 'Test Kibble Scoop',
    description: 'A sturdy scoop for measuring dry food.',
    category: 'Test Supplies',
    brand: 'Testco',
    tags: ['scoop', 'feeding'],
    images: [{ url: `https://images.example.test/${sku.toLowerCase()}.jpg`, altText: 'A kibble scoop' }],
    price: { cents: 499, currency: 'USD' },
    ...overrides,
  };
}

export const errorCode = (res: GraphQLResponse): string | undefined => res.errors?.[0]?.extensions?.code as string | undefined;
export const errorFields = (res: GraphQLResponse): string[] => Object.keys((res.errors?.[0]?.extensions?.fields as object | undefined) ?? {}).sort();

export interface OutboxEvent {
  type: string;
  subject: string;
  payload: Record<string, any>;
}

/** Reads the catalog's outbox table directly: what was recorded, in commit order. */
export class OutboxReader {
  private readonly client: pg.Client;

  constructor(databaseUrl: string) {
    this.client = new pg.Client({ connectionString: databaseUrl });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  close(): Promise<void> {
    return this.client.end();
  }

  async eventsFor(sku: string, type?: string): Promise<OutboxEvent[]> {
    const { rows } = await this.client.query<{ type: string; subject: string; envelope: { payload: Record<string, any> } }>(
      `select type, subject, envelope from catalog.outbox
        where envelope->'payload'->>'sku' = $1 and ($2::text is null or type = $2)
        order by seq`,
      [sku, type ?? null],
    );
    return rows.map((row) => ({ type: row.type, subject: row.subject, payload: row.envelope.payload }));
  }

  async countOfType(type: string): Promise<number> {
    const { rows } = await this.client.query<{ n: number }>('select count(*)::int as n from catalog.outbox where type = $1', [type]);
    return rows[0].n;
  }
}
