import { OptimisticLockError, type EntityManager } from '@mikro-orm/postgresql';
import { outboxInsert, type PendingOutboxRow } from '../../../events/outbox.js';
import { CombinedStatement, type SqlStatement } from '../../../platform/combined-statement.js';
import type { SagaState, TimeoutKind } from '../domain/saga/types.js';
import type { OrderRecord } from './order.entity.js';
import type { StatusChangeRecord } from './status-change.entity.js';
import type { TimelineRecord } from './timeline.entity.js';

/** Everything one saga step writes; `saga.version` null = the saga starts (its row is inserted). */
export interface SagaStepWrite {
  saga: { orderId: string; state: SagaState; updatedAt: Date; version: number | null };
  order: Pick<OrderRecord, 'id' | 'status' | 'cancellationReason' | 'updatedAt' | 'statusChanges'>;
  /** At most one per kind: the last instruction for a kind is the one that counts. */
  timeouts: ({ kind: TimeoutKind; cancel: true } | { kind: TimeoutKind; cancel?: false; token: string; dueAt: Date })[];
  timeline: Omit<TimelineRecord, 'id'>[];
  statusChanges: StatusChangeRecord[];
  outbox: PendingOutboxRow[];
}

/** The text a step's statement fails with when a saga's version has moved (see writeSagaSteps). */
const VERSION_MOVED = 'the order saga moved past the version this step was decided on';

/**
 * Steps of several sagas (one each: a part may not touch a row another part touches) in ONE
 * statement, in the caller's transaction: every saga's version checked and bumped by one, or
 * nothing written — a version that has moved fails the statement as a whole (OptimisticLockError
 * whether it answers or, deferred, the transaction's later message fails with its text), so it
 * writes nothing even when it carries the COMMIT. The final select casts that text to an integer
 * only when a saga's update found no row (a CASE on a subquery is never folded ahead). `last`: the
 * transaction's last write, run at once — carrying the inbox rows (`also`), it commits with them;
 * otherwise the statement is deferred to the transaction's next message.
 */
export async function writeSagaSteps(em: EntityManager, writes: readonly SagaStepWrite[], options: { also?: SqlStatement[]; last: boolean }): Promise<void> {
  if (writes.some((write) => write.saga.version === null)) throw new Error('a saga that starts is written alone (placeOrder)');
  // a batch's shape depends on how many sagas it holds: never prepared; a step alone's repeats
  const statement = new CombinedStatement({ oneOff: writes.length > 1 });
  writes.forEach((write, i) => addSagaStep(statement, em, write, { sagaPart: `saga_${i}` }));
  for (const part of options.also ?? []) statement.include(part);
  const allWritten = writes.map((_, i) => `exists (select 1 from saga_${i})`).join(' and ');
  const finalSelect = `select cast(case when ${allWritten} then '1' else ? end as integer) as done`;
  try {
    if (options.last) await statement.run(em, finalSelect, [VERSION_MOVED]);
    else await statement.write(em, finalSelect, [VERSION_MOVED]);
  } catch (err) {
    if (isVersionMoved(err)) throw OptimisticLockError.lockFailed('OrderSaga');
    throw err;
  }
}

/** Whether `err` is a saga step's statement finding a version moved (a deferred one's surfaces in a later message of its transaction). */
function isVersionMoved(err: unknown): boolean {
  return err instanceof Error && err.message.includes(VERSION_MOVED);
}

/**
 * Adds a saga step's parts to `statement`, the saga row's as `sagaPart` (`saga` unless named;
 * returning its version). `orderInserted`: another part of the statement inserts the order row as
 * the step leaves it (placeOrder) — a part cannot see another's row, so there is nothing here to
 * update.
 */
export function addSagaStep(statement: CombinedStatement, em: EntityManager, write: SagaStepWrite, options: { orderInserted?: boolean; sagaPart?: string } = {}): void {
  const schema = em.config.get('schema');
  const table = (name: string) => `"${schema}".${name}`;
  const { saga, order } = write;
  const sagaPart = options.sagaPart ?? 'saga';

  if (saga.version === null) {
    statement.add(`insert into ${table('order_saga')} (order_id, state, updated_at) values (?, ?::jsonb, ?) returning version`, [saga.orderId, JSON.stringify(saga.state), saga.updatedAt], sagaPart);
  } else {
    statement.add(
      `update ${table('order_saga')} set state = ?::jsonb, updated_at = ?, version = version + 1 where order_id = ? and version = ? returning version`,
      [JSON.stringify(saga.state), saga.updatedAt, saga.orderId, saga.version],
      sagaPart,
    );
  }
  if (!options.orderInserted) {
    statement.add(`update ${table('customer_order')} set status = ?, cancellation_reason = ?, updated_at = ?, status_changes = ? where id = ?`, [
      order.status,
      order.cancellationReason,
      order.updatedAt,
      order.statusChanges,
      order.id,
    ]);
  }
  for (const timeout of write.timeouts) {
    if (timeout.cancel) statement.add(`delete from ${table('saga_timeout')} where order_id = ? and kind = ?`, [saga.orderId, timeout.kind]);
    else
      statement.add(
        `insert into ${table('saga_timeout')} (order_id, kind, token, due_at) values (?, ?, ?, ?)
         on conflict (order_id, kind) do update set token = excluded.token, due_at = excluded.due_at`,
        [saga.orderId, timeout.kind, timeout.token, timeout.dueAt],
      );
  }
  if (write.timeline.length) {
    statement.add(
      `insert into ${table('order_timeline')} (order_id, type, detail, occurred_at) values ${write.timeline.map(() => '(?, ?, ?, ?)').join(', ')}`,
      write.timeline.flatMap((entry) => [entry.orderId, entry.type, entry.detail, entry.occurredAt]),
    );
  }
  if (write.statusChanges.length) {
    statement.add(
      `insert into ${table('order_status_change')} (order_id, sequence, status, previous_status, reason, occurred_at) values ${write.statusChanges.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      write.statusChanges.flatMap((change) => [change.orderId, change.sequence, change.status, change.previousStatus, change.reason, change.occurredAt]),
    );
  }
  if (write.outbox.length) {
    const insert = outboxInsert(em, write.outbox);
    statement.add(insert.sql, insert.params);
  }
}
