import { conflict, type DomainError } from '../../../platform/errors.js';
import type { RejectionReason } from '../domain/shipment-lifecycle.js';
import type { ShipmentRecord } from '../store/shipment.entity.js';

/** A staff command the shipment cannot take as it stands → CONFLICT, naming where it stands. */
export function refusal(shipment: ShipmentRecord, reason: RejectionReason): DomainError {
  const messages: Record<RejectionReason, string> = {
    ALREADY_ASSIGNED: 'is already assigned to a warehouse',
    NOT_ASSIGNED: 'is not assigned to a warehouse yet',
    NOT_DISPATCHED: 'has not been dispatched yet',
    ALREADY_DISPATCHED: 'was already dispatched',
    ALREADY_DELIVERED: 'was already delivered',
    DELIVERY_FAILED: 'is held at the carrier after its failed delivery attempts',
    CANCELLED: 'was cancelled',
  };
  return conflict(`Shipment ${shipment.id} ${messages[reason]}`, { reason, status: shipment.status });
}
