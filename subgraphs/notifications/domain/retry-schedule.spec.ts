import { describe, expect, it } from 'vitest';
import { afterAttempt, isPermanentSmtpReply, maxAttempts } from './retry-schedule.js';

const SPEC_DELAYS = [5 * 60_000, 30 * 60_000];
const now = new Date('2026-12-02T12:00:00.000Z');
const refused = (permanent: boolean) => ({ kind: 'refused' as const, permanent, error: permanent ? '550 no such user' : 'ECONNREFUSED' });

describe('the retry schedule (SPEC §10)', () => {
  it('gives an e-mail 3 attempts', () => {
    expect(maxAttempts(SPEC_DELAYS)).toBe(3);
  });

  it('tries again 5 minutes after the first failure and 30 minutes after the second', () => {
    expect(afterAttempt(1, refused(false), SPEC_DELAYS, now)).toEqual({ status: 'QUEUED', nextAttemptAt: new Date('2026-12-02T12:05:00.000Z'), error: 'ECONNREFUSED' });
    expect(afterAttempt(2, refused(false), SPEC_DELAYS, now)).toEqual({ status: 'QUEUED', nextAttemptAt: new Date('2026-12-02T12:30:00.000Z'), error: 'ECONNREFUSED' });
  });

  it('fails after the third attempt', () => {
    expect(afterAttempt(3, refused(false), SPEC_DELAYS, now)).toEqual({ status: 'FAILED', error: 'ECONNREFUSED', permanent: false });
  });

  it('fails a permanent refusal at once', () => {
    expect(afterAttempt(1, refused(true), SPEC_DELAYS, now)).toEqual({ status: 'FAILED', error: '550 no such user', permanent: true });
  });

  it('is done once the server accepted', () => {
    expect(afterAttempt(2, { kind: 'accepted' }, SPEC_DELAYS, now)).toEqual({ status: 'SENT' });
  });

  it.each([
    [550, true],
    [553, true],
    [421, false],
    [451, false],
    [undefined, false],
  ])('treats SMTP reply %s as permanent: %s', (code, permanent) => {
    expect(isPermanentSmtpReply(code)).toBe(permanent);
  });
});
