import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReturnRecord } from './store/return.entity.js';
import { returnsOfOrders } from './use-cases/read-returns.js';

export interface ReturnsLoaders {
  /** Each order's returns; one query per tick for all the orders of a response. */
  returnsByOrder: DataLoader<string, ReturnRecord[]>;
}

/** Created per request: the cache must never outlive the request. */
export function createReturnsLoaders(em: EntityManager): ReturnsLoaders {
  return {
    returnsByOrder: new DataLoader((orderIds) => returnsOfOrders(em, orderIds), { maxBatchSize: 500 }),
  };
}
