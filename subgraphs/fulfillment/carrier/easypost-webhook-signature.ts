import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * EasyPost's webhook signature (https://docs.easypost.com/guides/webhooks-guide, "Webhook HMAC
 * validation"): `X-Hmac-Signature: hmac-sha256-hex=<hex HMAC-SHA256 of the raw body>`, keyed with
 * the webhook secret normalised to Unicode NFKD — what the official SDK's `Utils.validateWebhook`
 * computes (our spec checks we agree with it). EasyPost signs no timestamp: replays are stopped by
 * the event ids (each tracking detail is applied once), not by the signature.
 */
export const EASYPOST_SIGNATURE_HEADER = 'x-hmac-signature';

export function signEasyPostWebhook(secret: string, rawBody: Buffer | string): string {
  return `hmac-sha256-hex=${createHmac('sha256', Buffer.from(secret.normalize('NFKD'), 'utf8')).update(rawBody).digest('hex')}`;
}

export function verifyEasyPostWebhook(input: { secret: string; signature: string | undefined; rawBody: Buffer }): boolean {
  if (!input.signature) return false;
  const expected = Buffer.from(signEasyPostWebhook(input.secret, input.rawBody), 'utf8');
  const given = Buffer.from(input.signature.trim(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
