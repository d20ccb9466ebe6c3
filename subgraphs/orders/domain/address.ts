import type { PostalAddress, VerificationOutcome, VerificationStatus } from '../../../platform/address-verification/address-verifier.js';

/**
 * The shipping address of a checkout and, copied from it, of an order: an immutable snapshot,
 * never a reference to the address book (later edits there change nothing here).
 */
export interface ShippingAddress extends PostalAddress {
  /** The saved address's nickname, or the one typed with an inline address. */
  nickname: string | null;
}

/** An inline address as the client sends it (AddressInput; `isDefault` means nothing at checkout). */
export interface AddressInput {
  nickname: string;
  line1: string;
  line2?: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  isDefault?: boolean | null;
}

/** Same limits as the address book (SPEC §2), counted in characters. */
export const ADDRESS_LIMITS = { nickname: 50, line1: 100, line2: 100, city: 50, region: 50, postalCode: 20 } as const;

const charLength = (value: string): number => [...value].length;

export type AddressCheck = { ok: true; nickname: string; postal: PostalAddress } | { ok: false; fields: Record<string, string> };

/** Checks lengths and the country code; every problem at once, keyed by input field. */
export function checkAddressInput(input: AddressInput): AddressCheck {
  const fields: Record<string, string> = {};
  const nickname = input.nickname.trim();
  if (charLength(nickname) > ADDRESS_LIMITS.nickname) fields.nickname = `must be at most ${ADDRESS_LIMITS.nickname} characters`;
  for (const field of ['line1', 'city', 'region', 'postalCode'] as const) {
    const value = input[field].trim();
    if (!value) fields[field] = 'must not be empty';
    else if (charLength(value) > ADDRESS_LIMITS[field]) fields[field] = `must be at most ${ADDRESS_LIMITS[field]} characters`;
  }
  const line2 = input.line2?.trim() ? input.line2 : null;
  if (line2 !== null && charLength(line2.trim()) > ADDRESS_LIMITS.line2) fields.line2 = `must be at most ${ADDRESS_LIMITS.line2} characters`;
  const country = input.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) fields.country = 'must be exactly 2 letters (ISO 3166-1 alpha-2)';
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, nickname, postal: { line1: input.line1, line2, city: input.city, region: input.region, postalCode: input.postalCode, country } };
}

/**
 * The address to ship to after verification: the service's suggestion when it corrected the
 * input, else the input, trimmed either way. Verification never blocks the checkout (PO): its
 * verdict only becomes warnings the customer sees.
 */
export function verifiedShippingAddress(nickname: string, postal: PostalAddress, outcome: VerificationOutcome): { address: ShippingAddress; warnings: string[] } {
  const chosen = outcome.status === 'CORRECTED' ? outcome.suggestion : postal;
  return { address: { nickname: nickname || null, ...tidy(chosen) }, warnings: verificationWarnings(outcome.status) };
}

/** What the customer is told about an address's verification; nothing when it was verified. */
export function verificationWarnings(status: VerificationStatus): string[] {
  switch (status) {
    case 'VERIFIED':
      return [];
    case 'CORRECTED':
      return ['CORRECTED: the address was standardised by the address verification service; please check it'];
    case 'UNVERIFIED':
      return ['UNVERIFIED: the address could not be verified right now; please check it before placing the order'];
    case 'INVALID':
      return ['INVALID: the address verification service does not recognise this address; please check it before placing the order'];
  }
}

function tidy(address: PostalAddress): PostalAddress {
  return {
    line1: address.line1.trim(),
    line2: address.line2?.trim() || null,
    city: address.city.trim(),
    region: address.region.trim(),
    postalCode: address.postalCode.trim(),
    country: address.country.trim().toUpperCase(),
  };
}
