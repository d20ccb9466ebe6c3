import type { EntityManager } from '@mikro-orm/postgresql';
import { outboxInsert, type PendingOutboxRow } from '../../../events/outbox.js';
import { CombinedStatement } from '../../../platform/combined-statement.js';
import type { CarrierEventRecord } from './carrier-event.entity.js';
import type { OrderCancellationRecord } from './order-cancellation.entity.js';
import type { ShipmentHistoryRecord } from './shipment-history.entity.js';
import type { ShipmentRecord } from './shipment.entity.js';

/** Insert a shipment this transaction opened, or update one it read under its row lock. */
export type ShipmentRowWrite = { insert: ShipmentRecord } | { update: ShipmentRecord };

/** Everything one fulfillment transaction writes; an empty part writes nothing. */
export interface ShipmentWrite {
  shipments: ShipmentRowWrite[];
  history: Omit<ShipmentHistoryRecord, 'id'>[];
  carrierEvents: CarrierEventRecord[];
  cancellations: OrderCancellationRecord[];
  outbox: PendingOutboxRow[];
}

const SHIPMENT_INSERT_COLUMNS = [
  'id', 'order_id', 'customer_id', 'reservation_id', 'warehouse_id', 'status', 'items', 'shipping_address', 'shipping_method', 'carrier', 'tracking_number',
  'tracking_url', 'delivery_attempts', 'assigned_at', 'dispatched_at', 'delivered_at', 'delivery_failed_at', 'cancelled_at', 'created_at', 'updated_at',
];
const shipmentInsertValues = (s: ShipmentRecord): unknown[] => [
  s.id, s.orderId, s.customerId, s.reservationId, s.warehouseId, s.status, JSON.stringify(s.items), JSON.stringify(s.shippingAddress), s.shippingMethod, s.carrier, s.trackingNumber,
  s.trackingUrl, s.deliveryAttempts, s.assignedAt, s.dispatchedAt, s.deliveredAt, s.deliveryFailedAt, s.cancelledAt, s.createdAt, s.updatedAt,
];
/** What the lifecycle changes; the order, customer, reservation, items and address are fixed when the shipment opens. */
export const SHIPMENT_UPDATE_COLUMNS = [
  'status', 'warehouse_id', 'carrier', 'tracking_number', 'tracking_url', 'delivery_attempts', 'assigned_at', 'dispatched_at', 'delivered_at',
  'delivery_failed_at', 'cancelled_at', 'updated_at',
];
const shipmentUpdateValues = (s: ShipmentRecord): unknown[] => [
  s.status, s.warehouseId, s.carrier, s.trackingNumber, s.trackingUrl, s.deliveryAttempts, s.assignedAt, s.dispatchedAt, s.deliveredAt,
  s.deliveryFailedAt, s.cancelledAt, s.updatedAt,
];
const JSONB_COLUMNS = new Set(['items', 'shipping_address']);

/**
 * Writes what a fulfillment transaction decided in ONE statement (platform/combined-statement.ts):
 * the shipments (inserted or updated), their history, the carrier reports handled, the orders
 * cancelled and the outbox rows, in the caller's transaction — a failure of any part leaves none of
 * them. The caller holds the locks the rows were decided under (the order's advisory lock, the
 * shipment's row lock). History and carrier events reference the shipment through foreign keys
 * checked at commit (deferred), so a shipment inserted here may already be referenced here; the
 * history's ids follow the order of `history`, which is the timeline's order.
 */
export async function writeShipments(em: EntityManager, write: ShipmentWrite): Promise<void> {
  const table = (name: string) => `"${em.config.get('schema')}".${name}`;
  const statement = new CombinedStatement();

  const inserts = write.shipments.flatMap((w) => ('insert' in w ? [w.insert] : []));
  if (inserts.length) statement.add(insertRows(table('shipment'), SHIPMENT_INSERT_COLUMNS, inserts.length), inserts.flatMap(shipmentInsertValues));
  // one part per row: no two parts of a statement may touch the same row, and each shipment is tracked once
  for (const w of write.shipments) {
    if ('update' in w) statement.add(`update ${table('shipment')} set ${SHIPMENT_UPDATE_COLUMNS.map((c) => `${c} = ?`).join(', ')} where id = ?`, [...shipmentUpdateValues(w.update), w.update.id]);
  }

  if (write.history.length) {
    statement.add(
      insertRows(table('shipment_history'), ['shipment_id', 'kind', 'actor', 'detail', 'occurred_at'], write.history.length),
      write.history.flatMap((h) => [h.shipmentId, h.kind, h.actor, h.detail, h.occurredAt]),
    );
  }
  if (write.carrierEvents.length) {
    statement.add(
      insertRows(table('carrier_event'), ['event_id', 'shipment_id', 'type', 'outcome', 'received_at'], write.carrierEvents.length),
      write.carrierEvents.flatMap((e) => [e.eventId, e.shipmentId, e.type, e.outcome, e.receivedAt]),
    );
  }
  if (write.cancellations.length) {
    statement.add(
      insertRows(table('order_cancellation'), ['order_id', 'reason', 'cancelled_at'], write.cancellations.length),
      write.cancellations.flatMap((c) => [c.orderId, c.reason, c.cancelledAt]),
    );
  }
  if (write.outbox.length) {
    const insert = outboxInsert(em, write.outbox);
    statement.add(insert.sql, insert.params);
  }

  await statement.write(em);
}

function insertRows(table: string, columns: readonly string[], rows: number): string {
  const row = `(${columns.map((column) => (JSONB_COLUMNS.has(column) ? '?::jsonb' : '?')).join(', ')})`;
  return `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, () => row).join(', ')}`;
}
