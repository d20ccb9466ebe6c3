import { describe, expect, it } from 'vitest';
import type { PostalAddress } from './address-verifier.js';
import { createStubAddressVerifier } from './stub-address-verifier.js';

const clean: PostalAddress = { line1: '1 Main St', line2: 'Apt 2', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' };
const stub = createStubAddressVerifier();
const verify = (change: Partial<PostalAddress>) => stub.verify({ ...clean, ...change }, { signal: new AbortController().signal });

describe('the stub address verifier', () => {
  it('verifies a tidy address as entered', async () => {
    expect(await verify({})).toEqual({ result: 'VERIFIED' });
  });

  it.each([
    ['postal code 00000', { postalCode: '00000' }],
    ['line1 containing "invalid"', { line1: '1 Invalid Road' }],
  ])('answers INVALID for %s', async (_case, change) => {
    expect(await verify(change)).toEqual({ result: 'INVALID' });
  });

  it.each([
    ['a lower-case region code', { region: 'ny' }, { region: 'NY' }],
    ['a lower-case, untrimmed city', { city: '  springfield ' }, { city: 'Springfield' }],
    ['a nine-digit US ZIP code without its dash', { postalCode: '627011234' }, { postalCode: '62701-1234' }],
    ['repeated spaces in line1', { line1: '1   Main  St' }, { line1: '1 Main St' }],
    ['surrounding spaces in line2', { line2: ' Apt 2 ' }, { line2: 'Apt 2' }],
  ])('answers CORRECTED with a tidy suggestion for %s', async (_case, change, corrected) => {
    expect(await verify(change)).toEqual({ result: 'CORRECTED', suggestion: { ...clean, ...corrected } });
  });

  it('leaves a nine-digit postal code alone outside the US', async () => {
    expect(await verify({ postalCode: '123456789', country: 'DE' })).toEqual({ result: 'VERIFIED' });
  });

  it('leaves a city already written with capitals alone', async () => {
    expect(await verify({ city: 'McAllen' })).toEqual({ result: 'VERIFIED' });
  });

  it('never answers for line1 containing "timeout", until the caller aborts', async () => {
    const controller = new AbortController();
    const pending = stub.verify({ ...clean, line1: '1 Timeout Ave' }, { signal: controller.signal });
    let settled = false;
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await Promise.resolve();
    expect(settled).toBe(false);
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
  });

  it('throws like a service that is down for line1 containing "unavailable"', async () => {
    await expect(verify({ line1: '1 Unavailable Road' })).rejects.toThrow(/unavailable/);
  });
});
