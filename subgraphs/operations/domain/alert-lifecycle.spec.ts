import { describe, expect, it } from 'vitest';
import { acknowledge, autoResolve, escalate, isOverdue, raise, resolve, type AlertState } from './alert-lifecycle.js';
import { lowStock, onHoldOver, orderOnHold, stockRecovered } from './alert-causes.js';

const t0 = new Date('2026-12-02T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const HOUR = 3600_000;
const ORDER = '0190a1b2-0000-7000-8000-000000000001';

function raised(cause = orderOnHold({ orderId: ORDER, detail: 'not confirmed in 5 min' })): AlertState {
  const decision = raise(null, cause, t0);
  if (decision.kind !== 'raise') throw new Error('expected a new alert');
  return decision.alert;
}

describe('raising', () => {
  it('opens an alert for a new cause', () => {
    expect(raised()).toMatchObject({ kind: 'ORDER_ON_HOLD', status: 'OPEN', raisedAt: t0, acknowledgedAt: null, resolvedAt: null, escalatedAt: null });
  });

  it('does not open a second one while the subject has one OPEN or ACKNOWLEDGED', () => {
    const open = raised();
    const cause = orderOnHold({ orderId: ORDER, detail: 'again' });
    expect(raise(open, cause, at(1))).toEqual({ kind: 'already-open' });
    const taken = acknowledge(open, 'staff-1', at(2));
    expect(taken.kind === 'changed' && raise(taken.alert, cause, at(3))).toEqual({ kind: 'already-open' });
  });

  it('opens a new one once the previous alert of the subject was resolved', () => {
    const done = resolve(raised(), 'staff-1', null, at(5));
    expect(done.kind === 'changed' && raise(done.alert, orderOnHold({ orderId: ORDER, detail: 'again' }), at(6)).kind).toBe('raise');
  });

  it('keys low stock by SKU, not by movement, and knows when stock recovered', () => {
    expect(lowStock({ sku: 'DOG-BOWL-001', totalAvailable: 3 }).subject).toBe(lowStock({ sku: 'DOG-BOWL-001', totalAvailable: 1 }).subject);
    expect([stockRecovered(9), stockRecovered(10)]).toEqual([false, true]);
  });
});

describe('acknowledging and resolving', () => {
  it('records who and when: OPEN → ACKNOWLEDGED → RESOLVED', () => {
    const ack = acknowledge(raised(), 'staff-1', at(10));
    expect(ack).toMatchObject({ kind: 'changed', alert: { status: 'ACKNOWLEDGED', acknowledgedAt: at(10), acknowledgedBy: 'staff-1' } });
    if (ack.kind !== 'changed') return;
    expect(acknowledge(ack.alert, 'staff-2', at(11))).toEqual({ kind: 'unchanged' });
    const done = resolve(ack.alert, 'staff-2', 'customer called', at(12));
    expect(done).toMatchObject({ kind: 'changed', alert: { status: 'RESOLVED', resolvedAt: at(12), resolvedBy: 'staff-2', resolution: 'customer called', acknowledgedBy: 'staff-1' } });
  });

  it('refuses to acknowledge or resolve a RESOLVED alert', () => {
    const done = resolve(raised(), 'staff-1', null, at(1));
    if (done.kind !== 'changed') throw new Error('expected resolved');
    expect(acknowledge(done.alert, 'staff-1', at(2))).toEqual({ kind: 'rejected', reason: 'ALREADY_RESOLVED' });
    expect(resolve(done.alert, 'staff-1', null, at(2))).toEqual({ kind: 'rejected', reason: 'ALREADY_RESOLVED' });
  });

  it('resolves by itself when the cause goes away, once', () => {
    const auto = autoResolve(raised(), 'the order is CANCELLED', at(30));
    expect(auto).toMatchObject({ kind: 'changed', alert: { status: 'RESOLVED', resolvedBy: 'system', resolution: 'the order is CANCELLED' } });
    if (auto.kind === 'changed') expect(autoResolve(auto.alert, 'again', at(31))).toEqual({ kind: 'unchanged' });
  });

  it('treats an order leaving ON_HOLD as the end of its review, and nothing else', () => {
    expect(onHoldOver({ orderId: ORDER, previousStatus: 'ON_HOLD', status: 'CANCELLED' })).toMatchObject({ kind: 'ORDER_ON_HOLD', subject: `order:${ORDER}` });
    expect(onHoldOver({ orderId: ORDER, previousStatus: 'PLACED', status: 'ON_HOLD' })).toBeNull();
    expect(onHoldOver({ orderId: ORDER, previousStatus: 'PLACED', status: 'CANCELLED' })).toBeNull();
  });
});

describe('escalation past the review target', () => {
  it('escalates an ON_HOLD alert still OPEN after 1 hour, once', () => {
    const open = raised();
    expect(isOverdue(open, at(59), HOUR)).toBe(false);
    expect(escalate(open, at(59), HOUR)).toEqual({ kind: 'unchanged' });
    const escalated = escalate(open, at(60), HOUR);
    expect(escalated).toMatchObject({ kind: 'changed', alert: { escalatedAt: at(60), status: 'OPEN' } });
    if (escalated.kind === 'changed') expect(escalate(escalated.alert, at(90), HOUR)).toEqual({ kind: 'unchanged' });
  });

  it('does not escalate an acknowledged alert, or kinds without a review target', () => {
    const ack = acknowledge(raised(), 'staff-1', at(10));
    if (ack.kind === 'changed') expect(isOverdue(ack.alert, at(120), HOUR)).toBe(false);
    expect(isOverdue(raised(lowStock({ sku: 'X', totalAvailable: 1 })), at(120), HOUR)).toBe(false);
  });
});
