import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';

/**
 * The one resilience policy every outbound HTTP client goes through (payment provider, carrier,
 * address verifier), built from cockatiel:
 *
 *   bulkhead ─▶ retry (idempotent calls only) ─▶ circuit breaker ─▶ timeout ─▶ the call
 *
 * - the bulkhead bounds the calls in flight (and queued) to one provider, so a slow provider
 *   cannot hold every connection and request of the process: the rest are refused at once;
 * - retries (the retry matrix's "synchronous HTTP calls: 2") only for calls the caller marks
 *   idempotent, only for transient failures, never when the breaker is open;
 * - the breaker opens after `consecutiveFailures` transient failures in a row, lets one probe
 *   through after `halfOpenAfterMs`, and closes when the probe succeeds;
 * - the timeout aborts the call's signal and gives up on it.
 *
 * What counts as a failure is the provider's business, not ours: `isTransient` says which errors
 * are the provider failing (network, timeouts, 5xx, 429). A refusal (a declined card, a 4xx) is a
 * healthy provider answering, so it neither opens the breaker nor is retried.
 */
export interface OutboundPolicyOptions {
  /** Names the provider on /metrics and /ready (`stripe`, `easypost`, `smarty`). */
  name: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts of an idempotent call after a transient failure (0 = the caller retries itself). */
  retries: number;
  /** First back-off delay between retries (exponential with jitter after it). */
  retryDelayMs: number;
  breaker: { consecutiveFailures: number; halfOpenAfterMs: number };
  bulkhead: { maxConcurrent: number; maxQueued: number };
  isTransient: (err: unknown) => boolean;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/** Why the policy did not (fully) make a call: the adapter maps it to its own "unavailable". */
export type OutboundRefusalReason = 'CIRCUIT_OPEN' | 'BULKHEAD_FULL' | 'TIMEOUT';

export class OutboundUnavailableError extends Error {
  constructor(
    readonly client: string,
    readonly reason: OutboundRefusalReason,
  ) {
    super(
      reason === 'CIRCUIT_OPEN'
        ? `${client}: circuit open, call not attempted`
        : reason === 'BULKHEAD_FULL'
          ? `${client}: too many calls in flight, call not attempted`
          : `${client}: no answer in time`,
    );
    this.name = 'OutboundUnavailableError';
  }
}

/** Outcome of one logical call (all its attempts), as counted on /metrics. */
export type CallOutcome = 'success' | 'refused' | 'failure' | 'timeout' | 'short_circuited' | 'bulkhead_rejected';

export interface OutboundStats {
  calls: Record<CallOutcome, number>;
  retries: number;
  breakerOpened: number;
}

export interface OutboundPolicy {
  readonly name: string;
  readonly state: BreakerState;
  stats(): OutboundStats;
  /**
   * Runs `call` under the policy. `call` receives the signal to pass to the HTTP client (aborted on
   * timeout or when the caller's `signal` aborts). Errors of the call itself are rethrown as they
   * are; the policy's own refusals are OutboundUnavailableError.
   */
  execute<T>(call: (signal: AbortSignal) => Promise<T>, options?: { idempotent?: boolean; signal?: AbortSignal }): Promise<T>;
}

export function createOutboundPolicy(options: OutboundPolicyOptions): OutboundPolicy {
  const failing = handleWhen((err) => err instanceof TaskCancelledError || options.isTransient(err));
  const breaker = circuitBreaker(failing, {
    halfOpenAfter: options.breaker.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.breaker.consecutiveFailures),
  });
  const perAttempt = timeout(options.timeoutMs, TimeoutStrategy.Aggressive);
  const once: IPolicy = wrap(breaker, perAttempt);
  const retrying = retry(
    handleWhen((err) => !(err instanceof BrokenCircuitError) && (err instanceof TaskCancelledError || options.isTransient(err))),
    { maxAttempts: options.retries, backoff: new ExponentialBackoff({ initialDelay: options.retryDelayMs, maxDelay: options.retryDelayMs * 8 }) },
  );
  const withRetries: IPolicy = wrap(retrying, breaker, perAttempt);
  const slots = bulkhead(options.bulkhead.maxConcurrent, options.bulkhead.maxQueued);

  const stats: OutboundStats = {
    calls: { success: 0, refused: 0, failure: 0, timeout: 0, short_circuited: 0, bulkhead_rejected: 0 },
    retries: 0,
    breakerOpened: 0,
  };
  retrying.onRetry(() => stats.retries++);
  breaker.onBreak(() => stats.breakerOpened++);

  return {
    name: options.name,
    get state() {
      return stateName(breaker.state);
    },
    stats: () => structuredClone(stats),
    async execute(call, { idempotent = false, signal } = {}) {
      const inner = idempotent && options.retries > 0 ? withRetries : once;
      try {
        const value = await slots.execute((outer) => inner.execute(({ signal: attempt }) => cancellable(call, attempt), outer.signal), signal);
        stats.calls.success++;
        return value;
      } catch (err) {
        const refusal = refusalOf(err);
        if (refusal) {
          stats.calls[refusal === 'CIRCUIT_OPEN' ? 'short_circuited' : refusal === 'BULKHEAD_FULL' ? 'bulkhead_rejected' : 'timeout']++;
          throw new OutboundUnavailableError(options.name, refusal);
        }
        stats.calls[options.isTransient(err) ? 'failure' : 'refused']++;
        throw err;
      }
    },
  };
}

/** Whatever a call throws once its signal was aborted (timeout, caller gone) is a cancellation, not a provider answer. */
async function cancellable<T>(call: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
  try {
    return await call(signal);
  } catch (err) {
    if (signal.aborted) throw new TaskCancelledError(`call abandoned: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
}

function refusalOf(err: unknown): OutboundRefusalReason | null {
  if (err instanceof BrokenCircuitError) return 'CIRCUIT_OPEN';
  if (err instanceof BulkheadRejectedError) return 'BULKHEAD_FULL';
  if (err instanceof TaskCancelledError) return 'TIMEOUT';
  return null;
}

function stateName(state: CircuitState): BreakerState {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.HalfOpen:
      return 'half-open';
    default:
      return 'open';
  }
}
