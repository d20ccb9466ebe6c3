import { describe, expect, it } from 'vitest';
import { reportsFromTracker, type EasyPostTracker } from './easypost-tracker.js';

const tracker = (details: EasyPostTracker['tracking_details']): EasyPostTracker => ({
  id: 'trk_1',
  object: 'Tracker',
  tracking_code: 'EZ4000000004',
  carrier: 'USPS',
  status: 'delivered',
  public_url: 'https://track.easypost.com/djE6dHJrXzE',
  tracking_details: details,
});

describe("reading an EasyPost tracker's details as carrier reports", () => {
  it('turns scans, failed attempts and the delivery into reports, oldest first, ignoring the rest', () => {
    const reports = reportsFromTracker(
      tracker([
        { status: 'delivered', message: 'Delivered, In/At Mailbox', datetime: '2026-12-04T15:00:00Z' },
        { status: 'pre_transit', message: 'Label created', datetime: '2026-12-01T09:00:00Z' },
        { status: 'in_transit', message: 'Arrived at facility', datetime: '2026-12-02T09:00:00Z' },
        { status: 'failure', message: 'Notice left (no authorized recipient)', datetime: '2026-12-03T14:00:00Z' },
        { status: 'out_for_delivery', message: 'Out for delivery', datetime: '2026-12-04T08:00:00Z' },
      ]),
    );
    expect(reports.map((r) => [r.type, r.reason])).toEqual([
      ['in_transit', 'Arrived at facility'],
      ['delivery_attempt_failed', 'Notice left (no authorized recipient)'],
      ['in_transit', 'Out for delivery'],
      ['delivered', 'Delivered, In/At Mailbox'],
    ]);
    expect(reports[3]).toMatchObject({ trackingNumber: 'EZ4000000004', occurredAt: '2026-12-04T15:00:00.000Z', eventId: 'easypost:trk_1:2026-12-04T15:00:00.000Z:delivered' });
  });

  it('names each detail the same way every time, so a re-sent tracker repeats the same event ids', () => {
    const details = [{ status: 'in_transit', message: 'Accepted', datetime: '2026-12-02T09:00:00-05:00' }];
    expect(reportsFromTracker(tracker(details)).map((r) => r.eventId)).toEqual(reportsFromTracker(tracker(details)).map((r) => r.eventId));
    expect(reportsFromTracker(tracker(details))[0]!.eventId).toBe('easypost:trk_1:2026-12-02T14:00:00.000Z:in_transit');
  });
});
