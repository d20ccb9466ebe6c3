/**
 * A client of the gateway, as a web shop front end would be: JSON over HTTP POST with a bearer
 * token. Faults make requests fail in every way (connection refused, timeouts, 5xx, GraphQL
 * errors); {@link GraphQLFailure} says whether trying again makes sense.
 */
export interface GraphQLError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export class GraphQLFailure extends Error {
  constructor(
    message: string,
    /** The error code (`extensions.code`), `HTTP_<status>`, or `NETWORK`. */
    readonly code: string,
    /** Whether the server may have applied the mutation anyway (the answer was lost). */
    readonly ambiguous: boolean,
    /** The error's `extensions` (e.g. `rule` of a coupon refusal); empty without a GraphQL error. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

export class GraphQLClient {
  requests = 0;
  /** `<operation> <code>` → count. */
  failures = new Map<string, number>();

  constructor(
    private readonly url: string,
    /** How long a request may take before the client gives up on it (NETWORK). */
    private readonly timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
  ) {}

  async request<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    this.requests++;
    try {
      return await this.send<T>(query, variables, token);
    } catch (err) {
      const code = err instanceof GraphQLFailure ? err.code : 'NETWORK';
      const key = `${/(?:query|mutation) (\w+)/.exec(query)?.[1]?.replace(/^(Chaos|Bench)/, '') ?? 'operation'} ${code}`;
      this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
      throw err instanceof GraphQLFailure ? err : new GraphQLFailure(String(err), 'NETWORK', true);
    }
  }

  private async send<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new GraphQLFailure(`request failed: ${(err as Error).message}`, 'NETWORK', true);
    }
    const text = await response.text().catch(() => '');
    let body: { data?: T; errors?: GraphQLError[] } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const error = body?.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? `HTTP_${response.status}`;
      throw new GraphQLFailure(`${code}: ${error.message}`, code, code === 'INTERNAL_SERVER_ERROR' || code.startsWith('HTTP_5') || code === 'DOWNSTREAM_SERVICE_ERROR', error.extensions ?? {});
    }
    if (!response.ok || !body?.data) throw new GraphQLFailure(`HTTP ${response.status}: ${text.slice(0, 200)}`, `HTTP_${response.status}`, response.status >= 500);
    return body.data;
  }
}

/** Errors worth another try: the system was (partly) down, or a projection had not caught up yet. */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof GraphQLFailure)) return true;
  return ['NETWORK', 'INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED', 'HTTP_429', 'HTTP_502', 'HTTP_503', 'HTTP_504', 'HTTP_500'].includes(err.code);
}
