import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('shipment page cursors', () => {
  it('round-trips a shipment id', () => {
    const id = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
    expect(decodeCursor(encodeCursor(id))).toBe(id);
  });

  it.each(['', 'garbage!', Buffer.from('[2,"x"]').toString('base64url'), Buffer.from('[1,"not-a-uuid"]').toString('base64url')])('rejects %j', (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
