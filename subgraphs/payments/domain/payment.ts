import { sameCurrency, type Money } from './money.js';

/**
 * A payment's life (SPEC §7), one per order:
 *
 *   PENDING ──authorize──▶ AUTHORIZED ──capture (≤ authorized)──▶ CAPTURED ──refund──▶ PARTIALLY_REFUNDED ──▶ REFUNDED
 *      │                      │                                      └──────────refund (all of it)──────────────▲
 *      └──declined / retries spent──▶ FAILED          └──void (never captured)──▶ VOIDED
 *
 * PENDING only lives inside the authorizing transaction. A void that overtakes the authorization
 * request leaves a VOIDED payment that holds nothing, so the late request charges nothing.
 * Refunds never exceed what was captured; captures never exceed what was authorized.
 */
export type PaymentStatus = 'PENDING' | 'AUTHORIZED' | 'CAPTURED' | 'FAILED' | 'VOIDED' | 'PARTIALLY_REFUNDED' | 'REFUNDED';

/** An authorization holds the amount for 7 days (SPEC §7); card networks release it after that. */
export const AUTHORIZATION_VALIDITY_MS = 7 * 24 * 3600_000;

export const authorizationExpiry = (authorizedAt: Date): Date => new Date(authorizedAt.getTime() + AUTHORIZATION_VALIDITY_MS);

/** Failure reasons the saga and staff read (PaymentCaptureFailed, RefundFailed, Payment.failureReason). */
export const REASONS = {
  authorizationExpired: 'authorization expired',
  captureExceedsAuthorization: 'capture exceeds the authorized amount',
  refundExceedsCapture: 'refund exceeds the captured amount',
  currencyMismatch: 'currency differs from the payment',
  notAuthorized: 'payment is not authorized',
  authorizationFailed: 'authorization failed',
  authorizationVoided: 'authorization voided',
  nothingCaptured: 'nothing was captured',
} as const;

// ---------------------------------------------------------------- the transition table

const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  PENDING: ['AUTHORIZED', 'FAILED', 'VOIDED'],
  AUTHORIZED: ['CAPTURED', 'VOIDED'],
  CAPTURED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  REFUNDED: [],
  FAILED: [],
  VOIDED: [],
};

export const canMove = (from: PaymentStatus, to: PaymentStatus): boolean => NEXT[from].includes(to);

/** Use cases move only along the table; anything else is a bug, not an outcome. */
export function move(from: PaymentStatus, to: PaymentStatus): PaymentStatus {
  if (!canMove(from, to)) throw new Error(`payment cannot move from ${from} to ${to}`);
  return to;
}

/** What the decisions need to know of a payment. */
export interface PaymentFacts {
  status: PaymentStatus;
  /** The authorized (requested) amount. */
  amount: Money;
  capturedCents: number;
  refundedCents: number;
  authorizationExpiresAt: Date | null;
}

const wasCaptured = (status: PaymentStatus): boolean => status === 'CAPTURED' || status === 'PARTIALLY_REFUNDED' || status === 'REFUNDED';

// ---------------------------------------------------------------- authorize

/**
 * The first request for an order authorizes; any later one (a new message for the same order: a
 * replay, the saga asking twice) calls no gateway and re-announces where the payment stands.
 */
export type AuthorizationDecision = { kind: 'authorize' } | { kind: 'repeat'; announce: 'AUTHORIZED' | 'FAILED' | 'VOIDED' };

export function decideAuthorization(existing: Pick<PaymentFacts, 'status'> | undefined): AuthorizationDecision {
  if (!existing) return { kind: 'authorize' };
  switch (existing.status) {
    case 'PENDING':
      // never committed: the authorizing transaction holds the order's lock until it is decided
      throw new Error('a PENDING payment outside its authorizing transaction');
    case 'FAILED':
      return { kind: 'repeat', announce: 'FAILED' };
    case 'VOIDED':
      return { kind: 'repeat', announce: 'VOIDED' };
    default:
      // authorized, captured or refunded: it was authorized, and that is the answer to this request
      return { kind: 'repeat', announce: 'AUTHORIZED' };
  }
}

// ---------------------------------------------------------------- capture

export type CaptureDecision = { kind: 'capture'; amount: Money } | { kind: 'repeat' } | { kind: 'reject'; reason: string };

/** Capture at most the authorized amount, in its currency, before the authorization lapses. */
export function decideCapture(payment: PaymentFacts, requested: Money, now: Date): CaptureDecision {
  if (wasCaptured(payment.status)) return { kind: 'repeat' };
  if (payment.status === 'FAILED') return { kind: 'reject', reason: REASONS.authorizationFailed };
  if (payment.status === 'VOIDED') return { kind: 'reject', reason: REASONS.authorizationVoided };
  if (payment.status !== 'AUTHORIZED') return { kind: 'reject', reason: REASONS.notAuthorized };
  if (isExpired(payment, now)) return { kind: 'reject', reason: REASONS.authorizationExpired };
  if (!sameCurrency(requested, payment.amount)) return { kind: 'reject', reason: REASONS.currencyMismatch };
  if (requested.cents > payment.amount.cents) return { kind: 'reject', reason: REASONS.captureExceedsAuthorization };
  return { kind: 'capture', amount: { cents: requested.cents, currency: payment.amount.currency } };
}

export const isExpired = (payment: Pick<PaymentFacts, 'authorizationExpiresAt'>, now: Date): boolean =>
  payment.authorizationExpiresAt !== null && now.getTime() >= payment.authorizationExpiresAt.getTime();

// ---------------------------------------------------------------- void

/**
 * - `void`: release the hold at the provider;
 * - `lapse`: the hold already expired at the provider: record VOIDED without calling it;
 * - `mark`: no payment yet (the void overtook the authorization request): leave a VOIDED marker;
 * - `repeat`: nothing to release; re-announce where the payment stands. A captured payment answers
 *   PaymentCaptured, so a saga that asked for a void learns it must refund instead; a failed one
 *   answers PaymentVoided with nothing held.
 */
export type VoidDecision =
  | { kind: 'void' }
  | { kind: 'lapse' }
  | { kind: 'mark' }
  | { kind: 'repeat'; announce: 'VOIDED' | 'NOTHING_HELD' | 'CAPTURED' };

export function decideVoid(payment: PaymentFacts | undefined, now: Date): VoidDecision {
  if (!payment) return { kind: 'mark' };
  if (wasCaptured(payment.status)) return { kind: 'repeat', announce: 'CAPTURED' };
  switch (payment.status) {
    case 'AUTHORIZED':
      return isExpired(payment, now) ? { kind: 'lapse' } : { kind: 'void' };
    case 'VOIDED':
      return { kind: 'repeat', announce: 'VOIDED' };
    case 'FAILED':
      return { kind: 'repeat', announce: 'NOTHING_HELD' };
    default:
      throw new Error(`a ${payment.status} payment outside its authorizing transaction`);
  }
}

// ---------------------------------------------------------------- refund

export type RefundDecision = { kind: 'refund'; amount: Money } | { kind: 'reject'; reason: string };

/** Partial or full, as long as everything refunded stays within what was captured. */
export function decideRefund(payment: PaymentFacts, requested: Money): RefundDecision {
  if (!wasCaptured(payment.status)) return { kind: 'reject', reason: REASONS.nothingCaptured };
  if (!sameCurrency(requested, payment.amount)) return { kind: 'reject', reason: REASONS.currencyMismatch };
  const left = payment.capturedCents - payment.refundedCents;
  if (requested.cents > left) return { kind: 'reject', reason: `${REASONS.refundExceedsCapture} (${left} cents left to refund)` };
  return { kind: 'refund', amount: { cents: requested.cents, currency: payment.amount.currency } };
}

/** A completed refund: the new total, and REFUNDED once everything captured went back. */
export function afterRefund(payment: PaymentFacts, refundedCents: number): { status: PaymentStatus; refundedCents: number } {
  const total = payment.refundedCents + refundedCents;
  if (total > payment.capturedCents) throw new Error('refunds exceed the capture');
  return { status: move(payment.status, total === payment.capturedCents ? 'REFUNDED' : 'PARTIALLY_REFUNDED'), refundedCents: total };
}
