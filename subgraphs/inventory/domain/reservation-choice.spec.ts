import { describe, expect, it } from 'vitest';
import { chooseWarehouse, mergeLines, type AvailableStock } from './reservation-choice.js';

/** `{ 'NJ-FC': { A: 5 } }` → stock rows. */
const stockOf = (table: Record<string, Record<string, number>>): AvailableStock[] =>
  Object.entries(table).flatMap(([warehouseId, skus]) => Object.entries(skus).map(([sku, available]) => ({ sku, warehouseId, available })));

const NJ = { region: 'NJ', country: 'US' };
const CA = { region: 'CA', country: 'US' };

describe('choosing the reserving warehouse', () => {
  it.each([
    ['the home warehouse when it holds everything', NJ, { 'NJ-FC': { AAA: 2, BBB: 1 }, 'OH-FC': { AAA: 9, BBB: 9 } }, 'NJ-FC'],
    ['the next in distance order when home lacks a line', NJ, { 'NJ-FC': { AAA: 2, BBB: 0 }, 'OH-FC': { AAA: 2, BBB: 1 }, 'TX-FC': { AAA: 9, BBB: 9 } }, 'OH-FC'],
    ['the overflow warehouse before a farther one', CA, { 'WA-FC': { AAA: 1 }, 'TX-FC': { AAA: 2, BBB: 1 }, 'OH-FC': { AAA: 2, BBB: 1 } }, 'TX-FC'],
    ['the farthest warehouse when it is the only one that can', NJ, { 'WA-FC': { AAA: 2, BBB: 1 } }, 'WA-FC'],
    ['a warehouse holding exactly the quantity asked', NJ, { 'NJ-FC': { AAA: 2, BBB: 1 } }, 'NJ-FC'],
  ])('picks %s', (_case, destination, table, expected) => {
    const choice = chooseWarehouse([{ sku: 'AAA', quantity: 2 }, { sku: 'BBB', quantity: 1 }], stockOf(table), destination);
    expect(choice).toMatchObject({ ok: true, warehouseId: expected });
  });

  it('never splits an order: enough units spread over warehouses is still out of stock', () => {
    const choice = chooseWarehouse([{ sku: 'AAA', quantity: 4 }], stockOf({ 'NJ-FC': { AAA: 2 }, 'OH-FC': { AAA: 2 } }), NJ);
    expect(choice).toEqual({ ok: false, reason: 'OUT_OF_STOCK', lines: [{ sku: 'AAA', quantity: 4 }], unavailable: [{ sku: 'AAA', requested: 4, bestAvailable: 2 }] });
  });

  it('names the lines the most complete warehouse lacks when every line exists somewhere', () => {
    // NJ has AAA but not BBB; WA has BBB but not AAA; OH has neither: NJ (nearest of the best) decides
    const choice = chooseWarehouse(
      [{ sku: 'AAA', quantity: 1 }, { sku: 'BBB', quantity: 1 }],
      stockOf({ 'NJ-FC': { AAA: 1 }, 'WA-FC': { BBB: 3 } }),
      NJ,
    );
    expect(choice).toMatchObject({ ok: false, unavailable: [{ sku: 'BBB', requested: 1, bestAvailable: 3 }] });
  });

  it('treats SKUs nobody stocks as zero available', () => {
    expect(chooseWarehouse([{ sku: 'NEW-SKU', quantity: 1 }], [], NJ)).toMatchObject({
      ok: false,
      unavailable: [{ sku: 'NEW-SKU', requested: 1, bestAvailable: 0 }],
    });
  });

  it('adds up repeated SKUs before checking, case-insensitively', () => {
    const lines = [{ sku: 'aaa', quantity: 2 }, { sku: 'AAA', quantity: 2 }];
    expect(chooseWarehouse(lines, stockOf({ 'NJ-FC': { AAA: 3 }, 'OH-FC': { AAA: 4 } }), NJ)).toEqual({ ok: true, warehouseId: 'OH-FC', lines: [{ sku: 'AAA', quantity: 4 }] });
  });

  it('routes a foreign destination through the default route', () => {
    const choice = chooseWarehouse([{ sku: 'AAA', quantity: 1 }], stockOf({ 'NJ-FC': { AAA: 1 }, 'OH-FC': { AAA: 1 } }), { region: 'ON', country: 'CA' });
    expect(choice).toMatchObject({ ok: true, warehouseId: 'OH-FC' });
  });
});

describe('order lines', () => {
  it('are merged per SKU and sorted by SKU (the lock order)', () => {
    expect(mergeLines([{ sku: 'ccc', quantity: 1 }, { sku: 'AAA', quantity: 2 }, { sku: 'CCC', quantity: 3 }])).toEqual([
      { sku: 'AAA', quantity: 2 },
      { sku: 'CCC', quantity: 4 },
    ]);
  });
});
