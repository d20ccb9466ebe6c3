import { describe, expect, it } from 'vitest';
import { carrierReportSchema, commandForReport, normaliseCarrierName, reportTime, type CarrierReport } from './carrier-report.js';

const shipmentId = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const report = (over: Partial<CarrierReport>): CarrierReport => ({ eventId: 'evt_1', type: 'delivered', shipmentId, ...over });

describe('carrier reports', () => {
  it('turns a pick-up scan of an assigned shipment into a dispatch with the carrier label', () => {
    expect(commandForReport(report({ type: 'in_transit', carrier: 'ups ', trackingNumber: '1Z1' }), { status: 'ASSIGNED', trackingNumber: null })).toEqual({
      ok: true,
      command: { kind: 'DISPATCH', carrier: 'UPS', trackingNumber: '1Z1' },
    });
  });

  it('needs the label on a pick-up scan', () => {
    expect(commandForReport(report({ type: 'in_transit' }), { status: 'ASSIGNED', trackingNumber: null })).toMatchObject({ ok: false });
  });

  it('makes later scans history only', () => {
    expect(commandForReport(report({ type: 'in_transit' }), { status: 'DISPATCHED', trackingNumber: '1Z1' })).toEqual({ ok: true, command: { kind: 'SCAN_IN_TRANSIT' } });
  });

  it('maps failed attempts (with a default reason) and deliveries', () => {
    expect(commandForReport(report({ type: 'delivery_attempt_failed' }), { status: 'DISPATCHED', trackingNumber: null })).toEqual({
      ok: true,
      command: { kind: 'FAIL_DELIVERY_ATTEMPT', reason: 'delivery attempt failed' },
    });
    expect(commandForReport(report({ type: 'delivered' }), { status: 'DISPATCHED', trackingNumber: null })).toEqual({ ok: true, command: { kind: 'DELIVER' } });
  });

  it("refuses a report naming another parcel's tracking number", () => {
    expect(commandForReport(report({ trackingNumber: '1Z2' }), { status: 'DISPATCHED', trackingNumber: '1Z1' })).toMatchObject({ ok: false });
  });

  it('validates the webhook body', () => {
    expect(carrierReportSchema.safeParse({ eventId: 'e', type: 'delivered', shipmentId }).success).toBe(true);
    expect(carrierReportSchema.safeParse({ eventId: '', type: 'delivered', shipmentId }).success).toBe(false);
    expect(carrierReportSchema.safeParse({ eventId: 'e', type: 'lost', shipmentId }).success).toBe(false);
    expect(carrierReportSchema.safeParse({ eventId: 'e', type: 'delivered', shipmentId: 'x' }).success).toBe(false);
  });

  it('takes the carrier time, never one in the future', () => {
    const now = new Date('2025-03-01T12:00:00.000Z');
    expect(reportTime(report({ occurredAt: '2025-03-01T11:00:00.000Z' }), now).toISOString()).toBe('2025-03-01T11:00:00.000Z');
    expect(reportTime(report({ occurredAt: '2025-03-01T13:00:00.000Z' }), now)).toEqual(now);
    expect(reportTime(report({}), now)).toEqual(now);
  });

  it.each([
    ['fedex', 'FEDEX'],
    [' UPS ', 'UPS'],
    ['', null],
    ['x/y', null],
    ['A'.repeat(31), null],
  ])('normalises carrier name %j to %j', (input, expected) => {
    expect(normaliseCarrierName(input)).toBe(expected);
  });
});
