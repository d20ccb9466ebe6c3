/**
 * The address-verification service as the contexts that take addresses see it (customers for
 * the address book, orders for inline checkout addresses). A real provider sits behind
 * `AddressVerifier`; `createStubAddressVerifier` is the deterministic one used by default and in
 * tests. Implementations may take as long as they like and may throw: callers wrap them with
 * `withVerificationPolicy` (timeout and failures → UNVERIFIED).
 */

/** The postal part of an address: what the verification service looks at. */
export interface PostalAddress {
  line1: string;
  line2: string | null;
  city: string;
  region: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export type VerificationStatus = 'VERIFIED' | 'CORRECTED' | 'UNVERIFIED' | 'INVALID';

/** What the address service said, after the timeout/error policy (UNVERIFIED) was applied. */
export type VerificationOutcome =
  | { status: 'VERIFIED' | 'INVALID' | 'UNVERIFIED' }
  | { status: 'CORRECTED'; suggestion: PostalAddress };

export interface AddressVerifier {
  verify(address: PostalAddress, options: { signal: AbortSignal }): Promise<AddressVerificationAnswer>;
}

export type AddressVerificationAnswer =
  | { result: 'VERIFIED' }
  | { result: 'INVALID' }
  /** The service answered but cannot vouch for the address (e.g. an apartment number is missing, or it does not cover the country). */
  | { result: 'UNVERIFIED' }
  /** The suggestion replaces the input. */
  | { result: 'CORRECTED'; suggestion: PostalAddress };
