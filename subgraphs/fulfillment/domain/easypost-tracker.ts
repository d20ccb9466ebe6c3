import { z } from 'zod';
import type { CarrierReport } from './carrier-report.js';

/**
 * EasyPost's webhook body: an Event (https://docs.easypost.com/docs/events) whose `result` is the
 * Tracker (https://docs.easypost.com/docs/trackers) for `tracker.created` / `tracker.updated`.
 * Only what we read is declared; everything else passes.
 */
const trackingDetail = z.object({
  status: z.string(),
  status_detail: z.string().nullish(),
  message: z.string().nullish(),
  datetime: z.string().datetime({ offset: true }),
});
export const easyPostEventSchema = z.object({
  id: z.string().min(1),
  object: z.literal('Event'),
  description: z.string(),
  result: z.object({ object: z.string() }).passthrough(),
});
export const easyPostTrackerSchema = z.object({
  id: z.string().min(1),
  object: z.literal('Tracker'),
  tracking_code: z.string().min(1),
  carrier: z.string(),
  status: z.string(),
  public_url: z.string().nullish(),
  tracking_details: z.array(trackingDetail).default([]),
});
export type EasyPostEvent = z.infer<typeof easyPostEventSchema>;
export type EasyPostTracker = z.infer<typeof easyPostTrackerSchema>;

/** A carrier report for whichever shipment carries the tracker's tracking code. */
export type TrackerReport = Omit<CarrierReport, 'shipmentId'>;

/**
 * A tracker carries the parcel's whole scan history, and every update re-sends it. Each tracking
 * detail that matters becomes one report whose event id names the detail (tracker, time, status),
 * so a detail is applied once however often it is re-sent: a replayed or repeated webhook, or an
 * older update arriving late, changes nothing. Details, oldest first:
 * - `in_transit`, `out_for_delivery` → an in-transit scan (history);
 * - `failure` → a failed delivery attempt (the third one holds the parcel: DELIVERY_FAILED);
 * - `delivered` → delivered;
 * - anything else (`pre_transit`, `unknown`, `available_for_pickup`, `return_to_sender`, …) → nothing.
 */
export function reportsFromTracker(tracker: EasyPostTracker): TrackerReport[] {
  const details = [...tracker.tracking_details].sort((a, b) => Date.parse(a.datetime) - Date.parse(b.datetime));
  const reports: TrackerReport[] = [];
  for (const detail of details) {
    const type = REPORT_TYPE[detail.status];
    if (!type) continue;
    reports.push({
      eventId: `easypost:${tracker.id}:${new Date(detail.datetime).toISOString()}:${detail.status}`,
      type,
      trackingNumber: tracker.tracking_code,
      reason: detail.message?.slice(0, 500) || undefined,
      occurredAt: new Date(detail.datetime).toISOString(),
    });
  }
  return reports;
}

const REPORT_TYPE: Partial<Record<string, CarrierReport['type']>> = {
  in_transit: 'in_transit',
  out_for_delivery: 'in_transit',
  failure: 'delivery_attempt_failed',
  delivered: 'delivered',
};
