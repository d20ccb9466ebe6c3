import { envelopeSchema, type Envelope, type EventDefinition } from './contract.js';

export type Decoded =
  | { ok: true; envelope: Envelope }
  /** A poison message: retrying cannot fix it, so it goes straight to the dead letters. */
  | { ok: false; reason: string; messageId: string | undefined; envelope: Record<string, unknown> | null; raw: string };

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Turns the bytes a consumer received into a typed envelope, validating the envelope and then
 * the payload against the event's contract. The payload handed on is the schema's output
 * (defaults and transforms applied), so handlers never see unchecked data.
 */
export function decodeEvent(definition: EventDefinition, data: Uint8Array): Decoded {
  const raw = utf8.decode(data);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return poison(`not JSON: ${(err as Error).message}`, null, raw);
  }
  const asObject = isPlainObject(json) ? json : null;
  const claimedId = typeof asObject?.id === 'string' ? asObject.id : undefined;

  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return poison(`invalid envelope: ${summarise(envelope.error.issues)}`, asObject, raw, claimedId);
  if (envelope.data.type !== definition.type || envelope.data.version !== definition.version) {
    return poison(`expected ${definition.type} v${definition.version}, got ${envelope.data.type} v${envelope.data.version}`, asObject, raw, claimedId);
  }
  const payload = definition.schema.safeParse(envelope.data.payload);
  if (!payload.success) return poison(`invalid ${definition.type} payload: ${summarise(payload.error.issues)}`, asObject, raw, claimedId);
  return { ok: true, envelope: { ...envelope.data, payload: payload.data } };
}

function poison(reason: string, envelope: Record<string, unknown> | null, raw: string, messageId?: string): Decoded {
  return { ok: false, reason, messageId, envelope, raw };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function summarise(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
