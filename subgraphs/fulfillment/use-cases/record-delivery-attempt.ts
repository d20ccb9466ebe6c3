import { requireStaff } from '../../../platform/auth.js';
import { notFound } from '../../../platform/errors.js';
import { decide } from '../domain/shipment-lifecycle.js';
import type { ShipmentRecord } from '../store/shipment.entity.js';
import { checkNote, invalidInput, isUuid, type FieldErrors } from './input.js';
import { refusal } from './refusals.js';
import { withShipmentChanges } from './shipment-changes.js';
import type { FulfillmentDeps, FulfillmentScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

export interface DeliveryAttemptInput {
  shipmentId: string;
  delivered: boolean;
  /** Why it failed, or anything worth keeping; at most 500 characters. */
  note?: string | null;
}

/**
 * WAREHOUSE/ADMIN: records the outcome of a delivery attempt the carrier reported by other means
 * (phone, portal). Delivered → DELIVERED (ShipmentDelivered), also for a parcel held after failed
 * attempts; failed → DeliveryAttemptFailed, and the third one → DELIVERY_FAILED (DeliveryFailed).
 * Only a dispatched parcel has attempts: anything else → CONFLICT.
 */
export async function recordDeliveryAttempt(deps: FulfillmentDeps, scope: FulfillmentScope, input: DeliveryAttemptInput): Promise<ShipmentRecord> {
  const staff = requireStaff(scope.caller, 'WAREHOUSE');
  const errors: FieldErrors = {};
  if (!isUuid(input.shipmentId)) errors.shipmentId = 'must be a shipment id';
  const note = checkNote(input.note, errors);
  if (Object.keys(errors).length) throw invalidInput(errors);

  return inTransaction(scope.em, (em) =>
    withShipmentChanges(em, deps.eventNamespace, async (changes) => {
      const shipment = await changes.lock(input.shipmentId);
      if (!shipment) throw notFound(`Shipment ${input.shipmentId}`);
      const decision = decide(shipment, input.delivered ? { kind: 'DELIVER' } : { kind: 'FAIL_DELIVERY_ATTEMPT', reason: note ?? 'Delivery attempt failed' });
      if (decision.kind === 'reject') throw refusal(shipment, decision.reason);
      changes.applyDecision(shipment, decision, new Date(), { actor: staff.subject, causationId: null, note });
      return shipment;
    }),
  );
}
