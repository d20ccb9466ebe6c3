import type { EntityManager } from '@mikro-orm/postgresql';
import { schemaOf } from '../../../events/inbox.js';
import { outboxInsert, type PendingOutboxRow } from '../../../events/outbox.js';
import { CombinedStatement } from '../../../platform/combined-statement.js';
import { plainRecord } from '../../../platform/plain-record.js';
import { NotificationEntity, type NotificationRecord } from './notification.entity.js';

/** The e-mail a sender took, and whether others were due besides it (the sender then looks again at once). */
export interface Claimed {
  notification: NotificationRecord;
  moreDue: boolean;
}

/**
 * Takes the e-mail that is due longest, locked until the caller's transaction ends (FOR UPDATE
 * SKIP LOCKED: rows another sender holds are passed over, never waited for). In the same statement,
 * whether any other row is due: a sender that just took the last one need not look again before
 * it is rung or polls, which saved a transaction (BEGIN, select, COMMIT) after nearly every e-mail.
 * Rows another sender holds count as due: the look that finds nothing costs what it always did.
 * A plain record: the caller writes the outcome itself (recordAttempt), the unit of work never does.
 */
export async function claimNextDue(em: EntityManager, now: Date): Promise<Claimed | null> {
  const table = `"${schemaOf(em)}".notification`;
  const [row] = await em.execute<Record<string, unknown>[]>(
    `with claimed as (
       select * from ${table}
        where status = 'QUEUED' and next_attempt_at <= ?
        order by next_attempt_at asc, id asc
        limit 1
        for update skip locked)
     select claimed.*, exists (select 1 from ${table} other where other.status = 'QUEUED' and other.next_attempt_at <= ? and other.id <> claimed.id) as more_due
       from claimed`,
    [now, now],
  );
  if (!row) return null;
  const { more_due: moreDue, ...columns } = row;
  return { notification: plainRecord(em, NotificationEntity, columns), moreDue: moreDue === true };
}

/**
 * Writes what an attempt changed on the claimed row — and, after the last failure, the
 * NotificationFailed outbox row — in ONE statement, in the claim's transaction: the outcome and its
 * announcement commit together, and the row stays locked until they do.
 */
export async function recordAttempt(em: EntityManager, notification: NotificationRecord, announcement: PendingOutboxRow | null): Promise<void> {
  const n = notification;
  const statement = new CombinedStatement().add(
    `update "${schemaOf(em)}".notification
        set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ?, failed_at = ?
      where id = ?`,
    [n.status, n.attempts, n.nextAttemptAt, n.lastError, n.sentAt, n.failedAt, n.id],
  );
  if (announcement) {
    const insert = outboxInsert(em, [announcement]);
    statement.add(insert.sql, insert.params);
  }
  await statement.write(em);
}
