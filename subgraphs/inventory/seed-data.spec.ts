import { describe, expect, it } from 'vitest';
import { CATALOG_SEED_SKUS } from '../catalog/seed-data.js';
import { availabilityOf } from './domain/stock-level.js';
import { WAREHOUSE_IDS } from './domain/warehouses.js';
import { INVENTORY_SEED_STOCK, LOW_STOCK_SEED_SKUS, OUT_OF_STOCK_SEED_SKUS, seededTotal } from './seed-data.js';

describe('opening stock of the seed catalogue', () => {
  it('stocks exactly the catalogue seed, in all four warehouses, never negative', () => {
    expect(Object.keys(INVENTORY_SEED_STOCK).sort()).toEqual([...CATALOG_SEED_SKUS].sort());
    for (const quantities of Object.values(INVENTORY_SEED_STOCK)) {
      expect(Object.keys(quantities).sort()).toEqual([...WAREHOUSE_IDS].sort());
      for (const n of Object.values(quantities)) expect(Number.isInteger(n) && n >= 0).toBe(true);
    }
  });

  it('has the documented low-stock and out-of-stock SKUs, and only those', () => {
    const skus = Object.keys(INVENTORY_SEED_STOCK);
    expect(skus.filter((sku) => availabilityOf(seededTotal(sku)).lowStock).sort()).toEqual([...LOW_STOCK_SEED_SKUS].sort());
    expect(skus.filter((sku) => !availabilityOf(seededTotal(sku)).inStock)).toEqual(OUT_OF_STOCK_SEED_SKUS);
  });
});
