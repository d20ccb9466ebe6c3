import { describe, expect, it } from 'vitest';
import { decide, isStaleReport, MAX_DELIVERY_ATTEMPTS, type Decision, type RejectionReason, type ShipmentCommand, type ShipmentStatus } from './shipment-lifecycle.js';

const at = (status: ShipmentStatus, deliveryAttempts = 0) => ({ status, deliveryAttempts });
const DISPATCH: ShipmentCommand = { kind: 'DISPATCH', carrier: 'UPS', trackingNumber: '1Z0000000000000001' };
const FAIL: ShipmentCommand = { kind: 'FAIL_DELIVERY_ATTEMPT', reason: 'Nobody home' };
const rejected = (reason: RejectionReason): Decision => ({ kind: 'reject', reason });

describe('shipment lifecycle', () => {
  it('assigns a requested shipment to the reserving warehouse', () => {
    expect(decide(at('REQUESTED'), { kind: 'ASSIGN', warehouseId: 'NJ-FC' })).toEqual({
      kind: 'apply',
      state: at('ASSIGNED'),
      changes: [{ kind: 'ASSIGNED', warehouseId: 'NJ-FC' }],
    });
  });

  it('dispatches an assigned shipment with its label', () => {
    expect(decide(at('ASSIGNED'), DISPATCH)).toEqual({
      kind: 'apply',
      state: at('DISPATCHED'),
      changes: [{ kind: 'DISPATCHED', carrier: 'UPS', trackingNumber: '1Z0000000000000001' }],
    });
  });

  it.each<[ShipmentStatus, RejectionReason]>([
    ['REQUESTED', 'NOT_ASSIGNED'],
    ['BACKORDERED', 'NOT_ASSIGNED'],
    ['DISPATCHED', 'ALREADY_DISPATCHED'],
    ['DELIVERED', 'ALREADY_DISPATCHED'],
    ['DELIVERY_FAILED', 'ALREADY_DISPATCHED'],
    ['CANCELLED', 'CANCELLED'],
  ])('refuses to dispatch a shipment that is %s (%s)', (status, reason) => {
    expect(decide(at(status), DISPATCH)).toEqual(rejected(reason));
  });

  it('counts failed attempts and holds the parcel at the third (PO)', () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(3);
    expect(decide(at('DISPATCHED', 0), FAIL)).toEqual({
      kind: 'apply',
      state: at('DISPATCHED', 1),
      changes: [{ kind: 'DELIVERY_ATTEMPT_FAILED', attempt: 1, reason: 'Nobody home' }],
    });
    expect(decide(at('DISPATCHED', 1), FAIL)).toMatchObject({ state: at('DISPATCHED', 2) });
    expect(decide(at('DISPATCHED', 2), FAIL)).toEqual({
      kind: 'apply',
      state: at('DELIVERY_FAILED', 3),
      changes: [
        { kind: 'DELIVERY_ATTEMPT_FAILED', attempt: 3, reason: 'Nobody home' },
        { kind: 'DELIVERY_FAILED', attempts: 3 },
      ],
    });
  });

  it.each<[ShipmentStatus, RejectionReason]>([
    ['ASSIGNED', 'NOT_DISPATCHED'],
    ['REQUESTED', 'NOT_DISPATCHED'],
    ['DELIVERED', 'ALREADY_DELIVERED'],
    ['DELIVERY_FAILED', 'DELIVERY_FAILED'],
    ['CANCELLED', 'CANCELLED'],
  ])('refuses a failed attempt of a shipment that is %s (%s)', (status, reason) => {
    expect(decide(at(status, status === 'DELIVERY_FAILED' ? 3 : 0), FAIL)).toEqual(rejected(reason));
  });

  it.each<ShipmentStatus>(['DISPATCHED', 'DELIVERY_FAILED'])('delivers a parcel that is %s, keeping its failed attempts', (status) => {
    expect(decide(at(status, 2), { kind: 'DELIVER' })).toEqual({ kind: 'apply', state: at('DELIVERED', 2), changes: [{ kind: 'DELIVERED' }] });
  });

  it.each<[ShipmentStatus, RejectionReason]>([
    ['ASSIGNED', 'NOT_DISPATCHED'],
    ['DELIVERED', 'ALREADY_DELIVERED'],
    ['CANCELLED', 'CANCELLED'],
  ])('refuses to deliver a shipment that is %s (%s)', (status, reason) => {
    expect(decide(at(status), { kind: 'DELIVER' })).toEqual(rejected(reason));
  });

  it('records in-transit scans of a dispatched parcel without moving it', () => {
    expect(decide(at('DISPATCHED', 1), { kind: 'SCAN_IN_TRANSIT' })).toEqual({ kind: 'apply', state: at('DISPATCHED', 1), changes: [{ kind: 'IN_TRANSIT' }] });
    expect(decide(at('ASSIGNED'), { kind: 'SCAN_IN_TRANSIT' })).toEqual(rejected('NOT_DISPATCHED'));
    expect(decide(at('DELIVERED'), { kind: 'SCAN_IN_TRANSIT' })).toEqual(rejected('ALREADY_DELIVERED'));
  });

  it.each<[ShipmentStatus, Decision['kind'], RejectionReason | null]>([
    ['REQUESTED', 'apply', null],
    ['ASSIGNED', 'apply', null],
    ['BACKORDERED', 'apply', null],
    ['DISPATCHED', 'reject', 'ALREADY_DISPATCHED'],
    ['DELIVERED', 'reject', 'ALREADY_DISPATCHED'],
    ['CANCELLED', 'reject', 'CANCELLED'],
  ])('cancelling a shipment that is %s → %s', (status, kind, reason) => {
    const decision = decide(at(status), { kind: 'CANCEL', reason: 'Order cancelled' });
    expect(decision.kind).toBe(kind);
    if (decision.kind === 'apply') expect(decision).toEqual({ kind: 'apply', state: at('CANCELLED'), changes: [{ kind: 'CANCELLED', reason: 'Order cancelled' }] });
    else expect(decision.reason).toBe(reason);
  });

  it('refuses to assign a shipment twice', () => {
    expect(decide(at('ASSIGNED'), { kind: 'ASSIGN', warehouseId: 'WA-FC' })).toEqual(rejected('ALREADY_ASSIGNED'));
    expect(decide(at('CANCELLED'), { kind: 'ASSIGN', warehouseId: 'WA-FC' })).toEqual(rejected('CANCELLED'));
  });

  it.each<[RejectionReason, boolean]>([
    ['NOT_DISPATCHED', false],
    ['NOT_ASSIGNED', false],
    ['ALREADY_DISPATCHED', true],
    ['ALREADY_DELIVERED', true],
    ['DELIVERY_FAILED', true],
    ['CANCELLED', true],
  ])('treats a carrier report refused for %s as stale: %s', (reason, stale) => {
    expect(isStaleReport(reason)).toBe(stale);
  });
});
