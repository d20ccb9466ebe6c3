import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NotificationRecord } from './store/notification.entity.js';
import { NotificationRepository } from './store/notification.repository.js';
import { ProjectionsRepository } from './store/projections.repository.js';

export interface NotificationsLoaders {
  notificationsByOrderId: DataLoader<string, NotificationRecord[]>;
  /** The order's customer as OrderPlaced told it; null for an order notifications never heard of. */
  customerOfOrder: DataLoader<string, string | null>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Created per request (one query per tick per kind); ids that are not UUIDs match nothing. */
export function createNotificationsLoaders(em: EntityManager): NotificationsLoaders {
  return {
    notificationsByOrderId: new DataLoader(async (orderIds) => {
      const rows = await new NotificationRepository(em).ofOrders(orderIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()));
      return orderIds.map((id) => rows.filter((row) => row.orderId === id.toLowerCase()));
    }),
    customerOfOrder: new DataLoader(async (orderIds) => {
      const owners = await new ProjectionsRepository(em).findOrdersOwners(orderIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()));
      return orderIds.map((id) => owners.find((owner) => owner.orderId === id.toLowerCase())?.customerId ?? null);
    }),
  };
}
