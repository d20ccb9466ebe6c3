import type { EntityManager } from '@mikro-orm/postgresql';
import { AlertEscalated } from '../../../events/contracts/operations/alert-escalated.event.js';
import { recordEvent } from '../../../events/outbox.js';
import { ESCALATING_KINDS } from '../domain/alert-lifecycle.js';
import { AlertRepository } from '../store/alert.repository.js';
import type { OperationsDeps } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * Escalates, once, every alert still OPEN past its review target (SPEC §6: ON_HOLD orders are
 * reviewed within 1 hour), by the database clock: the mark and its AlertEscalated event commit
 * together. Several replicas may run it; rows one is escalating are skipped by the others.
 */
export async function escalateOverdueAlerts(em: EntityManager, deps: Pick<OperationsDeps, 'eventNamespace' | 'onHoldReviewTargetMs' | 'counters'>): Promise<number> {
  const escalated = await inTransaction(em, async (tx) => {
    const alerts = await new AlertRepository(tx).escalateOverdue(ESCALATING_KINDS, deps.onHoldReviewTargetMs);
    for (const alert of alerts) {
      recordEvent(
        tx,
        deps.eventNamespace,
        AlertEscalated,
        { alertId: alert.id, kind: alert.kind, orderId: alert.orderId, raisedAt: alert.raisedAt.toISOString(), escalatedAt: alert.escalatedAt!.toISOString() },
        { correlationId: alert.orderId },
      );
    }
    return alerts;
  });
  for (const alert of escalated) deps.counters.escalated(alert.kind);
  return escalated.length;
}
