import { Agent, request } from 'undici';

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

/**
 * Keep-alive connections shared by every client in the process, as many as requests in flight (a
 * shopper's app has its own). `undici.request`, not fetch: the benchmark's load generator is a
 * process on the same two cores as the system it measures, and fetch's streams and Request objects
 * cost it about twice the CPU per request (docs/performance.md, the sixteenth round).
 */
const connections = new Agent({ keepAliveTimeout: 30_000 });

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
    let response: Awaited<ReturnType<typeof request>>;
    let text: string;
    try {
      response = await request(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        dispatcher: connections,
        // from the call, as a shopper's app counts: queued at admission control included
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.body.text();
    } catch (err) {
      throw new GraphQLFailure(`request failed: ${(err as Error).message}`, 'NETWORK', true);
    }
    const status = response.statusCode;
    let body: { data?: T; errors?: GraphQLError[] } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const error = body?.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? `HTTP_${status}`;
      throw new GraphQLFailure(`${code}: ${error.message}`, code, code === 'INTERNAL_SERVER_ERROR' || code.startsWith('HTTP_5') || code === 'DOWNSTREAM_SERVICE_ERROR', error.extensions ?? {});
    }
    if (status < 200 || status >= 300 || !body?.data) throw new GraphQLFailure(`HTTP ${status}: ${text.slice(0, 200)}`, `HTTP_${status}`, status >= 500);
    return body.data;
  }
}

/** Errors worth another try: the system was (partly) down, or a projection had not caught up yet. */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof GraphQLFailure)) return true;
  return ['NETWORK', 'INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED', 'HTTP_429', 'HTTP_502', 'HTTP_503', 'HTTP_504', 'HTTP_500'].includes(err.code);
}
