import { describe, expect, it } from 'vitest';
import { applyVerification, validateAddressInput, type AddressInput, type PostalAddress } from './address.js';

const good: AddressInput = { nickname: 'Home', line1: '1 Main St', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'us' };

describe('validateAddressInput', () => {
  it('accepts a complete address, upper-casing the country and keeping "keep the default choice" when isDefault is absent', () => {
    const result = validateAddressInput({ ...good, nickname: ' Home ' });
    expect(result).toEqual({
      ok: true,
      value: { nickname: 'Home', postal: { line1: '1 Main St', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' }, isDefault: null },
    });
  });

  it('treats a blank line2 as no line2', () => {
    const result = validateAddressInput({ ...good, line2: '   ' });
    expect(result.ok && result.value.postal.line2).toBe(null);
  });

  it('passes the postal fields on as entered, for the address service to correct', () => {
    const result = validateAddressInput({ ...good, city: '  springfield ', region: 'il' });
    expect(result.ok && result.value.postal).toMatchObject({ city: '  springfield ', region: 'il' });
  });

  it.each([
    ['an empty nickname', { nickname: ' ' }, 'nickname'],
    ['a nickname of 51 characters', { nickname: 'n'.repeat(51) }, 'nickname'],
    ['an empty line1', { line1: '' }, 'line1'],
    ['a line1 of 101 characters', { line1: 'l'.repeat(101) }, 'line1'],
    ['a line2 of 101 characters', { line2: 'l'.repeat(101) }, 'line2'],
    ['an empty city', { city: '  ' }, 'city'],
    ['a city of 51 characters', { city: 'c'.repeat(51) }, 'city'],
    ['an empty region', { region: '' }, 'region'],
    ['a region of 51 characters', { region: 'r'.repeat(51) }, 'region'],
    ['an empty postal code', { postalCode: '' }, 'postalCode'],
    ['a postal code of 21 characters', { postalCode: '1'.repeat(21) }, 'postalCode'],
    ['a one-letter country', { country: 'U' }, 'country'],
    ['a three-letter country', { country: 'USA' }, 'country'],
    ['a country with digits', { country: 'U1' }, 'country'],
  ] as const)('rejects %s, naming the field', (_case, change, field) => {
    const result = validateAddressInput({ ...good, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields)).toEqual([field]);
  });

  it.each([
    ['a nickname of exactly 50 characters', { nickname: 'n'.repeat(50) }],
    ['line1 and line2 of exactly 100 characters', { line1: 'l'.repeat(100), line2: 'm'.repeat(100) }],
    ['city and region of exactly 50 characters', { city: 'c'.repeat(50), region: 'r'.repeat(50) }],
    ['a postal code of exactly 20 characters', { postalCode: '1'.repeat(20) }],
    ['surrounding spaces beyond the limits (they are trimmed)', { city: ` ${'c'.repeat(50)} ` }],
  ] as const)('accepts %s', (_case, change) => {
    expect(validateAddressInput({ ...good, ...change }).ok).toBe(true);
  });

  it('reports every invalid field at once', () => {
    const result = validateAddressInput({ nickname: '', line1: '', city: '', region: '', postalCode: '', country: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields).sort()).toEqual(['city', 'country', 'line1', 'nickname', 'postalCode', 'region']);
  });
});

describe('applyVerification', () => {
  const entered: PostalAddress = { line1: ' 1 Main St ', line2: null, city: 'Springfield ', region: 'IL', postalCode: '62701', country: 'US' };
  const suggestion: PostalAddress = { line1: '1 Main Street', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701-0001', country: 'US' };

  it('stores the suggestion when the service corrected the address', () => {
    expect(applyVerification(entered, { status: 'CORRECTED', suggestion })).toEqual({ postal: suggestion, verification: 'CORRECTED' });
  });

  it.each(['VERIFIED', 'INVALID', 'UNVERIFIED'] as const)('stores the input, trimmed, when the outcome is %s', (status) => {
    expect(applyVerification(entered, { status })).toEqual({
      postal: { line1: '1 Main St', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
      verification: status,
    });
  });
});
