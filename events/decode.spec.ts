import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEnvelope, defineEvent } from './contract.js';
import { decodeEvent } from './decode.js';

const ToyShipped = defineEvent({ context: 'fulfillment', type: 'ToyShipped', version: 1, schema: z.object({ sku: z.string(), qty: z.number().int().default(1) }) });
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('decodeEvent', () => {
  it('returns the envelope with the payload as the schema outputs it', () => {
    const envelope = createEnvelope(ToyShipped, { sku: 'BALL-1', qty: 1 });
    const decoded = decodeEvent(ToyShipped, bytes({ ...envelope, payload: { sku: 'BALL-1' } }));
    expect(decoded).toEqual({ ok: true, envelope: { ...envelope, payload: { sku: 'BALL-1', qty: 1 } } });
  });

  const valid = createEnvelope(ToyShipped, { sku: 'BALL-1', qty: 2 });
  it.each([
    ['bytes that are not JSON', 'nope', /not JSON/],
    ['an envelope without an id', { ...valid, id: undefined }, /invalid envelope: id/],
    ['another event type', { ...valid, type: 'ToyReturned' }, /expected ToyShipped v1, got ToyReturned v1/],
    ['another version', { ...valid, version: 2 }, /expected ToyShipped v1, got ToyShipped v2/],
    ['a payload that breaks the contract', { ...valid, payload: { qty: 'two' } }, /invalid ToyShipped payload: sku/],
  ])('marks %s as poison', (_what, message, reason) => {
    const decoded = decodeEvent(ToyShipped, bytes(message));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(reason);
  });

  it('keeps the claimed id and the raw text of a poison message for the dead letter', () => {
    const decoded = decodeEvent(ToyShipped, bytes({ ...valid, payload: {} }));
    expect(decoded).toMatchObject({ ok: false, messageId: valid.id, envelope: { id: valid.id }, raw: JSON.stringify({ ...valid, payload: {} }) });
  });
});
