import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { SqlStatement } from '../../../platform/combined-statement.js';
import type { ReturnStatus } from '../domain/return-rules.js';
import { OrderViewEntity, type OrderViewRecord } from './order-view.entity.js';
import { ReturnEntity, type ReturnRecord } from './return.entity.js';
import { WriteOffEntity, type WriteOffRecord } from './write-off.entity.js';

export type NewReturn = Omit<ReturnRecord, 'updatedAt'>;

/** Returns, the orders they belong to, and write-offs. Writes flush with the caller's transaction. */
export class ReturnRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  // ---- the order projection (one writer per column: each event fills its own)

  findOrder(orderId: string): Promise<OrderViewRecord | null> {
    return this.em.findOne(OrderViewEntity, { orderId }, { refresh: true });
  }

  /**
   * Inside a transaction: the order under a row lock, so every return request and receipt of one
   * order queues here (two submissions of one request see each other). Creates the row when no
   * event about the order arrived yet, so there is always a row to lock.
   */
  async lockOrder(orderId: string): Promise<OrderViewRecord> {
    await this.em.execute(`insert into "${this.schema}".order_view (order_id) values (?) on conflict (order_id) do nothing`, [orderId]);
    return (await this.em.findOne(OrderViewEntity, { orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }))!;
  }


  // ---- returns

  findById(id: string): Promise<ReturnRecord | null> {
    return this.em.findOne(ReturnEntity, { id });
  }

  /** Inside a transaction: the return under a row lock (every change of one return queues here). */
  lock(id: string): Promise<ReturnRecord | null> {
    return this.em.findOne(ReturnEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  lockByRefund(refundId: string): Promise<ReturnRecord | null> {
    return this.em.findOne(ReturnEntity, { refundId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** The order's returns, oldest first. */
  ofOrder(orderId: string): Promise<ReturnRecord[]> {
    return this.em.find(ReturnEntity, { orderId }, { orderBy: { requestedAt: 'asc', id: 'asc' }, refresh: true });
  }

  ofOrders(orderIds: readonly string[]): Promise<ReturnRecord[]> {
    return this.em.find(ReturnEntity, { orderId: { $in: [...orderIds] } }, { orderBy: { requestedAt: 'asc', id: 'asc' } });
  }

  /** One page, oldest first, after the return `afterId`; one more row than asked tells if another page follows. */
  async page(status: ReturnStatus | null, afterId: string | null, first: number): Promise<{ rows: ReturnRecord[]; totalCount: number }> {
    const where = status ? { status } : {};
    const [rows, totalCount] = await Promise.all([
      this.em.find(ReturnEntity, { ...where, ...(afterId ? { id: { $gt: afterId } } : {}) }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(ReturnEntity, where),
    ]);
    return { rows, totalCount };
  }

  add(ret: NewReturn): ReturnRecord {
    return this.em.create(ReturnEntity, ret as never);
  }

  recordWriteOff(writeOff: Omit<WriteOffRecord, 'id' | 'recordedAt'>): void {
    this.em.create(WriteOffEntity, writeOff as never);
  }
}

// Returns' view of an order is written by upserts, each event its own columns, so the events may
// arrive in any order and any number of times.

/** OrderPlaced: who bought what, at which prices. */
export function orderPlacedUpsert(schema: string, order: Pick<OrderViewRecord, 'orderId' | 'customerId' | 'currency' | 'lines' | 'subtotalCents' | 'discountCents' | 'shippingAddress'>): SqlStatement {
  return {
    sql: `insert into "${schema}".order_view (order_id, customer_id, currency, lines, subtotal_cents, discount_cents, shipping_address) values (?, ?, ?, ?::jsonb, ?, ?, ?::jsonb)
        on conflict (order_id) do update set customer_id = excluded.customer_id, currency = excluded.currency, lines = excluded.lines,
          subtotal_cents = excluded.subtotal_cents, discount_cents = excluded.discount_cents, shipping_address = excluded.shipping_address, updated_at = now()`,
    params: [order.orderId, order.customerId, order.currency, JSON.stringify(order.lines), order.subtotalCents, order.discountCents, JSON.stringify(order.shippingAddress)],
  };
}

/** FulfillmentRequested: the warehouse that ships the order (and takes its returns back). */
export function warehouseUpsert(schema: string, orderId: string, customerId: string, warehouseId: string): SqlStatement {
  return {
    sql: `insert into "${schema}".order_view (order_id, customer_id, warehouse_id) values (?, ?, ?)
        on conflict (order_id) do update set warehouse_id = excluded.warehouse_id, customer_id = coalesce(order_view.customer_id, excluded.customer_id), updated_at = now()`,
    params: [orderId, customerId, warehouseId],
  };
}

/** ShipmentDelivered: the return window counts from here (the first delivery report wins). */
export function deliveryUpsert(schema: string, orderId: string, deliveredAt: Date): SqlStatement {
  return {
    sql: `insert into "${schema}".order_view (order_id, delivered_at) values (?, ?)
        on conflict (order_id) do update set delivered_at = coalesce(order_view.delivered_at, excluded.delivered_at), updated_at = now()`,
    params: [orderId, deliveredAt],
  };
}
