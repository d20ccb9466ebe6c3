import { formatMoney } from '../money.js';
import { compensate, refundOutstanding, releaseReservation, undoPayment } from './compensation.js';
import { isCompensating, isUnshipped } from './order-status.js';
import { Step } from './step.js';
import type { SagaDecision, SagaEnvironment, SagaEvent, SagaState } from './types.js';

/**
 * The order saga (SPEC §6), orchestrated by orders: `decide(state, event, env)` answers with the
 * next state, the requests to send, what to record (status changes, timeline, alerts) and the
 * timeouts to set or clear. Pure: the shell (use-cases/saga-step.ts) loads, calls and persists.
 *
 * The story, top to bottom:
 *   placed (start.ts) → reserve + authorize in parallel → both done → capture → commit the
 *   reservation → CONFIRMED → fulfillment → dispatched (SHIPPED) → delivered (DELIVERED) →
 *   return window over (CLOSED), or later, once the returns open then have ended.
 * Failures: a final payment failure or out of stock → CANCELLED with compensation; not
 * CONFIRMED in time → ON_HOLD + alert + compensation, closed by staff as CANCELLED; the customer
 * (within 2 h, unshipped) or customer service (unshipped) may cancel. Answers that come after
 * compensation began are compensated too (a late capture refunded, a late reservation released).
 * Every reaction first checks what is already known, so a repeated answer changes nothing.
 */
export function decide(state: SagaState, event: SagaEvent, env: SagaEnvironment): SagaDecision {
  if (event.type === 'CancellationRequested') return requestCancellation(state, event, env);
  const step = new Step(state, env);
  react(step, event);
  return { ok: true, ...step.finish() };
}

function react(step: Step, event: Exclude<SagaEvent, { type: 'CancellationRequested' }>): void {
  switch (event.type) {
    case 'InventoryReserved':
      return onReserved(step, event);
    case 'InventoryReservationFailed':
      return onReservationFailed(step, event);
    case 'PaymentAuthorized':
      return onAuthorized(step, event);
    case 'PaymentAuthorizationFailed':
      return onAuthorizationFailed(step, event);
    case 'PaymentCaptured':
      return onCaptured(step, event);
    case 'PaymentCaptureFailed':
      return onCaptureFailed(step, event);
    case 'ReservationCommitted':
      return onCommitted(step, event);
    case 'ReservationChangeRejected':
      return onReservationChangeRejected(step, event);
    case 'ReservationReleased':
      return onReleased(step, event);
    case 'ReservationExpired':
      return onExpired(step, event);
    case 'PaymentVoided':
      return onVoided(step, event);
    case 'RefundCompleted':
      return onRefundCompleted(step, event);
    case 'RefundFailed':
      return onRefundFailed(step, event);
    case 'ShipmentAssigned':
      return onShipmentAssigned(step, event);
    case 'ShipmentDispatched':
      return onDispatched(step, event);
    case 'DeliveryAttemptFailed':
      return onDeliveryAttemptFailed(step, event);
    case 'ShipmentDelivered':
      return onDelivered(step, event);
    case 'DeliveryFailed':
      return onDeliveryFailed(step, event);
    case 'ReturnUpdated':
      return onReturnUpdated(step, event);
    case 'TimeoutFired':
      return onTimeout(step, event);
  }
}

type On<T extends SagaEvent['type']> = Extract<SagaEvent, { type: T }>;

// ---- 1. reserve and authorize, in parallel ------------------------------------------------

function onReserved(step: Step, event: On<'InventoryReserved'>): void {
  const inventory = step.state.inventory;
  if (inventory.reservation === 'RESERVED' || inventory.reservation === 'COMMITTED') return; // re-announced
  // released or expired already (that answer overtook this one): nothing is held any more
  if ((inventory.reservation === 'RELEASED' || inventory.reservation === 'EXPIRED') && inventory.reservationId === event.reservationId) return;
  inventory.reservation = 'RESERVED';
  inventory.reservationId = event.reservationId;
  inventory.warehouseId = event.warehouseId;

  if (step.state.status === 'PLACED') {
    step.timeline('INVENTORY_RESERVED', `at ${event.warehouseId}`);
    return captureWhenReady(step);
  }
  if (isCompensating(step.state.status)) {
    // a late reservation is released, never kept (a release asked before it was known is asked again)
    step.timeline('LATE_RESERVATION', `at ${event.warehouseId}`);
    releaseReservation(step, 'LATE_RESERVATION');
  }
  // CONFIRMED and later: confirmation needed this reservation committed, so this is a re-announcement
}

function onReservationFailed(step: Step, event: On<'InventoryReservationFailed'>): void {
  const inventory = step.state.inventory;
  if (inventory.reservation !== 'REQUESTED') return;
  inventory.reservation = 'FAILED';
  step.timeline('OUT_OF_STOCK', event.detail ?? event.reason);
  if (step.state.status === 'PLACED') cancel(step, 'OUT_OF_STOCK');
  // compensating: nothing was held, nothing to undo
}

function onAuthorized(step: Step, event: On<'PaymentAuthorized'>): void {
  const payment = step.state.payment;
  if (payment.authorization === 'AUTHORIZED') return; // re-announced
  payment.authorization = 'AUTHORIZED';
  payment.paymentId = event.paymentId;

  if (step.state.status === 'PLACED') {
    step.timeline('PAYMENT_AUTHORIZED', formatMoney({ cents: event.amountCents, currency: step.state.total.currency }));
    return captureWhenReady(step);
  }
  if (isCompensating(step.state.status)) {
    // a late authorization is voided (a void asked before it was known is asked again)
    step.timeline('LATE_AUTHORIZATION');
    if (payment.void !== 'REQUESTED') {
      payment.void = 'NONE';
      undoPayment(step, 'LATE_AUTHORIZATION');
    }
  }
}

function onAuthorizationFailed(step: Step, event: On<'PaymentAuthorizationFailed'>): void {
  const payment = step.state.payment;
  if (payment.authorization !== 'REQUESTED') return;
  payment.authorization = 'FAILED';
  payment.paymentId = event.paymentId;
  step.timeline('PAYMENT_FAILED', event.reason);
  // transient failures were retried by payments already: this one is final (PO)
  if (step.state.status === 'PLACED') cancel(step, 'PAYMENT_DECLINED');
}

// ---- 2. both succeeded → capture ----------------------------------------------------------

function captureWhenReady(step: Step): void {
  const { inventory, payment, total } = step.state;
  if (step.state.status !== 'PLACED' || inventory.reservation !== 'RESERVED' || payment.authorization !== 'AUTHORIZED' || payment.capture !== 'NONE') return;
  payment.capture = 'REQUESTED';
  step.request({ type: 'RequestCapture', amount: { ...total } });
  step.timeline('PAYMENT_CAPTURE_REQUESTED', formatMoney(total));
}

function onCaptured(step: Step, event: On<'PaymentCaptured'>): void {
  const payment = step.state.payment;
  if (payment.capture === 'CAPTURED') return;
  payment.capture = 'CAPTURED';
  payment.capturedCents = event.amountCents;
  payment.paymentId = event.paymentId;
  const amount = formatMoney({ cents: event.amountCents, currency: step.state.total.currency });

  if (step.state.status === 'PLACED') {
    step.timeline('PAYMENT_CAPTURED', amount);
    return commitWhenCaptured(step);
  }
  if (isCompensating(step.state.status)) {
    step.timeline('LATE_CAPTURE', amount);
    refundOutstanding(step, 'LATE_CAPTURE');
  }
}

function onCaptureFailed(step: Step, event: On<'PaymentCaptureFailed'>): void {
  const payment = step.state.payment;
  if (payment.capture !== 'REQUESTED') return;
  payment.capture = 'FAILED';
  step.timeline('PAYMENT_CAPTURE_FAILED', event.reason);
  if (step.state.status === 'PLACED') {
    step.alert('PAYMENT_CAPTURE_FAILED', `capture failed: ${event.reason}`);
    cancel(step, 'PAYMENT_DECLINED');
  }
}

// ---- 3. captured → commit the reservation → CONFIRMED → fulfillment ------------------------

function commitWhenCaptured(step: Step): void {
  const inventory = step.state.inventory;
  if (inventory.reservation !== 'RESERVED' || inventory.commitRequested) return;
  inventory.commitRequested = true;
  step.request({ type: 'RequestCommit' });
  step.timeline('RESERVATION_COMMIT_REQUESTED');
}

function onCommitted(step: Step, event: On<'ReservationCommitted'>): void {
  const inventory = step.state.inventory;
  if (inventory.reservation === 'COMMITTED' || inventory.reservation === 'RELEASED') return; // repeated, or released since
  inventory.reservation = 'COMMITTED';
  inventory.reservationId = event.reservationId;

  if (step.state.status === 'PLACED') {
    step.timeline('RESERVATION_COMMITTED');
    return confirm(step);
  }
  if (isCompensating(step.state.status) && inventory.release !== 'REQUESTED') {
    step.timeline('LATE_COMMIT');
    inventory.release = 'NONE';
    releaseReservation(step, 'LATE_COMMIT');
  }
}

function confirm(step: Step): void {
  const { inventory } = step.state;
  step.moveTo('CONFIRMED');
  step.cancelTimeout('CONFIRMATION');
  step.timeline('CONFIRMED');
  step.state.fulfillment.status = 'REQUESTED';
  // the reserving warehouse ships it (SPEC §6 step 4)
  step.request({ type: 'RequestFulfillment', warehouseId: inventory.warehouseId!, reservationId: inventory.reservationId! });
  step.timeline('FULFILLMENT_REQUESTED', `from ${inventory.warehouseId}`);
}

function onReservationChangeRejected(step: Step, event: On<'ReservationChangeRejected'>): void {
  const inventory = step.state.inventory;
  if (event.requested === 'COMMIT') {
    if (step.state.status !== 'PLACED' || inventory.reservation !== 'RESERVED') return; // compensation already under way
    // the units went back (expired, released): paid but nothing to ship
    inventory.reservation = event.reason === 'EXPIRED' ? 'EXPIRED' : 'RELEASED';
    step.timeline('RESERVATION_COMMIT_REJECTED', event.reason);
    return cancel(step, 'OUT_OF_STOCK');
  }
  if (event.requested === 'RELEASE') {
    if (event.reason === 'ALREADY_SHIPPED') {
      if (step.state.fulfillment.status === 'DISPATCHED' || step.state.fulfillment.status === 'DELIVERED') return;
      step.timeline('RESERVATION_RELEASE_REJECTED', event.reason);
      return step.alert('COMPENSATION_FAILED', 'inventory could not release the reservation: it was already shipped');
    }
    // nothing was held (never reserved, released or expired before): the release is moot
    if (inventory.reservation === 'RELEASED' || inventory.reservation === 'EXPIRED' || inventory.reservation === 'FAILED') return;
    inventory.reservation = 'RELEASED';
    return step.timeline('INVENTORY_RELEASED', `nothing held (${event.reason})`);
  }
  // SHIP is fulfillment's business with inventory; the order follows ShipmentDispatched
}

function onReleased(step: Step, event: On<'ReservationReleased'>): void {
  const inventory = step.state.inventory;
  if (inventory.reservation === 'RELEASED') return;
  if (inventory.reservation === 'FAILED' || inventory.reservation === 'EXPIRED') {
    // nothing was held; the answer to our release
    inventory.reservation = 'RELEASED';
    return;
  }
  inventory.reservation = 'RELEASED';
  if (event.reservationId) inventory.reservationId = event.reservationId;
  step.timeline('INVENTORY_RELEASED', event.previousStatus ? `${event.previousStatus.toLowerCase()} units back in stock` : 'nothing was held');
  if (step.state.status === 'PLACED' && inventory.release === 'NONE') {
    // released without our asking: the stock is gone
    cancel(step, 'OUT_OF_STOCK');
  } else if (step.state.status === 'CONFIRMED' && inventory.release === 'NONE') {
    step.alert('COMPENSATION_FAILED', 'inventory released the stock of a confirmed order');
  }
}

function onExpired(step: Step, event: On<'ReservationExpired'>): void {
  const inventory = step.state.inventory;
  if (inventory.reservation !== 'RESERVED' && inventory.reservation !== 'REQUESTED') return; // committed stock never expires; released is final
  inventory.reservation = 'EXPIRED';
  inventory.reservationId = event.reservationId;
  step.timeline('RESERVATION_EXPIRED');
  if (step.state.status === 'PLACED') cancel(step, 'OUT_OF_STOCK');
}

// ---- compensation answers ------------------------------------------------------------------

function onVoided(step: Step, event: On<'PaymentVoided'>): void {
  const payment = step.state.payment;
  if (payment.void === 'VOIDED') return;
  payment.void = 'VOIDED';
  payment.paymentId = event.paymentId;
  step.timeline('PAYMENT_VOIDED', event.authorized === false ? 'nothing was held' : null);
}

function onRefundCompleted(step: Step, event: On<'RefundCompleted'>): void {
  const refund = step.state.payment.refunds.find((r) => r.refundId === event.refundId);
  if (!refund || refund.status === 'COMPLETED') return; // not ours, or repeated
  refund.status = 'COMPLETED';
  step.timeline('REFUNDED', formatMoney({ cents: event.amountCents, currency: step.state.total.currency }));
}

function onRefundFailed(step: Step, event: On<'RefundFailed'>): void {
  const refund = step.state.payment.refunds.find((r) => r.refundId === event.refundId);
  if (!refund || refund.status !== 'REQUESTED') return;
  refund.status = 'FAILED';
  step.timeline('REFUND_FAILED', `${event.reason} after ${event.attempts} attempt(s)`);
  // PO: retried 3 times by payments, then escalated to staff
  step.alert('REFUND_ESCALATED', `refund of ${formatMoney({ cents: refund.amountCents, currency: step.state.total.currency })} failed: ${event.reason}`);
}

// ---- 4. fulfillment: dispatched → SHIPPED → delivered → DELIVERED → CLOSED ---------------

function onShipmentAssigned(step: Step, event: On<'ShipmentAssigned'>): void {
  const fulfillment = step.state.fulfillment;
  if (fulfillment.shipmentId !== null) return;
  fulfillment.shipmentId = event.shipmentId;
  if (fulfillment.status === 'REQUESTED') fulfillment.status = 'ASSIGNED';
  step.timeline('SHIPMENT_ASSIGNED', `to ${event.warehouseId}`);
}

function onDispatched(step: Step, event: On<'ShipmentDispatched'>): void {
  const fulfillment = step.state.fulfillment;
  if (fulfillment.status === 'DISPATCHED' || fulfillment.status === 'DELIVERED' || fulfillment.status === 'DELIVERY_FAILED') return;
  fulfillment.status = 'DISPATCHED';
  fulfillment.shipmentId = event.shipmentId;
  const detail = `${event.carrier} ${event.trackingNumber}`;
  if (step.state.status === 'CONFIRMED') {
    step.moveTo('SHIPPED');
    return step.timeline('SHIPPED', detail);
  }
  step.timeline('SHIPMENT_DISPATCHED', detail);
  if (isCompensating(step.state.status)) step.alert('COMPENSATION_FAILED', `a parcel was dispatched for a ${step.state.status} order (${detail})`);
}

function onDeliveryAttemptFailed(step: Step, event: On<'DeliveryAttemptFailed'>): void {
  const fulfillment = step.state.fulfillment;
  if (event.attempt <= fulfillment.failedAttempts) return;
  fulfillment.failedAttempts = event.attempt;
  step.timeline('DELIVERY_ATTEMPT_FAILED', `attempt ${event.attempt}: ${event.reason}`);
}

function onDelivered(step: Step, event: On<'ShipmentDelivered'>): void {
  const fulfillment = step.state.fulfillment;
  if (fulfillment.status === 'DELIVERED') return;
  fulfillment.status = 'DELIVERED';
  fulfillment.shipmentId = event.shipmentId;
  if (step.state.status !== 'SHIPPED' && step.state.status !== 'CONFIRMED') return step.timeline('SHIPMENT_DELIVERED');
  // CONFIRMED: the delivery overtook its dispatch; the order is delivered all the same
  step.moveTo('DELIVERED');
  step.timeline('DELIVERED');
  step.schedule('RETURN_WINDOW', new Date(new Date(event.deliveredAt).getTime() + step.env.policy.returnWindowMs));
}

function onDeliveryFailed(step: Step, event: On<'DeliveryFailed'>): void {
  const fulfillment = step.state.fulfillment;
  if (fulfillment.status === 'DELIVERY_FAILED' || fulfillment.status === 'DELIVERED') return;
  fulfillment.status = 'DELIVERY_FAILED';
  step.timeline('DELIVERY_FAILED', `after ${event.attempts} attempt(s); the parcel is held at the carrier`);
  step.alert('DELIVERY_FAILED', `delivery failed after ${event.attempts} attempt(s): call the customer`);
}

// ---- timeouts ------------------------------------------------------------------------------

function onTimeout(step: Step, event: On<'TimeoutFired'>): void {
  if (step.state.timeouts[event.kind] !== event.token) return; // stale: rescheduled or cleared since
  step.forgetTimeout(event.kind);
  if (event.kind === 'CONFIRMATION' && step.state.status === 'PLACED') return hold(step);
  if (event.kind === 'RETURN_WINDOW' && step.state.status === 'DELIVERED') {
    if (openReturns(step.state) > 0) {
      // a return in progress keeps the order open; the last one to end closes it
      step.state.returnWindowEnded = true;
      return step.timeline('RETURN_WINDOW_ENDED', 'the order closes when its open returns end');
    }
    step.moveTo('CLOSED');
    step.timeline('CLOSED', 'the return window ended');
  }
}

// ---- 5. returns: each step on the timeline; an open return keeps a DELIVERED order open ---------

const openReturns = (state: SagaState): number => Object.values(state.returns ?? {}).filter((ret) => ret.open).length;

function onReturnUpdated(step: Step, event: On<'ReturnUpdated'>): void {
  const returns = (step.state.returns ??= {});
  const known = returns[event.returnId];
  if (known && known.sequence >= event.sequence) return; // repeated, or overtaken by a later step
  returns[event.returnId] = { status: event.status, sequence: event.sequence, open: event.open, refundStatus: event.refund?.status ?? null };
  const money = (cents: number) => formatMoney({ cents, currency: step.state.total.currency });

  if (known?.status !== event.status) {
    const detail: Record<typeof event.status, string> = {
      REQUESTED: `${event.units} unit(s), waiting for customer service`,
      APPROVED: `${event.units} unit(s)${event.label ? `, label ${event.label.carrier} ${event.label.trackingNumber}` : ''}`,
      REJECTED: event.rejectionReason ?? 'rejected',
      RECEIVED: event.refund ? `refund of ${money(event.refundCents)} requested` : 'nothing to refund',
      REFUNDED: `${money(event.refundCents)} refunded`,
    };
    step.timeline(`RETURN_${event.status}`, detail[event.status]);
  }
  if (event.refund?.status === 'FAILED' && known?.refundStatus !== 'FAILED') {
    step.timeline('RETURN_REFUND_FAILED', event.refund.failureReason);
    // PO: retried 3 times by payments, then escalated to staff, like the saga's own refunds
    step.alert('REFUND_ESCALATED', `return refund of ${money(event.refundCents)} failed: ${event.refund.failureReason ?? 'unknown reason'}`);
  }
  if (step.state.status === 'DELIVERED' && step.state.returnWindowEnded && openReturns(step.state) === 0) {
    step.moveTo('CLOSED');
    step.timeline('CLOSED', 'the return window ended and its returns are done');
  }
}

/** PO: not CONFIRMED in time → ON_HOLD, alert, release inventory, void/refund; staff review it. */
function hold(step: Step): void {
  step.moveTo('ON_HOLD', 'CONFIRMATION_TIMEOUT');
  step.timeline('ON_HOLD', 'not confirmed in time');
  step.alert('ORDER_ON_HOLD', 'the order was not confirmed in time; review it and close it');
  compensate(step, 'ON_HOLD');
}

// ---- cancellation --------------------------------------------------------------------------

function cancel(step: Step, reason: string, detail: string = reason): void {
  step.moveTo('CANCELLED', reason);
  step.state.cancellationReason = reason;
  step.cancelTimeout('CONFIRMATION');
  step.timeline('CANCELLED', detail);
  compensate(step, reason);
}

/**
 * PO: a customer may cancel while the order is not shipped and within 2 h of placement;
 * CUSTOMER_SERVICE/ADMIN may cancel any unshipped order, which is also how they close an
 * ON_HOLD one. Anything else is a CONFLICT.
 */
function requestCancellation(state: SagaState, event: On<'CancellationRequested'>, env: SagaEnvironment): SagaDecision {
  if (state.status === 'CANCELLED') return conflict('The order is already cancelled');
  if (!isUnshipped(state.status)) return conflict(`The order is ${state.status} and can no longer be cancelled`);
  if (event.by === 'CUSTOMER' && env.now.getTime() - new Date(state.placedAt).getTime() > env.policy.customerCancelWindowMs) {
    const hours = Math.round((env.policy.customerCancelWindowMs / 3_600_000) * 10) / 10;
    return conflict(`Orders can be cancelled within ${hours} hours of placement; contact customer service`);
  }
  const step = new Step(state, env);
  const by = event.by === 'CUSTOMER' ? 'customer' : 'customer service';
  cancel(step, event.reason, `by ${by}: ${event.reason}`);
  return { ok: true, ...step.finish() };
}

const conflict = (message: string): SagaDecision => ({ ok: false, rejection: { code: 'CONFLICT', message } });
