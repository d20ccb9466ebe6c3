import { decodeCursor, type PagePosition } from './cursor.js';
import { isListedForShoppers } from './product-status.js';
import { PRODUCT_STATUSES, type ProductStatus } from './product.js';
import { MAX_SEARCH_LENGTH, searchTerms } from './search-query.js';
import { invalid, valid, type FieldErrors, type Validated } from './validation.js';

/** How `products(...)` arguments become one query plan. Pure; the repository executes it. */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ListingArgs {
  search?: string | null;
  category?: string | null;
  status?: ProductStatus | null;
  first?: number | null;
  after?: string | null;
}

export interface Viewer {
  /** Staff see DISCONTINUED products in lists; shoppers never do. */
  isStaff: boolean;
}

export interface ListingFilter {
  category: string | null;
  status: ProductStatus | null;
  includeDiscontinued: boolean;
  /** The words to search for (`searchTerms`: letters and digits only); null lists without search. */
  searchTerms: string[] | null;
}

export type ListingPlan =
  /** Nothing can match (e.g. a shopper filtering by DISCONTINUED, or a search without words). */
  | { kind: 'empty' }
  | { kind: 'list'; filter: ListingFilter; first: number; after: PagePosition | null };

export function planListing(args: ListingArgs, viewer: Viewer): Validated<ListingPlan> {
  const errors: FieldErrors = {};
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) errors.first = `must be between 1 and ${MAX_PAGE_SIZE}`;
  if (args.status != null && !PRODUCT_STATUSES.includes(args.status)) errors.status = `must be one of ${PRODUCT_STATUSES.join(', ')}`;

  const search = args.search?.trim() ?? '';
  if (search.length > MAX_SEARCH_LENGTH) errors.search = `must be at most ${MAX_SEARCH_LENGTH} characters`;
  const terms = search ? searchTerms(search) : [];

  let after: PagePosition | null = null;
  if (args.after != null) {
    after = decodeCursor(args.after);
    const expected = search ? 'rank' : 'name';
    if (!after) errors.after = 'is not a cursor returned by this query';
    else if (after.order !== expected) errors.after = 'belongs to a different kind of listing (search vs. browse)';
  }
  if (Object.keys(errors).length) return invalid(errors);

  const category = args.category?.trim() || null;
  const status = args.status ?? null;
  if (status && !viewer.isStaff && !isListedForShoppers(status)) return valid({ kind: 'empty' });
  if (search && !terms.length) return valid({ kind: 'empty' });

  return valid({
    kind: 'list',
    filter: { category, status, includeDiscontinued: viewer.isStaff, searchTerms: terms.length ? terms : null },
    first,
    after,
  });
}
