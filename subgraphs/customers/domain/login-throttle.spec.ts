import { describe, expect, it } from 'vitest';
import { decideLoginAttempt, type ThrottlePolicy } from './login-throttle.js';

const policy: ThrottlePolicy = { maxFailures: 3, windowMs: 15 * 60_000 };
const now = new Date('2025-01-01T12:00:00.000Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('decideLoginAttempt', () => {
  it('allows an attempt when nothing failed before', () => {
    expect(decideLoginAttempt([], now, policy)).toEqual({ allowed: true });
  });

  it('allows attempts while fewer failures than the limit lie in the window', () => {
    expect(decideLoginAttempt([ago(10), ago(20)], now, policy)).toEqual({ allowed: true });
  });

  it('refuses once the limit is reached, until the oldest counting failure leaves the window', () => {
    // failures 60 s, 30 s and 10 s ago: the one 60 s ago leaves the 900 s window in 840 s
    expect(decideLoginAttempt([ago(10), ago(60), ago(30)], now, policy)).toEqual({ allowed: false, retryAfterSeconds: 840 });
  });

  it('counts only as many failures as needed to fall below the limit when more were recorded', () => {
    // five failures, limit three: allowed again when the third-newest (300 s ago) leaves
    const failures = [ago(500), ago(400), ago(300), ago(200), ago(100)];
    expect(decideLoginAttempt(failures, now, policy)).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });

  it('ignores failures older than the window', () => {
    expect(decideLoginAttempt([ago(900), ago(1000), ago(5)], now, policy)).toEqual({ allowed: true });
  });

  it('never asks to retry in less than a second', () => {
    const decision = decideLoginAttempt([ago(899.9), ago(1), ago(2)], now, policy);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
