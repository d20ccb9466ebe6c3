/**
 * The retry matrix for payment calls (SPEC §7, PO): 3 attempts with back-off. A decline (or any
 * failure the provider calls final) stops at once; timeouts and provider errors are tried again.
 * Every attempt is reported, so the payment's attempt log shows all of them.
 */
export const PAYMENT_CALL_ATTEMPTS = 3;

/**
 * - DECLINED: the card said no (final);
 * - REJECTED: the provider refused the request as such (final: wrong state, bad parameters, credentials);
 * - TIMEOUT: no answer in time (retriable: the idempotency key makes a retry safe if it did go through);
 * - UNAVAILABLE: the provider failed or throttled (retriable).
 */
export type FailureKind = 'DECLINED' | 'REJECTED' | 'TIMEOUT' | 'UNAVAILABLE';

/** The kinds worth another attempt (the same idempotency key makes the retry safe). */
export const isRetriable = (kind: FailureKind | null): boolean => kind === 'TIMEOUT' || kind === 'UNAVAILABLE';

export interface CallFailure {
  kind: FailureKind;
  message: string;
  retriable: boolean;
}

export interface AttemptReport {
  /** 1-based. */
  attempt: number;
  startedAt: Date;
  durationMs: number;
  failure: CallFailure | null;
}

export type CallOutcome<T> = { ok: true; value: T; attempts: number } | { ok: false; failure: CallFailure; attempts: number };

export interface RetryPolicy {
  attempts: number;
  /** Delay before attempt n+1 is `backoffMs[n-1]`; the last entry repeats. */
  backoffMs: readonly number[];
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
}

/** Runs `call` up to `policy.attempts` times; `classify` turns whatever it threw into a CallFailure. */
export async function callWithRetries<T>(
  call: (attempt: number) => Promise<T>,
  classify: (err: unknown) => CallFailure,
  policy: RetryPolicy,
  onAttempt: (report: AttemptReport) => void,
): Promise<CallOutcome<T>> {
  for (let attempt = 1; ; attempt++) {
    const startedAt = policy.now();
    const started = Date.now();
    try {
      const value = await call(attempt);
      onAttempt({ attempt, startedAt, durationMs: Date.now() - started, failure: null });
      return { ok: true, value, attempts: attempt };
    } catch (err) {
      const failure = classify(err);
      onAttempt({ attempt, startedAt, durationMs: Date.now() - started, failure });
      if (!failure.retriable || attempt >= policy.attempts) return { ok: false, failure, attempts: attempt };
      await policy.sleep(backoffFor(policy.backoffMs, attempt));
    }
  }
}

export function backoffFor(backoffMs: readonly number[], attempt: number): number {
  if (backoffMs.length === 0) return 0;
  return backoffMs[Math.min(attempt, backoffMs.length) - 1]!;
}
