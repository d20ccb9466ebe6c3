/**
 * Sign-in throttling by (e-mail, client address), so that someone guessing an e-mail's password
 * from one place cannot lock its owner out everywhere (issue 9, finding 5):
 *
 * - one address gets `maxFailures` free failures per e-mail within the sliding `windowMs`; after
 *   that each further attempt from it must wait `retryDelayMs`, doubling with every failure, at
 *   most the window. Other addresses are not affected.
 * - all addresses together get `maxFailuresPerEmail` failures per e-mail within the window; at
 *   that ceiling every attempt is refused until failures leave the window, which bounds a guessing
 *   campaign spread over many addresses (the gateway's per-address budget bounds each of them too).
 *
 * Refused attempts are not counted, so waiting is always enough to be let in again.
 */

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  maxFailuresPerEmail: number;
  retryDelayMs: number;
}

/** A recent failed sign-in for the e-mail: when, and whether it came from the caller's address. */
export interface FailedAttempt {
  at: Date;
  fromThisAddress: boolean;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const refuse = (retryAfterMs: number): ThrottleDecision => ({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });

/** `failures` are the e-mail's failed attempts (any order, any address); `now` comes from the same clock. */
export function decideLoginAttempt(failures: readonly FailedAttempt[], now: Date, policy: ThrottlePolicy): ThrottleDecision {
  const nowMs = now.getTime();
  const windowStart = nowMs - policy.windowMs;
  const recent = failures
    .map((f) => ({ at: f.at.getTime(), mine: f.fromThisAddress }))
    .filter((f) => f.at > windowStart)
    .sort((a, b) => a.at - b.at);

  if (recent.length >= policy.maxFailuresPerEmail) {
    // Allowed again once the failure at this position has aged out of the window.
    const blocking = recent[recent.length - policy.maxFailuresPerEmail]!;
    return refuse(blocking.at + policy.windowMs - nowMs);
  }

  const mine = recent.filter((f) => f.mine);
  if (mine.length < policy.maxFailures) return { allowed: true };
  const delayMs = Math.min(policy.windowMs, policy.retryDelayMs * 2 ** (mine.length - policy.maxFailures));
  const retryAfterMs = mine[mine.length - 1]!.at + delayMs - nowMs;
  return retryAfterMs > 0 ? refuse(retryAfterMs) : { allowed: true };
}
