import { describe, expect, it } from 'vitest';
import { answerRequest, lineDelta, repeatAnnouncement, transition, type ReservationAction, type ReservationStatus } from './reservation-lifecycle.js';

describe('reservation lifecycle', () => {
  it.each<[ReservationStatus | undefined, ReservationAction, ReturnType<typeof transition>]>([
    ['RESERVED', 'COMMIT', { kind: 'move', to: 'COMMITTED' }],
    ['RESERVED', 'RELEASE', { kind: 'move', to: 'RELEASED' }],
    ['RESERVED', 'EXPIRE', { kind: 'move', to: 'EXPIRED' }],
    ['RESERVED', 'SHIP', { kind: 'reject', reason: 'NOT_COMMITTED' }],
    ['COMMITTED', 'SHIP', { kind: 'move', to: 'SHIPPED' }],
    ['COMMITTED', 'RELEASE', { kind: 'move', to: 'RELEASED' }],
    ['COMMITTED', 'COMMIT', { kind: 'noop' }],
    ['COMMITTED', 'EXPIRE', { kind: 'noop' }],
    ['SHIPPED', 'SHIP', { kind: 'noop' }],
    ['SHIPPED', 'COMMIT', { kind: 'noop' }],
    ['SHIPPED', 'RELEASE', { kind: 'reject', reason: 'ALREADY_SHIPPED' }],
    ['RELEASED', 'RELEASE', { kind: 'noop' }],
    ['RELEASED', 'COMMIT', { kind: 'reject', reason: 'RELEASED' }],
    ['RELEASED', 'SHIP', { kind: 'reject', reason: 'RELEASED' }],
    ['EXPIRED', 'COMMIT', { kind: 'reject', reason: 'EXPIRED' }],
    ['EXPIRED', 'RELEASE', { kind: 'noop' }],
    ['EXPIRED', 'EXPIRE', { kind: 'noop' }],
    ['FAILED', 'COMMIT', { kind: 'reject', reason: 'OUT_OF_STOCK' }],
    ['FAILED', 'RELEASE', { kind: 'noop' }],
    [undefined, 'COMMIT', { kind: 'reject', reason: 'NOT_FOUND' }],
    [undefined, 'SHIP', { kind: 'reject', reason: 'NOT_FOUND' }],
    [undefined, 'RELEASE', { kind: 'move', to: 'RELEASED' }],
    [undefined, 'EXPIRE', { kind: 'noop' }],
  ])('%s + %s → %j', (status, action, expected) => {
    expect(transition(status, action)).toEqual(expected);
  });

  it.each<[ReservationStatus | 'NEW', ReservationStatus, Record<string, number>]>([
    ['NEW', 'RESERVED', { available: -3, reserved: 3 }],
    ['RESERVED', 'COMMITTED', { reserved: -3, committed: 3 }],
    ['COMMITTED', 'SHIPPED', { committed: -3, shipped: 3 }],
    ['RESERVED', 'RELEASED', { reserved: -3, available: 3 }],
    ['RESERVED', 'EXPIRED', { reserved: -3, available: 3 }],
    ['COMMITTED', 'RELEASED', { committed: -3, available: 3 }],
  ])('moves a line of 3 units from %s to %s as %j', (from, to, delta) => {
    expect(lineDelta(from, to, 3)).toEqual(delta);
  });

  it.each<[ReservationStatus | undefined, ReturnType<typeof answerRequest>]>([
    [undefined, { kind: 'reserve' }],
    ['RESERVED', { kind: 'repeat', announce: 'RESERVED' }],
    ['COMMITTED', { kind: 'repeat', announce: 'RESERVED' }],
    ['SHIPPED', { kind: 'repeat', announce: 'RESERVED' }],
    ['FAILED', { kind: 'repeat', announce: 'FAILED' }],
    ['RELEASED', { kind: 'repeat', announce: 'RELEASED' }],
    ['EXPIRED', { kind: 'repeat', announce: 'EXPIRED' }],
  ])('answers a reservation request for an order in %s with %j', (status, expected) => {
    expect(answerRequest(status)).toEqual(expected);
  });

  it.each<[ReservationAction, ReturnType<typeof repeatAnnouncement>]>([
    ['COMMIT', 'COMMITTED'],
    ['SHIP', 'SHIPPED'],
    ['RELEASE', 'RELEASED'],
    ['EXPIRE', null],
  ])('re-announces a repeated %s as %s', (action, expected) => {
    expect(repeatAnnouncement(action)).toBe(expected);
  });
});
