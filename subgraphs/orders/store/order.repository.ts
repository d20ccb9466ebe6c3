import { type EntityManager, type EntitySchema, type FilterQuery } from '@mikro-orm/postgresql';
import type { OrderPosition } from '../domain/cursor.js';
import type { OrderStatus } from '../domain/saga/order-status.js';
import { OrderEntity, type OrderRecord } from './order.entity.js';
import { OrderSagaEntity, type OrderSagaRecord } from './order-saga.entity.js';
import { StatusChangeEntity, type StatusChangeRecord } from './status-change.entity.js';
import { TimelineEntity, type TimelineRecord } from './timeline.entity.js';

export interface OrderListing {
  customerId?: string;
  status?: OrderStatus | null;
  /** Exact, normalized (CS-100042). */
  number?: string | null;
  /** Oldest first instead of newest first. */
  oldestFirst?: boolean;
  after?: OrderPosition | null;
  /** Rows to read: the page size plus one, to know whether there is a next page. */
  limit: number;
}

const SAGA_COLUMN = 'saga__';

/** Orders, their saga rows and timelines. */
export class OrderRepository {
  constructor(private readonly em: EntityManager) {}

  /** A plain record (see lockSaga): orders are read far more often than any unit of work changes one. */
  async find(id: string): Promise<OrderRecord | null> {
    const [row] = await this.em.execute<Record<string, unknown>[]>(`select * from "${this.em.config.get('schema')}".customer_order where id = ?`, [id]);
    return row ? this.toRecord(OrderEntity, row) : null;
  }

  findMany(ids: readonly string[]): Promise<OrderRecord[]> {
    return this.em.find(OrderEntity, { id: { $in: [...ids] } });
  }

  /**
   * Inside a transaction: the order's saga row and the order row, locked until commit, as the last
   * step left them, in one statement. Every step of a saga (an answer, a timeout, a cancellation)
   * takes these locks first, so two steps of one order queue in PostgreSQL instead of both computing
   * a decision and one losing on the version (a rolled-back transaction, a redelivery and its
   * back-off). The version column stays as the backstop. The order row is locked as well, not for
   * exclusion (only saga steps write it, under the saga lock, which is always taken first) but
   * because a waiting `for update` re-reads only the rows it locks: an unlocked order row would come
   * back as it was before the step the statement waited for, and this step would write on top of
   * stale status columns. The records are not in the identity map (see below).
   */
  async lockSaga(orderId: string): Promise<{ saga: OrderSagaRecord; order: OrderRecord } | null> {
    const schema = this.em.config.get('schema');
    const [row] = await this.em.execute<Record<string, unknown>[]>(
      `select s.order_id as saga__order_id, s.state as saga__state, s.version as saga__version, s.updated_at as saga__updated_at, o.*
         from "${schema}".order_saga s join "${schema}".customer_order o on o.id = s.order_id
        where s.order_id = ? for update of s, o`,
      [orderId],
    );
    if (!row) return null;
    const sagaRow: Record<string, unknown> = {};
    const orderRow: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(row)) {
      if (column.startsWith(SAGA_COLUMN)) sagaRow[column.slice(SAGA_COLUMN.length)] = value;
      else orderRow[column] = value;
    }
    // plain records, not managed entities: a step writes its changes itself, in one statement
    // (saga-step.statement.ts), and the unit of work must not write them a second time
    return { saga: this.toRecord(OrderSagaEntity, sagaRow), order: this.toRecord(OrderEntity, orderRow) };
  }

  private toRecord<T extends object>(entity: EntitySchema<T>, row: Record<string, unknown>): T {
    return this.em.getDriver().mapResult(row as never, this.em.getMetadata().get<T>(entity.meta.className)) as T;
  }

  /** Newest first (or oldest first), keyset-paginated on (placedAt, id). */
  list(listing: OrderListing): Promise<OrderRecord[]> {
    const direction = listing.oldestFirst ? 'asc' : 'desc';
    return this.em.find(OrderEntity, this.where(listing, true), { orderBy: [{ placedAt: direction }, { id: direction }], limit: listing.limit });
  }

  count(listing: Omit<OrderListing, 'limit' | 'after' | 'oldestFirst'>): Promise<number> {
    return this.em.count(OrderEntity, this.where(listing, false));
  }

  private where(listing: Omit<OrderListing, 'limit'>, withCursor: boolean): FilterQuery<OrderRecord> {
    const conditions: FilterQuery<OrderRecord>[] = [];
    if (listing.customerId !== undefined) conditions.push({ customerId: listing.customerId });
    if (listing.status) conditions.push({ status: listing.status });
    if (listing.number) conditions.push({ number: listing.number });
    if (withCursor && listing.after) {
      const { placedAt, id } = listing.after;
      const past = listing.oldestFirst ? '$gt' : '$lt';
      conditions.push({ $or: [{ placedAt: { [past]: placedAt } }, { placedAt, id: { [past]: id } }] });
    }
    return conditions.length ? { $and: conditions } : {};
  }

  /** An order's status changes after the `after`-th, oldest first. */
  statusChanges(orderId: string, after: number): Promise<StatusChangeRecord[]> {
    return this.em.find(StatusChangeEntity, { orderId, sequence: { $gt: after } }, { orderBy: { sequence: 'asc' } });
  }

  /** The timelines of several orders, each oldest first. */
  async timelines(orderIds: readonly string[]): Promise<Map<string, TimelineRecord[]>> {
    const rows = await this.em.find(TimelineEntity, { orderId: { $in: [...orderIds] } }, { orderBy: { id: 'asc' } });
    const byOrder = new Map<string, TimelineRecord[]>(orderIds.map((id) => [id, []]));
    for (const row of rows) byOrder.get(row.orderId)?.push(row);
    return byOrder;
  }
}
