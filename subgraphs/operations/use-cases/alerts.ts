import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from '../../../events/outbox.js';
import { AlertRaised } from '../../../events/contracts/operations/alert-raised.event.js';
import { requireStaff } from '../../../platform/auth.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { acknowledge, autoResolve, raise, resolve, type AlertCause, type AlertKind, type ChangeDecision } from '../domain/alert-lifecycle.js';
import type { AlertRecord } from '../store/alert.entity.js';
import { AlertRepository } from '../store/alert.repository.js';
import { SkuStockRepository } from '../store/sku-stock.repository.js';
import * as causes from '../domain/alert-causes.js';
import { invalidInput, isUuid, type FieldErrors } from './input.js';
import { ALERT_ROLES, type OperationsDeps, type OperationsScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

export type RaiseOutcome = 'RAISED' | 'ALREADY_OPEN';

/**
 * In a handler's transaction: opens an alert for the cause unless its subject has one open, and
 * announces it (AlertRaised feeds the staff subscription) in the same transaction.
 */
export async function raiseAlert(deps: Pick<OperationsDeps, 'eventNamespace'>, em: EntityManager, cause: AlertCause, causationId: string): Promise<RaiseOutcome> {
  const alerts = new AlertRepository(em);
  if (raise(await alerts.openFor(cause.kind, cause.subject), cause, new Date()).kind === 'already-open') return 'ALREADY_OPEN';
  const alert = await alerts.openUnlessOpen(cause, causationId);
  if (!alert) return 'ALREADY_OPEN'; // another handler opened it in between
  recordEvent(
    em,
    deps.eventNamespace,
    AlertRaised,
    { alertId: alert.id, kind: alert.kind, subject: alert.subject, summary: alert.summary, orderId: alert.orderId, sku: alert.sku, raisedAt: alert.raisedAt.toISOString() },
    { correlationId: alert.orderId, causationId },
  );
  return 'RAISED';
}

/** In a handler's transaction: the cause of a subject's open alert went away → RESOLVED by `system`. */
export async function resolveCause(em: EntityManager, kind: AlertKind, subject: string, why: string): Promise<'RESOLVED' | 'NONE_OPEN'> {
  return (await resolveCauses(em, kind, new Map([[subject, why]]))) ? 'RESOLVED' : 'NONE_OPEN';
}

/**
 * In a handler's transaction: the causes of several subjects' open alerts went away (subject →
 * why) → each RESOLVED by `system`, locked in subject order. How many were resolved.
 */
async function resolveCauses(em: EntityManager, kind: AlertKind, why: ReadonlyMap<string, string>): Promise<number> {
  if (!why.size) return 0;
  const open = await new AlertRepository(em).openForAll(kind, [...why.keys()]);
  const now = new Date();
  return open.filter((alert) => apply(alert, autoResolve(alert, why.get(alert.subject)!, now))).length;
}

/**
 * In a handler's transaction: stock levels observed (one event's, or a batch's) → the sku_stock
 * record, in one upsert of each SKU's latest, and the LOW_STOCK alerts of the SKUs whose latest
 * level is back above the threshold resolved, in one locking read. Each SKU is judged by where its
 * stock ended: a recovery that a drop overtook within the batch resolves nothing. How many were resolved.
 */
export async function observeStockLevels(em: EntityManager, observations: readonly causes.ObservedStock[]): Promise<number> {
  const latest = causes.latestPerSku(observations);
  const nowLatest = await new SkuStockRepository(em).observe(latest);
  const recovered = new Map(
    latest.filter((level) => nowLatest.has(level.sku) && causes.stockRecovered(level.totalAvailable)).map((level) => [causes.subjects.sku(level.sku), `stock is back to ${level.totalAvailable}`]),
  );
  // the upsert above took the SKUs' locks: the alerts are read by a statement that starts after
  // any alert of theirs being raised meanwhile was committed
  return resolveCauses(em, 'LOW_STOCK', recovered);
}

/** `acknowledgeAlert`: any staff member. */
export async function acknowledgeAlert(scope: OperationsScope, id: string): Promise<AlertRecord> {
  const staff = requireStaff(scope.caller, ...ALERT_ROLES);
  return change(scope, id, (alert, now) => acknowledge(alert, staff.subject, now));
}

export const NOTE_MAX_LENGTH = 500;

/** `resolveAlert`: any staff member, with an optional note. */
export async function resolveAlert(scope: OperationsScope, id: string, note: string | null | undefined): Promise<AlertRecord> {
  const staff = requireStaff(scope.caller, ...ALERT_ROLES);
  const errors: FieldErrors = {};
  const trimmed = note?.trim() ?? '';
  if ([...trimmed].length > NOTE_MAX_LENGTH) errors.note = `must be at most ${NOTE_MAX_LENGTH} characters`;
  if (Object.keys(errors).length) throw invalidInput(errors);
  return change(scope, id, (alert, now) => resolve(alert, staff.subject, trimmed || null, now));
}

async function change(scope: OperationsScope, id: string, decide: (alert: AlertRecord, now: Date) => ChangeDecision): Promise<AlertRecord> {
  if (!isUuid(id)) throw notFound(`Alert ${id}`);
  return inTransaction(scope.em, async (em) => {
    const alert = await new AlertRepository(em).lock(id);
    if (!alert) throw notFound(`Alert ${id}`);
    const decision = decide(alert, new Date());
    if (decision.kind === 'rejected') throw conflict(`Alert ${id} is already RESOLVED`, { reason: decision.reason, status: alert.status });
    apply(alert, decision);
    return alert;
  });
}

function apply(alert: AlertRecord, decision: ChangeDecision): boolean {
  if (decision.kind !== 'changed') return false;
  Object.assign(alert, decision.alert);
  return true;
}
