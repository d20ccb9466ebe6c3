import { z } from 'zod';
import type { ShipmentCommand, ShipmentStatus } from './shipment-lifecycle.js';

/**
 * What a carrier tells us about a parcel (the signed webhook, or the stub carrier's simulation).
 * `shipmentId` is the reference we gave the carrier with the label; `eventId` is the carrier's own
 * id of the report, unique per report: a report seen before is acknowledged and changes nothing.
 */
export const carrierReportSchema = z.object({
  eventId: z.string().trim().min(1).max(200),
  type: z.enum(['in_transit', 'delivery_attempt_failed', 'delivered']),
  shipmentId: z.string().uuid(),
  /** Needed on the pick-up scan of a parcel staff have not dispatched: the carrier's label. */
  carrier: z.string().trim().min(1).max(40).optional(),
  trackingNumber: z.string().trim().min(1).max(64).optional(),
  /** Why an attempt failed, or the scan's note. */
  reason: z.string().trim().max(500).optional(),
  occurredAt: z.string().datetime({ offset: true }).optional(),
});
export type CarrierReport = z.infer<typeof carrierReportSchema>;
export type CarrierReportType = CarrierReport['type'];

export type ReportCommand =
  | { ok: true; command: ShipmentCommand }
  /** The report cannot be about this shipment as we know it (bad data, not a race). */
  | { ok: false; problem: string };

/**
 * The shipment command a report stands for. An `in_transit` scan of a parcel still ASSIGNED is
 * the carrier picking it up: it dispatches the shipment with the carrier's label (SPEC §8: "or the
 * carrier"). Later scans only add to the history.
 */
export function commandForReport(report: CarrierReport, shipment: { status: ShipmentStatus; trackingNumber: string | null }): ReportCommand {
  if (report.trackingNumber && shipment.trackingNumber && report.trackingNumber !== shipment.trackingNumber) {
    return { ok: false, problem: `tracking number ${report.trackingNumber} is not this shipment's` };
  }
  switch (report.type) {
    case 'in_transit': {
      if (shipment.status !== 'ASSIGNED') return { ok: true, command: { kind: 'SCAN_IN_TRANSIT' } };
      const carrier = report.carrier ? normaliseCarrierName(report.carrier) : null;
      if (!carrier || !report.trackingNumber) return { ok: false, problem: 'a pick-up scan needs the carrier and the tracking number' };
      return { ok: true, command: { kind: 'DISPATCH', carrier, trackingNumber: report.trackingNumber } };
    }
    case 'delivery_attempt_failed':
      return { ok: true, command: { kind: 'FAIL_DELIVERY_ATTEMPT', reason: report.reason || 'delivery attempt failed' } };
    case 'delivered':
      return { ok: true, command: { kind: 'DELIVER' } };
  }
}

/** The report's time, never later than `now` (carrier clocks drift); `now` when it gave none. */
export function reportTime(report: CarrierReport, now: Date): Date {
  if (!report.occurredAt) return now;
  const reported = new Date(report.occurredAt);
  return reported.getTime() > now.getTime() ? now : reported;
}

/** Carrier names are upper-case words (UPS, FEDEX, USPS); null when the input cannot be one. */
export function normaliseCarrierName(input: string): string | null {
  const name = input.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9 _-]{0,29}$/.test(name) ? name : null;
}
