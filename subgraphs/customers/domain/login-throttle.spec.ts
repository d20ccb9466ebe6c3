import { describe, expect, it } from 'vitest';
import { decideLoginAttempt, type FailedAttempt, type ThrottlePolicy } from './login-throttle.js';

const policy: ThrottlePolicy = { maxFailures: 3, windowMs: 15 * 60_000, maxFailuresPerEmail: 6, retryDelayMs: 30_000 };
const now = new Date('2025-01-01T12:00:00.000Z');
const here = (secondsAgo: number): FailedAttempt => ({ at: new Date(now.getTime() - secondsAgo * 1000), fromThisAddress: true });
const elsewhere = (secondsAgo: number): FailedAttempt => ({ at: new Date(now.getTime() - secondsAgo * 1000), fromThisAddress: false });

describe('decideLoginAttempt', () => {
  it('allows an attempt when nothing failed before', () => {
    expect(decideLoginAttempt([], now, policy)).toEqual({ allowed: true });
  });

  it('allows an address its free failures', () => {
    expect(decideLoginAttempt([here(10), here(20)], now, policy)).toEqual({ allowed: true });
  });

  it('makes an address that used its free failures wait the retry delay after its last failure', () => {
    expect(decideLoginAttempt([here(10), here(60), here(30)], now, policy)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(decideLoginAttempt([here(40), here(60), here(50)], now, policy)).toEqual({ allowed: true });
  });

  it('doubles the delay with every further failure, up to the window', () => {
    // five failures from here, three free: the delay is 30 s · 2² = 120 s after the newest
    expect(decideLoginAttempt([here(500), here(400), here(300), here(200), here(100)], now, policy)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    const many: FailedAttempt[] = Array.from({ length: 5 }, (_, i) => here(5 + i));
    const slow = { ...policy, maxFailures: 1, maxFailuresPerEmail: 100 };
    // 30 s · 2⁴ = 480 s
    expect(decideLoginAttempt(many, now, slow)).toEqual({ allowed: false, retryAfterSeconds: 475 });
    const endless = Array.from({ length: 20 }, (_, i) => here(5 + i));
    expect(decideLoginAttempt(endless, now, { ...slow, maxFailuresPerEmail: 1000 })).toEqual({ allowed: false, retryAfterSeconds: 895 });
  });

  it("does not hold another address's failures against this one", () => {
    expect(decideLoginAttempt([elsewhere(1), elsewhere(2), elsewhere(3), elsewhere(4), here(5)], now, policy)).toEqual({ allowed: true });
  });

  it('refuses every address at the per-e-mail ceiling, until the oldest counting failure leaves the window', () => {
    const spread = [elsewhere(100), elsewhere(200), elsewhere(300), elsewhere(400), elsewhere(500), elsewhere(600), elsewhere(700)];
    // seven failures, ceiling six: allowed again when the sixth-newest (600 s ago) leaves the 900 s window
    expect(decideLoginAttempt(spread, now, policy)).toEqual({ allowed: false, retryAfterSeconds: 300 });
  });

  it('ignores failures older than the window', () => {
    expect(decideLoginAttempt([here(900), here(1000), here(5)], now, policy)).toEqual({ allowed: true });
    expect(decideLoginAttempt(Array.from({ length: 10 }, (_, i) => elsewhere(901 + i)), now, policy)).toEqual({ allowed: true });
  });
});
