import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type PagePosition } from './cursor.js';

describe('page cursors', () => {
  it.each<PagePosition>([
    { order: 'name', name: 'Stainless Steel Dog Bowl', sku: 'DOG-BOWL-001' },
    { order: 'name', name: 'Ünïcødé "quoted" & <odd>', sku: 'X-1' },
    { order: 'rank', rank: 0.0607927, sku: 'CAT-TREE-5FT' },
    { order: 'rank', rank: 1e-20, sku: 'ABC' },
  ])('round-trips %j', (position) => {
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it.each([
    ['not base64', '!!!'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['the wrong version', Buffer.from(JSON.stringify([2, 'n', 'a', 'b'])).toString('base64url')],
    ['an unknown order', Buffer.from(JSON.stringify([1, 'x', 'a', 'b'])).toString('base64url')],
    ['a rank that is not a number', Buffer.from(JSON.stringify([1, 'r', 'high', 'b'])).toString('base64url')],
    ['a missing sku', Buffer.from(JSON.stringify([1, 'n', 'a'])).toString('base64url')],
    ['an object', Buffer.from(JSON.stringify({ name: 'a' })).toString('base64url')],
    ['an empty string', ''],
  ])('rejects %s', (_case, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
