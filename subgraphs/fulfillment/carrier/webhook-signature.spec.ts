import { describe, expect, it } from 'vitest';
import { signCarrierWebhook, verifyCarrierWebhook, SIGNATURE_TOLERANCE_MS } from './webhook-signature.js';

const secret = 'a-carrier-webhook-secret';
const body = Buffer.from('{"eventId":"e1","type":"delivered"}');
const now = 1_740_000_000_000;
const seconds = now / 1000;

const check = (over: Partial<Parameters<typeof verifyCarrierWebhook>[0]>) =>
  verifyCarrierWebhook({ secret, timestamp: String(seconds), signature: signCarrierWebhook(secret, seconds, body), rawBody: body, nowMs: now, ...over });

describe('carrier webhook signatures', () => {
  it('accepts HMAC-SHA256 of "<timestamp>.<body>" with the shared secret', () => {
    expect(check({})).toEqual({ ok: true });
    expect(signCarrierWebhook(secret, seconds, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it.each([
    ['no signature', { signature: undefined }, 'UNSIGNED'],
    ['no timestamp', { timestamp: undefined }, 'UNSIGNED'],
    ['a timestamp that is not a number', { timestamp: 'yesterday' }, 'MALFORMED'],
    ['a signature that is not hex', { signature: 'sha256=zz' }, 'MALFORMED'],
    ['another secret', { signature: signCarrierWebhook('another-secret', seconds, body) }, 'BAD_SIGNATURE'],
    ['another body', { rawBody: Buffer.from('{"eventId":"e2"}') }, 'BAD_SIGNATURE'],
    ['a signature over another timestamp', { timestamp: String(seconds - 1) }, 'BAD_SIGNATURE'],
  ] as const)('refuses %s', (_what, over, reason) => {
    expect(check(over)).toEqual({ ok: false, reason });
  });

  it('refuses signatures more than 5 minutes old or ahead', () => {
    expect(SIGNATURE_TOLERANCE_MS).toBe(300_000);
    expect(check({ nowMs: now + 300_000 })).toEqual({ ok: true });
    expect(check({ nowMs: now + 301_000 })).toEqual({ ok: false, reason: 'STALE' });
    expect(check({ nowMs: now - 301_000 })).toEqual({ ok: false, reason: 'STALE' });
  });
});
