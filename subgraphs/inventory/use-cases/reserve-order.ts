import type { EntityManager } from '@mikro-orm/postgresql';
import { chooseWarehouse, mergeLines, type OrderLine } from '../domain/reservation-choice.js';
import { answerRequest, lineDelta } from '../domain/reservation-lifecycle.js';
import { ReservationRepository } from '../store/reservation.repository.js';
import { writeInventory } from '../store/inventory-write.statement.js';
import { StockRepository } from '../store/stock.repository.js';
import { announce, answerMeta } from './reservation-announcements.js';
import { StockChanges } from './stock-changes.js';
import { SYSTEM_ACTOR, type Cause, type InventoryDeps } from './scope.js';

export interface ReservationRequest {
  orderId: string;
  customerId: string | null;
  lines: OrderLine[];
  shippingRegion: string;
  shippingCountry: string;
}

export type ReservationOutcome = 'RESERVED' | 'FAILED' | 'REPEATED';

/**
 * Reserves every line of an order at the nearest warehouse that can hold them all, or none
 * (PO: no partial fulfilment). Runs inside the caller's transaction (the handler's, with its
 * inbox row), in this order, which is what keeps it correct under concurrency:
 *
 * 1. the order's advisory lock + row lock: requests for one order queue; a repeat finds the row
 *    and re-announces the first answer instead of reserving again;
 * 2. every warehouse's row of the order's SKUs, locked in the global (sku, warehouse) order by a
 *    statement sent after 1 in the same message: reservations racing for the same units queue on
 *    them, so the second one sees what the first took (no oversell), and sorted locks cannot
 *    deadlock;
 * 3. decide with the pure domain on the locked numbers, then write the units moved (rows +
 *    movement log), the reservation, the answer and the stock signals — one statement, one commit.
 */
export async function reserveOrder(deps: InventoryDeps, em: EntityManager, request: ReservationRequest, cause: Cause): Promise<ReservationOutcome> {
  const reservations = new ReservationRepository(em);
  const stock = new StockRepository(em);
  const lines = mergeLines(request.lines);
  const skus = lines.map((line) => line.sku);
  // a repeat holds the stock rows needlessly until its commit: rare, and the fresh request saves a round trip
  const { reservation: existing, now, stock: locked } = await reservations.lockForOrder(request.orderId, skus.length ? stock.lockSkusStatement(skus) : null);
  const answer = answerRequest(existing?.status);
  if (answer.kind === 'repeat') {
    await writeInventory(em, { outbox: [announce(deps.eventNamespace, existing!, answer.announce, cause)] });
    return 'REPEATED';
  }

  const changes = new StockChanges(stock);
  changes.hold(locked, skus);
  const choice = chooseWarehouse(lines, locked, { region: request.shippingRegion, country: request.shippingCountry });
  const base = {
    orderId: request.orderId,
    customerId: request.customerId,
    lines: choice.lines,
    shippingRegion: request.shippingRegion,
    shippingCountry: request.shippingCountry,
    releaseReason: null,
    releasedFrom: null,
  };

  if (!choice.ok) {
    const failed = reservations.create({ ...base, status: 'FAILED', warehouseId: null, unavailable: choice.unavailable, expiresAt: null });
    await writeInventory(em, { reservation: { record: failed, isNew: true }, outbox: [announce(deps.eventNamespace, failed, 'FAILED', cause)] });
    return 'FAILED';
  }

  for (const line of choice.lines) {
    changes.apply(line.sku, choice.warehouseId, lineDelta('NEW', 'RESERVED', line.quantity), {
      kind: 'RESERVED',
      actor: SYSTEM_ACTOR,
      reason: null,
      reference: request.orderId,
    });
  }
  // by the database clock, which the expiry job compares with
  const expiresAt = new Date(now.getTime() + deps.reservationTtlMs);
  const reserved = reservations.create({ ...base, status: 'RESERVED', warehouseId: choice.warehouseId, unavailable: null, expiresAt });
  await writeInventory(em, {
    stock: changes.rowChanges,
    movements: changes.movements,
    reservation: { record: reserved, isNew: true },
    outbox: [announce(deps.eventNamespace, reserved, 'RESERVED', cause), ...changes.signals(deps.eventNamespace, answerMeta(reserved, cause))],
  });
  return 'RESERVED';
}
