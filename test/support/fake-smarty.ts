import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Smarty's US Street Address API, speaking its documented shapes:
 * "US Street Address API" — https://www.smarty.com/docs/cloud/us-street-api
 * - `GET /street-address?auth-id=…&auth-token=…&street=…&secondary=…&city=…&state=…&zipcode=…&candidates=…&match=…`
 *   (section "HTTP request: input fields"; authentication by `auth-id`/`auth-token` query
 *   parameters, section "Authentication"; a wrong pair → 401);
 * - the answer is a JSON array of candidates (section "HTTP response: output fields"):
 *   `delivery_line_1`, `last_line`, `components` (primary_number, street_name, street_suffix,
 *   secondary_designator, secondary_number, city_name, state_abbreviation, zipcode, plus4_code…),
 *   `metadata`, and `analysis` with `dpv_match_code` (Y confirmed; S confirmed by dropping the
 *   secondary; D confirmed but the secondary is missing; N not confirmed) and `dpv_footnotes`;
 * - an address Smarty cannot match is an empty array `[]` with status 200 (section "HTTP
 *   response: status codes": 200 with an empty array when no candidates were found).
 *
 * Tests teach it addresses (`know`), take it down (`outage`), make it slow (`slowBy`), and read
 * `requests`.
 */
export class FakeSmarty {
  readonly requests: URLSearchParams[] = [];
  private readonly known = new Map<string, SmartyCandidate[]>();
  private outageStatus: number | null = null;
  private delayMs = 0;
  private readonly server: http.Server;

  private constructor(
    readonly authId: string,
    readonly authToken: string,
  ) {
    this.server = http.createServer((req, res) => void this.answer(req, res));
  }

  static async start(credentials = { authId: 'fake-auth-id', authToken: 'fake-auth-token' }): Promise<FakeSmarty> {
    const fake = new FakeSmarty(credentials.authId, credentials.authToken);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The origin to give the adapter (SMARTY_API_BASE). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A lookup whose `street` is `street` (any case) gets these candidates. */
  know(street: string, candidates: SmartyCandidate[]): void {
    this.known.set(street.trim().toUpperCase(), candidates);
  }

  /** Every request gets this status (503 by default) until `recover()`. */
  outage(status = 503): void {
    this.outageStatus = status;
  }

  /** Answers only after this long (a provider that hangs). */
  slowBy(ms: number): void {
    this.delayMs = ms;
  }

  recover(): void {
    this.outageStatus = null;
    this.delayMs = 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push(url.searchParams);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (res.destroyed) return;
    if (this.outageStatus) return send(res, this.outageStatus, { errors: [{ message: 'Service Unavailable' }] });
    if (req.method !== 'GET' || url.pathname !== '/street-address') return send(res, 404, { errors: [{ message: 'Not Found' }] });
    if (url.searchParams.get('auth-id') !== this.authId || url.searchParams.get('auth-token') !== this.authToken) {
      return send(res, 401, { errors: [{ message: 'Unauthorized: The credentials were provided incorrectly or did not match any existing, active credentials.' }] });
    }
    const candidates = this.known.get((url.searchParams.get('street') ?? '').trim().toUpperCase()) ?? [];
    const max = Number(url.searchParams.get('candidates') ?? '1');
    send(res, 200, candidates.slice(0, max).map((c, i) => ({ input_index: 0, candidate_index: i, ...c })));
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export interface SmartyCandidate {
  delivery_line_1: string;
  delivery_line_2?: string;
  last_line: string;
  delivery_point_barcode: string;
  components: Record<string, string>;
  metadata: Record<string, unknown>;
  analysis: { dpv_match_code: 'Y' | 'S' | 'D' | 'N' | ''; dpv_footnotes: string; dpv_cmra?: string; dpv_vacant?: string; active?: string; footnotes?: string };
}

/**
 * A candidate as Smarty's documentation shows them (its example is "1 Santa Claus Ln, North Pole
 * AK 99705-9901"): give the standardized parts and the DPV verdict.
 */
export function smartyCandidate(parts: {
  primaryNumber: string;
  streetName: string;
  streetSuffix: string;
  secondaryDesignator?: string;
  secondaryNumber?: string;
  city: string;
  state: string;
  zip: string;
  plus4: string;
  dpv: 'Y' | 'S' | 'D' | 'N';
}): SmartyCandidate {
  const secondary = parts.secondaryDesignator ? ` ${parts.secondaryDesignator} ${parts.secondaryNumber}` : '';
  const footnotes = { Y: 'AABB', S: 'AACC', D: 'AAN1', N: 'A1M1' }[parts.dpv];
  return {
    delivery_line_1: `${parts.primaryNumber} ${parts.streetName} ${parts.streetSuffix}${secondary}`,
    last_line: `${parts.city} ${parts.state} ${parts.zip}-${parts.plus4}`,
    delivery_point_barcode: `${parts.zip}${parts.plus4}010`,
    components: {
      primary_number: parts.primaryNumber,
      street_name: parts.streetName,
      street_suffix: parts.streetSuffix,
      ...(parts.secondaryDesignator ? { secondary_designator: parts.secondaryDesignator, secondary_number: parts.secondaryNumber! } : {}),
      city_name: parts.city,
      default_city_name: parts.city,
      state_abbreviation: parts.state,
      zipcode: parts.zip,
      plus4_code: parts.plus4,
      delivery_point: '01',
      delivery_point_check_digit: '0',
    },
    metadata: { record_type: 'S', zip_type: 'Standard', county_fips: '02090', carrier_route: 'C004', rdi: 'Residential', precision: 'Zip9' },
    analysis: { dpv_match_code: parts.dpv, dpv_footnotes: footnotes, dpv_cmra: 'N', dpv_vacant: 'N', active: 'Y', footnotes: 'L#' },
  };
}
