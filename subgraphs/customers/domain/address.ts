import { charLength, invalid, valid, type Validation } from './validation.js';

export const ADDRESS_LIMITS = {
  nickname: 50,
  line1: 100,
  line2: 100,
  city: 50,
  region: 50,
  postalCode: 20,
} as const;

export type VerificationStatus = 'VERIFIED' | 'CORRECTED' | 'UNVERIFIED' | 'INVALID';

/** The postal part of an address: what the verification service looks at. */
export interface PostalAddress {
  line1: string;
  line2: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

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

/** A validated address input; `isDefault: null` means "keep the current choice". */
export interface AddressDraft {
  nickname: string;
  postal: PostalAddress;
  isDefault: boolean | null;
}

/** What the address service said, after the timeout/error policy (UNVERIFIED) was applied. */
export type VerificationOutcome =
  | { status: 'VERIFIED' | 'INVALID' | 'UNVERIFIED' }
  | { status: 'CORRECTED'; suggestion: PostalAddress };

type RequiredField = 'line1' | 'city' | 'region' | 'postalCode';

/**
 * Checks lengths on trimmed values but hands the postal fields to verification as entered
 * (except country, which is upper-cased, and a blank line2, which is absent): spotting and
 * tidying sloppy input is the address service's job, and its answer says CORRECTED.
 */
export function validateAddressInput(input: AddressInput): Validation<AddressDraft> {
  const fields: Record<string, string> = {};
  const nickname = input.nickname.trim();
  if (!nickname) fields.nickname = 'must not be empty';
  else if (charLength(nickname) > ADDRESS_LIMITS.nickname) fields.nickname = `must be at most ${ADDRESS_LIMITS.nickname} characters`;

  for (const field of ['line1', 'city', 'region', 'postalCode'] as RequiredField[]) {
    const value = input[field].trim();
    if (!value) fields[field] = 'must not be empty';
    else if (charLength(value) > ADDRESS_LIMITS[field]) fields[field] = `must be at most ${ADDRESS_LIMITS[field]} characters`;
  }
  const line2 = input.line2 == null || input.line2.trim() === '' ? null : input.line2;
  if (line2 !== null && charLength(line2.trim()) > ADDRESS_LIMITS.line2) fields.line2 = `must be at most ${ADDRESS_LIMITS.line2} characters`;

  const country = input.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) fields.country = 'must be exactly 2 letters (ISO 3166-1 alpha-2)';

  if (Object.keys(fields).length) return invalid(fields);
  return valid({
    nickname,
    postal: { line1: input.line1, line2, city: input.city, region: input.region, postalCode: input.postalCode, country },
    isDefault: input.isDefault ?? null,
  });
}

/**
 * The address to store: the service's suggestion when it corrected the input, otherwise the
 * input. Stored values are always trimmed, whatever the service said or whether it answered.
 */
export function applyVerification(postal: PostalAddress, outcome: VerificationOutcome): { postal: PostalAddress; verification: VerificationStatus } {
  const chosen = outcome.status === 'CORRECTED' ? outcome.suggestion : postal;
  return { postal: tidy(chosen), verification: outcome.status };
}

function tidy(address: PostalAddress): PostalAddress {
  const line2 = address.line2?.trim() || null;
  return {
    line1: address.line1.trim(),
    line2,
    city: address.city.trim(),
    region: address.region.trim(),
    postalCode: address.postalCode.trim(),
    country: address.country.trim().toUpperCase(),
  };
}
