import { describe, expect, it } from 'vitest';
import { emailKey, validateRegistration, type RegistrationInput } from './registration.js';

const good: RegistrationInput = { email: 'pat@example.com', password: 'correct horse', firstName: 'Pat', lastName: 'Doe' };

describe('validateRegistration', () => {
  it('accepts a complete registration, trimming e-mail and names and keying the e-mail in lower case', () => {
    const result = validateRegistration({ email: '  Pat.Doe@Example.COM ', password: ' spaces count ', firstName: ' Pat ', lastName: ' Doe ' });
    expect(result).toEqual({
      ok: true,
      value: { email: 'Pat.Doe@Example.COM', emailKey: 'pat.doe@example.com', password: ' spaces count ', firstName: 'Pat', lastName: 'Doe' },
    });
  });

  it.each([
    ['an empty e-mail', { email: '  ' }, 'email'],
    ['an e-mail without @', { email: 'pat.example.com' }, 'email'],
    ['an e-mail without a domain dot', { email: 'pat@example' }, 'email'],
    ['an e-mail with spaces inside', { email: 'pat doe@example.com' }, 'email'],
    ['an e-mail of 257 characters', { email: `${'a'.repeat(245)}@example.com` }, 'email'],
    ['a password of 9 characters', { password: '123456789' }, 'password'],
    ['a password over 1024 characters', { password: 'x'.repeat(1025) }, 'password'],
    ['a common password', { password: '1234567890' }, 'password'],
    ['the e-mail as password', { password: 'pat@example.com' }, 'password'],
    ['an empty first name', { firstName: '' }, 'firstName'],
    ['a blank last name', { lastName: '   ' }, 'lastName'],
    ['a first name of 101 characters', { firstName: 'a'.repeat(101) }, 'firstName'],
    ['a last name of 101 characters', { lastName: 'b'.repeat(101) }, 'lastName'],
  ] as const)('rejects %s, naming the field', (_case, change, field) => {
    const result = validateRegistration({ ...good, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields)).toEqual([field]);
  });

  it.each([
    ['an e-mail of exactly 256 characters', { email: `${'a'.repeat(244)}@example.com` }],
    ['a password of exactly 10 characters', { password: 'kibble4cat' }],
    ['names of exactly 100 characters', { firstName: 'a'.repeat(100), lastName: 'b'.repeat(100) }],
    ['names of one character', { firstName: 'A', lastName: 'B' }],
    ['names counted in characters, not UTF-16 units', { firstName: '🐶'.repeat(100) }],
  ] as const)('accepts %s', (_case, change) => {
    expect(validateRegistration({ ...good, ...change }).ok).toBe(true);
  });

  it('reports every invalid field at once', () => {
    const result = validateRegistration({ email: 'nope', password: 'short', firstName: '', lastName: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields).sort()).toEqual(['email', 'firstName', 'lastName', 'password']);
  });
});

describe('emailKey', () => {
  it('compares e-mails case-insensitively and ignores surrounding spaces', () => {
    expect(emailKey(' Alice@Critter.TEST ')).toBe(emailKey('alice@critter.test'));
  });
});
