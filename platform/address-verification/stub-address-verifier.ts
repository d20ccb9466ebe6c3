import type { AddressVerificationAnswer, AddressVerifier, PostalAddress } from './address-verifier.js';

/**
 * A deterministic stand-in for a real address service, for development and tests:
 * - postal code `00000`, or line1 containing "invalid" → INVALID;
 * - line1 containing "timeout" → never answers (until the caller gives up);
 * - line1 containing "unavailable" → throws, like a service that is down;
 * - input that needs tidying → CORRECTED with the tidy version: surrounding or repeated spaces,
 *   a lower-case region code ("ny" → "NY"), a lower-case city ("  springfield" →
 *   "Springfield"), a US ZIP+4 without its dash ("123456789" → "12345-6789");
 * - anything else → VERIFIED.
 */
export function createStubAddressVerifier(): AddressVerifier {
  return {
    async verify(address, { signal }) {
      const line1 = address.line1.toLowerCase();
      if (line1.includes('timeout')) return never(signal);
      if (line1.includes('unavailable')) throw new Error('address verification service unavailable');
      if (address.postalCode.trim() === '00000' || line1.includes('invalid')) return { result: 'INVALID' };
      const normalised = normalise(address);
      return sameAddress(normalised, address) ? { result: 'VERIFIED' } : { result: 'CORRECTED', suggestion: normalised };
    },
  };
}

function never(signal: AbortSignal): Promise<AddressVerificationAnswer> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

const squash = (s: string) => s.trim().replace(/\s+/g, ' ');
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());

function normalise(address: PostalAddress): PostalAddress {
  const region = squash(address.region);
  const city = squash(address.city);
  const postalCode = squash(address.postalCode);
  const country = address.country.trim().toUpperCase();
  return {
    line1: squash(address.line1),
    line2: address.line2 === null ? null : squash(address.line2) || null,
    // Two-letter subdivision codes are upper case; longer region names are left as written.
    city: city === city.toLowerCase() ? titleCase(city) : city,
    region: /^[a-z]{2}$/i.test(region) ? region.toUpperCase() : region,
    postalCode: country === 'US' && /^\d{9}$/.test(postalCode) ? `${postalCode.slice(0, 5)}-${postalCode.slice(5)}` : postalCode,
    country,
  };
}

const sameAddress = (a: PostalAddress, b: PostalAddress) =>
  a.line1 === b.line1 && a.line2 === b.line2 && a.city === b.city && a.region === b.region && a.postalCode === b.postalCode && a.country === b.country;
