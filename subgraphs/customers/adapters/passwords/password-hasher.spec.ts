import { describe, expect, it } from 'vitest';
import { createScryptPasswordHasher, TEST_SCRYPT } from './password-hasher.js';

const hasher = createScryptPasswordHasher(TEST_SCRYPT);

describe('the scrypt password hasher', () => {
  it('stores a self-describing salted hash, never the password', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('correct horse');
  });

  it('salts every hash: the same password hashes differently twice', async () => {
    expect(await hasher.hash('correct horse battery')).not.toBe(await hasher.hash('correct horse battery'));
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(await hasher.verify('correct horse battery!', stored)).toBe(false);
  });

  it('verifies hashes made with other parameters, and asks for a re-hash of weaker ones', async () => {
    const weak = createScryptPasswordHasher({ N: 2 ** 8, r: 8, p: 1 });
    const stored = await weak.hash('correct horse battery');
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(hasher.needsRehash(stored)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('correct horse battery'))).toBe(false);
  });

  it.each(['', 'plain-text', 'scrypt$1024$8$1$c2FsdA', 'scrypt$99999999$8$1$c2FsdA$aGFzaA', 'bcrypt$2b$10$abc$def$ghi'])(
    'rejects a malformed stored hash %j without throwing',
    async (stored) => {
      expect(await hasher.verify('anything at all', stored)).toBe(false);
    },
  );

  it('spends the work of a real verification on an unknown account', async () => {
    expect(await hasher.verifyNothing('whatever password')).toBe(false);
  });
});
