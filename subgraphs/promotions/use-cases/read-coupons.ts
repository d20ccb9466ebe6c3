import { normaliseCouponCode } from '../../../events/contracts/promotions/index.js';
import { requireStaff } from '../../../platform/auth.js';
import { badInput } from '../../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../domain/cursor.js';
import type { CouponRecord } from '../store/coupon.entity.js';
import { CouponRepository } from '../store/coupon.repository.js';
import type { PromotionsScope } from './scope.js';

export interface CouponPage {
  nodes: CouponRecord[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const PAGE_MAX = 100;

/** CATALOG_MANAGER/ADMIN: every coupon, by code, with its redemptions. */
export async function listCoupons(scope: PromotionsScope, args: { first?: number | null; after?: string | null }): Promise<CouponPage> {
  requireStaff(scope.caller, 'CATALOG_MANAGER');
  const errors: Record<string, string> = {};
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX) errors.first = `must be between 1 and ${PAGE_MAX}`;
  const afterCode = args.after != null ? decodeCursor(args.after) : null;
  if (args.after != null && !afterCode) errors.after = 'is not a cursor of this listing';
  if (Object.keys(errors).length) throw badInput('Invalid page', errors);
  const { rows, totalCount } = await new CouponRepository(scope.em).page(afterCode, first);
  const nodes = rows.slice(0, first);
  return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]!.code) : null } };
}

/**
 * A coupon referenced by another subgraph (the coupon on a cart, a checkout or an order). Its
 * terms are what the shopper was offered, so anyone holding the reference may read them.
 */
export function resolveCouponReference(scope: PromotionsScope, code: string): Promise<CouponRecord | null> {
  return new CouponRepository(scope.em).find(normaliseCouponCode(code));
}
