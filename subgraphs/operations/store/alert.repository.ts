import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { AlertCause, AlertKind, AlertStatus } from '../domain/alert-lifecycle.js';
import { AlertEntity, type AlertRecord } from './alert.entity.js';

export interface AlertFilter {
  status: AlertStatus | null;
  kind: AlertKind | null;
}

/** Alerts. Writes flush with the caller's transaction. */
export class AlertRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  /** Inside a transaction: the open (not RESOLVED) alert of a subject, under a row lock. */
  openFor(kind: AlertKind, subject: string): Promise<AlertRecord | null> {
    return this.em.findOne(AlertEntity, { kind, subject, status: { $ne: 'RESOLVED' } }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Inside a transaction: the open alerts of several subjects, under row locks taken in subject order. */
  openForAll(kind: AlertKind, subjects: readonly string[]): Promise<AlertRecord[]> {
    if (!subjects.length) return Promise.resolve([]);
    return this.em.find(
      AlertEntity,
      { kind, subject: { $in: [...subjects] }, status: { $ne: 'RESOLVED' } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { subject: 'asc' } },
    );
  }

  /**
   * Opens an alert for the cause, raised now by the database clock, unless one is open for the
   * subject (the partial unique index decides races between handlers): the new row, or null.
   */
  async openUnlessOpen(cause: AlertCause, causeEventId: string | null): Promise<AlertRecord | null> {
    const rows = await this.em.execute<{ id: string }[]>(
      `insert into "${this.schema}".alert (id, kind, subject, status, summary, order_id, sku, cause_event_id)
       values (?, ?, ?, 'OPEN', ?, ?, ?, ?)
       on conflict (kind, subject) where status <> 'RESOLVED' do nothing
       returning id`,
      [uuidv7(), cause.kind, cause.subject, cause.summary, cause.orderId, cause.sku, causeEventId],
    );
    if (!rows.length) return null;
    return this.em.findOneOrFail(AlertEntity, { id: rows[0]!.id }, { refresh: true });
  }

  /** Inside a transaction: the alert under a row lock (staff and the system queue here). */
  lock(id: string): Promise<AlertRecord | null> {
    return this.em.findOne(AlertEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  findById(id: string): Promise<AlertRecord | null> {
    return this.em.findOne(AlertEntity, { id });
  }

  /** One page, newest first, after the alert `afterId`; one more row than asked tells if another page follows. */
  async page(filter: AlertFilter, afterId: string | null, first: number): Promise<{ rows: AlertRecord[]; totalCount: number }> {
    const where = { ...(filter.status ? { status: filter.status } : {}), ...(filter.kind ? { kind: filter.kind } : {}) };
    const [rows, totalCount] = await Promise.all([
      this.em.find(AlertEntity, { ...where, ...(afterId ? { id: { $lt: afterId } } : {}) }, { orderBy: { id: 'desc' }, limit: first + 1 }),
      this.em.count(AlertEntity, where),
    ]);
    return { rows, totalCount };
  }

  /**
   * Inside a transaction: marks escalated the alerts of `kinds` still OPEN `reviewTargetMs` after
   * they were raised, by the database clock. Rows another replica is escalating are skipped.
   */
  async escalateOverdue(kinds: readonly AlertKind[], reviewTargetMs: number, limit = 100): Promise<AlertRecord[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      `update "${this.schema}".alert set escalated_at = now()
       where id in (
         select id from "${this.schema}".alert
         where status = 'OPEN' and escalated_at is null and kind = any(?::text[])
           and raised_at <= now() - make_interval(secs => ?::double precision / 1000)
         order by raised_at
         limit ?
         for update skip locked)
       returning id`,
      [`{${kinds.join(',')}}`, reviewTargetMs, limit],
    );
    if (!rows.length) return [];
    return this.em.find(AlertEntity, { id: { $in: rows.map((r) => r.id) } }, { refresh: true, orderBy: { raisedAt: 'asc' } });
  }

  /** Open (not RESOLVED) alerts per kind, and those past their review target: for /metrics. */
  async openCounts(): Promise<{ kind: AlertKind; open: number; escalated: number }[]> {
    const rows = await this.em.execute<{ kind: AlertKind; open: string; escalated: string }[]>(
      `select kind, count(*) as open, count(*) filter (where escalated_at is not null) as escalated
       from "${this.schema}".alert where status <> 'RESOLVED' group by kind`,
    );
    return rows.map((r) => ({ kind: r.kind, open: Number(r.open), escalated: Number(r.escalated) }));
  }
}
