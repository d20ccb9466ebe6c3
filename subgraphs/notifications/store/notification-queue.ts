import type { EntityManager } from '@mikro-orm/postgresql';
import { schemaOf } from '../../../events/inbox.js';
import { outboxInsert, type PendingOutboxRow } from '../../../events/outbox.js';
import { CombinedStatement } from '../../../platform/combined-statement.js';
import { plainRecord } from '../../../platform/plain-record.js';
import { NotificationEntity, type NotificationRecord } from './notification.entity.js';

/** The e-mails a sender took, oldest due first, and whether others were due besides them (the sender then looks again at once). */
export interface Claimed {
  notifications: NotificationRecord[];
  moreDue: boolean;
}

/**
 * Takes up to `limit` of the e-mails due longest, locked until the caller's transaction ends (FOR
 * UPDATE SKIP LOCKED: rows another sender holds are passed over, never waited for). In the same
 * statement, whether any other row is due: a sender that just took the last ones need not look
 * again before it is rung or polls, which saved a transaction (BEGIN, select, COMMIT) after nearly
 * every look. Rows another sender holds count as due: the look that finds nothing costs what it
 * always did. Plain records: the caller writes the outcomes itself (recordAttempts), the unit of
 * work never does.
 */
export async function claimDue(em: EntityManager, now: Date, limit: number): Promise<Claimed> {
  const table = `"${schemaOf(em)}".notification`;
  const rows = await em.execute<Record<string, unknown>[]>(
    `with claimed as (
       select * from ${table}
        where status = 'QUEUED' and next_attempt_at <= ?
        order by next_attempt_at asc, id asc
        limit ?
        for update skip locked)
     select claimed.*, exists (select 1 from ${table} other where other.status = 'QUEUED' and other.next_attempt_at <= ? and other.id not in (select id from claimed)) as more_due
       from claimed
      order by claimed.next_attempt_at asc, claimed.id asc`,
    [now, limit, now],
  );
  return {
    notifications: rows.map(({ more_due: _moreDue, ...columns }) => plainRecord(em, NotificationEntity, columns)),
    moreDue: rows[0]?.more_due === true,
  };
}

/**
 * Writes what the attempts changed on the claimed rows — and, after a last failure, its
 * NotificationFailed outbox row — in ONE statement, in the claim's transaction: the outcomes and
 * their announcements commit together, and the rows stay locked until they do.
 */
export async function recordAttempts(em: EntityManager, attempts: readonly { notification: NotificationRecord; announcement: PendingOutboxRow | null }[]): Promise<void> {
  const statement = new CombinedStatement();
  for (const { notification: n } of attempts) {
    statement.add(
      `update "${schemaOf(em)}".notification
          set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ?, failed_at = ?
        where id = ?`,
      [n.status, n.attempts, n.nextAttemptAt, n.lastError, n.sentAt, n.failedAt, n.id],
    );
  }
  const announcements = attempts.flatMap(({ announcement }) => (announcement ? [announcement] : []));
  if (announcements.length) {
    const insert = outboxInsert(em, announcements);
    statement.add(insert.sql, insert.params);
  }
  await statement.write(em);
}
