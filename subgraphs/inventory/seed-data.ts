import type { WarehouseId } from './domain/warehouses.js';

/**
 * Opening stock of the store's catalogue (subgraphs/catalog/seed-data.ts), per warehouse, seeded
 * in every non-production environment beside the catalogue. Quantities vary on purpose so that
 * every availability state can be seen and tested (documented in docs/inventory.md):
 * - out of stock (0 in every warehouse): FISH-HEATER-100W;
 * - low stock (fewer than 10 in total): DOG-BED-ORTHO-L (9), CAT-FOUNTAIN-2L (7), BIRD-CAGE-FLT (4);
 * - everything else: 10 or more in total, spread unevenly (Dallas, the overflow site, holds least).
 * Plain data: other contexts' tests may import it without pulling in ORM or server code.
 */
type Quantities = Record<WarehouseId, number>;

const at = (nj: number, wa: number, oh: number, tx: number): Quantities => ({ 'NJ-FC': nj, 'WA-FC': wa, 'OH-FC': oh, 'TX-FC': tx });

export const INVENTORY_SEED_STOCK: Readonly<Record<string, Quantities>> = {
  'DOG-BOWL-001': at(120, 80, 95, 40),
  'DOG-FOOD-CHK-30': at(60, 45, 50, 25),
  'DOG-LEASH-6FT': at(75, 50, 60, 20),
  'DOG-BED-ORTHO-L': at(3, 2, 4, 0),
  'DOG-TOY-ROPE': at(150, 110, 130, 60),
  'DOG-HARNESS-M': at(40, 30, 35, 15),
  'CAT-TREE-5FT': at(12, 8, 10, 5),
  'CAT-LITTER-CLMP': at(200, 140, 160, 80),
  'CAT-FOOD-SALM-12': at(90, 70, 80, 30),
  'CAT-TOY-WAND': at(100, 60, 70, 25),
  'CAT-FOUNTAIN-2L': at(3, 0, 2, 2),
  'BIRD-CAGE-FLT': at(0, 1, 1, 2),
  'BIRD-SEED-PARA-5': at(45, 25, 40, 15),
  'BIRD-PERCH-NAT': at(35, 20, 30, 10),
  'BIRD-FEEDER-WILD': at(20, 10, 15, 5),
  'FISH-TANK-20G': at(18, 12, 15, 6),
  'FISH-FILTER-HOB': at(40, 25, 30, 12),
  'FISH-FOOD-FLK': at(110, 70, 90, 40),
  'FISH-HEATER-100W': at(0, 0, 0, 0),
  'SMALL-HAY-TIM': at(80, 50, 65, 20),
  'SMALL-CAGE-HAM': at(15, 10, 12, 4),
  'SMALL-WHEEL-SIL': at(30, 20, 25, 10),
  'REPT-TERR-40G': at(10, 8, 9, 3),
  'REPT-LAMP-UVB': at(12, 10, 8, 4),
  'REPT-SUB-COCO': at(50, 40, 45, 20),
  'MULTI-SHAMPOO-OAT': at(70, 50, 60, 25),
  'MULTI-BRUSH-SLK': at(55, 35, 45, 15),
};

export const seededTotal = (sku: string): number => Object.values(INVENTORY_SEED_STOCK[sku] ?? {}).reduce((sum, n) => sum + n, 0);

/** Seed SKUs with 0 < total < 10. */
export const LOW_STOCK_SEED_SKUS: readonly string[] = ['DOG-BED-ORTHO-L', 'CAT-FOUNTAIN-2L', 'BIRD-CAGE-FLT'];
/** Seed SKUs with nothing in any warehouse. */
export const OUT_OF_STOCK_SEED_SKUS: readonly string[] = ['FISH-HEATER-100W'];
