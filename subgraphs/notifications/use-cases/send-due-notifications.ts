import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationFailed } from '../../../events/contracts/notifications/notification-failed.event.js';
import { outboxRow, type PendingOutboxRow } from '../../../events/outbox.js';
import type { Logger } from '../../../platform/logger.js';
import { messageIdFor } from '../domain/message-id.js';
import { afterAttempt } from '../domain/retry-schedule.js';
import type { Mailer } from '../mail/smtp-mailer.js';
import type { NotificationRecord } from '../store/notification.entity.js';
import { claimDue, recordAttempts } from '../store/notification-queue.js';
import { inTransaction } from '../../../platform/database.js';

export interface SenderDeps {
  mailer: Mailer;
  mailFrom: string;
  eventNamespace: string;
  /** Delays before each retry (SPEC §10: 5 and 30 min). */
  retryDelaysMs: readonly number[];
  clock: () => Date;
  /** Told of every e-mail the SMTP server accepted (the delivery-latency histogram). */
  onSent?: (notification: NotificationRecord, sentAt: Date) => void;
}

export type SendOutcome = 'sent' | 'retry-scheduled' | 'failed';

/** What one turn of the sender did — each e-mail it took, in the order they were due — and whether others were due when it took them. */
export interface SendResult {
  outcomes: SendOutcome[];
  moreDue: boolean;
}

/**
 * At most this many e-mails per turn: taken together, sent at once over the pooled SMTP
 * connections, recorded in one statement and one commit. Under load that is one transaction for
 * several e-mails instead of one each; it also bounds how long one turn keeps its rows locked.
 */
export const SEND_BATCH = 10;

/**
 * Sends the e-mails due longest, if any. The rows stay locked (FOR UPDATE SKIP LOCKED) from before
 * the SMTP conversations until their outcomes commit: replicas never send one message twice at
 * once, and a process that dies in between leaves the rows QUEUED, so they are sent again, with
 * the same Message-IDs. A last failure records NotificationFailed in the same statement as the
 * outcomes.
 */
export async function sendDue(em: EntityManager, deps: SenderDeps, log: Logger, limit = SEND_BATCH): Promise<SendResult> {
  const { attempts, moreDue } = await inTransaction(em, async (tx) => {
    const claimed = await claimDue(tx, deps.clock(), limit);
    const attempts = await Promise.all(claimed.notifications.map((row) => attempt(row, deps, log)));
    if (attempts.length) await recordAttempts(tx, attempts);
    return { attempts, moreDue: claimed.moreDue };
  });
  // counted once committed: an acceptance whose commit failed is sent (and counted) again
  for (const { notification, outcome } of attempts) if (outcome === 'sent') deps.onSent?.(notification, notification.sentAt!);
  return { outcomes: attempts.map(({ outcome }) => outcome), moreDue };
}

/** One SMTP conversation for a claimed row, and what it changes there (not yet written). */
async function attempt(row: NotificationRecord, deps: SenderDeps, log: Logger): Promise<{ notification: NotificationRecord; announcement: PendingOutboxRow | null; outcome: SendOutcome }> {
  const number = row.attempts + 1;
  const outcome = await deps.mailer.send({ to: row.recipient, subject: row.subject, html: row.html, text: row.text, messageId: messageIdFor(row.id, deps.mailFrom) });
  const now = deps.clock();
  const next = afterAttempt(number, outcome, deps.retryDelaysMs, now);
  row.attempts = number;
  const fields = { notificationId: row.id, kind: row.kind, attempt: number };
  switch (next.status) {
    case 'SENT':
      Object.assign(row, { status: 'SENT', sentAt: now, nextAttemptAt: null, lastError: null });
      log.info(fields, 'e-mail accepted by the SMTP server');
      return { notification: row, announcement: null, outcome: 'sent' };
    case 'QUEUED':
      Object.assign(row, { nextAttemptAt: next.nextAttemptAt, lastError: next.error });
      log.warn({ ...fields, error: next.error, nextAttemptAt: next.nextAttemptAt }, 'e-mail not accepted; retry scheduled');
      return { notification: row, announcement: null, outcome: 'retry-scheduled' };
    case 'FAILED': {
      Object.assign(row, { status: 'FAILED', failedAt: now, nextAttemptAt: null, lastError: next.error });
      const failure = outboxRow(
        deps.eventNamespace,
        NotificationFailed,
        { notificationId: row.id, kind: row.kind, to: row.recipient, orderId: row.orderId, attempts: number, error: next.error, permanent: next.permanent },
        { customerId: row.customerId, correlationId: row.orderId, causationId: row.eventId },
      );
      log.error({ ...fields, error: next.error, permanent: next.permanent }, 'e-mail failed for good');
      return { notification: row, announcement: failure, outcome: 'failed' };
    }
  }
}
