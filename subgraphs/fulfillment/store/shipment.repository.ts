import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { ShipmentStatus } from '../domain/shipment-lifecycle.js';
import { CarrierEventEntity, type CarrierEventRecord } from './carrier-event.entity.js';
import { OrderCancellationEntity } from './order-cancellation.entity.js';
import { ShipmentHistoryEntity, type ShipmentHistoryRecord } from './shipment-history.entity.js';
import { ShipmentEntity, type ShipmentRecord } from './shipment.entity.js';

export type NewShipment = Omit<ShipmentRecord, 'id' | 'createdAt' | 'updatedAt'>;

export interface ShipmentFilter {
  status: ShipmentStatus | null;
  warehouseId: string | null;
}

/** Shipments with their history, the carrier reports seen and the cancelled orders. Writes flush with the caller's transaction. */
export class ShipmentRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  /**
   * Inside a transaction: serialises everything done for one order (two requests for the same
   * order, a request and a cancellation), even before its shipment exists, then reads the
   * shipment under a row lock.
   */
  async lockForOrder(orderId: string): Promise<ShipmentRecord | null> {
    await this.em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`fulfillment.order:${orderId}`]);
    return this.em.findOne(ShipmentEntity, { orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Inside a transaction: the shipment under a row lock (every change of one shipment queues here). */
  lock(id: string): Promise<ShipmentRecord | null> {
    return this.em.findOne(ShipmentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Inside a transaction: the parcel with this tracking number (EasyPost's trackers name it so), under a row lock. */
  lockByTrackingNumber(trackingNumber: string): Promise<ShipmentRecord | null> {
    return this.em.findOne(ShipmentEntity, { trackingNumber }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
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
    const rows = await this.em.execute<{ id: string }[]>(
      `select id from "${this.schema}".shipment
        where status = 'DISPATCHED' and updated_at <= now() - ? * interval '1 millisecond'
        order by updated_at limit ? for update skip locked`,
      [ageMs, limit],
    );
    if (rows.length === 0) return [];
    return this.em.find(ShipmentEntity, { id: { $in: rows.map((r) => r.id) } }, { refresh: true, orderBy: { updatedAt: 'asc' } });
  }

  add(shipment: NewShipment): ShipmentRecord {
    return this.em.create(ShipmentEntity, { id: uuidv7(), ...shipment } as never);
  }

  // ---- history

  appendHistory(entry: Omit<ShipmentHistoryRecord, 'id'>): void {
    this.em.create(ShipmentHistoryEntity, entry as never);
  }

  historyOf(shipmentIds: readonly string[]): Promise<ShipmentHistoryRecord[]> {
    return this.em.find(ShipmentHistoryEntity, { shipmentId: { $in: [...shipmentIds] } }, { orderBy: { id: 'asc' } });
  }

  // ---- carrier reports

  /** Whether a carrier report with this id was handled before (call with its shipment locked). */
  async seenCarrierEvent(eventId: string): Promise<boolean> {
    return (await this.em.count(CarrierEventEntity, { eventId })) > 0;
  }

  recordCarrierEvent(event: Omit<CarrierEventRecord, 'receivedAt'>): void {
    this.em.create(CarrierEventEntity, event as never);
  }

  // ---- cancelled orders

  async isCancelled(orderId: string): Promise<boolean> {
    return (await this.em.count(OrderCancellationEntity, { orderId })) > 0;
  }

  recordCancellation(orderId: string, reason: string | null): void {
    this.em.create(OrderCancellationEntity, { orderId, reason } as never);
  }
}
