import { describe, expect, it } from 'vitest';
import { decodeOrderStatusCursor, encodeOrderStatusCursor } from './order-status-cursor.js';

describe('order status cursors', () => {
  const orderId = '0193a0c4-5f6e-7a8b-9c0d-1e2f3a4b5c6d';

  it('round-trip the order and the sequence', () => {
    expect(decodeOrderStatusCursor(encodeOrderStatusCursor({ orderId, sequence: 3 }))).toEqual({ orderId, sequence: 3 });
  });

  it.each(['', 'abc', Buffer.from(`osc1:${orderId}:x`).toString('base64url'), Buffer.from(`osc2:${orderId}:1`).toString('base64url'), Buffer.from('osc1:not-a-uuid:1').toString('base64url')])(
    'reject %j',
    (cursor) => {
      expect(decodeOrderStatusCursor(cursor)).toBeNull();
    },
  );
});
