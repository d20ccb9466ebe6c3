import EasyPostModule from '@easypost/api';
import { describe, expect, it } from 'vitest';
import { signEasyPostWebhook, verifyEasyPostWebhook } from './easypost-webhook-signature.js';

type EasyPostClientClass = typeof EasyPostModule.default;
const EasyPostClient = ((EasyPostModule as unknown as { default?: EasyPostClientClass }).default ?? EasyPostModule) as EasyPostClientClass;

// a secret whose NFKD form differs from what was typed (the ﬁ ligature and a full-width digit)
const secret = 'ﬁsh-and-chips-secret-１';
const body = Buffer.from(JSON.stringify({ id: 'evt_1', object: 'Event', description: 'tracker.updated', result: { object: 'Tracker', weight: 17.5 } }));

describe("EasyPost's webhook signature", () => {
  it("agrees with the official SDK's Utils.validateWebhook (NFKD-normalised secret, hex HMAC of the raw body)", () => {
    const signature = signEasyPostWebhook(secret, body);
    expect(signature).toMatch(/^hmac-sha256-hex=[0-9a-f]{64}$/);
    const sdk = new EasyPostClient('EZTK_unused');
    expect(sdk.Utils.validateWebhook(body, { 'X-Hmac-Signature': signature }, secret)).toMatchObject({ id: 'evt_1' });
  });

  it('accepts the right signature and refuses a missing, wrong or foreign one', () => {
    const signature = signEasyPostWebhook(secret, body);
    expect(verifyEasyPostWebhook({ secret, signature, rawBody: body })).toBe(true);
    expect(verifyEasyPostWebhook({ secret, signature: undefined, rawBody: body })).toBe(false);
    expect(verifyEasyPostWebhook({ secret, signature: signature.replace(/.$/, (c) => (c === '0' ? '1' : '0')), rawBody: body })).toBe(false);
    expect(verifyEasyPostWebhook({ secret: 'another-secret-of-length', signature, rawBody: body })).toBe(false);
    expect(verifyEasyPostWebhook({ secret, signature, rawBody: Buffer.concat([body, Buffer.from(' ')]) })).toBe(false);
  });
});
