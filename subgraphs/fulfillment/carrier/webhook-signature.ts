import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Carrier webhook signatures: `X-Carrier-Signature: sha256=<hex>` where the hex is
 * HMAC-SHA256(secret, `<timestamp>.<raw body>`) and `X-Carrier-Timestamp` is the signing time in
 * Unix seconds. Signing the timestamp with the body means a captured request cannot be replayed
 * later with a fresh timestamp; the tolerance bounds how long a captured one stays usable.
 */
export const SIGNATURE_HEADER = 'x-carrier-signature';
export const TIMESTAMP_HEADER = 'x-carrier-timestamp';
/** A signature older (or newer) than this is refused as stale. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'UNSIGNED' | 'MALFORMED' | 'STALE' | 'BAD_SIGNATURE' };

export function signCarrierWebhook(secret: string, timestampSeconds: number, rawBody: Buffer | string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest('hex');
  return `sha256=${mac}`;
}

export function verifyCarrierWebhook(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  nowMs: number;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'UNSIGNED' };
  if (!/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-f]{64}$/i.test(signature)) return { ok: false, reason: 'MALFORMED' };
  const seconds = Number(timestamp);
  if (Math.abs(input.nowMs - seconds * 1000) > SIGNATURE_TOLERANCE_MS) return { ok: false, reason: 'STALE' };
  const expected = Buffer.from(signCarrierWebhook(input.secret, seconds, input.rawBody).slice('sha256='.length), 'hex');
  const given = Buffer.from(signature.slice('sha256='.length), 'hex');
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'BAD_SIGNATURE' };
}
