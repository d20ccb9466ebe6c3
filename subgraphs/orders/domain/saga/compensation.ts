import { formatMoney } from '../money.js';
import type { Step } from './step.js';

/**
 * The compensation pairs (reserve/release, authorize/void, capture/refund), applied from what
 * the saga knows: each undoes what happened or may still happen, once. Used when an order is
 * cancelled or put on hold, and again for answers that arrive after that.
 */
export function compensate(step: Step, reason: string): void {
  releaseReservation(step, reason);
  undoPayment(step, reason);
}

/** Inventory releases per order: one request covers whatever it holds now or reserves later. */
export function releaseReservation(step: Step, reason: string): void {
  const inventory = step.state.inventory;
  switch (inventory.reservation) {
    case 'REQUESTED':
      // inventory remembers a release that overtakes the request; asked again if a reservation shows up
      if (inventory.release !== 'NONE') return;
      inventory.release = 'REQUESTED_BEFORE_RESERVED';
      break;
    case 'RESERVED':
    case 'COMMITTED':
      if (inventory.release === 'REQUESTED') return;
      inventory.release = 'REQUESTED';
      break;
    default:
      return; // FAILED, RELEASED, EXPIRED: nothing is held
  }
  step.request({ type: 'RequestRelease', reason });
  step.timeline('RESERVATION_RELEASE_REQUESTED', reason);
}

/** Void what is (or may yet be) authorized; refund what was captured. */
export function undoPayment(step: Step, reason: string): void {
  const payment = step.state.payment;
  if (payment.capture === 'CAPTURED') return refundOutstanding(step, reason);
  if (payment.authorization === 'FAILED') return; // nothing held
  if (payment.authorization === 'REQUESTED') {
    if (payment.void !== 'NONE') return;
    payment.void = 'REQUESTED_BEFORE_AUTHORIZED';
  } else {
    // authorized (a capture may be in flight: if it lands, it is refunded then)
    if (payment.void === 'REQUESTED' || payment.void === 'VOIDED') return;
    payment.void = 'REQUESTED';
  }
  step.request({ type: 'RequestVoid', reason });
  step.timeline('PAYMENT_VOID_REQUESTED', reason);
}

/**
 * Refunds whatever of the capture no refund covers yet (refunds are automatic, PO). A failed
 * refund still counts as covering its amount: it was escalated to staff, who settle it.
 */
export function refundOutstanding(step: Step, reason: string): void {
  const payment = step.state.payment;
  const covered = payment.refunds.reduce((sum, r) => sum + r.amountCents, 0);
  const outstanding = payment.capturedCents - covered;
  if (outstanding <= 0) return;
  const refundId = step.env.newId();
  const amount = { cents: outstanding, currency: step.state.total.currency };
  payment.refunds.push({ refundId, amountCents: outstanding, reason, status: 'REQUESTED' });
  step.request({ type: 'RequestRefund', refundId, amount, reason });
  step.timeline('REFUND_REQUESTED', `${formatMoney(amount)} (${reason})`);
}
