import type { EntityManager } from '@mikro-orm/postgresql';
import { reportsFromTracker, type EasyPostTracker } from '../domain/easypost-tracker.js';
import { applyReportToLocked, type ReportOutcome } from './apply-carrier-report.js';
import type { FulfillmentDeps } from './scope.js';
import { withShipmentChanges } from './shipment-changes.js';
import { inTransaction } from '../../../platform/database.js';

export interface TrackerUpdateOutcome {
  /** The webhook's answer: APPLIED if anything moved, EARLY/INVALID if a detail must be re-sent or was refused, DUPLICATE if all was seen. */
  outcome: ReportOutcome['outcome'];
  /** One per tracking detail that matters, oldest first. */
  details: ReportOutcome[];
}

/**
 * An EasyPost tracker update: each of its tracking details (domain/easypost-tracker.ts) is a
 * carrier report for the parcel with the tracker's tracking code, applied under the shipment's row
 * lock in one transaction (and one write), once per detail (the carrier_event rows remember which were seen).
 */
export async function applyTrackerUpdate(deps: Pick<FulfillmentDeps, 'eventNamespace'>, em: EntityManager, tracker: EasyPostTracker): Promise<TrackerUpdateOutcome> {
  const reports = reportsFromTracker(tracker);
  return inTransaction(em, (tx) =>
    withShipmentChanges(tx, deps.eventNamespace, async (changes): Promise<TrackerUpdateOutcome> => {
      const shipment = await changes.lockByTrackingNumber(tracker.tracking_code);
      if (!shipment) return { outcome: 'UNKNOWN_SHIPMENT', details: [] };
      const details: ReportOutcome[] = [];
      for (const report of reports) {
        details.push(await applyReportToLocked(changes, shipment, { ...report, shipmentId: shipment.id, carrier: shipment.carrier ?? undefined }, new Date()));
      }
      return { outcome: summarise(details), details };
    }),
  );
}

function summarise(details: ReportOutcome[]): ReportOutcome['outcome'] {
  const seen = new Set(details.map((d) => d.outcome));
  for (const outcome of ['APPLIED', 'EARLY', 'INVALID'] as const) if (seen.has(outcome)) return outcome;
  return details.length > 0 && seen.size === 1 && seen.has('DUPLICATE') ? 'DUPLICATE' : 'IGNORED';
}
