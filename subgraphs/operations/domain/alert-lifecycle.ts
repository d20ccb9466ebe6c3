/**
 * The life of an alert (SPEC §10), pure: OPEN → ACKNOWLEDGED → RESOLVED, with who and when.
 * One alert is open per (kind, subject) at a time; a cause seen again while one is open changes
 * nothing. Alerts resolve themselves when the cause goes away (actor `system`). An ON_HOLD alert
 * still OPEN after its review target is escalated, once.
 */

export type AlertKind = 'ORDER_ON_HOLD' | 'REFUND_ESCALATED' | 'DELIVERY_FAILED' | 'LOW_STOCK' | 'MESSAGE_DEAD_LETTERED' | 'NOTIFICATION_FAILED';
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';

export const ALERT_KINDS: readonly AlertKind[] = ['ORDER_ON_HOLD', 'REFUND_ESCALATED', 'DELIVERY_FAILED', 'LOW_STOCK', 'MESSAGE_DEAD_LETTERED', 'NOTIFICATION_FAILED'];

/** The actor of changes nobody made by hand: a cause that went away. */
export const SYSTEM_ACTOR = 'system';

/** Kinds with a review target: still OPEN after it, they are escalated. */
export const ESCALATING_KINDS: readonly AlertKind[] = ['ORDER_ON_HOLD'];

export interface AlertState {
  kind: AlertKind;
  status: AlertStatus;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolution: string | null;
  escalatedAt: Date | null;
}

/** Why something needs staff: what it is about, in words. */
export interface AlertCause {
  kind: AlertKind;
  /** Deduplication key within the kind, e.g. `order:<id>`, `sku:<SKU>`. */
  subject: string;
  summary: string;
  orderId: string | null;
  sku: string | null;
}

export type RaiseDecision = { kind: 'raise'; alert: AlertState } | { kind: 'already-open' };

/** A cause → a new OPEN alert, unless one is open for the same subject. */
export function raise(open: AlertState | null, cause: AlertCause, now: Date): RaiseDecision {
  if (open && open.status !== 'RESOLVED') return { kind: 'already-open' };
  return {
    kind: 'raise',
    alert: { kind: cause.kind, status: 'OPEN', raisedAt: now, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, resolution: null, escalatedAt: null },
  };
}

export type ChangeDecision = { kind: 'changed'; alert: AlertState } | { kind: 'unchanged' } | { kind: 'rejected'; reason: 'ALREADY_RESOLVED' };

/** Staff takes it: OPEN → ACKNOWLEDGED. Acknowledging again changes nothing; a RESOLVED alert refuses. */
export function acknowledge(alert: AlertState, actor: string, now: Date): ChangeDecision {
  if (alert.status === 'RESOLVED') return { kind: 'rejected', reason: 'ALREADY_RESOLVED' };
  if (alert.status === 'ACKNOWLEDGED') return { kind: 'unchanged' };
  return { kind: 'changed', alert: { ...alert, status: 'ACKNOWLEDGED', acknowledgedAt: now, acknowledgedBy: actor } };
}

/** Staff closes it, with an optional note: OPEN or ACKNOWLEDGED → RESOLVED. */
export function resolve(alert: AlertState, actor: string, note: string | null, now: Date): ChangeDecision {
  if (alert.status === 'RESOLVED') return { kind: 'rejected', reason: 'ALREADY_RESOLVED' };
  return { kind: 'changed', alert: { ...alert, status: 'RESOLVED', resolvedAt: now, resolvedBy: actor, resolution: note } };
}

/** The cause went away (order closed, refund completed, stock back): resolved by `system`; already resolved → nothing. */
export function autoResolve(alert: AlertState, why: string, now: Date): ChangeDecision {
  if (alert.status === 'RESOLVED') return { kind: 'unchanged' };
  return resolve(alert, SYSTEM_ACTOR, why, now);
}

/** Whether an alert is past its review target still OPEN and not yet escalated. */
export function isOverdue(alert: AlertState, now: Date, reviewTargetMs: number): boolean {
  return ESCALATING_KINDS.includes(alert.kind) && alert.status === 'OPEN' && alert.escalatedAt === null && now.getTime() - alert.raisedAt.getTime() >= reviewTargetMs;
}

/** Marks an overdue alert escalated (once); anything else is unchanged. */
export function escalate(alert: AlertState, now: Date, reviewTargetMs: number): ChangeDecision {
  if (!isOverdue(alert, now, reviewTargetMs)) return { kind: 'unchanged' };
  return { kind: 'changed', alert: { ...alert, escalatedAt: now } };
}
