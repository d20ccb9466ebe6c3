import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Money } from './domain/money.js';
import type { OrderRecord } from './store/order.entity.js';
import { OrderRepository } from './store/order.repository.js';
import { ProjectionRepository } from './store/projection.repository.js';
import { applyingPercent } from './use-cases/checkout-coupon.js';
import type { TimelineRecord } from './store/timeline.entity.js';

/** Batched per-request lookups: one query for every order (or timeline, or price) a response needs. */
export function createOrdersLoaders(em: EntityManager) {
  const orders = new OrderRepository(em);
  return {
    orderById: new DataLoader<string, OrderRecord | null>(async (ids) => {
      const rows = await orders.findMany(ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    timelineByOrderId: new DataLoader<string, TimelineRecord[]>(async (ids) => {
      const byOrder = await orders.timelines(ids);
      return ids.map((id) => byOrder.get(id) ?? []);
    }),
    /** Whether a checkout's coupon still applies to its customer (key: code + customer): its percentage, or null. */
    applyingCouponPercent: new DataLoader<{ code: string; percentOff: number; customerId: string }, number | null, string>(
      (keys) => Promise.all(keys.map((key) => applyingPercent(em, key, key.customerId, new Date()))),
      { cacheKeyFn: (key) => `${key.code}\u0000${key.customerId}` },
    ),
    currentPriceBySku: new DataLoader<string, Money | null>(async (skus) => {
      const prices = await new ProjectionRepository(em).currentPrices(skus);
      return skus.map((sku) => prices.get(sku) ?? null);
    }),
  };
}

export type OrdersLoaders = ReturnType<typeof createOrdersLoaders>;
