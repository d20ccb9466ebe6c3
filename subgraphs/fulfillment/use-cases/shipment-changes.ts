import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from '../../../events/outbox.js';
import { DeliveryAttemptFailed } from '../../../events/contracts/fulfillment/delivery-attempt-failed.event.js';
import { DeliveryFailed } from '../../../events/contracts/fulfillment/delivery-failed.event.js';
import { ReservationShipRequested } from '../../../events/contracts/fulfillment/reservation-ship-requested.event.js';
import { ShipmentAssigned } from '../../../events/contracts/fulfillment/shipment-assigned.event.js';
import { ShipmentDelivered } from '../../../events/contracts/fulfillment/shipment-delivered.event.js';
import { ShipmentDispatched } from '../../../events/contracts/fulfillment/shipment-dispatched.event.js';
import type { Decision, ShipmentChange } from '../domain/shipment-lifecycle.js';
import type { ShipmentRecord } from '../store/shipment.entity.js';
import type { ShipmentRepository } from '../store/shipment.repository.js';
import type { Cause } from './scope.js';

type Applied = Extract<Decision, { kind: 'apply' }>;

/**
 * Writes an accepted decision inside the caller's transaction: the shipment's new state, one
 * history row per change, and the integration events the changes call for (envelopes carry the
 * customer and the order as correlation, so the gateway can scope notifications).
 */
export function applyDecision(
  em: EntityManager,
  repository: ShipmentRepository,
  eventNamespace: string,
  shipment: ShipmentRecord,
  decision: Applied,
  at: Date,
  cause: Cause,
): void {
  shipment.status = decision.state.status;
  shipment.deliveryAttempts = decision.state.deliveryAttempts;
  const meta = { customerId: shipment.customerId, correlationId: shipment.orderId, causationId: cause.causationId };
  const ids = { orderId: shipment.orderId, shipmentId: shipment.id };

  for (const change of decision.changes) {
    repository.appendHistory({ shipmentId: shipment.id, kind: change.kind, actor: cause.actor, detail: detailOf(change) ?? cause.note ?? null, occurredAt: at });
    switch (change.kind) {
      case 'ASSIGNED':
        shipment.warehouseId = change.warehouseId;
        shipment.assignedAt = at;
        recordEvent(em, eventNamespace, ShipmentAssigned, { ...ids, warehouseId: change.warehouseId }, meta);
        break;
      case 'DISPATCHED':
        shipment.carrier = change.carrier;
        shipment.trackingNumber = change.trackingNumber;
        shipment.dispatchedAt = at;
        // inventory ships the reservation's committed units; orders moves the order to SHIPPED
        recordEvent(em, eventNamespace, ReservationShipRequested, { orderId: shipment.orderId }, meta);
        recordEvent(
          em,
          eventNamespace,
          ShipmentDispatched,
          { ...ids, warehouseId: shipment.warehouseId, carrier: change.carrier, trackingNumber: change.trackingNumber, dispatchedAt: at.toISOString() },
          meta,
        );
        break;
      case 'IN_TRANSIT':
        break;
      case 'DELIVERY_ATTEMPT_FAILED':
        recordEvent(em, eventNamespace, DeliveryAttemptFailed, { ...ids, attempt: change.attempt, reason: change.reason }, meta);
        break;
      case 'DELIVERY_FAILED':
        shipment.deliveryFailedAt = at;
        recordEvent(em, eventNamespace, DeliveryFailed, { ...ids, attempts: change.attempts }, meta);
        break;
      case 'DELIVERED':
        shipment.deliveredAt = at;
        recordEvent(em, eventNamespace, ShipmentDelivered, { ...ids, deliveredAt: at.toISOString() }, meta);
        break;
      case 'CANCELLED':
        shipment.cancelledAt = at;
        break;
    }
  }
}

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
