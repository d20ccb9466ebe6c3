import { isStaff } from '../../../platform/auth.js';
import { encodeCursor, type ListingPosition, type SearchPosition } from '../domain/cursor.js';
import { planListing, type ListingArgs } from '../domain/product-listing.js';
import type { ProductRecord } from '../store/product.entity.js';
import { ProductRepository } from '../store/product.repository.js';
import { invalidInput, type CatalogScope } from './scope.js';

export interface ProductPage {
  nodes: ProductRecord[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const EMPTY_PAGE: ProductPage = { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };

/** Browse (name, sku) or search (rank, sku) with keyset cursors; shoppers never see DISCONTINUED. */
export async function listProducts(scope: CatalogScope, args: ListingArgs): Promise<ProductPage> {
  const plan = planListing(args, { isStaff: isStaff(scope.caller) });
  if (!plan.ok) throw invalidInput(plan.errors);
  if (plan.value.kind === 'empty') return EMPTY_PAGE;
  const { filter, first, after } = plan.value;
  const products = new ProductRepository(scope.em);

  // one row more than asked tells whether another page follows
  const { searchTerms } = filter;
  const [rows, totalCount] = await Promise.all([
    searchTerms
      ? products.findSearchPage({ ...filter, searchTerms }, after as SearchPosition | null, first + 1).then((ranked) =>
          ranked.map(({ record, rank }) => ({ record, cursor: encodeCursor({ order: 'rank', rank, sku: record.sku }) })),
        )
      : products.findListingPage(filter, after as ListingPosition | null, first + 1).then((records) =>
          records.map((record) => ({ record, cursor: encodeCursor({ order: 'name', name: record.name, sku: record.sku }) })),
        ),
    products.countMatching(filter),
  ]);

  const page = rows.slice(0, first);
  return {
    nodes: page.map((row) => row.record),
    totalCount,
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.at(-1)?.cursor ?? null },
  };
}
