import { describe, expect, it } from 'vitest';
import { newestPerSku, stockLevelsStatement } from './project-stock.js';

const level = (totalAvailable: number) => ({ totalAvailable, lowStock: totalAvailable < 5, inStock: totalAvailable > 0 });

describe('newestPerSku', () => {
  it('keeps the newest announcement of each SKU, whatever order they came in', () => {
    expect(
      newestPerSku([
        { sku: 'dog-food-1', level: level(3), version: '2026-12-03T10:00:02.000Z#b' },
        { sku: 'CAT-TOY-2', level: level(9), version: '2026-12-03T10:00:01.000Z#c' },
        { sku: 'DOG-FOOD-1', level: level(7), version: '2026-12-03T10:00:01.000Z#a' },
        { sku: 'dog-food-1', level: level(0), version: '2026-12-03T10:00:03.000Z#d' },
      ]),
    ).toEqual([
      { sku: 'DOG-FOOD-1', ...level(0), version: '2026-12-03T10:00:03.000Z#d' },
      { sku: 'CAT-TOY-2', ...level(9), version: '2026-12-03T10:00:01.000Z#c' },
    ]);
  });
});

describe('stockLevelsStatement', () => {
  it('is one upsert with a row per SKU', () => {
    const { sql, params } = stockLevelsStatement('cart', [
      { sku: 'a-1', level: level(1), version: '1' },
      { sku: 'A-1', level: level(2), version: '2' },
      { sku: 'b-2', level: level(3), version: '1' },
    ]);
    expect(sql.match(/\(\?, \?, \?, \?, \?\)/g)).toHaveLength(2);
    expect(params).toEqual(['A-1', 2, true, true, '2', 'B-2', 3, true, true, '1']);
  });
});
