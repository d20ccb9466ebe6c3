import { describe, expect, it } from 'vitest';
import { encodeCursor } from './cursor.js';
import { planListing } from './product-listing.js';

const shopper = { isStaff: false };
const staff = { isStaff: true };

describe('planListing', () => {
  it('lists 20 by default, hiding DISCONTINUED from shoppers', () => {
    expect(planListing({}, shopper)).toEqual({
      ok: true,
      value: { kind: 'list', first: 20, after: null, filter: { category: null, status: null, includeDiscontinued: false, searchTerms: null } },
    });
  });

  it('includes DISCONTINUED for staff', () => {
    const plan = planListing({}, staff);
    expect(plan.ok && plan.value.kind === 'list' && plan.value.filter.includeDiscontinued).toBe(true);
  });

  it('answers a shopper filtering by DISCONTINUED with nothing', () => {
    expect(planListing({ status: 'DISCONTINUED' }, shopper)).toEqual({ ok: true, value: { kind: 'empty' } });
  });

  it('answers a search without words with nothing', () => {
    expect(planListing({ search: '!!!' }, shopper)).toEqual({ ok: true, value: { kind: 'empty' } });
  });

  it('ignores a blank search', () => {
    const plan = planListing({ search: '   ' }, shopper);
    expect(plan.ok && plan.value.kind === 'list' && plan.value.filter.searchTerms).toBeNull();
  });

  it.each([0, -1, 101, 1.5])('rejects first = %d', (first) => {
    const plan = planListing({ first }, shopper);
    expect(!plan.ok && Object.keys(plan.errors)).toEqual(['first']);
  });

  it.each([1, 100])('accepts first = %d', (first) => {
    expect(planListing({ first }, shopper).ok).toBe(true);
  });

  it('rejects a malformed cursor', () => {
    const plan = planListing({ after: 'garbage!' }, shopper);
    expect(!plan.ok && Object.keys(plan.errors)).toEqual(['after']);
  });

  it('rejects a browse cursor on a search and a search cursor on a browse', () => {
    const browse = encodeCursor({ order: 'name', name: 'a', sku: 'AAA' });
    const search = encodeCursor({ order: 'rank', rank: 0.5, sku: 'AAA' });
    expect(planListing({ search: 'bowl', after: browse }, shopper).ok).toBe(false);
    expect(planListing({ after: search }, shopper).ok).toBe(false);
    expect(planListing({ search: 'bowl', after: search }, shopper).ok).toBe(true);
  });

  it('rejects an over-long search', () => {
    const plan = planListing({ search: 'a'.repeat(201) }, shopper);
    expect(!plan.ok && Object.keys(plan.errors)).toEqual(['search']);
  });
});
