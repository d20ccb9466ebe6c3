import { describe, expect, it } from 'vitest';
import { decideStatusChange, editBlockedReason, isListedForShoppers } from './product-status.js';
import type { ProductStatus } from './product.js';

const manager = { isAdmin: false };
const admin = { isAdmin: true };

describe('decideStatusChange', () => {
  it.each<[ProductStatus, ProductStatus]>([
    ['ACTIVE', 'COMING_SOON'],
    ['ACTIVE', 'OUT_OF_SEASON'],
    ['ACTIVE', 'DISCONTINUED'],
    ['COMING_SOON', 'ACTIVE'],
    ['COMING_SOON', 'OUT_OF_SEASON'],
    ['COMING_SOON', 'DISCONTINUED'],
    ['OUT_OF_SEASON', 'ACTIVE'],
    ['OUT_OF_SEASON', 'COMING_SOON'],
    ['OUT_OF_SEASON', 'DISCONTINUED'],
  ])('lets a catalog manager move %s → %s', (from, to) => {
    expect(decideStatusChange(from, to, manager)).toEqual({ kind: 'change', from, to });
  });

  it.each<ProductStatus>(['ACTIVE', 'COMING_SOON', 'OUT_OF_SEASON', 'DISCONTINUED'])('treats %s → itself as unchanged', (status) => {
    expect(decideStatusChange(status, status, manager)).toEqual({ kind: 'unchanged' });
  });

  it('lets an ADMIN return a DISCONTINUED product to ACTIVE', () => {
    expect(decideStatusChange('DISCONTINUED', 'ACTIVE', admin)).toEqual({ kind: 'change', from: 'DISCONTINUED', to: 'ACTIVE' });
  });

  it('refuses a catalog manager returning a DISCONTINUED product to ACTIVE', () => {
    expect(decideStatusChange('DISCONTINUED', 'ACTIVE', manager).kind).toBe('rejected');
  });

  it.each<ProductStatus>(['COMING_SOON', 'OUT_OF_SEASON'])('refuses DISCONTINUED → %s even for an ADMIN', (to) => {
    expect(decideStatusChange('DISCONTINUED', to, admin).kind).toBe('rejected');
    expect(decideStatusChange('DISCONTINUED', to, manager).kind).toBe('rejected');
  });
});

describe('editBlockedReason', () => {
  it('blocks edits of DISCONTINUED products only', () => {
    expect(editBlockedReason('DISCONTINUED')).toMatch(/DISCONTINUED/);
    for (const status of ['ACTIVE', 'COMING_SOON', 'OUT_OF_SEASON'] as const) expect(editBlockedReason(status)).toBeNull();
  });
});

describe('isListedForShoppers', () => {
  it('hides DISCONTINUED products only', () => {
    expect(isListedForShoppers('DISCONTINUED')).toBe(false);
    expect(isListedForShoppers('COMING_SOON')).toBe(true);
  });
});
