import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('the password policy', () => {
  it.each([
    ['shorter than 10 characters', '123456789', /at least 10/],
    ['one character repeated', 'aaaaaaaaaa', /different characters/],
    ['two characters alternating', '1212121212', /different characters/],
    ['a common password', '1234567890', /common/],
    ['a common password in other case', 'QwertyUiop', /common/],
    ['the e-mail itself', 'Pat.Doe@Example.com', /e-mail/],
    ['the e-mail without its domain', 'pat.doe.pawson', /e-mail/],
  ])('refuses a password %s', (_case, password, message) => {
    const email = _case.includes('domain') ? 'pat.doe.pawson@example.com' : 'pat.doe@example.com';
    expect(passwordProblem(password, email)).toMatch(message);
  });

  it.each([['correct horse battery'], ['critter-demo-pass'], ['🐶🐱🐰🐹🐭🐟🐦🦎🐢🐍']])('accepts %s', (password) => {
    expect(passwordProblem(password, 'pat@example.com')).toBeUndefined();
  });
});
