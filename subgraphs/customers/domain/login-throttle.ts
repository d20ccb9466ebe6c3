/**
 * Sign-in throttling per e-mail: at most `maxFailures` failed attempts within a sliding window
 * of `windowMs`. Once the limit is reached every attempt is refused — even with the right
 * password — until enough failures have left the window.
 */

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** `failures` are the failed attempts' times (any order); `now` comes from the same clock. */
export function decideLoginAttempt(failures: readonly Date[], now: Date, policy: ThrottlePolicy): ThrottleDecision {
  const windowStart = now.getTime() - policy.windowMs;
  const recent = failures
    .map((f) => f.getTime())
    .filter((t) => t > windowStart)
    .sort((a, b) => a - b);
  if (recent.length < policy.maxFailures) return { allowed: true };
  // Allowed again once only maxFailures - 1 failures remain in the window, i.e. when the
  // failure at this position has aged out.
  const blocking = recent[recent.length - policy.maxFailures];
  const retryAfterMs = blocking + policy.windowMs - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}
