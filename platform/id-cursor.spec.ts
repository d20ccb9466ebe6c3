import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './id-cursor.js';

describe('id page cursors', () => {
  it('round-trips an id', () => {
    const id = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
    expect(decodeCursor(encodeCursor(id))).toBe(id);
  });

  it.each(['', 'garbage!', Buffer.from('[2,"x"]').toString('base64url'), Buffer.from('[1,"not-a-uuid"]').toString('base64url')])('rejects %j', (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
