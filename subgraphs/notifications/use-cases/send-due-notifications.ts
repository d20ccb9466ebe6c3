import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationFailed } from '../../../events/contracts/notifications/notification-failed.event.js';
import { outboxRow } from '../../../events/outbox.js';
import type { Logger } from '../../../platform/logger.js';
import { messageIdFor } from '../domain/message-id.js';
import { afterAttempt } from '../domain/retry-schedule.js';
import type { Mailer } from '../mail/smtp-mailer.js';
import type { NotificationRecord } from '../store/notification.entity.js';
import { claimNextDue, recordAttempt } from '../store/notification-queue.js';
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

export type SendOutcome = 'none-due' | 'sent' | 'retry-scheduled' | 'failed';

/** What one turn of the sender did, and whether another e-mail was due when it took this one. */
export interface SendResult {
  outcome: SendOutcome;
  moreDue: boolean;
}

/**
 * Sends the e-mail that is due longest, if any. The row stays locked (FOR UPDATE SKIP LOCKED) from
 * before the SMTP conversation until its outcome commits: replicas never send one message twice
 * at once, and a process that dies in between leaves the row QUEUED, so it is sent again, with
 * the same Message-ID. A last failure records NotificationFailed in the same statement as the outcome.
 */
export async function sendNextDue(em: EntityManager, deps: SenderDeps, log: Logger): Promise<SendResult> {
  let accepted: { row: NotificationRecord; at: Date } | undefined;
  const result = await inTransaction(em, async (tx): Promise<SendResult> => {
    const claimed = await claimNextDue(tx, deps.clock());
    if (!claimed) return { outcome: 'none-due', moreDue: false };
    const { notification: row, moreDue } = claimed;
    const attempt = row.attempts + 1;
    const outcome = await deps.mailer.send({ to: row.recipient, subject: row.subject, html: row.html, text: row.text, messageId: messageIdFor(row.id, deps.mailFrom) });
    const now = deps.clock();
    const next = afterAttempt(attempt, outcome, deps.retryDelaysMs, now);
    row.attempts = attempt;
    const fields = { notificationId: row.id, kind: row.kind, attempt };
    switch (next.status) {
      case 'SENT':
        Object.assign(row, { status: 'SENT', sentAt: now, nextAttemptAt: null, lastError: null });
        await recordAttempt(tx, row, null);
        accepted = { row, at: now };
        log.info(fields, 'e-mail accepted by the SMTP server');
        return { outcome: 'sent', moreDue };
      case 'QUEUED':
        Object.assign(row, { nextAttemptAt: next.nextAttemptAt, lastError: next.error });
        await recordAttempt(tx, row, null);
        log.warn({ ...fields, error: next.error, nextAttemptAt: next.nextAttemptAt }, 'e-mail not accepted; retry scheduled');
        return { outcome: 'retry-scheduled', moreDue };
      case 'FAILED': {
        Object.assign(row, { status: 'FAILED', failedAt: now, nextAttemptAt: null, lastError: next.error });
        const failure = outboxRow(
          deps.eventNamespace,
          NotificationFailed,
          { notificationId: row.id, kind: row.kind, to: row.recipient, orderId: row.orderId, attempts: attempt, error: next.error, permanent: next.permanent },
          { customerId: row.customerId, correlationId: row.orderId, causationId: row.eventId },
        );
        await recordAttempt(tx, row, failure);
        log.error({ ...fields, error: next.error, permanent: next.permanent }, 'e-mail failed for good');
        return { outcome: 'failed', moreDue };
      }
    }
  });
  // counted once committed: an acceptance whose commit failed is sent (and counted) again
  if (accepted) deps.onSent?.(accepted.row, accepted.at);
  return result;
}
