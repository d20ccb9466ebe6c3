import { ClientBuilder, StaticCredentials, LookupUSStreet, type CandidateUSStreet } from 'smartystreets-javascript-sdk';
import type { OutboundClients } from '../outbound/outbound-clients.js';
import type { OutboundPolicy } from '../outbound/outbound-policy.js';
import type { AddressVerificationAnswer, AddressVerifier, PostalAddress } from './address-verifier.js';

/** Smarty's US Street API endpoint; SMARTY_API_BASE replaces it (a local fake in tests, a proxy). */
export const SMARTY_US_STREET_URL = 'https://us-street.api.smarty.com/street-address';

export interface SmartyOptions {
  authId: string;
  authToken: string;
  /** The street-address endpoint's origin; Smarty's own when unset. */
  apiBase?: string | undefined;
  /** Per request (the SDK's own fetch timeout; the policy gives up at the same time). */
  timeoutMs: number;
  policy: OutboundPolicy;
}

/** Smarty's policy: a street lookup is a GET, so the retry matrix's 2 HTTP retries apply. */
export function smartyPolicy(outbound: OutboundClients, timeoutMs: number): OutboundPolicy {
  return outbound.policy({ name: 'smarty', timeoutMs, retries: 2, isTransient: isSmartyOutage });
}

/**
 * SmartyStreets US Street Address API (https://www.smarty.com/docs/cloud/us-street-api) through
 * the official SDK (`smartystreets-javascript-sdk`, pointed at `apiBase` with `withBaseUrl`, its own
 * retries off so the outbound policy is the only one retrying). One lookup per address, `strict`
 * matching, one candidate:
 *
 * | Smarty says                                   | we answer                                      |
 * |-----------------------------------------------|------------------------------------------------|
 * | no candidate (`[]`)                           | INVALID                                        |
 * | `dpv_match_code` N (or none)                  | INVALID: not a deliverable address             |
 * | Y, standardized form equal to the input       | VERIFIED                                       |
 * | Y, standardized form differs                  | CORRECTED with Smarty's standardized address   |
 * | S (secondary number not recognised, dropped)  | CORRECTED, keeping the customer's line 2       |
 * | D (building found, apartment/suite missing)   | UNVERIFIED: the customer is warned, not blocked |
 * | a country other than US                       | UNVERIFIED, without a call (US Street only)    |
 *
 * Timeouts and outages are thrown; `withVerificationPolicy` turns them into UNVERIFIED.
 */
export class SmartyAddressVerifier implements AddressVerifier {
  private readonly client;
  private readonly policy: OutboundPolicy;

  constructor(options: SmartyOptions) {
    this.policy = options.policy;
    this.client = new ClientBuilder(new StaticCredentials(options.authId, options.authToken))
      .withBaseUrl(options.apiBase ? new URL('/street-address', options.apiBase).toString() : SMARTY_US_STREET_URL)
      .withMaxRetries(0)
      .withMaxTimeout(options.timeoutMs)
      .buildUsStreetApiClient();
  }

  async verify(address: PostalAddress, { signal }: { signal: AbortSignal }): Promise<AddressVerificationAnswer> {
    if (address.country.trim().toUpperCase() !== 'US') return { result: 'UNVERIFIED' };
    const candidates = await this.policy.execute(
      async () => {
        const lookup = new LookupUSStreet();
        lookup.street = address.line1;
        lookup.secondary = address.line2 ?? undefined;
        lookup.city = address.city;
        lookup.state = address.region;
        lookup.zipCode = address.postalCode;
        lookup.match = 'strict';
        lookup.maxCandidates = 1;
        // the SDK fills the lookup's `result` with the candidates
        await this.client.send(lookup).catch((err: unknown) => Promise.reject(asError(err)));
        return lookup.result;
      },
      { idempotent: true, signal },
    );
    return answerFromCandidates(address, candidates);
  }
}

/** The table in SmartyAddressVerifier's comment, as a pure function of Smarty's candidates. */
export function answerFromCandidates(input: PostalAddress, candidates: readonly CandidateUSStreet[]): AddressVerificationAnswer {
  const candidate = candidates[0];
  if (!candidate) return { result: 'INVALID' };
  const standardized = standardizedAddress(candidate, input);
  switch (candidate.analysis.dpvMatchCode) {
    case 'Y':
      return sameAddress(standardized, input) ? { result: 'VERIFIED' } : { result: 'CORRECTED', suggestion: standardized };
    case 'S':
      return { result: 'CORRECTED', suggestion: { ...standardized, line2: input.line2 } };
    case 'D':
      return { result: 'UNVERIFIED' };
    default:
      return { result: 'INVALID' };
  }
}

function standardizedAddress(candidate: CandidateUSStreet, input: PostalAddress): PostalAddress {
  const c = candidate.components;
  const words = (...parts: (string | undefined)[]) => parts.filter((p) => p && p.trim()).join(' ');
  const line1 = words(c.primaryNumber, c.streetPredirection, c.streetName, c.streetSuffix, c.streetPostdirection) || candidate.deliveryLine1;
  const secondary = words(c.secondaryDesignator, c.secondaryNumber);
  return {
    line1,
    line2: secondary || null,
    city: c.cityName ?? input.city,
    region: c.state ?? input.region,
    postalCode: c.plus4Code ? `${c.zipCode}-${c.plus4Code}` : (c.zipCode ?? input.postalCode),
    country: 'US',
  };
}

const squash = (s: string | null) => (s ?? '').trim().replace(/\s+/g, ' ').toUpperCase();

/** Equal up to case and spacing; a 5-digit ZIP matches the ZIP+4 Smarty adds to it. */
function sameAddress(standardized: PostalAddress, input: PostalAddress): boolean {
  const zip = squash(input.postalCode);
  const zipMatches = zip.length === 5 ? standardized.postalCode.startsWith(zip) : squash(standardized.postalCode) === zip;
  return (
    squash(standardized.line1) === squash(input.line1) &&
    squash(standardized.line2) === squash(input.line2) &&
    squash(standardized.city) === squash(input.city) &&
    squash(standardized.region) === squash(input.region) &&
    zipMatches
  );
}

/** The SDK rejects with its response object (`statusCode`, `error`) for HTTP errors; make it an Error that keeps the status. */
export class SmartyRequestError extends Error {
  constructor(
    message: string,
    /** 0 when Smarty could not be reached. */
    readonly statusCode: number,
  ) {
    super(message);
    this.name = 'SmartyRequestError';
  }
}

function asError(err: unknown): Error {
  if (err instanceof Error) return err;
  if (err && typeof err === 'object' && 'statusCode' in err) {
    const response = err as { statusCode: number; error?: unknown };
    const cause = response.error instanceof Error ? response.error.message : 'no detail';
    return new SmartyRequestError(`Smarty answered ${response.statusCode}: ${cause}`, response.statusCode);
  }
  return new Error(String(err));
}

/** Smarty failing (unreachable, 5xx, throttled), as opposed to answering (401 bad credentials, 400, 422). */
export function isSmartyOutage(err: unknown): boolean {
  if (err instanceof SmartyRequestError) return err.statusCode === 0 || err.statusCode === 429 || err.statusCode >= 500;
  return err instanceof Error && (err.name === 'TypeError' || err.name === 'AbortError' || err.name === 'TimeoutError');
}
