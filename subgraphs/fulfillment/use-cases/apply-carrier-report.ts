import type { EntityManager } from '@mikro-orm/postgresql';
import { commandForReport, reportTime, type CarrierReport } from '../domain/carrier-report.js';
import { decide, isStaleReport, type RejectionReason } from '../domain/shipment-lifecycle.js';
import type { ShipmentRecord } from '../store/shipment.entity.js';
import { withShipmentChanges, type ShipmentChanges } from './shipment-changes.js';
import { carrierActor, type FulfillmentDeps } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

export type ReportOutcome =
  /** The shipment moved (or its history grew). */
  | { outcome: 'APPLIED' }
  /** This carrier event id was handled before: nothing changes. */
  | { outcome: 'DUPLICATE' }
  /** The shipment is past what the report is about (a late scan, a repeated delivery): nothing changes. */
  | { outcome: 'IGNORED'; reason: RejectionReason }
  | { outcome: 'UNKNOWN_SHIPMENT' }
  /** The shipment is not there yet (not dispatched): the carrier should send it again later. */
  | { outcome: 'EARLY'; reason: RejectionReason }
  /** The report contradicts the shipment (another tracking number, a pick-up without a label). */
  | { outcome: 'INVALID'; problem: string };

/** A carrier's report (the signed webhook): moves the shipment once per carrier event id. */
export async function applyCarrierReport(deps: Pick<FulfillmentDeps, 'eventNamespace'>, em: EntityManager, report: CarrierReport): Promise<ReportOutcome> {
  return inTransaction(em, (tx) =>
    withShipmentChanges(tx, deps.eventNamespace, async (changes): Promise<ReportOutcome> => {
      const shipment = await changes.lock(report.shipmentId);
      if (!shipment) return { outcome: 'UNKNOWN_SHIPMENT' };
      return applyReportToLocked(changes, shipment, report, new Date());
    }),
  );
}

/**
 * Inside a transaction that holds the shipment's row lock, taken through `changes` (so two
 * deliveries of the same report queue, and the second sees the first's carrier_event row); what
 * it records is written by `changes`' one write. Early and invalid reports leave no trace, so the
 * carrier's retry is judged afresh; stale ones are remembered as IGNORED.
 */
export async function applyReportToLocked(changes: ShipmentChanges, shipment: ShipmentRecord, report: CarrierReport, now: Date): Promise<ReportOutcome> {
  if (await changes.seenCarrierEvent(report.eventId)) return { outcome: 'DUPLICATE' };
  const mapped = commandForReport(report, shipment);
  if (!mapped.ok) return { outcome: 'INVALID', problem: mapped.problem };
  const decision = decide(shipment, mapped.command);
  const seen = { eventId: report.eventId, shipmentId: shipment.id, type: report.type };
  if (decision.kind === 'reject') {
    if (!isStaleReport(decision.reason)) return { outcome: 'EARLY', reason: decision.reason };
    changes.recordCarrierEvent({ ...seen, outcome: 'IGNORED' });
    return { outcome: 'IGNORED', reason: decision.reason };
  }
  const actor = carrierActor(report.carrier ?? shipment.carrier);
  const note = report.type === 'in_transit' ? (report.reason ?? null) : null;
  changes.applyDecision(shipment, decision, reportTime(report, now), { actor, causationId: null, note });
  changes.recordCarrierEvent({ ...seen, outcome: 'APPLIED' });
  return { outcome: 'APPLIED' };
}
