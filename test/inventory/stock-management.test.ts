import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { INVENTORY_SEED_STOCK, LOW_STOCK_SEED_SKUS, OUT_OF_STOCK_SEED_SKUS, seededTotal } from '../../subgraphs/inventory/seed-data.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { ADJUST, InventoryTables, RECEIVE, aboutSku, availability, errorCode, errorFields, stockByWarehouse, stockedProduct, uniqueSku } from './support.js';

/** Warehouses, availability on products and staff stock changes, through the gateway. */

const WAREHOUSES = /* GraphQL */ `
  query InventoryTestWarehouses {
    warehouses {
      id
      name
      city
      servesRegions
    }
  }
`;

const CATALOGUE_AVAILABILITY = /* GraphQL */ `
  query InventoryTestCatalogueAvailability($first: Int) {
    products(first: $first) {
      nodes {
        sku
        status
        availability {
          inStock
          lowStock
          totalAvailable
          byWarehouse {
            available
          }
        }
      }
    }
  }
`;

const MOVEMENTS = /* GraphQL */ `
  query InventoryTestStockMovements($sku: ID!, $warehouseId: ID, $first: Int) {
    stockMovements(sku: $sku, warehouseId: $warehouseId, first: $first) {
      id
      sku
      kind
      deltaAvailable
      deltaReserved
      actor
      reason
      reference
      occurredAt
      warehouse {
        id
      }
    }
  }
`;

let stack: Stack;
let tables: InventoryTables;
const tokens = {} as Record<Role, string>;
const subjects = {} as Record<Role, string>;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph]);
  tables = new InventoryTables(stack.env.databaseUrl);
  await tables.connect();
  for (const role of ['GUEST', 'CUSTOMER', 'CUSTOMER_SERVICE', 'WAREHOUSE', 'CATALOG_MANAGER', 'ADMIN'] as const) {
    subjects[role] = crypto.randomUUID();
    tokens[role] = await stack.tokenFor(role, subjects[role]);
  }
});

afterAll(async () => {
  await tables?.close();
  await stack?.stop();
});

const newProduct = (quantities: Parameters<typeof stockedProduct>[3] = {}) => stockedProduct(stack, tokens.WAREHOUSE, tokens.CATALOG_MANAGER, quantities);

describe('warehouses', () => {
  it('lists the four fulfilment centres with the regions they serve first, to anyone', async () => {
    const res = await stack.request(WAREHOUSES);
    expect(res.errors).toBeUndefined();
    const warehouses = res.data.warehouses as { id: string; servesRegions: string[] }[];
    expect(warehouses.map((w) => w.id)).toEqual(['NJ-FC', 'WA-FC', 'OH-FC', 'TX-FC']);
    expect(warehouses.find((w) => w.id === 'NJ-FC')!.servesRegions).toContain('NY');
    expect(warehouses.find((w) => w.id === 'WA-FC')!.servesRegions).toContain('CA');
    expect(warehouses.find((w) => w.id === 'OH-FC')!.servesRegions).toContain('TX');
    expect(warehouses.find((w) => w.id === 'TX-FC')!.servesRegions).toEqual([]);
  });
});

describe('availability of products', () => {
  it('shows the seeded stock of the catalogue on every product, in one page', async () => {
    const res = await stack.request(CATALOGUE_AVAILABILITY, { first: 100 }, tokens.ADMIN);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.products.nodes as { sku: string; availability: { totalAvailable: number; inStock: boolean; lowStock: boolean; byWarehouse: unknown[] } }[];
    const seeded = nodes.filter((n) => n.sku in INVENTORY_SEED_STOCK);
    expect(seeded.length).toBe(Object.keys(INVENTORY_SEED_STOCK).length);
    for (const node of seeded) {
      expect(node.availability.totalAvailable, node.sku).toBe(seededTotal(node.sku));
      expect(node.availability.byWarehouse).toHaveLength(4);
    }
  });

  it('marks the documented seed SKUs as low stock and out of stock', async () => {
    for (const sku of LOW_STOCK_SEED_SKUS) {
      expect(await availability(stack, sku)).toMatchObject({ inStock: true, lowStock: true, totalAvailable: seededTotal(sku) });
    }
    for (const sku of OUT_OF_STOCK_SEED_SKUS) {
      expect(await availability(stack, sku)).toMatchObject({ inStock: false, lowStock: false, totalAvailable: 0 });
    }
    expect(await availability(stack, 'DOG-BOWL-001')).toMatchObject({ inStock: true, lowStock: false, totalAvailable: 335 });
  });

  it('shows where the stock sits to staff only', async () => {
    for (const role of ['GUEST', 'CUSTOMER'] as const) {
      expect((await availability(stack, 'CAT-FOUNTAIN-2L', tokens[role])).byWarehouse).toEqual([]);
    }
    expect((await availability(stack, 'CAT-FOUNTAIN-2L')).byWarehouse).toEqual([]);
    for (const role of ['CUSTOMER_SERVICE', 'WAREHOUSE', 'CATALOG_MANAGER', 'ADMIN'] as const) {
      const stock = await stockByWarehouse(stack, 'CAT-FOUNTAIN-2L', tokens[role]);
      expect(stock).toEqual({
        'NJ-FC': { available: 3, reserved: 0, committed: 0, shipped: 0 },
        'WA-FC': { available: 0, reserved: 0, committed: 0, shipped: 0 },
        'OH-FC': { available: 2, reserved: 0, committed: 0, shipped: 0 },
        'TX-FC': { available: 2, reserved: 0, committed: 0, shipped: 0 },
      });
    }
  });

  it('opens empty stock rows in every warehouse for a product catalog creates', async () => {
    const sku = await newProduct();
    expect(await availability(stack, sku, tokens.WAREHOUSE)).toMatchObject({ inStock: false, lowStock: false, totalAvailable: 0 });
    expect(Object.values(await stockByWarehouse(stack, sku, tokens.WAREHOUSE))).toEqual(Array(4).fill({ available: 0, reserved: 0, committed: 0, shipped: 0 }));
  });
});

describe('receiving stock', () => {
  it.each(['WAREHOUSE', 'ADMIN'] as const)('lets %s receive units, logs who and why, and announces the new level', async (role) => {
    const sku = await newProduct();
    const res = await stack.request(RECEIVE, { sku: sku.toLowerCase(), warehouseId: 'oh-fc', quantity: 25, reference: 'PO-1001' }, tokens[role]);
    expect(res.errors).toBeUndefined();
    expect(res.data.receiveStock).toEqual({ sku, available: 25, reserved: 0, committed: 0, warehouse: { id: 'OH-FC' } });
    expect(await availability(stack, sku)).toMatchObject({ inStock: true, lowStock: false, totalAvailable: 25 });

    const log = await stack.request(MOVEMENTS, { sku, first: 10 }, tokens.WAREHOUSE);
    expect(log.errors).toBeUndefined();
    expect(log.data.stockMovements).toMatchObject([
      { sku, kind: 'RECEIVED', deltaAvailable: 25, deltaReserved: 0, actor: subjects[role], reference: 'PO-1001', warehouse: { id: 'OH-FC' } },
    ]);
    const level = await eventually(() => tables.published({ type: 'StockLevelsChanged', sku }).then((e) => e[0]), { what: 'StockLevelsChanged' });
    expect(level.payload).toEqual({ levels: [{ sku, totalAvailable: 25, lowStock: false, inStock: true }] });
  });

  it('announces low stock while a receipt leaves the total under 10, without a low-stock alert', async () => {
    const sku = await newProduct({ 'NJ-FC': 4 });
    const events = await eventually(() => tables.published({ sku }).then((e) => (e.length ? e : undefined)));
    expect(events.map((e) => e.type)).toEqual(['StockLevelsChanged']);
    expect(events[0]!.payload).toEqual({ levels: [{ sku, totalAvailable: 4, lowStock: true, inStock: true }] });
  });
});

describe('adjusting stock', () => {
  it.each(['WAREHOUSE', 'ADMIN'] as const)('lets %s correct available units with a reason', async (role) => {
    const sku = await newProduct({ 'NJ-FC': 20, 'TX-FC': 5 });
    const res = await stack.request(ADJUST, { sku, warehouseId: 'NJ-FC', delta: -3, reason: 'damaged in storage' }, tokens[role]);
    expect(res.errors).toBeUndefined();
    expect(res.data.adjustStock).toMatchObject({ available: 17, warehouse: { id: 'NJ-FC' } });
    const up = await stack.request(ADJUST, { sku, warehouseId: 'TX-FC', delta: 2, reason: 'cycle count' }, tokens[role]);
    expect(up.data.adjustStock).toMatchObject({ available: 7 });
    expect((await tables.movements(sku)).filter((m) => m.kind === 'ADJUSTED')).toMatchObject([
      { warehouseId: 'NJ-FC', available: -3, actor: subjects[role], reason: 'damaged in storage' },
      { warehouseId: 'TX-FC', available: 2, actor: subjects[role], reason: 'cycle count' },
    ]);
    expect(await availability(stack, sku)).toMatchObject({ totalAvailable: 24 });
  });

  it('may take a warehouse to exactly zero', async () => {
    const sku = await newProduct({ 'WA-FC': 3 });
    const res = await stack.request(ADJUST, { sku, warehouseId: 'WA-FC', delta: -3, reason: 'lost' }, tokens.WAREHOUSE);
    expect(res.data.adjustStock).toMatchObject({ available: 0 });
    expect(await availability(stack, sku)).toMatchObject({ inStock: false, totalAvailable: 0 });
  });

  it('raises a low-stock alert when the total crosses below 10, once', async () => {
    const sku = await newProduct({ 'NJ-FC': 8, 'OH-FC': 4 });
    await stack.request(ADJUST, { sku, warehouseId: 'NJ-FC', delta: -3, reason: 'damaged' }, tokens.WAREHOUSE); // 12 → 9
    await stack.request(ADJUST, { sku, warehouseId: 'NJ-FC', delta: -1, reason: 'damaged' }, tokens.WAREHOUSE); // 9 → 8: already low
    const events = await eventually(() => tables.published({ sku }).then((e) => (e.length >= 5 ? e : undefined)), { what: 'five stock events' });
    expect(events.map((e) => [e.type, aboutSku(e, sku)?.totalAvailable])).toEqual([
      ['StockLevelsChanged', 8],
      ['StockLevelsChanged', 12],
      ['StockLevelsChanged', 9],
      ['LowStockDetected', 9],
      ['StockLevelsChanged', 8],
    ]);
  });
});

describe('who may change stock', () => {
  const variables = () => ({ sku: 'DOG-BOWL-001', warehouseId: 'NJ-FC' });

  it.each(['GUEST', 'CUSTOMER', 'CUSTOMER_SERVICE', 'CATALOG_MANAGER'] as const)('refuses %s (FORBIDDEN) and changes nothing', async (role) => {
    const before = await stockByWarehouse(stack, 'DOG-BOWL-001', tokens.ADMIN);
    const receive = await stack.request(RECEIVE, { ...variables(), quantity: 5 }, tokens[role]);
    const adjust = await stack.request(ADJUST, { ...variables(), delta: -5, reason: 'theft' }, tokens[role]);
    const movements = await stack.request(MOVEMENTS, { sku: 'DOG-BOWL-001' }, tokens[role]);
    expect([errorCode(receive), errorCode(adjust), errorCode(movements)]).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(receive.data).toBeNull();
    expect(await stockByWarehouse(stack, 'DOG-BOWL-001', tokens.ADMIN)).toEqual(before);
  });

  it('asks anonymous callers to sign in (UNAUTHENTICATED)', async () => {
    const receive = await stack.request(RECEIVE, { ...variables(), quantity: 5 });
    const adjust = await stack.request(ADJUST, { ...variables(), delta: 1, reason: 'count' });
    expect([errorCode(receive), errorCode(adjust)]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });
});

describe('bad stock changes', () => {
  let sku: string;
  beforeAll(async () => {
    sku = await newProduct({ 'NJ-FC': 5, 'OH-FC': 2 });
  });

  it.each([
    ['a quantity of 0', { quantity: 0 }, ['quantity']],
    ['a negative quantity', { quantity: -4 }, ['quantity']],
    ['more than a million units', { quantity: 1_000_001 }, ['quantity']],
    ['a malformed SKU', { sku: 'NO SUCH SKU!' }, ['sku']],
    ['a reference over 500 characters', { reference: 'x'.repeat(501) }, ['reference']],
    ['several problems at once', { sku: '?', quantity: 0 }, ['quantity', 'sku']],
  ])('refuses to receive %s (BAD_USER_INPUT naming the field)', async (_case, change, fields) => {
    const res = await stack.request(RECEIVE, { sku, warehouseId: 'NJ-FC', quantity: 3, ...change }, tokens.WAREHOUSE);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
  });

  it.each([
    ['a delta of 0', { delta: 0 }, ['delta']],
    ['a blank reason', { reason: '   ' }, ['reason']],
    ['a reason over 500 characters', { reason: 'r'.repeat(501) }, ['reason']],
    ['more units than the warehouse has available', { delta: -6 }, ['delta']],
    ['units another warehouse has', { warehouseId: 'OH-FC', delta: -3 }, ['delta']],
  ])('refuses to adjust by %s (BAD_USER_INPUT naming the field)', async (_case, change, fields) => {
    const res = await stack.request(ADJUST, { sku, warehouseId: 'NJ-FC', delta: -1, reason: 'count', ...change }, tokens.WAREHOUSE);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
  });

  it('answers NOT_FOUND for an unknown warehouse or a SKU the catalogue never created', async () => {
    const warehouse = await stack.request(RECEIVE, { sku, warehouseId: 'ZZ-FC', quantity: 1 }, tokens.WAREHOUSE);
    const product = await stack.request(RECEIVE, { sku: uniqueSku('NONE'), warehouseId: 'NJ-FC', quantity: 1 }, tokens.WAREHOUSE);
    const adjust = await stack.request(ADJUST, { sku: uniqueSku('NONE'), warehouseId: 'NJ-FC', delta: 1, reason: 'count' }, tokens.WAREHOUSE);
    expect([errorCode(warehouse), errorCode(product), errorCode(adjust)]).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
  });

  it('changed nothing: stock, movement log and events are as the opening receipts left them', async () => {
    expect(await stockByWarehouse(stack, sku, tokens.ADMIN)).toMatchObject({ 'NJ-FC': { available: 5 }, 'OH-FC': { available: 2 }, 'WA-FC': { available: 0 }, 'TX-FC': { available: 0 } });
    expect((await tables.movements(sku)).map((m) => [m.kind, m.warehouseId, m.available])).toEqual([
      ['RECEIVED', 'NJ-FC', 5],
      ['RECEIVED', 'OH-FC', 2],
    ]);
    // the relay marks a batch published with its next read, so the last one may still be on its way
    const events = await eventually(async () => {
      const published = await tables.published({ sku });
      return published.length >= 2 ? published : undefined;
    }, { what: "both receipts' events to be published" });
    expect(events.map((e) => aboutSku(e, sku)?.totalAvailable)).toEqual([5, 7]);
  });
});
