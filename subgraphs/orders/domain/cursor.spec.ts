import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('order page cursors', () => {
  it('round-trips a position', () => {
    const position = { placedAt: new Date('2025-03-01T10:00:00.123Z'), id: '0195a000-0000-7000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of something else', Buffer.from('[2,"x","y"]').toString('base64url')],
    ['a bad date', Buffer.from('[1,"yesterday","0195a000-0000-7000-8000-000000000001"]').toString('base64url')],
    ['a bad id', Buffer.from('[1,"2025-03-01T10:00:00.000Z","1; drop table"]').toString('base64url')],
  ])('rejects %s', (_case, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
