import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, canMove, isCompensating, isUnshipped, type OrderStatus } from './order-status.js';

const allowed: [OrderStatus, OrderStatus][] = [
  ['PLACED', 'CONFIRMED'],
  ['PLACED', 'CANCELLED'],
  ['PLACED', 'ON_HOLD'],
  ['CONFIRMED', 'SHIPPED'],
  ['CONFIRMED', 'DELIVERED'],
  ['CONFIRMED', 'CANCELLED'],
  ['SHIPPED', 'DELIVERED'],
  ['DELIVERED', 'CLOSED'],
  ['ON_HOLD', 'CANCELLED'],
];

describe('the order status transition table', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
  });

  const forbidden = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus])).filter(
    ([from, to]) => !allowed.some(([a, b]) => a === from && b === to),
  );
  it.each(forbidden)('forbids %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(false);
  });

  it('treats CANCELLED and CLOSED as final', () => {
    expect(ORDER_STATUSES.filter((to) => canMove('CANCELLED', to) || canMove('CLOSED', to))).toEqual([]);
  });

  it('knows which statuses are compensating and which are unshipped', () => {
    expect(ORDER_STATUSES.filter(isCompensating)).toEqual(['CANCELLED', 'ON_HOLD']);
    expect(ORDER_STATUSES.filter(isUnshipped)).toEqual(['PLACED', 'CONFIRMED', 'ON_HOLD']);
  });
});
