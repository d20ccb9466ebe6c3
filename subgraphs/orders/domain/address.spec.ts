import { describe, expect, it } from 'vitest';
import { checkAddressInput, verifiedShippingAddress } from './address.js';

const input = { nickname: 'Home', line1: '1 Main St', line2: '', city: 'Newark', region: 'NJ', postalCode: '07102', country: 'us' };

describe('an inline checkout address', () => {
  it('is checked like the address book checks it: lengths and a two-letter country', () => {
    expect(checkAddressInput(input)).toEqual({ ok: true, nickname: 'Home', postal: { line1: '1 Main St', line2: null, city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' } });
    expect(checkAddressInput({ ...input, line1: ' ', country: 'USA', postalCode: '1'.repeat(21) })).toEqual({
      ok: false,
      fields: { line1: 'must not be empty', postalCode: 'must be at most 20 characters', country: 'must be exactly 2 letters (ISO 3166-1 alpha-2)' },
    });
  });

  it("takes the verification service's correction and says so", () => {
    const postal = { line1: ' 1 Main St ', line2: null, city: 'newark', region: 'nj', postalCode: '07102', country: 'US' };
    const { address, warnings } = verifiedShippingAddress('Home', postal, { status: 'CORRECTED', suggestion: { ...postal, city: 'Newark', region: 'NJ' } });
    expect(address).toEqual({ nickname: 'Home', line1: '1 Main St', line2: null, city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' });
    expect(warnings).toEqual([expect.stringMatching(/^CORRECTED/)]);
  });

  it.each(['UNVERIFIED', 'INVALID'] as const)('keeps an %s address as entered, with a warning (never blocks)', (status) => {
    const postal = { line1: '1 Main St', line2: null, city: 'Newark', region: 'NJ', postalCode: '00000', country: 'US' };
    const { address, warnings } = verifiedShippingAddress('', postal, { status });
    expect(address).toMatchObject({ ...postal, nickname: null });
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^${status}`))]);
  });
});
