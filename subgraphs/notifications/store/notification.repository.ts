import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { NotificationEntity, type NotificationRecord, type NotificationStatus } from './notification.entity.js';

export interface NotificationFilter {
  customerId?: string;
  orderId?: string;
  status?: NotificationStatus;
}

/** Reads of stored e-mails: newest first (ids are UUIDv7), without their bodies. */
export class NotificationRepository {
  constructor(private readonly em: EntityManager) {}

  async page(filter: NotificationFilter, options: { first: number; afterId: string | null }): Promise<{ rows: NotificationRecord[]; totalCount: number }> {
    const where: FilterQuery<NotificationRecord> = {
      ...(filter.customerId !== undefined && { customerId: filter.customerId }),
      ...(filter.orderId !== undefined && { orderId: filter.orderId }),
      ...(filter.status !== undefined && { status: filter.status }),
    };
    const [rows, totalCount] = await Promise.all([
      this.em.find(NotificationEntity, options.afterId ? { $and: [where, { id: { $lt: options.afterId } }] } : where, { orderBy: { id: 'desc' }, limit: options.first + 1 }),
      this.em.count(NotificationEntity, where),
    ]);
    return { rows, totalCount };
  }

  ofOrders(orderIds: readonly string[]): Promise<NotificationRecord[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return this.em.find(NotificationEntity, { orderId: { $in: [...orderIds] } }, { orderBy: { id: 'desc' } });
  }
}
