/**
 * SPEC §10: an e-mail gets 3 attempts, the 2nd 5 minutes after the 1st and the 3rd 30 minutes
 * after the 2nd (`delaysMs`, one per retry: its length + 1 is the number of attempts). A permanent
 * refusal (SMTP 5xx: the mailbox does not exist, the domain refuses us) is final at once.
 */
export type AttemptOutcome = { kind: 'accepted' } | { kind: 'refused'; permanent: boolean; error: string };

export type NextStep =
  | { status: 'SENT' }
  | { status: 'QUEUED'; nextAttemptAt: Date; error: string }
  | { status: 'FAILED'; error: string; permanent: boolean };

export const maxAttempts = (delaysMs: readonly number[]): number => delaysMs.length + 1;

/** What becomes of a message after its attempt number `attempt` (1-based) ended with `outcome`. */
export function afterAttempt(attempt: number, outcome: AttemptOutcome, delaysMs: readonly number[], now: Date): NextStep {
  if (outcome.kind === 'accepted') return { status: 'SENT' };
  if (outcome.permanent) return { status: 'FAILED', error: outcome.error, permanent: true };
  const delay = delaysMs[attempt - 1];
  if (delay === undefined) return { status: 'FAILED', error: outcome.error, permanent: false };
  return { status: 'QUEUED', nextAttemptAt: new Date(now.getTime() + delay), error: outcome.error };
}

/** SMTP 5xx replies are permanent (RFC 5321 §4.2.1); 4xx and connection failures are worth retrying. */
export const isPermanentSmtpReply = (responseCode: number | undefined): boolean => responseCode !== undefined && responseCode >= 500 && responseCode < 600;
