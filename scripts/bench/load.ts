/**
 * Load generation: autocannon for single-endpoint requests, and a small closed-loop driver for a
 * client-side composition (several calls per logical request), reported in the same shape.
 */
import autocannon, { type Instance } from 'autocannon';
import { Pool } from 'undici';

export interface Measurement {
  /** Completed (logical) requests in the measured window. */
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 2xx answers whose body has `errors` (or no `data`). */
  graphqlErrors: number;
}

export const failures = (m: Measurement) => m.errors + m.non2xx + m.graphqlErrors;

export interface LoadShape {
  seconds: number;
  connections: number;
}

export interface HttpTarget {
  url: string;
  body: string;
  headers?: Record<string, string>;
}

/** A GraphQL answer counts as good only with data and without errors (a 200 can carry errors). */
export const isCleanGraphQLBody = (body: string) => body.includes('"data"') && !body.includes('"errors"');

let running: Instance | undefined;
let closedLoopStopped = false;

/** Ends whatever load is running now (Ctrl-C). */
export function stopLoad(): void {
  running?.stop();
  closedLoopStopped = true;
}

/** One autocannon run: `connections` keep-alive connections POSTing the same body for `seconds`. */
export async function cannon(target: HttpTarget, shape: LoadShape): Promise<Measurement> {
  const instance = autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
    connections: shape.connections,
    duration: shape.seconds,
    timeout: 10,
    verifyBody: isCleanGraphQLBody,
    renderProgressBar: false,
    renderResultsTable: false,
  });
  running = instance;
  try {
    const result = await instance;
    return {
      requests: result.requests.total,
      seconds: result.duration,
      requestsPerSecond: result.requests.total / result.duration,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      // verifyBody sees non-2xx bodies too, and those (GraphQL errors) never pass: count them once.
      graphqlErrors: Math.max(0, result.mismatches - result.non2xx),
    };
  } finally {
    running = undefined;
  }
}

export class LoadFailure extends Error {
  constructor(readonly kind: 'non2xx' | 'graphql', message: string) {
    super(message);
  }
}

/** Keep-alive connection pools per origin for the closed-loop driver. */
export class Origins {
  private readonly pools = new Map<string, Pool>();
  constructor(private readonly connections: number) {}

  /** POSTs a GraphQL body; throws LoadFailure on a non-2xx answer or a body with errors. */
  async post(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
    const { origin, pathname } = new URL(url);
    let pool = this.pools.get(origin);
    if (!pool) this.pools.set(origin, (pool = new Pool(origin, { connections: this.connections, pipelining: 1, keepAliveTimeout: 30_000 })));
    const response = await pool.request({ path: pathname, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await response.body.text();
    if (response.statusCode < 200 || response.statusCode >= 300) throw new LoadFailure('non2xx', `HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
    if (!isCleanGraphQLBody(text)) throw new LoadFailure('graphql', text.slice(0, 200));
    return text;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
  }
}

/**
 * `connections` concurrent loops, each running `iteration` back to back for `seconds` — the same
 * closed-loop model as autocannon, with one logical request made of several HTTP calls.
 * Latency is per iteration (all its calls); percentiles by nearest rank.
 */
export async function closedLoop(iteration: () => Promise<void>, shape: LoadShape): Promise<Measurement> {
  closedLoopStopped = false;
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let graphqlErrors = 0;
  const start = performance.now();
  const deadline = start + shape.seconds * 1000;
  const loop = async () => {
    while (!closedLoopStopped && performance.now() < deadline) {
      const began = performance.now();
      try {
        await iteration();
        latencies.push(performance.now() - began);
      } catch (err) {
        if (err instanceof LoadFailure) err.kind === 'non2xx' ? non2xx++ : graphqlErrors++;
        else errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: shape.connections }, loop));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => (latencies.length ? latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] : NaN);
  return {
    requests: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(50),
    p90: percentile(90),
    p99: percentile(99),
    errors,
    non2xx,
    graphqlErrors,
  };
}
