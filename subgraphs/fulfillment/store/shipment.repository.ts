import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { plainRecord } from '../../../platform/plain-record.js';
import type { ShipmentStatus } from '../domain/shipment-lifecycle.js';
import { ShipmentHistoryEntity, type ShipmentHistoryRecord } from './shipment-history.entity.js';
import { ShipmentEntity, type ShipmentRecord } from './shipment.entity.js';
import { lockForTransaction } from '../../../platform/advisory-locks.js';

export type NewShipment = Omit<ShipmentRecord, 'id' | 'createdAt' | 'updatedAt'>;

export interface ShipmentFilter {
  status: ShipmentStatus | null;
  warehouseId: string | null;
}

/** The advisory lock everything done for one order's shipment queues on (the messaging kit takes it with a request's inbox row). */
export const shipmentLockKey = (orderId: string): string => `fulfillment.order:${orderId}`;

/**
 * Shipments with their history, the carrier reports seen and the cancelled orders. What a
 * transaction changes it reads here as plain records, never managed entities: it writes them
 * itself in one statement (shipment-write.statement.ts), and the unit of work must not write them
 * a second time. The reads of the GraphQL resolvers stay on the ORM: they change nothing.
 */
export class ShipmentRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  private get table(): string {
    return `"${this.schema}".shipment`;
  }

  /**
   * Inside a transaction: serialises everything done for one order (two requests for the same
   * order, a request and a cancellation), even before its shipment exists, then reads the
   * shipment under a row lock and whether orders cancelled the order — one statement. The read is
   * a statement of its own, after the lock: under READ COMMITTED its snapshot must include what
   * the previous holder committed. The lateral join keeps the cancellation's answer when there is
   * no shipment (a row lock cannot sit on the nullable side of an outer join, but can inside it).
   */
  async lockForOrder(orderId: string): Promise<{ shipment: ShipmentRecord | null; orderCancelled: boolean }> {
    await lockForTransaction(this.em, shipmentLockKey(orderId));
    const [row] = await this.em.execute<(ShipmentRow & { order_cancelled: boolean })[]>(
      `select exists (select 1 from "${this.schema}".order_cancellation where order_id = ?) as order_cancelled, s.*
         from (select 1) as one
         left join lateral (select * from ${this.table} where order_id = ? for update) as s on true`,
      [orderId, orderId],
    );
    const { order_cancelled: orderCancelled, ...shipment } = row!;
    return { shipment: shipment.id == null ? null : this.recordOf(shipment), orderCancelled };
  }

  /** Inside a transaction: the shipment under a row lock (every change of one shipment queues here). */
  async lock(id: string): Promise<ShipmentRecord | null> {
    const [row] = await this.em.execute<ShipmentRow[]>(`select * from ${this.table} where id = ? for update`, [id]);
    return row ? this.recordOf(row) : null;
  }

  /** Inside a transaction: the parcel with this tracking number (EasyPost's trackers name it so), under a row lock. */
  async lockByTrackingNumber(trackingNumber: string): Promise<ShipmentRecord | null> {
    const [row] = await this.em.execute<ShipmentRow[]>(`select * from ${this.table} where tracking_number = ? limit 1 for update`, [trackingNumber]);
    return row ? this.recordOf(row) : null;
  }

  findById(id: string): Promise<ShipmentRecord | null> {
    return this.em.findOne(ShipmentEntity, { id });
  }

  findByOrders(orderIds: readonly string[]): Promise<ShipmentRecord[]> {
    return this.em.find(ShipmentEntity, { orderId: { $in: [...orderIds] } }, { orderBy: { id: 'asc' } });
  }

  /** One page, oldest first, after the shipment `afterId`; one more row than asked tells if another page follows. */
  async page(filter: ShipmentFilter, afterId: string | null, first: number): Promise<{ rows: ShipmentRecord[]; totalCount: number }> {
    const where = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.warehouseId ? { warehouseId: filter.warehouseId } : {}),
    };
    const [rows, totalCount] = await Promise.all([
      this.em.find(ShipmentEntity, { ...where, ...(afterId ? { id: { $gt: afterId } } : {}) }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(ShipmentEntity, where),
    ]);
    return { rows, totalCount };
  }

  /**
   * Inside a transaction: dispatched parcels whose last change is at least `ageMs` old by the
   * database clock, locked, skipping those another replica holds. For the delivery simulation.
   */
  async claimInTransit(ageMs: number, limit: number): Promise<ShipmentRecord[]> {
    const rows = await this.em.execute<ShipmentRow[]>(
      `select * from ${this.table}
        where status = 'DISPATCHED' and updated_at <= now() - ? * interval '1 millisecond'
        order by updated_at limit ? for update skip locked`,
      [ageMs, limit],
    );
    return rows.map((row) => this.recordOf(row));
  }

  /** A new shipment's record, to be inserted by the transaction's write. */
  create(shipment: NewShipment): ShipmentRecord {
    const now = new Date();
    return { id: uuidv7(), ...shipment, createdAt: now, updatedAt: now };
  }

  private recordOf(row: ShipmentRow): ShipmentRecord {
    return plainRecord(this.em, ShipmentEntity, row);
  }

  // ---- history

  historyOf(shipmentIds: readonly string[]): Promise<ShipmentHistoryRecord[]> {
    return this.em.find(ShipmentHistoryEntity, { shipmentId: { $in: [...shipmentIds] } }, { orderBy: { id: 'asc' } });
  }

  // ---- carrier reports

  /** Whether a carrier report with this id was handled before (call with its shipment locked). */
  async seenCarrierEvent(eventId: string): Promise<boolean> {
    const rows = await this.em.execute(`select 1 from "${this.schema}".carrier_event where event_id = ?`, [eventId]);
    return rows.length > 0;
  }
}

/** A `fulfillment.shipment` row as PostgreSQL returns it (columns, not properties). */
type ShipmentRow = Record<string, unknown>;
