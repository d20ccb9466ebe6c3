import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../platform/auth.js';
import { normaliseSku } from './domain/sku.js';
import { readAvailability, type AvailabilityView } from './use-cases/read-availability.js';

export interface InventoryLoaders {
  /** Availability of a product for this caller (byWarehouse for staff only); one query per tick. */
  availabilityBySku: DataLoader<string, AvailabilityView, string>;
}

/** Created per request: the cache and the caller's view must never outlive the request. */
export function createInventoryLoaders(em: EntityManager, caller: Caller): InventoryLoaders {
  return {
    availabilityBySku: new DataLoader<string, AvailabilityView, string>((skus) => readAvailability({ caller, em }, skus), {
      cacheKeyFn: normaliseSku,
      maxBatchSize: 500,
    }),
  };
}
