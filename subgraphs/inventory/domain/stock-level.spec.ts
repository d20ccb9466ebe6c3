import { describe, expect, it } from 'vitest';
import { applyDelta, availabilityOf, moveUnits, stockSignals, totalAvailable } from './stock-level.js';

describe('stock levels', () => {
  it.each([
    [0, { totalAvailable: 0, inStock: false, lowStock: false }],
    [1, { totalAvailable: 1, inStock: true, lowStock: true }],
    [9, { totalAvailable: 9, inStock: true, lowStock: true }],
    [10, { totalAvailable: 10, inStock: true, lowStock: false }],
    [250, { totalAvailable: 250, inStock: true, lowStock: false }],
  ])('describes %i units available as %j', (total, expected) => {
    expect(availabilityOf(total)).toEqual(expected);
  });

  it('sums available units over warehouses', () => {
    expect(totalAvailable([{ available: 3 }, { available: 0 }, { available: 7 }])).toBe(10);
  });

  it.each([
    // before, after, levelChanged, lowStockCrossed
    [20, 12, true, false],
    [10, 9, true, true],
    [25, 0, true, true],
    [9, 8, true, false],
    [9, 0, true, false],
    [5, 15, true, false],
    [0, 9, true, false],
    [12, 12, false, false],
    [3, 3, false, false],
  ])('a total going from %i to %i: level changed %s, crossed below 10 %s', (before, after, levelChanged, lowStockCrossed) => {
    expect(stockSignals(before, after)).toEqual({ levelChanged, lowStockCrossed });
  });

  it('moves units between buckets without creating or losing any', () => {
    const result = applyDelta({ available: 5, reserved: 0, committed: 0, shipped: 0 }, moveUnits('available', 'reserved', 2));
    expect(result).toEqual({ ok: true, value: { available: 3, reserved: 2, committed: 0, shipped: 0 } });
  });

  it('names the bucket a delta would take below zero', () => {
    expect(applyDelta({ available: 1, reserved: 0, committed: 0, shipped: 0 }, { available: -2 })).toEqual({ ok: false, bucket: 'available' });
    expect(applyDelta({ available: 1, reserved: 0, committed: 0, shipped: 0 }, moveUnits('committed', 'shipped', 1))).toEqual({ ok: false, bucket: 'committed' });
  });
});
