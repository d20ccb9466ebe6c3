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

// ---- listing and search (listing.test.ts, search.test.ts) ----

export const PRODUCTS_PAGE = /* GraphQL */ `
  query CatalogTestProductsPage($search: String, $category: String, $status: ProductStatus, $first: Int, $after: String) {
    products(search: $search, category: $category, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...CatalogTestProduct
      }
    }
  }
  ${PRODUCT_FIELDS}
`;

export interface ListedProduct {
  sku: string;
  name: string;
  description: string;
  category: string;
  brand: string | null;
  tags: string[];
  images: { url: string; altText: string }[];
  price: { cents: number; currency: string; formatted: string };
  status: string;
}

export interface ProductsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: ListedProduct[];
}

export interface ProductsArgs {
  search?: string | null;
  category?: string | null;
  status?: string | null;
  first?: number | null;
  after?: string | null;
}

type Requester = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse>;

/** One `products` page; fails the test on any GraphQL error. */
export async function productsPage(request: Requester, args: ProductsArgs, token?: string): Promise<ProductsPage> {
  const res = await request(PRODUCTS_PAGE, { ...args }, token);
  if (res.errors) throw new Error(`products(${JSON.stringify(args)}) failed: ${JSON.stringify(res.errors)}`);
  return res.data.products as ProductsPage;
}

/**
 * Follows `endCursor` while `hasNextPage` says so and returns every page in order. Stops with an
 * error rather than looping forever if the cursors never reach the end.
 */
export async function allPages(request: Requester, args: Omit<ProductsArgs, 'after'>, token?: string, maxPages = 200): Promise<ProductsPage[]> {
  const pages: ProductsPage[] = [];
  let after: string | null = null;
  do {
    if (pages.length === maxPages) throw new Error(`products(${JSON.stringify(args)}) still has pages after ${maxPages}`);
    const page: ProductsPage = await productsPage(request, { ...args, after }, token);
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    if (page.pageInfo.hasNextPage && !after) throw new Error('hasNextPage without an endCursor');
  } while (after);
  return pages;
}

/** The SKUs of every page, in order. */
export const skusOf = (pages: readonly ProductsPage[]): string[] => pages.flatMap((page) => page.nodes.map((node) => node.sku));
