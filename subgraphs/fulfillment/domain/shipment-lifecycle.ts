/**
 * A shipment's life (SPEC §8), one per order:
 *
 *   REQUESTED ──assign (the reserving warehouse)──▶ ASSIGNED ──dispatch (staff, or the carrier's
 *   pick-up scan)──▶ DISPATCHED ──delivered──▶ DELIVERED
 *                        │                        │  ▲
 *                        │         3rd failed attempt (PO)
 *                        │                        ▼  │ delivered after all (the held parcel)
 *                        │                   DELIVERY_FAILED
 *                        └──order cancelled before dispatch──▶ CANCELLED
 *
 * REQUESTED only lives inside the transaction that opens the shipment: FulfillmentRequested names
 * the warehouse, so the shipment is assigned at once. BACKORDERED is part of the contract for a
 * later phase (a warehouse that cannot pick the order) and is never entered today.
 *
 * `decide` is pure: the use cases load the shipment, ask it, then persist the new state, write
 * the history and record the integration events the changes call for.
 */
export type ShipmentStatus = 'REQUESTED' | 'ASSIGNED' | 'DISPATCHED' | 'DELIVERED' | 'DELIVERY_FAILED' | 'BACKORDERED' | 'CANCELLED';

/** PO (SPEC §8): after this many failed attempts the parcel is held at the carrier. */
export const MAX_DELIVERY_ATTEMPTS = 3;

export interface ShipmentState {
  status: ShipmentStatus;
  /** Failed attempts so far. */
  deliveryAttempts: number;
}

export type ShipmentCommand =
  | { kind: 'ASSIGN'; warehouseId: string }
  | { kind: 'DISPATCH'; carrier: string; trackingNumber: string }
  /** A carrier scan on the way; changes nothing but the history. */
  | { kind: 'SCAN_IN_TRANSIT' }
  | { kind: 'FAIL_DELIVERY_ATTEMPT'; reason: string }
  | { kind: 'DELIVER' }
  | { kind: 'CANCEL'; reason: string };

/** What happened, in the domain's words; each becomes a history row, most an integration event. */
export type ShipmentChange =
  | { kind: 'ASSIGNED'; warehouseId: string }
  | { kind: 'DISPATCHED'; carrier: string; trackingNumber: string }
  | { kind: 'IN_TRANSIT' }
  | { kind: 'DELIVERY_ATTEMPT_FAILED'; attempt: number; reason: string }
  | { kind: 'DELIVERY_FAILED'; attempts: number }
  | { kind: 'DELIVERED' }
  | { kind: 'CANCELLED'; reason: string };

/** Why a command cannot apply to the shipment as it stands. */
export type RejectionReason =
  | 'ALREADY_ASSIGNED'
  | 'NOT_ASSIGNED'
  | 'NOT_DISPATCHED'
  | 'ALREADY_DISPATCHED'
  | 'ALREADY_DELIVERED'
  | 'DELIVERY_FAILED'
  | 'CANCELLED';

export type Decision =
  | { kind: 'apply'; state: ShipmentState; changes: ShipmentChange[] }
  | { kind: 'reject'; reason: RejectionReason };

const apply = (status: ShipmentStatus, deliveryAttempts: number, ...changes: ShipmentChange[]): Decision => ({
  kind: 'apply',
  state: { status, deliveryAttempts },
  changes,
});
const reject = (reason: RejectionReason): Decision => ({ kind: 'reject', reason });

/** Where a shipment that can no longer take a command stands, as a reason. */
function finished(status: ShipmentStatus): RejectionReason | null {
  switch (status) {
    case 'DELIVERED':
      return 'ALREADY_DELIVERED';
    case 'DELIVERY_FAILED':
      return 'DELIVERY_FAILED';
    case 'CANCELLED':
      return 'CANCELLED';
    default:
      return null;
  }
}

export function decide(shipment: ShipmentState, command: ShipmentCommand): Decision {
  const { status, deliveryAttempts } = shipment;
  switch (command.kind) {
    case 'ASSIGN':
      if (status !== 'REQUESTED' && status !== 'BACKORDERED') return reject(finished(status) ?? 'ALREADY_ASSIGNED');
      return apply('ASSIGNED', deliveryAttempts, { kind: 'ASSIGNED', warehouseId: command.warehouseId });

    case 'DISPATCH':
      if (status === 'ASSIGNED') return apply('DISPATCHED', deliveryAttempts, { kind: 'DISPATCHED', carrier: command.carrier, trackingNumber: command.trackingNumber });
      if (status === 'CANCELLED') return reject('CANCELLED');
      if (status === 'REQUESTED' || status === 'BACKORDERED') return reject('NOT_ASSIGNED');
      // DISPATCHED, DELIVERED, DELIVERY_FAILED: the parcel left already
      return reject('ALREADY_DISPATCHED');

    case 'SCAN_IN_TRANSIT':
      if (status === 'DISPATCHED') return apply('DISPATCHED', deliveryAttempts, { kind: 'IN_TRANSIT' });
      return reject(finished(status) ?? 'NOT_DISPATCHED');

    case 'FAIL_DELIVERY_ATTEMPT': {
      if (status !== 'DISPATCHED') return reject(finished(status) ?? 'NOT_DISPATCHED');
      const attempt = deliveryAttempts + 1;
      const failedAttempt: ShipmentChange = { kind: 'DELIVERY_ATTEMPT_FAILED', attempt, reason: command.reason };
      if (attempt >= MAX_DELIVERY_ATTEMPTS) return apply('DELIVERY_FAILED', attempt, failedAttempt, { kind: 'DELIVERY_FAILED', attempts: attempt });
      return apply('DISPATCHED', attempt, failedAttempt);
    }

    case 'DELIVER':
      // a held parcel (DELIVERY_FAILED) still reaches the customer once customer service rearranged it
      if (status === 'DISPATCHED' || status === 'DELIVERY_FAILED') return apply('DELIVERED', deliveryAttempts, { kind: 'DELIVERED' });
      return reject(finished(status) ?? 'NOT_DISPATCHED');

    case 'CANCEL':
      // once the parcel left, cancelling is the orders context's refusal to make, not a shipment move
      if (status === 'REQUESTED' || status === 'ASSIGNED' || status === 'BACKORDERED') return apply('CANCELLED', deliveryAttempts, { kind: 'CANCELLED', reason: command.reason });
      return reject(status === 'CANCELLED' ? 'CANCELLED' : 'ALREADY_DISPATCHED');
  }
}

/**
 * A carrier's report that finds the shipment past the point it is about (a late scan, a repeated
 * delivery, anything after a cancellation) is stale and safely ignored. One that finds the shipment
 * not yet dispatched is early: the pick-up scan that dispatches it is still on its way, so the
 * carrier should retry.
 */
export const isStaleReport = (reason: RejectionReason): boolean => reason !== 'NOT_DISPATCHED' && reason !== 'NOT_ASSIGNED';
