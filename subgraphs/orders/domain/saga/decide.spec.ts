import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { startSaga, type PlacedOrder } from './start.js';
import type { SagaCommand, SagaEnvironment, SagaEvent, SagaOutcome, SagaRecord, SagaState } from './types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const placedAt = new Date('2025-03-01T10:00:00.000Z');

const order: PlacedOrder = {
  orderId: '0195a000-0000-7000-8000-000000000001',
  customerId: '0195a000-0000-7000-8000-0000000000c1',
  total: { cents: 3597, currency: 'USD' },
  lines: [
    { sku: 'DOG-BOWL-001', quantity: 2 },
    { sku: 'CAT-TOY-WAND', quantity: 1 },
  ],
  shippingAddress: { nickname: 'Home', line1: '1 Main St', line2: null, city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' },
  shippingMethod: 'STANDARD',
};

function envAt(now: Date): SagaEnvironment {
  let n = 0;
  return {
    now,
    newId: () => `id-${now.getTime()}-${++n}`,
    policy: { confirmationTimeoutMs: 5 * MINUTE, returnWindowMs: 30 * DAY, customerCancelWindowMs: 2 * HOUR },
  };
}
const after = (ms: number) => envAt(new Date(placedAt.getTime() + ms));

const reserved: SagaEvent = { type: 'InventoryReserved', reservationId: 'res-1', warehouseId: 'NJ-FC' };
const authorized: SagaEvent = { type: 'PaymentAuthorized', paymentId: 'pay-1', amountCents: 3597 };
const captured: SagaEvent = { type: 'PaymentCaptured', paymentId: 'pay-1', amountCents: 3597 };
const committed: SagaEvent = { type: 'ReservationCommitted', reservationId: 'res-1' };
const dispatched: SagaEvent = { type: 'ShipmentDispatched', shipmentId: 'ship-1', carrier: 'UPS', trackingNumber: '1Z999', dispatchedAt: '2025-03-01T12:00:00.000Z' };
const deliveredAt = '2025-03-03T12:00:00.000Z';
const delivered: SagaEvent = { type: 'ShipmentDelivered', shipmentId: 'ship-1', deliveredAt };
const declined: SagaEvent = { type: 'PaymentAuthorizationFailed', paymentId: 'pay-1', reason: 'card declined', retriable: false };
const outOfStock: SagaEvent = { type: 'InventoryReservationFailed', reason: 'OUT_OF_STOCK', detail: 'DOG-BOWL-001' };
const voided: SagaEvent = { type: 'PaymentVoided', paymentId: 'pay-1', authorized: true };
const released: SagaEvent = { type: 'ReservationReleased', reservationId: 'res-1', previousStatus: 'RESERVED' };

const start = (): SagaOutcome => startSaga(order, envAt(placedAt));

/** Applies events in turn (each a minute after placement unless `env` says otherwise); returns the last outcome. */
function run(state: SagaState, events: SagaEvent[], env: SagaEnvironment = after(MINUTE)): SagaOutcome {
  let outcome: SagaOutcome = { changed: false, state, commands: [], records: [], timeouts: [] };
  for (const event of events) {
    const decision = decide(outcome.state, event, env);
    if (!decision.ok) throw new Error(`rejected: ${decision.rejection.message}`);
    outcome = decision;
  }
  return outcome;
}

/** All commands and records produced along the way, for assertions about the whole story. */
function story(events: SagaEvent[], env: SagaEnvironment = after(MINUTE)) {
  let outcome = start();
  const commands: SagaCommand[] = [...outcome.commands];
  const records: SagaRecord[] = [...outcome.records];
  for (const event of events) {
    outcome = run(outcome.state, [event], env);
    commands.push(...outcome.commands);
    records.push(...outcome.records);
  }
  return { state: outcome.state, last: outcome, commands, records };
}

const types = (commands: SagaCommand[]) => commands.map((c) => c.type);
const statuses = (records: SagaRecord[]) => records.flatMap((r) => (r.type === 'StatusChanged' ? [`${r.from ?? '∅'}→${r.to}`] : []));
const alerts = (records: SagaRecord[]) => records.flatMap((r) => (r.type === 'AlertRaised' ? [r.kind] : []));
const timeline = (records: SagaRecord[]) => records.flatMap((r) => (r.type === 'TimelineEntry' ? [r.entry] : []));

describe('placing an order', () => {
  it('asks inventory to reserve and payments to authorize the total, in parallel', () => {
    const outcome = start();
    expect(outcome.commands).toEqual([
      { type: 'RequestReservation', lines: order.lines, region: 'NJ', country: 'US' },
      { type: 'RequestAuthorization', amount: { cents: 3597, currency: 'USD' } },
    ]);
    expect(outcome.state.status).toBe('PLACED');
    expect(statuses(outcome.records)).toEqual(['∅→PLACED']);
    expect(timeline(outcome.records)[0]).toBe('PLACED');
  });

  it('starts the 5-minute confirmation clock', () => {
    const outcome = start();
    expect(outcome.timeouts).toEqual([{ type: 'Schedule', kind: 'CONFIRMATION', token: outcome.state.timeouts.CONFIRMATION, dueAt: new Date(placedAt.getTime() + 5 * MINUTE) }]);
  });
});

describe('the state a step is given', () => {
  it('is left as it was: the step decides on a copy, which it hands back only when something changed', () => {
    const placed = start().state;
    const before = JSON.stringify(placed);
    const next = run(placed, [reserved, authorized]);
    expect(next.state.inventory.reservation).toBe('RESERVED');
    expect(JSON.stringify(placed)).toBe(before);
    const unchanged = decide(next.state, { type: 'TimeoutFired', kind: 'CONFIRMATION', token: 'stale' }, after(MINUTE));
    expect(unchanged.ok && unchanged.changed).toBe(false);
    expect(unchanged.ok && unchanged.state).toBe(next.state);
  });
});

describe('the happy path', () => {
  it('waits for both the reservation and the authorization before capturing', () => {
    expect(types(story([reserved]).last.commands)).toEqual([]);
    expect(types(story([authorized]).last.commands)).toEqual([]);
  });

  it.each([
    ['reserved first', [reserved, authorized]],
    ['authorized first', [authorized, reserved]],
  ])('asks payments to capture the total once both succeeded (%s)', (_case, events) => {
    const { last, commands } = story(events);
    expect(last.commands).toEqual([{ type: 'RequestCapture', amount: { cents: 3597, currency: 'USD' } }]);
    expect(types(commands).filter((t) => t === 'RequestCapture')).toHaveLength(1);
  });

  it('asks inventory to commit the reservation once the payment is captured', () => {
    const { last } = story([reserved, authorized, captured]);
    expect(last.commands).toEqual([{ type: 'RequestCommit' }]);
    expect(last.state.payment.capturedCents).toBe(3597);
  });

  it('confirms the order once the reservation is committed and asks the reserving warehouse to ship it', () => {
    const { last } = story([reserved, authorized, captured, committed]);
    expect(last.state.status).toBe('CONFIRMED');
    expect(statuses(last.records)).toEqual(['PLACED→CONFIRMED']);
    expect(last.commands).toEqual([{ type: 'RequestFulfillment', warehouseId: 'NJ-FC', reservationId: 'res-1' }]);
    expect(last.timeouts).toEqual([{ type: 'Cancel', kind: 'CONFIRMATION' }]);
    expect(last.state.timeouts.CONFIRMATION).toBeUndefined();
  });

  it('goes SHIPPED on dispatch, DELIVERED on delivery, and CLOSED when the 30-day return window ends', () => {
    const { state, records, last } = story([reserved, authorized, captured, committed, { type: 'ShipmentAssigned', shipmentId: 'ship-1', warehouseId: 'NJ-FC' }, dispatched, delivered]);
    expect(statuses(records)).toEqual(['∅→PLACED', 'PLACED→CONFIRMED', 'CONFIRMED→SHIPPED', 'SHIPPED→DELIVERED']);
    expect(last.timeouts).toEqual([{ type: 'Schedule', kind: 'RETURN_WINDOW', token: state.timeouts.RETURN_WINDOW, dueAt: new Date(Date.parse(deliveredAt) + 30 * DAY) }]);
    const closed = run(state, [{ type: 'TimeoutFired', kind: 'RETURN_WINDOW', token: state.timeouts.RETURN_WINDOW! }], after(40 * DAY));
    expect(closed.state.status).toBe('CLOSED');
    expect(statuses(closed.records)).toEqual(['DELIVERED→CLOSED']);
  });

  it('records a timeline entry for every step', () => {
    const { records } = story([reserved, authorized, captured, committed, { type: 'ShipmentAssigned', shipmentId: 'ship-1', warehouseId: 'NJ-FC' }, dispatched, delivered]);
    expect(timeline(records)).toEqual([
      'PLACED',
      'RESERVATION_REQUESTED',
      'PAYMENT_AUTHORIZATION_REQUESTED',
      'INVENTORY_RESERVED',
      'PAYMENT_AUTHORIZED',
      'PAYMENT_CAPTURE_REQUESTED',
      'PAYMENT_CAPTURED',
      'RESERVATION_COMMIT_REQUESTED',
      'RESERVATION_COMMITTED',
      'CONFIRMED',
      'FULFILLMENT_REQUESTED',
      'SHIPMENT_ASSIGNED',
      'SHIPPED',
      'DELIVERED',
    ]);
  });

  it('takes a delivery reported before its dispatch as delivered, and the late dispatch changes no status', () => {
    const { state, last } = story([reserved, authorized, captured, committed, delivered]);
    expect(statuses(last.records)).toEqual(['CONFIRMED→DELIVERED']);
    const late = run(state, [dispatched]);
    expect(late.changed).toBe(false);
  });

  it('records failed delivery attempts once each, and alerts customer service when delivery failed', () => {
    const { state } = story([reserved, authorized, captured, committed, dispatched]);
    const attempt = { type: 'DeliveryAttemptFailed', shipmentId: 'ship-1', attempt: 1, reason: 'nobody home' } as const;
    const first = run(state, [attempt]);
    expect(timeline(first.records)).toEqual(['DELIVERY_ATTEMPT_FAILED']);
    expect(run(first.state, [attempt]).changed).toBe(false);
    const failed = run(first.state, [{ type: 'DeliveryFailed', shipmentId: 'ship-1', attempts: 3 }]);
    expect(alerts(failed.records)).toEqual(['DELIVERY_FAILED']);
    expect(failed.state.status).toBe('SHIPPED');
    // the held parcel may still be delivered after all
    expect(run(failed.state, [delivered]).state.status).toBe('DELIVERED');
  });
});

describe('payment failure', () => {
  it('cancels the order as PAYMENT_DECLINED and releases the reservation it may still get', () => {
    const { last } = story([declined]);
    expect(last.state.status).toBe('CANCELLED');
    expect(last.state.cancellationReason).toBe('PAYMENT_DECLINED');
    expect(last.commands).toEqual([{ type: 'RequestRelease', reason: 'PAYMENT_DECLINED' }]);
    expect(last.timeouts).toEqual([{ type: 'Cancel', kind: 'CONFIRMATION' }]);
  });

  it('releases a reservation already made, and voids nothing (nothing was authorized)', () => {
    const { last } = story([reserved, declined]);
    expect(types(last.commands)).toEqual(['RequestRelease']);
  });

  it('asks again for the release when the reservation shows up after the decline', () => {
    const { state } = story([declined]);
    const late = run(state, [reserved]);
    expect(last(late.commands)).toEqual({ type: 'RequestRelease', reason: 'LATE_RESERVATION' });
    expect(run(late.state, [reserved]).changed).toBe(false);
  });

  it('cancels, alerts, releases and voids when the capture fails', () => {
    const { last } = story([reserved, authorized, { type: 'PaymentCaptureFailed', paymentId: 'pay-1', reason: 'authorization expired' }]);
    expect(last.state.status).toBe('CANCELLED');
    expect(alerts(last.records)).toEqual(['PAYMENT_CAPTURE_FAILED']);
    expect(types(last.commands)).toEqual(['RequestRelease', 'RequestVoid']);
  });
});

describe('out of stock', () => {
  it('cancels the order as OUT_OF_STOCK and voids the authorization it may still get', () => {
    const { last } = story([outOfStock]);
    expect(last.state.status).toBe('CANCELLED');
    expect(last.state.cancellationReason).toBe('OUT_OF_STOCK');
    expect(last.commands).toEqual([{ type: 'RequestVoid', reason: 'OUT_OF_STOCK' }]);
  });

  it('voids an authorization already made, once', () => {
    const { last, commands } = story([authorized, outOfStock, voided]);
    expect(types(commands).filter((t) => t === 'RequestVoid')).toHaveLength(1);
    expect(last.state.payment.void).toBe('VOIDED');
  });

  it('asks again for the void when the authorization arrives after the cancellation', () => {
    const { state } = story([outOfStock]);
    const late = run(state, [authorized]);
    expect(late.commands).toEqual([{ type: 'RequestVoid', reason: 'LATE_AUTHORIZATION' }]);
    expect(run(late.state, [authorized]).changed).toBe(false);
  });

  it('cancels and refunds the capture when the reservation is gone at commit time', () => {
    const { last } = story([reserved, authorized, captured, { type: 'ReservationChangeRejected', requested: 'COMMIT', reason: 'EXPIRED' }]);
    expect(last.state.status).toBe('CANCELLED');
    expect(last.commands).toEqual([{ type: 'RequestRefund', refundId: expect.any(String), amount: { cents: 3597, currency: 'USD' }, reason: 'OUT_OF_STOCK' }]);
  });

  it('cancels when the reservation expires before it was committed', () => {
    const { last } = story([reserved, { type: 'ReservationExpired', reservationId: 'res-1' }]);
    expect(last.state.status).toBe('CANCELLED');
    expect(types(last.commands)).toEqual(['RequestVoid']);
  });
});

describe('the confirmation timeout', () => {
  const fire = (state: SagaState) => run(state, [{ type: 'TimeoutFired', kind: 'CONFIRMATION', token: state.timeouts.CONFIRMATION! }], after(5 * MINUTE));

  it('puts an order not confirmed in time ON_HOLD, alerts staff, releases the stock and voids the payment', () => {
    const { state } = story([reserved, authorized]);
    const held = fire(state);
    expect(held.state.status).toBe('ON_HOLD');
    expect(statuses(held.records)).toEqual(['PLACED→ON_HOLD']);
    expect(alerts(held.records)).toEqual(['ORDER_ON_HOLD']);
    expect(held.commands).toEqual([
      { type: 'RequestRelease', reason: 'ON_HOLD' },
      { type: 'RequestVoid', reason: 'ON_HOLD' },
    ]);
  });

  it('refunds a payment already captured', () => {
    const { state } = story([reserved, authorized, captured]);
    expect(types(fire(state).commands)).toEqual(['RequestRelease', 'RequestRefund']);
  });

  it('ignores a stale timeout (another token)', () => {
    const { state } = story([reserved]);
    expect(run(state, [{ type: 'TimeoutFired', kind: 'CONFIRMATION', token: 'stale' }]).changed).toBe(false);
  });

  it('does nothing for a confirmed order (its timeout was cleared)', () => {
    const { state } = story([reserved, authorized, captured, committed]);
    const token = start().state.timeouts.CONFIRMATION!;
    expect(run(state, [{ type: 'TimeoutFired', kind: 'CONFIRMATION', token }]).changed).toBe(false);
  });

  describe('late answers after ON_HOLD are compensated, never ignored', () => {
    it('refunds a late capture', () => {
      const { state } = story([reserved, authorized]);
      const late = run(fire(state).state, [captured]);
      expect(late.commands).toEqual([{ type: 'RequestRefund', refundId: expect.any(String), amount: { cents: 3597, currency: 'USD' }, reason: 'LATE_CAPTURE' }]);
      expect(late.state.status).toBe('ON_HOLD');
      expect(run(late.state, [captured]).changed).toBe(false);
    });

    it('releases a late reservation', () => {
      const held = fire(story([authorized]).state);
      expect(types(held.commands)).toEqual(['RequestRelease', 'RequestVoid']);
      const late = run(held.state, [reserved]);
      expect(late.commands).toEqual([{ type: 'RequestRelease', reason: 'LATE_RESERVATION' }]);
    });

    it('releases a late commit', () => {
      const { state } = story([reserved, authorized, captured]);
      const held = fire(state);
      // the release asked at hold time covers a commit inventory makes before it
      expect(run(held.state, [committed]).commands).toEqual([]);
    });

    it('voids a late authorization', () => {
      const held = fire(story([reserved]).state);
      expect(run(held.state, [authorized]).commands).toEqual([{ type: 'RequestVoid', reason: 'LATE_AUTHORIZATION' }]);
    });

    it('ignores a reservation whose release was already confirmed (the answers crossed)', () => {
      const held = fire(story([authorized]).state);
      const releasedFirst = run(held.state, [{ type: 'ReservationReleased', reservationId: 'res-1', previousStatus: 'RESERVED' }]);
      expect(run(releasedFirst.state, [reserved]).changed).toBe(false);
    });
  });

  it('lets staff close an ON_HOLD order as CANCELLED without compensating twice', () => {
    const held = fire(story([reserved, authorized]).state);
    const decision = decide(held.state, { type: 'CancellationRequested', by: 'STAFF', reason: 'customer unreachable' }, after(30 * MINUTE));
    expect(decision.ok && decision.state.status).toBe('CANCELLED');
    expect(decision.ok && decision.commands).toEqual([]);
    expect(decision.ok && statuses(decision.records)).toEqual(['ON_HOLD→CANCELLED']);
    expect(decision.ok && decision.state.cancellationReason).toBe('customer unreachable');
  });
});

describe('cancellation', () => {
  const cancel = (state: SagaState, by: 'CUSTOMER' | 'STAFF', at: number) => decide(state, { type: 'CancellationRequested', by, reason: 'changed my mind' }, after(at));

  it('lets the customer cancel an unshipped order within 2 hours, with compensation', () => {
    const { state } = story([reserved, authorized, captured, committed]);
    const decision = cancel(state, 'CUSTOMER', 90 * MINUTE);
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.state.status).toBe('CANCELLED');
    expect(decision.state.cancellationReason).toBe('changed my mind');
    expect(types(decision.commands)).toEqual(['RequestRelease', 'RequestRefund']);
  });

  it('refuses the customer after 2 hours (CONFLICT)', () => {
    const { state } = story([reserved]);
    expect(cancel(state, 'CUSTOMER', 2 * HOUR + 1)).toEqual({ ok: false, rejection: { code: 'CONFLICT', message: expect.stringMatching(/within 2 hours/) } });
  });

  it('lets customer service cancel any unshipped order, whenever', () => {
    const { state } = story([reserved, authorized]);
    const decision = cancel(state, 'STAFF', 3 * DAY);
    expect(decision.ok && types(decision.commands)).toEqual(['RequestRelease', 'RequestVoid']);
  });

  it.each(['CUSTOMER', 'STAFF'] as const)('refuses a shipped order (%s)', (by) => {
    const { state } = story([reserved, authorized, captured, committed, dispatched]);
    expect(cancel(state, by, MINUTE)).toMatchObject({ ok: false, rejection: { code: 'CONFLICT' } });
  });

  it('refuses an order already cancelled', () => {
    const { state } = story([declined]);
    expect(cancel(state, 'STAFF', MINUTE)).toMatchObject({ ok: false, rejection: { code: 'CONFLICT', message: 'The order is already cancelled' } });
  });
});

describe('refunds', () => {
  const refunding = () => {
    const { state } = story([reserved, authorized, captured]);
    const decision = decide(state, { type: 'CancellationRequested', by: 'STAFF', reason: 'fraud check' }, after(MINUTE));
    if (!decision.ok) throw new Error('cancel refused');
    const refund = decision.commands.find((c): c is Extract<SagaCommand, { type: 'RequestRefund' }> => c.type === 'RequestRefund')!;
    return { state: decision.state, refundId: refund.refundId };
  };

  it('records a completed refund once', () => {
    const { state, refundId } = refunding();
    const done = run(state, [{ type: 'RefundCompleted', refundId, amountCents: 3597 }]);
    expect(timeline(done.records)).toEqual(['REFUNDED']);
    expect(run(done.state, [{ type: 'RefundCompleted', refundId, amountCents: 3597 }]).changed).toBe(false);
  });

  it('escalates a failed refund to staff and does not retry it by itself', () => {
    const { state, refundId } = refunding();
    const failed = run(state, [{ type: 'RefundFailed', refundId, reason: 'card closed', attempts: 3 }]);
    expect(alerts(failed.records)).toEqual(['REFUND_ESCALATED']);
    expect(failed.commands).toEqual([]);
    expect(run(failed.state, [captured]).changed).toBe(false);
  });

  it('ignores an answer about a refund it never asked for', () => {
    const { state } = refunding();
    expect(run(state, [{ type: 'RefundCompleted', refundId: 'someone-elses', amountCents: 1 }]).changed).toBe(false);
  });
});

describe('duplicates change nothing', () => {
  const cases: [string, SagaEvent[], SagaEvent][] = [
    ['InventoryReserved', [], reserved],
    ['PaymentAuthorized', [], authorized],
    ['PaymentCaptured', [reserved, authorized], captured],
    ['ReservationCommitted', [reserved, authorized, captured], committed],
    ['ShipmentDispatched', [reserved, authorized, captured, committed], dispatched],
    ['ShipmentDelivered', [reserved, authorized, captured, committed, dispatched], delivered],
    ['ShipmentAssigned', [reserved, authorized, captured, committed], { type: 'ShipmentAssigned', shipmentId: 'ship-1', warehouseId: 'NJ-FC' }],
    ['PaymentAuthorizationFailed', [], declined],
    ['InventoryReservationFailed', [], outOfStock],
    ['PaymentVoided', [outOfStock], voided],
    ['ReservationReleased', [declined, reserved], released],
    ['ReservationExpired', [reserved], { type: 'ReservationExpired', reservationId: 'res-1' }],
    ['PaymentCaptureFailed', [reserved, authorized], { type: 'PaymentCaptureFailed', paymentId: 'pay-1', reason: 'expired' }],
    ['DeliveryFailed', [reserved, authorized, captured, committed, dispatched], { type: 'DeliveryFailed', shipmentId: 'ship-1', attempts: 3 }],
  ];
  it.each(cases)('%s delivered twice', (_name, before, event) => {
    const { state } = story([...before, event]);
    const again = run(state, [event]);
    expect(again).toMatchObject({ changed: false, commands: [], records: [], timeouts: [] });
    expect(again.state).toEqual(state);
  });
});

describe('answers for a finished order', () => {
  it('ignores a repeated reservation of a confirmed order (inventory re-announces the one it holds)', () => {
    const { state } = story([reserved, authorized, captured, committed]);
    expect(run(state, [reserved]).changed).toBe(false);
  });

  it('alerts staff when a parcel is dispatched for a cancelled order', () => {
    const { state } = story([reserved, authorized, captured, committed]);
    const decision = decide(state, { type: 'CancellationRequested', by: 'STAFF', reason: 'duplicate order' }, after(MINUTE));
    if (!decision.ok) throw new Error('cancel refused');
    const late = run(decision.state, [dispatched]);
    expect(alerts(late.records)).toEqual(['COMPENSATION_FAILED']);
    expect(late.state.status).toBe('CANCELLED');
  });

  it('alerts staff when inventory cannot release an order it already shipped', () => {
    const { state } = story([declined]);
    const late = run(state, [{ type: 'ReservationChangeRejected', requested: 'RELEASE', reason: 'ALREADY_SHIPPED' }]);
    expect(alerts(late.records)).toEqual(['COMPENSATION_FAILED']);
  });

  it('takes a release answered with "nothing held" as released', () => {
    const { state } = story([declined]);
    const answered = run(state, [{ type: 'ReservationReleased', reservationId: null, previousStatus: null }]);
    expect(answered.state.inventory.reservation).toBe('RELEASED');
    expect(answered.commands).toEqual([]);
  });
});

function last<T>(items: T[]): T | undefined {
  return items[items.length - 1];
}

describe('returns', () => {
  const returnUpdate = (status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED', sequence: number, extra: Partial<Extract<SagaEvent, { type: 'ReturnUpdated' }>> = {}): SagaEvent => ({
    type: 'ReturnUpdated',
    returnId: 'ret-1',
    status,
    sequence,
    open: status !== 'REJECTED' && status !== 'REFUNDED',
    units: 1,
    refundCents: 850,
    label: status === 'REQUESTED' ? null : { carrier: 'USPS', trackingNumber: '9202000' },
    rejectionReason: null,
    refund: status === 'RECEIVED' || status === 'REFUNDED' ? { refundId: 'ref-r1', status: status === 'REFUNDED' ? 'COMPLETED' : 'REQUESTED', failureReason: null } : null,
    ...extra,
  });
  const deliveredOrder = () => story([reserved, authorized, captured, committed, dispatched, delivered]).state;
  const windowEnds = (state: SagaState): SagaEvent => ({ type: 'TimeoutFired', kind: 'RETURN_WINDOW', token: state.timeouts.RETURN_WINDOW! });

  it('records each step of a return on the timeline', () => {
    const { records } = story([reserved, authorized, captured, committed, dispatched, delivered, returnUpdate('APPROVED', 1), returnUpdate('RECEIVED', 2), returnUpdate('REFUNDED', 3)]);
    expect(timeline(records).filter((t) => t.startsWith('RETURN_'))).toEqual(['RETURN_APPROVED', 'RETURN_RECEIVED', 'RETURN_REFUNDED']);
    const refunded = records.find((r) => r.type === 'TimelineEntry' && r.entry === 'RETURN_REFUNDED');
    expect(refunded).toMatchObject({ detail: '$8.50 refunded' });
  });

  it('keeps a delivered order with an open return open past the window, and closes it when the return ends', () => {
    const approved = run(deliveredOrder(), [returnUpdate('APPROVED', 1)]).state;
    const waiting = run(approved, [windowEnds(approved)], after(40 * DAY));
    expect(waiting.state.status).toBe('DELIVERED');
    expect(timeline(waiting.records)).toEqual(['RETURN_WINDOW_ENDED']);

    const received = run(waiting.state, [returnUpdate('RECEIVED', 2)], after(41 * DAY));
    expect(received.state.status).toBe('DELIVERED');
    const closed = run(received.state, [returnUpdate('REFUNDED', 3)], after(42 * DAY));
    expect(statuses(closed.records)).toEqual(['DELIVERED→CLOSED']);
  });

  it('closes at the end of the window when every return has ended', () => {
    const rejected = run(deliveredOrder(), [returnUpdate('REQUESTED', 1), returnUpdate('REJECTED', 2, { rejectionReason: 'used' })]).state;
    expect(statuses(run(rejected, [windowEnds(rejected)], after(40 * DAY)).records)).toEqual(['DELIVERED→CLOSED']);
  });

  it('ignores a repeated or overtaken announcement', () => {
    const refunded = run(deliveredOrder(), [returnUpdate('APPROVED', 1), returnUpdate('REFUNDED', 3)]).state;
    expect(run(refunded, [returnUpdate('RECEIVED', 2)]).changed).toBe(false);
    expect(run(refunded, [returnUpdate('REFUNDED', 3)]).changed).toBe(false);
  });

  it('escalates a return refund that failed, like its own refunds', () => {
    const failed = run(deliveredOrder(), [returnUpdate('APPROVED', 1), returnUpdate('RECEIVED', 2), returnUpdate('RECEIVED', 3, { refund: { refundId: 'ref-r1', status: 'FAILED', failureReason: 'card closed' } })]);
    expect(alerts(failed.records)).toEqual(['REFUND_ESCALATED']);
    expect(timeline(failed.records)).toEqual(['RETURN_REFUND_FAILED', 'ALERT_RAISED']);
  });
});
