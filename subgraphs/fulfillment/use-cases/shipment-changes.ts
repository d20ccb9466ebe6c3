import type { EntityManager } from '@mikro-orm/postgresql';
import { outboxRow, type PendingOutboxRow } from '../../../events/outbox.js';
import { DeliveryAttemptFailed } from '../../../events/contracts/fulfillment/delivery-attempt-failed.event.js';
import { DeliveryFailed } from '../../../events/contracts/fulfillment/delivery-failed.event.js';
import { ReservationShipRequested } from '../../../events/contracts/fulfillment/reservation-ship-requested.event.js';
import { ShipmentAssigned } from '../../../events/contracts/fulfillment/shipment-assigned.event.js';
import { ShipmentDelivered } from '../../../events/contracts/fulfillment/shipment-delivered.event.js';
import { ShipmentDispatched } from '../../../events/contracts/fulfillment/shipment-dispatched.event.js';
import type { Decision, ShipmentChange } from '../domain/shipment-lifecycle.js';
import type { CarrierEventRecord } from '../store/carrier-event.entity.js';
import type { OrderCancellationRecord } from '../store/order-cancellation.entity.js';
import type { ShipmentHistoryRecord } from '../store/shipment-history.entity.js';
import type { ShipmentRecord } from '../store/shipment.entity.js';
import { ShipmentRepository, type NewShipment } from '../store/shipment.repository.js';
import { writeShipments, type ShipmentRowWrite } from '../store/shipment-write.statement.js';
import type { Cause } from './scope.js';

type Applied = Extract<Decision, { kind: 'apply' }>;

/** A shipment the transaction changes, and how it stood when read (null: opened by this transaction). */
interface Tracked {
  row: ShipmentRecord;
  read: ShipmentRecord | null;
}

/**
 * What one fulfillment transaction reads and changes, written at the end in one statement
 * (store/shipment-write.statement.ts) in the caller's transaction: the shipments (inserted when
 * opened here; updated only if a field differs from what was read — a carrier scan that moves
 * nothing leaves `updated_at`, which the delivery simulation claims by, as it was), their history,
 * the carrier reports handled, the cancelled orders and the announced events. Shipments are plain
 * records, never in the ORM's identity map, so nothing else writes them.
 */
export class ShipmentChanges {
  readonly store: ShipmentRepository;
  private readonly shipments = new Map<string, Tracked>();
  private readonly history: Omit<ShipmentHistoryRecord, 'id'>[] = [];
  private readonly carrierEvents: Omit<CarrierEventRecord, 'receivedAt'>[] = [];
  private readonly cancellations: Omit<OrderCancellationRecord, 'cancelledAt'>[] = [];
  private readonly outbox: PendingOutboxRow[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly eventNamespace: string,
  ) {
    this.store = new ShipmentRepository(em);
  }

  /** The order's shipment under the order's lock and its row lock, and whether orders cancelled the order; changes to it are written. */
  async lockForOrder(orderId: string): Promise<{ shipment: ShipmentRecord | null; orderCancelled: boolean }> {
    const found = await this.store.lockForOrder(orderId);
    return { ...found, shipment: found.shipment && this.track(found.shipment) };
  }

  /** The shipment under its row lock; changes to it are written. */
  async lock(id: string): Promise<ShipmentRecord | null> {
    const shipment = await this.store.lock(id);
    return shipment && this.track(shipment);
  }

  /** The parcel with this tracking number under its row lock; changes to it are written. */
  async lockByTrackingNumber(trackingNumber: string): Promise<ShipmentRecord | null> {
    const shipment = await this.store.lockByTrackingNumber(trackingNumber);
    return shipment && this.track(shipment);
  }

  /** Dispatched parcels due for their next delivery attempt, locked (store: claimInTransit); changes to them are written. */
  async claimInTransit(ageMs: number, limit: number): Promise<ShipmentRecord[]> {
    return (await this.store.claimInTransit(ageMs, limit)).map((shipment) => this.track(shipment));
  }

  /** Opens a shipment (inserted by the write). */
  open(shipment: NewShipment): ShipmentRecord {
    const created = this.store.create(shipment);
    this.shipments.set(created.id, { row: created, read: null });
    return created;
  }

  appendHistory(entry: Omit<ShipmentHistoryRecord, 'id'>): void {
    this.history.push(entry);
  }

  /** Whether a carrier report with this id was handled before, in an earlier transaction or earlier in this one. */
  async seenCarrierEvent(eventId: string): Promise<boolean> {
    return this.carrierEvents.some((event) => event.eventId === eventId) || this.store.seenCarrierEvent(eventId);
  }

  recordCarrierEvent(event: Omit<CarrierEventRecord, 'receivedAt'>): void {
    this.carrierEvents.push(event);
  }

  recordCancellation(orderId: string, reason: string | null): void {
    this.cancellations.push({ orderId, reason });
  }

  /**
   * Applies an accepted decision to a tracked shipment: its new state, one history row per change,
   * and the integration events the changes call for (envelopes carry the customer and the order
   * as correlation, so the gateway can scope notifications).
   */
  applyDecision(shipment: ShipmentRecord, decision: Applied, at: Date, cause: Cause): void {
    shipment.status = decision.state.status;
    shipment.deliveryAttempts = decision.state.deliveryAttempts;
    const meta = { customerId: shipment.customerId, correlationId: shipment.orderId, causationId: cause.causationId };
    const ids = { orderId: shipment.orderId, shipmentId: shipment.id };
    const ns = this.eventNamespace;

    for (const change of decision.changes) {
      this.appendHistory({ shipmentId: shipment.id, kind: change.kind, actor: cause.actor, detail: detailOf(change) ?? cause.note ?? null, occurredAt: at });
      switch (change.kind) {
        case 'ASSIGNED':
          shipment.warehouseId = change.warehouseId;
          shipment.assignedAt = at;
          this.outbox.push(outboxRow(ns, ShipmentAssigned, { ...ids, warehouseId: change.warehouseId }, meta));
          break;
        case 'DISPATCHED':
          shipment.carrier = change.carrier;
          shipment.trackingNumber = change.trackingNumber;
          shipment.dispatchedAt = at;
          // inventory ships the reservation's committed units; orders moves the order to SHIPPED
          this.outbox.push(outboxRow(ns, ReservationShipRequested, { orderId: shipment.orderId }, meta));
          this.outbox.push(
            outboxRow(
              ns,
              ShipmentDispatched,
              { ...ids, warehouseId: shipment.warehouseId, carrier: change.carrier, trackingNumber: change.trackingNumber, dispatchedAt: at.toISOString() },
              meta,
            ),
          );
          break;
        case 'IN_TRANSIT':
          break;
        case 'DELIVERY_ATTEMPT_FAILED':
          this.outbox.push(outboxRow(ns, DeliveryAttemptFailed, { ...ids, attempt: change.attempt, reason: change.reason }, meta));
          break;
        case 'DELIVERY_FAILED':
          shipment.deliveryFailedAt = at;
          this.outbox.push(outboxRow(ns, DeliveryFailed, { ...ids, attempts: change.attempts }, meta));
          break;
        case 'DELIVERED':
          shipment.deliveredAt = at;
          this.outbox.push(outboxRow(ns, ShipmentDelivered, { ...ids, deliveredAt: at.toISOString() }, meta));
          break;
        case 'CANCELLED':
          shipment.cancelledAt = at;
          break;
      }
    }
  }

  /**
   * Writes everything collected (nothing at all if nothing changed). A changed shipment's
   * `updatedAt` and the new rows' own times are stamped now, on the records too, as the ORM's
   * onCreate/onUpdate did at flush: a use case returns the shipment as it was written.
   */
  async write(): Promise<void> {
    const now = new Date();
    const shipments: ShipmentRowWrite[] = [];
    for (const { row, read } of this.shipments.values()) {
      if (!read) shipments.push({ insert: Object.assign(row, { createdAt: now, updatedAt: now }) });
      else if (changed(read, row)) shipments.push({ update: Object.assign(row, { updatedAt: now }) });
    }
    await writeShipments(this.em, {
      shipments,
      history: this.history,
      carrierEvents: this.carrierEvents.map((event) => ({ ...event, receivedAt: now })),
      cancellations: this.cancellations.map((cancellation) => ({ ...cancellation, cancelledAt: now })),
      outbox: this.outbox,
    });
  }

  private track(shipment: ShipmentRecord): ShipmentRecord {
    // a shipment read twice in one transaction (not done today) keeps its first reading and record
    const tracked = this.shipments.get(shipment.id);
    if (tracked) return tracked.row;
    this.shipments.set(shipment.id, { row: shipment, read: { ...shipment } });
    return shipment;
  }
}

/** Runs a use case on its own ShipmentChanges and writes them once it has decided (not if it throws). */
export async function withShipmentChanges<T>(em: EntityManager, eventNamespace: string, useCase: (changes: ShipmentChanges) => Promise<T>): Promise<T> {
  const changes = new ShipmentChanges(em, eventNamespace);
  const outcome = await useCase(changes);
  await changes.write();
  return outcome;
}

/** Only the lifecycle's fields can change (store/shipment-write.statement.ts updates those). */
const MUTABLE_FIELDS = [
  'status', 'warehouseId', 'carrier', 'trackingNumber', 'trackingUrl', 'deliveryAttempts',
  'assignedAt', 'dispatchedAt', 'deliveredAt', 'deliveryFailedAt', 'cancelledAt',
] as const satisfies readonly (keyof ShipmentRecord)[];

const changed = (read: ShipmentRecord, row: ShipmentRecord): boolean => MUTABLE_FIELDS.some((field) => !same(row[field], read[field]));

const same = (a: unknown, b: unknown): boolean => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

function detailOf(change: ShipmentChange): string | null {
  switch (change.kind) {
    case 'ASSIGNED':
      return `Assigned to ${change.warehouseId}`;
    case 'DISPATCHED':
      return `${change.carrier} ${change.trackingNumber}`;
    case 'IN_TRANSIT':
      return null;
    case 'DELIVERY_ATTEMPT_FAILED':
      return `Attempt ${change.attempt}: ${change.reason}`;
    case 'DELIVERY_FAILED':
      return `Held at the carrier after ${change.attempts} failed attempts`;
    case 'DELIVERED':
      return null;
    case 'CANCELLED':
      return change.reason;
  }
}
