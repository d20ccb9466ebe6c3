import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeliverySimulator } from '../carrier/carrier-adapter.js';
import type { CarrierReport } from '../domain/carrier-report.js';
import { applyReportToLocked, type ReportOutcome } from './apply-carrier-report.js';
import type { FulfillmentDeps } from './scope.js';
import { withShipmentChanges } from './shipment-changes.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * The stub carrier at work: each dispatched parcel whose last change is `stepMs` old gets its next
 * delivery attempt, reported exactly as a webhook report would be (same use case, a carrier event
 * id per attempt, so a replayed sweep changes nothing). Claims skip rows other replicas hold.
 */
export async function simulateDeliveries(
  deps: Pick<FulfillmentDeps, 'eventNamespace'>,
  em: EntityManager,
  simulator: DeliverySimulator,
  options: { stepMs: number; batchSize?: number },
): Promise<ReportOutcome[]> {
  return inTransaction(em, (tx) =>
    withShipmentChanges(tx, deps.eventNamespace, async (changes) => {
      const due = await changes.claimInTransit(options.stepMs, options.batchSize ?? 20);
      const outcomes: ReportOutcome[] = [];
      for (const shipment of due) {
        const attempt = shipment.deliveryAttempts + 1;
        const simulated = simulator.nextOutcome({
          shipmentId: shipment.id,
          carrier: shipment.carrier ?? '',
          trackingNumber: shipment.trackingNumber ?? '',
          shippingAddress: shipment.shippingAddress,
          attempt,
        });
        const report: CarrierReport = {
          eventId: `simulated:${shipment.id}:${attempt}`,
          type: simulated.type,
          shipmentId: shipment.id,
          carrier: shipment.carrier ?? undefined,
          trackingNumber: shipment.trackingNumber ?? undefined,
          reason: simulated.type === 'delivery_attempt_failed' ? simulated.reason : undefined,
        };
        outcomes.push(await applyReportToLocked(changes, shipment, report, new Date()));
      }
      return outcomes;
    }),
  );
}
