import type { EntityManager } from '@mikro-orm/postgresql';
import { outboxInsert, type PendingOutboxRow } from '../../../events/outbox.js';
import { CombinedStatement } from '../../../platform/combined-statement.js';
import type { StockBuckets } from '../domain/stock-level.js';
import type { ReservationRecord } from './reservation.entity.js';
import type { MovementInfo } from './stock-movement.entity.js';

/** One row's net change in this transaction (rows are locked, so the sum is what lands). */
export interface StockRowChange {
  sku: string;
  warehouseId: string;
  delta: StockBuckets;
}

/** One line of the movement log. */
export interface StockMovement extends MovementInfo {
  sku: string;
  warehouseId: string;
  delta: StockBuckets;
}

/** Everything one inventory transaction writes. */
export interface InventoryWrite {
  stock?: readonly StockRowChange[];
  movements?: readonly StockMovement[];
  reservation?: { record: ReservationRecord; isNew: boolean } | null;
  outbox?: readonly PendingOutboxRow[];
}

/**
 * Writes an inventory transaction's changes in ONE statement (platform/combined-statement.ts): the
 * stock rows (one update for all of them, each row once), the movement log, the reservation
 * (inserted or updated) and the outbox rows. The caller holds the locks (the order's advisory lock,
 * the reservation's and the stock rows'), so what it computed from the locked rows is what lands;
 * the table's CHECKs stay the last line of defence against a bucket below zero.
 */
export async function writeInventory(em: EntityManager, write: InventoryWrite): Promise<void> {
  const schema = em.config.get('schema');
  const table = (name: string) => `"${schema}".${name}`;
  const statement = new CombinedStatement();
  const stock = write.stock ?? [];
  if (stock.length) {
    statement.add(
      `update ${table('stock_level')} s
          set available = s.available + d.available, reserved = s.reserved + d.reserved, committed = s.committed + d.committed, shipped = s.shipped + d.shipped, updated_at = now()
         from (values ${stock.map(() => '(?::text, ?::text, ?::int, ?::int, ?::int, ?::int)').join(', ')}) as d (sku, warehouse_id, available, reserved, committed, shipped)
        where s.sku = d.sku and s.warehouse_id = d.warehouse_id`,
      stock.flatMap((row) => [row.sku, row.warehouseId, row.delta.available, row.delta.reserved, row.delta.committed, row.delta.shipped]),
    );
  }
  const movements = write.movements ?? [];
  if (movements.length) {
    statement.add(
      `insert into ${table('stock_movement')} (sku, warehouse_id, kind, delta_available, delta_reserved, delta_committed, delta_shipped, actor, reason, reference)
       values ${movements.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      movements.flatMap((m) => [m.sku, m.warehouseId, m.kind, m.delta.available, m.delta.reserved, m.delta.committed, m.delta.shipped, m.actor, m.reason, m.reference]),
    );
  }
  const reservation = write.reservation;
  if (reservation?.isNew) {
    const r = reservation.record;
    statement.add(
      `insert into ${table('reservation')} (id, order_id, customer_id, status, warehouse_id, lines, unavailable, shipping_region, shipping_country, release_reason, released_from, expires_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)`,
      [r.id, r.orderId, r.customerId, r.status, r.warehouseId, JSON.stringify(r.lines), r.unavailable === null ? null : JSON.stringify(r.unavailable), r.shippingRegion, r.shippingCountry, r.releaseReason, r.releasedFrom, r.expiresAt, r.createdAt, r.updatedAt],
    );
  } else if (reservation) {
    const r = reservation.record;
    statement.add(`update ${table('reservation')} set status = ?, release_reason = ?, released_from = ?, updated_at = ? where id = ?`, [r.status, r.releaseReason, r.releasedFrom, r.updatedAt, r.id]);
  }
  if (write.outbox?.length) {
    const insert = outboxInsert(em, write.outbox);
    statement.add(insert.sql, insert.params);
  }
  await statement.write(em);
}
