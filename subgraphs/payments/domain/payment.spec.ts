import { describe, expect, it } from 'vitest';
import {
  AUTHORIZATION_VALIDITY_MS,
  REASONS,
  afterRefund,
  authorizationExpiry,
  canMove,
  decideAuthorization,
  decideCapture,
  decideRefund,
  decideVoid,
  move,
  type PaymentFacts,
  type PaymentStatus,
} from './payment.js';
import { paymentIdFor } from './payment-id.js';

const NOW = new Date('2025-03-01T12:00:00.000Z');
const usd = (cents: number) => ({ cents, currency: 'USD' });

const payment = (overrides: Partial<PaymentFacts> = {}): PaymentFacts => ({
  status: 'AUTHORIZED',
  amount: usd(5_000),
  capturedCents: 0,
  refundedCents: 0,
  authorizationExpiresAt: authorizationExpiry(NOW),
  ...overrides,
});
const captured = (capturedCents = 5_000, refundedCents = 0, status: PaymentStatus = 'CAPTURED') => payment({ status, capturedCents, refundedCents });

describe('the payment state machine', () => {
  it.each<[PaymentStatus, PaymentStatus]>([
    ['PENDING', 'AUTHORIZED'],
    ['PENDING', 'FAILED'],
    ['PENDING', 'VOIDED'],
    ['AUTHORIZED', 'CAPTURED'],
    ['AUTHORIZED', 'VOIDED'],
    ['CAPTURED', 'PARTIALLY_REFUNDED'],
    ['CAPTURED', 'REFUNDED'],
    ['PARTIALLY_REFUNDED', 'PARTIALLY_REFUNDED'],
    ['PARTIALLY_REFUNDED', 'REFUNDED'],
  ])('moves from %s to %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
    expect(move(from, to)).toBe(to);
  });

  it.each<[PaymentStatus, PaymentStatus]>([
    ['AUTHORIZED', 'REFUNDED'],
    ['CAPTURED', 'VOIDED'],
    ['FAILED', 'AUTHORIZED'],
    ['VOIDED', 'CAPTURED'],
    ['REFUNDED', 'PARTIALLY_REFUNDED'],
    ['PENDING', 'CAPTURED'],
  ])('refuses to move from %s to %s', (from, to) => {
    expect(canMove(from, to)).toBe(false);
    expect(() => move(from, to)).toThrow(/cannot move/);
  });

  it('holds an authorization for 7 days', () => {
    expect(authorizationExpiry(NOW).getTime() - NOW.getTime()).toBe(AUTHORIZATION_VALIDITY_MS);
    expect(AUTHORIZATION_VALIDITY_MS).toBe(7 * 24 * 3600 * 1000);
  });
});

describe('authorizing', () => {
  it('authorizes the first request for an order', () => {
    expect(decideAuthorization(undefined)).toEqual({ kind: 'authorize' });
  });

  it.each<[PaymentStatus, string]>([
    ['AUTHORIZED', 'AUTHORIZED'],
    ['CAPTURED', 'AUTHORIZED'],
    ['PARTIALLY_REFUNDED', 'AUTHORIZED'],
    ['REFUNDED', 'AUTHORIZED'],
    ['FAILED', 'FAILED'],
    ['VOIDED', 'VOIDED'],
  ])('never charges twice: a repeated request for a %s payment re-announces %s', (status, announce) => {
    expect(decideAuthorization({ status })).toEqual({ kind: 'repeat', announce });
  });
});

describe('capturing', () => {
  it('captures up to the authorized amount', () => {
    expect(decideCapture(payment(), usd(5_000), NOW)).toEqual({ kind: 'capture', amount: usd(5_000) });
    expect(decideCapture(payment(), usd(4_000), NOW)).toEqual({ kind: 'capture', amount: usd(4_000) });
  });

  it('refuses more than the authorized amount', () => {
    expect(decideCapture(payment(), usd(5_001), NOW)).toEqual({ kind: 'reject', reason: REASONS.captureExceedsAuthorization });
  });

  it('fails with "authorization expired" once the 7 days are over', () => {
    const later = new Date(NOW.getTime() + AUTHORIZATION_VALIDITY_MS);
    expect(decideCapture(payment(), usd(5_000), later)).toEqual({ kind: 'reject', reason: 'authorization expired' });
    expect(decideCapture(payment(), usd(5_000), new Date(later.getTime() - 1)).kind).toBe('capture');
  });

  it('refuses another currency', () => {
    expect(decideCapture(payment(), { cents: 100, currency: 'EUR' }, NOW)).toEqual({ kind: 'reject', reason: REASONS.currencyMismatch });
  });

  it.each<[PaymentStatus, string]>([
    ['FAILED', REASONS.authorizationFailed],
    ['VOIDED', REASONS.authorizationVoided],
  ])('refuses to capture a %s payment', (status, reason) => {
    expect(decideCapture(payment({ status }), usd(100), NOW)).toEqual({ kind: 'reject', reason });
  });

  it.each<PaymentStatus>(['CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED'])('re-announces a capture already made (%s)', (status) => {
    expect(decideCapture(captured(5_000, 0, status), usd(5_000), NOW)).toEqual({ kind: 'repeat' });
  });
});

describe('voiding', () => {
  it('releases an uncaptured authorization at the provider', () => {
    expect(decideVoid(payment(), NOW)).toEqual({ kind: 'void' });
  });

  it('records a lapsed hold as voided without calling the provider', () => {
    expect(decideVoid(payment({ authorizationExpiresAt: NOW }), NOW)).toEqual({ kind: 'lapse' });
  });

  it('leaves a marker when the void overtakes the authorization request', () => {
    expect(decideVoid(undefined, NOW)).toEqual({ kind: 'mark' });
  });

  it('answers a captured payment with its capture (it needs a refund, not a void)', () => {
    expect(decideVoid(captured(), NOW)).toEqual({ kind: 'repeat', announce: 'CAPTURED' });
  });

  it('has nothing to release for a voided or failed payment', () => {
    expect(decideVoid(payment({ status: 'VOIDED' }), NOW)).toEqual({ kind: 'repeat', announce: 'VOIDED' });
    expect(decideVoid(payment({ status: 'FAILED' }), NOW)).toEqual({ kind: 'repeat', announce: 'NOTHING_HELD' });
  });
});

describe('refunding', () => {
  it('refunds part of a capture, then the rest', () => {
    const first = captured(5_000);
    expect(decideRefund(first, usd(2_000))).toEqual({ kind: 'refund', amount: usd(2_000) });
    expect(afterRefund(first, 2_000)).toEqual({ status: 'PARTIALLY_REFUNDED', refundedCents: 2_000 });

    const second = captured(5_000, 2_000, 'PARTIALLY_REFUNDED');
    expect(decideRefund(second, usd(3_000))).toEqual({ kind: 'refund', amount: usd(3_000) });
    expect(afterRefund(second, 3_000)).toEqual({ status: 'REFUNDED', refundedCents: 5_000 });
  });

  it('refunds a whole capture at once', () => {
    expect(afterRefund(captured(4_000), 4_000)).toEqual({ status: 'REFUNDED', refundedCents: 4_000 });
  });

  it('never refunds more than what is left of the capture', () => {
    const decision = decideRefund(captured(5_000, 2_000, 'PARTIALLY_REFUNDED'), usd(3_001));
    expect(decision.kind).toBe('reject');
    expect(decision.kind === 'reject' && decision.reason).toMatch(/^refund exceeds the captured amount \(3000 cents left/);
    expect(decideRefund(captured(5_000, 5_000, 'REFUNDED'), usd(1)).kind).toBe('reject');
    expect(() => afterRefund(captured(5_000, 4_000, 'PARTIALLY_REFUNDED'), 1_001)).toThrow(/exceed/);
  });

  it('refunds only what was captured, not a mere authorization', () => {
    expect(decideRefund(payment(), usd(100))).toEqual({ kind: 'reject', reason: REASONS.nothingCaptured });
    expect(decideRefund(payment({ status: 'VOIDED' }), usd(100))).toEqual({ kind: 'reject', reason: REASONS.nothingCaptured });
  });

  it('refuses another currency', () => {
    expect(decideRefund(captured(), { cents: 100, currency: 'CAD' })).toEqual({ kind: 'reject', reason: REASONS.currencyMismatch });
  });
});

describe('payment ids', () => {
  it('derives one stable id per order, so idempotency keys survive a rolled-back authorization', () => {
    const orderId = '0193a1c2-0000-7000-8000-0000000000aa';
    expect(paymentIdFor(orderId)).toBe(paymentIdFor(orderId.toUpperCase()));
    expect(paymentIdFor(orderId)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(paymentIdFor('0193a1c2-0000-7000-8000-0000000000ab')).not.toBe(paymentIdFor(orderId));
  });
});
