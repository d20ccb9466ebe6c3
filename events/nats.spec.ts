import { describe, expect, it } from 'vitest';
import { checkServerVersion, isAtLeast } from './nats.js';

describe('broker version check', () => {
  it.each([
    ['2.9.10', '2.11.0', false],
    ['2.11.0', '2.11.0', true],
    ['2.10.99', '2.11.0', false],
    ['2.12.1', '2.11.0', true],
    ['3.0.0-beta.1', '2.11.0', true],
    ['v2.11.4', '2.11.0', true],
  ])('%s is at least %s: %s', (version, minimum, expected) => {
    expect(isAtLeast(version, minimum)).toBe(expected);
  });

  it('refuses an old broker in production only', () => {
    expect(() => checkServerVersion('2.9.10', true)).toThrow(/too old for production/);
    expect(() => checkServerVersion('2.9.10', false)).not.toThrow();
    expect(() => checkServerVersion('2.11.1', true)).not.toThrow();
  });
});
