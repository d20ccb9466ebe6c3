import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationFailed } from '../../../events/contracts/notifications/notification-failed.event.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Logger } from '../../../platform/logger.js';
import { messageIdFor } from '../domain/message-id.js';
import { afterAttempt } from '../domain/retry-schedule.js';
import type { Mailer } from '../mail/smtp-mailer.js';
import { NotificationEntity, type NotificationRecord } from '../store/notification.entity.js';

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

/**
 * Sends the e-mail that is due longest, if any. The row stays locked (FOR UPDATE SKIP LOCKED) from
 * before the SMTP conversation until its outcome commits: replicas never send one message twice
 * at once, and a process that dies in between leaves the row QUEUED, so it is sent again, with
 * the same Message-ID. A last failure records NotificationFailed in the same transaction.
 */
export async function sendNextDue(em: EntityManager, deps: SenderDeps, log: Logger): Promise<SendOutcome> {
  let accepted: { row: NotificationRecord; at: Date } | undefined;
  const outcome = await em.transactional(async (tx): Promise<SendOutcome> => {
    const [row] = await tx.find(
      NotificationEntity,
      { status: 'QUEUED', nextAttemptAt: { $lte: deps.clock() } },
      { orderBy: { nextAttemptAt: 'asc', id: 'asc' }, limit: 1, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, populate: ['html', 'text'] as never },
    );
    if (!row) return 'none-due';
    const attempt = row.attempts + 1;
    const outcome = await deps.mailer.send({ to: row.recipient, subject: row.subject, html: row.html, text: row.text, messageId: messageIdFor(row.id, deps.mailFrom) });
    const now = deps.clock();
    const next = afterAttempt(attempt, outcome, deps.retryDelaysMs, now);
    row.attempts = attempt;
    const fields = { notificationId: row.id, kind: row.kind, attempt };
    switch (next.status) {
      case 'SENT':
        Object.assign(row, { status: 'SENT', sentAt: now, nextAttemptAt: null, lastError: null });
        accepted = { row, at: now };
        log.info(fields, 'e-mail accepted by the SMTP server');
        return 'sent';
      case 'QUEUED':
        Object.assign(row, { nextAttemptAt: next.nextAttemptAt, lastError: next.error });
        log.warn({ ...fields, error: next.error, nextAttemptAt: next.nextAttemptAt }, 'e-mail not accepted; retry scheduled');
        return 'retry-scheduled';
      case 'FAILED':
        Object.assign(row, { status: 'FAILED', failedAt: now, nextAttemptAt: null, lastError: next.error });
        recordEvent(
          tx,
          deps.eventNamespace,
          NotificationFailed,
          { notificationId: row.id, kind: row.kind, to: row.recipient, orderId: row.orderId, attempts: attempt, error: next.error, permanent: next.permanent },
          { customerId: row.customerId, correlationId: row.orderId, causationId: row.eventId },
        );
        log.error({ ...fields, error: next.error, permanent: next.permanent }, 'e-mail failed for good');
        return 'failed';
    }
  });
  // counted once committed: an acceptance whose commit failed is sent (and counted) again
  if (accepted) deps.onSent?.(accepted.row, accepted.at);
  return outcome;
}
