import type { ProductStatus } from './product.js';

/**
 * Status rules (SPEC §3). DISCONTINUED is terminal for edits; the one way back is an ADMIN
 * returning the product to ACTIVE (a mistaken discontinuation, or a product brought back).
 */

/** Moves any catalog manager may make. */
const TRANSITIONS: Record<ProductStatus, readonly ProductStatus[]> = {
  ACTIVE: ['COMING_SOON', 'OUT_OF_SEASON', 'DISCONTINUED'],
  COMING_SOON: ['ACTIVE', 'OUT_OF_SEASON', 'DISCONTINUED'],
  OUT_OF_SEASON: ['ACTIVE', 'COMING_SOON', 'DISCONTINUED'],
  DISCONTINUED: [],
};

/** Moves reserved to ADMIN. */
const ADMIN_TRANSITIONS: Record<ProductStatus, readonly ProductStatus[]> = {
  ACTIVE: [],
  COMING_SOON: [],
  OUT_OF_SEASON: [],
  DISCONTINUED: ['ACTIVE'],
};

export interface Actor {
  isAdmin: boolean;
}

export type StatusDecision =
  | { kind: 'unchanged' }
  | { kind: 'change'; from: ProductStatus; to: ProductStatus }
  | { kind: 'rejected'; message: string };

/**
 * Setting the current status again is a no-op (a retried request must not fail), even for a
 * discontinued product.
 */
export function decideStatusChange(current: ProductStatus, target: ProductStatus, actor: Actor): StatusDecision {
  if (current === target) return { kind: 'unchanged' };
  if (TRANSITIONS[current].includes(target)) return { kind: 'change', from: current, to: target };
  if (ADMIN_TRANSITIONS[current].includes(target)) {
    return actor.isAdmin
      ? { kind: 'change', from: current, to: target }
      : { kind: 'rejected', message: `Only an ADMIN can move a ${current} product to ${target}` };
  }
  if (current === 'DISCONTINUED') return { kind: 'rejected', message: 'A DISCONTINUED product can only go back to ACTIVE (by an ADMIN)' };
  return { kind: 'rejected', message: `A ${current} product cannot move to ${target}` };
}

/** Why a product's details and price cannot be edited in this status; null when they can. */
export function editBlockedReason(status: ProductStatus): string | null {
  return status === 'DISCONTINUED' ? 'A DISCONTINUED product cannot be edited (an ADMIN can return it to ACTIVE first)' : null;
}

/** Statuses that lists and categories show to non-staff callers. */
export const isListedForShoppers = (status: ProductStatus): boolean => status !== 'DISCONTINUED';
