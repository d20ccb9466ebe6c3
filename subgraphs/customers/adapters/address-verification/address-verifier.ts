import type { PostalAddress } from '../../domain/address.js';

/**
 * The address-verification service, as the customers context sees it. A real provider sits
 * behind this interface; `createStubAddressVerifier` is the deterministic one used by default
 * and in tests. Implementations may take as long as they like and may throw: callers wrap
 * them with `withVerificationPolicy` (timeout and failures → UNVERIFIED).
 */
export interface AddressVerifier {
  verify(address: PostalAddress, options: { signal: AbortSignal }): Promise<AddressVerificationAnswer>;
}

export type AddressVerificationAnswer =
  | { result: 'VERIFIED' }
  | { result: 'INVALID' }
  /** The suggestion replaces the input. */
  | { result: 'CORRECTED'; suggestion: PostalAddress };
