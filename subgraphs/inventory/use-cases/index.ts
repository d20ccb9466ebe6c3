import { WAREHOUSES } from '../domain/warehouses.js';
import { adjustStock } from './adjust-stock.js';
import { readLowStock } from './read-low-stock.js';
import { readMovements } from './read-movements.js';
import { receiveStock } from './receive-stock.js';
import type { InventoryDeps, InventoryScope } from './scope.js';

export type { InventoryDeps, InventoryScope } from './scope.js';

/** The request-facing use cases with their process-wide dependencies bound (wired in subgraph.ts). */
export function createInventoryUseCases(deps: InventoryDeps) {
  return {
    receiveStock: (scope: InventoryScope, ...args: Rest<typeof receiveStock>) => receiveStock(deps, scope, ...args),
    adjustStock: (scope: InventoryScope, ...args: Rest<typeof adjustStock>) => adjustStock(deps, scope, ...args),
    readMovements,
    readLowStock,
    /** Public: which sites exist and whom they serve first. */
    listWarehouses: () => [...WAREHOUSES],
  };
}

export type InventoryUseCases = ReturnType<typeof createInventoryUseCases>;

/** The arguments after (deps, scope). */
type Rest<F> = F extends (deps: InventoryDeps, scope: InventoryScope, ...rest: infer R) => unknown ? R : never;
