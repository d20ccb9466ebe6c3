import { requireStaff } from '../../../platform/auth.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { CarrierUnavailableError, type LabelRequest, type ShippingLabel } from '../carrier/carrier-adapter.js';
import { normaliseCarrierName } from '../domain/carrier-report.js';
import { decide } from '../domain/shipment-lifecycle.js';
import type { ShipmentRecord } from '../store/shipment.entity.js';
import { ShipmentRepository } from '../store/shipment.repository.js';
import { invalidInput, isUuid, type FieldErrors } from './input.js';
import { refusal } from './refusals.js';
import { withShipmentChanges } from './shipment-changes.js';
import type { FulfillmentDeps, FulfillmentScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

export interface DispatchInput {
  shipmentId: string;
  /** One of the adapter's carriers (any case); absent → the adapter's choice for the shipping method. */
  carrier?: string | null;
}

/**
 * WAREHOUSE/ADMIN: the parcel leaves the warehouse. Books the label with the carrier adapter (its
 * carrier and tracking number), then, in one transaction, marks the shipment DISPATCHED and
 * records ReservationShipRequested (inventory ships the reserved units) and ShipmentDispatched
 * (orders → SHIPPED, e-mail). Only an ASSIGNED shipment can be dispatched: twice → CONFLICT.
 */
export async function dispatchShipment(deps: FulfillmentDeps, scope: FulfillmentScope, input: DispatchInput): Promise<ShipmentRecord> {
  const staff = requireStaff(scope.caller, 'WAREHOUSE');
  const errors: FieldErrors = {};
  if (!isUuid(input.shipmentId)) errors.shipmentId = 'must be a shipment id';
  let carrier: string | null = null;
  if (input.carrier != null) {
    carrier = normaliseCarrierName(input.carrier);
    if (!carrier || !deps.carrier.carriers.includes(carrier)) errors.carrier = `must be one of ${deps.carrier.carriers.join(', ')}`;
  }
  if (Object.keys(errors).length) throw invalidInput(errors);

  // refuse before booking a label for a shipment that cannot leave (the transaction re-checks)
  const found = await new ShipmentRepository(scope.em).findById(input.shipmentId);
  if (!found) throw notFound(`Shipment ${input.shipmentId}`);
  const early = decide(found, { kind: 'DISPATCH', carrier: carrier ?? '', trackingNumber: '' });
  if (early.kind === 'reject') throw refusal(found, early.reason);

  // outside the transaction: no row lock is held while the carrier answers (idempotent per shipment)
  const label = await bookLabel(deps, {
    shipmentId: found.id,
    orderId: found.orderId,
    warehouseId: found.warehouseId,
    shippingAddress: found.shippingAddress,
    shippingMethod: found.shippingMethod,
    carrier,
  });

  return inTransaction(scope.em, (em) =>
    withShipmentChanges(em, deps.eventNamespace, async (changes) => {
      const shipment = await changes.lock(found.id);
      if (!shipment) throw notFound(`Shipment ${input.shipmentId}`);
      const decision = decide(shipment, { kind: 'DISPATCH', carrier: label.carrier, trackingNumber: label.trackingNumber });
      if (decision.kind === 'reject') throw refusal(shipment, decision.reason);
      changes.applyDecision(shipment, decision, new Date(), { actor: staff.subject, causationId: null });
      shipment.trackingUrl = label.trackingUrl;
      return shipment;
    }),
  );
}

/** A carrier that cannot book now is the caller's to retry: a clear error, nothing changed. */
async function bookLabel(deps: FulfillmentDeps, request: LabelRequest): Promise<ShippingLabel> {
  try {
    return await deps.carrier.createLabel(request);
  } catch (err) {
    if (err instanceof CarrierUnavailableError) {
      throw new DomainError('INTERNAL_SERVER_ERROR', 'The carrier cannot book a label right now; the shipment was not dispatched. Try again in a moment.', { reason: 'CARRIER_UNAVAILABLE' });
    }
    throw err;
  }
}
