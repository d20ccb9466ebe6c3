import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { MessageDeadLetteredPayload } from '../../../events/contracts/messaging/message-dead-lettered.event.js';
import { DeadLetterCopyEntity, type DeadLetterCopyRecord } from './dead-letter-copy.entity.js';

/** Operations' copy of every context's dead letters. */
export class DeadLetterCopyRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  /** The same dead letter failing again (after a replay) refreshes its copy and clears its replay. */
  async upsert(letter: MessageDeadLetteredPayload): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}".dead_letter_copy (id, context, handler, subject, event_id, error, attempts, failed_at, payload)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (id) do update set error = excluded.error, attempts = excluded.attempts, failed_at = excluded.failed_at,
         payload = excluded.payload, replayed_at = null
       where dead_letter_copy.failed_at <= excluded.failed_at`,
      [letter.deadLetterId, letter.context, letter.handler, letter.subject, letter.eventId, letter.error, letter.attempts, letter.failedAt, letter.payload],
    );
  }

  lock(id: string): Promise<DeadLetterCopyRecord | null> {
    return this.em.findOne(DeadLetterCopyEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** One page, newest failure first; the cursor is the last row's (failedAt, id). */
  async page(context: string | null, after: { failedAt: Date; id: string } | null, first: number): Promise<{ rows: DeadLetterCopyRecord[]; totalCount: number }> {
    const where = context ? { context } : {};
    const afterWhere = after ? { $or: [{ failedAt: { $lt: after.failedAt } }, { failedAt: after.failedAt, id: { $lt: after.id } }] } : {};
    const [rows, totalCount] = await Promise.all([
      this.em.find(DeadLetterCopyEntity, { ...where, ...afterWhere }, { orderBy: { failedAt: 'desc', id: 'desc' }, limit: first + 1 }),
      this.em.count(DeadLetterCopyEntity, where),
    ]);
    return { rows, totalCount };
  }

  /** Not yet replayed, per context: for /metrics. */
  async pendingCounts(): Promise<{ context: string; pending: number }[]> {
    const rows = await this.em.execute<{ context: string; pending: string }[]>(
      `select context, count(*) as pending from "${this.schema}".dead_letter_copy where replayed_at is null group by context`,
    );
    return rows.map((r) => ({ context: r.context, pending: Number(r.pending) }));
  }
}
