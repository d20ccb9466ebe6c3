import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { AddressVerifier, PostalAddress } from './address-verifier.js';
import { withVerificationPolicy } from './verification-policy.js';

const address: PostalAddress = { line1: '1 Main St', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' };
const log = pino({ level: 'silent' });

describe('the address verification policy', () => {
  it("passes the service's answer through", async () => {
    const verifier: AddressVerifier = { verify: async () => ({ result: 'CORRECTED', suggestion: { ...address, region: 'IL' } }) };
    expect(await withVerificationPolicy(verifier, { timeoutMs: 1_000, log }).verify(address)).toEqual({ status: 'CORRECTED', suggestion: address });
  });

  it('answers UNVERIFIED when the service does not answer within the timeout, and aborts the call', async () => {
    let aborted = false;
    const verifier: AddressVerifier = {
      verify: (_address, { signal }) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    };
    const started = Date.now();
    expect(await withVerificationPolicy(verifier, { timeoutMs: 50, log }).verify(address)).toEqual({ status: 'UNVERIFIED' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(aborted).toBe(true);
  });

  it('answers UNVERIFIED when the service throws', async () => {
    const verifier: AddressVerifier = { verify: async () => Promise.reject(new Error('503 from the address service')) };
    expect(await withVerificationPolicy(verifier, { timeoutMs: 1_000, log }).verify(address)).toEqual({ status: 'UNVERIFIED' });
  });
});
