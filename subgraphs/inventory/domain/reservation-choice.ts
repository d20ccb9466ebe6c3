import { normaliseSku } from './sku.js';
import { routeFor, type Destination, type WarehouseId } from './warehouses.js';

export interface OrderLine {
  sku: string;
  quantity: number;
}

/** What one warehouse has available of one SKU. Missing rows count as 0. */
export interface AvailableStock {
  sku: string;
  warehouseId: string;
  available: number;
}

export interface UnavailableLine {
  sku: string;
  requested: number;
  /** The most any single warehouse could supply of this SKU (orders are never split). */
  bestAvailable: number;
}

export type WarehouseChoice =
  | { ok: true; warehouseId: WarehouseId; lines: OrderLine[] }
  | { ok: false; reason: 'OUT_OF_STOCK'; lines: OrderLine[]; unavailable: UnavailableLine[] };

/** Upper-cased SKUs, one line per SKU (quantities of repeated SKUs summed), sorted by SKU. */
export function mergeLines(lines: readonly OrderLine[]): OrderLine[] {
  const bySku = new Map<string, number>();
  for (const line of lines) {
    const sku = normaliseSku(line.sku);
    bySku.set(sku, (bySku.get(sku) ?? 0) + line.quantity);
  }
  return [...bySku.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sku, quantity]) => ({ sku, quantity }));
}

/**
 * All-or-nothing (PO: no partial fulfilment, no splitting): the nearest warehouse on the
 * destination's route that can hold every line. When none can, the order is out of stock, and
 * `unavailable` names the lines that the most complete warehouse (most lines it could hold;
 * nearest on ties) lacks — never empty, so the customer learns what to remove or reduce.
 */
export function chooseWarehouse(lines: readonly OrderLine[], stock: readonly AvailableStock[], destination: Destination): WarehouseChoice {
  const merged = mergeLines(lines);
  const available = new Map(stock.map((s) => [`${s.warehouseId}|${normaliseSku(s.sku)}`, s.available]));
  const availableAt = (warehouseId: string, sku: string) => available.get(`${warehouseId}|${sku}`) ?? 0;

  const route = routeFor(destination);
  let closest: { missing: OrderLine[] } | undefined;
  for (const warehouseId of route) {
    const missing = merged.filter((line) => availableAt(warehouseId, line.sku) < line.quantity);
    if (missing.length === 0) return { ok: true, warehouseId, lines: merged };
    if (!closest || missing.length < closest.missing.length) closest = { missing };
  }
  const unavailable = closest!.missing.map((line) => ({
    sku: line.sku,
    requested: line.quantity,
    bestAvailable: Math.max(0, ...route.map((w) => availableAt(w, line.sku))),
  }));
  return { ok: false, reason: 'OUT_OF_STOCK', lines: merged, unavailable };
}
