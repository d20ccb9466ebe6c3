import { describe, expect, it } from 'vitest';
import { messageIdFor } from './message-id.js';

describe('Message-ID', () => {
  const id = '01938a4e-7c1d-7b3e-9f00-123456789abc';

  it('is the same for every attempt of one e-mail, in the sender’s domain', () => {
    expect(messageIdFor(id, 'CritterSupply <orders@crittersupply.com>')).toBe(`<notification.${id}@crittersupply.com>`);
    expect(messageIdFor(id, 'orders@crittersupply.com')).toBe(messageIdFor(id, 'CritterSupply <orders@crittersupply.com>'));
  });
});
