import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { outboxRow, type PendingOutboxRow } from '../../../events/outbox.js';
import { checkoutCompletion } from '../metrics.js';
import {
  FulfillmentRequested,
  InventoryReservationRequested,
  OrderAlertRaised,
  OrderStatusChanged,
  PaymentAuthorizationRequested,
  PaymentCaptureRequested,
  PaymentVoidRequested,
  RefundRequested,
  ReservationCommitRequested,
  ReservationReleaseRequested,
} from '../../../events/contracts/orders/index.js';
import type { SqlStatement } from '../../../platform/combined-statement.js';
import type { Logger } from '../../../platform/logger.js';
import type { SagaCommand, SagaEnvironment, SagaOutcome, SagaRecord, TimeoutInstruction } from '../domain/saga/types.js';
import type { OrderRecord } from '../store/order.entity.js';
import type { OrderSagaRecord } from '../store/order-saga.entity.js';
import { writeSagaSteps, type SagaStepWrite } from '../store/saga-step.statement.js';
import type { OrdersDeps } from './scope.js';

export const sagaEnvironment = (deps: Pick<OrdersDeps, 'clock' | 'saga'>): SagaEnvironment => ({ now: deps.clock(), newId: uuidv7, policy: deps.saga });

/** Where an outcome came from: the message (or request) that caused it, for the envelopes. */
export interface StepCause {
  causationId?: string | null;
  /** Only when the saga starts: the token travels in PaymentAuthorizationRequested and is kept nowhere. */
  paymentToken?: string;
}

/**
 * The saga's I/O shell for a step decided under the saga's lock (the timeout job, a replay,
 * cancelOrder): writes the changed outcome in the caller's transaction, in one statement
 * (store/saga-step.statement.ts) — the saga row (its version checked and bumped: optimistic
 * locking), the order's status, timeline entries, alerts, one integration event per request, and
 * the durable timeouts. Returns the order as the step left it; the records passed in are not
 * changed (nor flushed by the unit of work).
 */
export async function persistSagaStep(
  em: EntityManager,
  namespace: string,
  target: { order: OrderRecord; saga: OrderSagaRecord },
  outcome: SagaOutcome,
  cause: StepCause,
  log: Logger,
  inbox?: { take(): SqlStatement },
): Promise<OrderRecord> {
  const { write, order, written } = sagaStepWrite(namespace, target, outcome, cause, log);
  // the handled message's inbox row, when the kit leaves it to the step (saga.handlers.ts)
  await writeSagaSteps(em, [write], { also: inbox ? [inbox.take()] : [], last: true });
  written();
  return order;
}

/**
 * What a changed outcome writes, and the order as it leaves it (for a caller that writes it with
 * more: placeOrder, a batch of steps). `written`: to call once the write has succeeded — it logs
 * the status changes and alerts and records the checkout's completion time, which a step decided
 * again after a failed write (a moved version, a batch rolled back) must not log nor record twice.
 */
export function sagaStepWrite(
  namespace: string,
  target: { order: OrderRecord; saga: OrderSagaRecord | null },
  outcome: SagaOutcome,
  cause: StepCause,
  log: Logger,
): { write: SagaStepWrite; order: OrderRecord; written(): void } {
  const now = new Date();
  const { state } = outcome;
  const meta = { customerId: state.customerId, correlationId: state.orderId, causationId: cause.causationId ?? null };
  const order: OrderRecord = { ...target.order, status: state.status, cancellationReason: state.cancellationReason, updatedAt: now };
  const write: SagaStepWrite = {
    saga: { orderId: state.orderId, state, updatedAt: now, version: target.saga ? target.saga.version : null },
    order,
    timeouts: lastPerKind(outcome.timeouts),
    timeline: [],
    statusChanges: [],
    outbox: [],
  };
  const afterWrite: (() => void)[] = [];
  for (const record of outcome.records) applyRecord(write, namespace, order, record, now, meta, log, afterWrite);
  for (const command of outcome.commands) write.outbox.push(requestOf(namespace, order, command, cause, meta));
  return { write, order, written: () => afterWrite.forEach((task) => task()) };
}

/** A step may schedule and cancel one kind of timeout; only its last instruction for a kind counts. */
function lastPerKind(instructions: readonly TimeoutInstruction[]): SagaStepWrite['timeouts'] {
  const byKind = new Map<string, SagaStepWrite['timeouts'][number]>();
  for (const instruction of instructions) {
    byKind.set(instruction.kind, instruction.type === 'Schedule' ? { kind: instruction.kind, token: instruction.token, dueAt: instruction.dueAt } : { kind: instruction.kind, cancel: true });
  }
  return [...byKind.values()];
}

type Meta = { customerId: string; correlationId: string; causationId: string | null };

/** `afterWrite`: what to log and observe once the write is done. */
function applyRecord(write: SagaStepWrite, namespace: string, order: OrderRecord, record: SagaRecord, now: Date, meta: Meta, log: Logger, afterWrite: (() => void)[]): void {
  switch (record.type) {
    case 'TimelineEntry':
      write.timeline.push({ orderId: order.id, type: record.entry, detail: record.detail ?? null, occurredAt: now });
      return;
    case 'StatusChanged': {
      // the durable history orderUpdated(after:) replays, and the same number on the live event
      order.statusChanges += 1;
      const sequence = order.statusChanges;
      write.statusChanges.push({ orderId: order.id, sequence, status: record.to, previousStatus: record.from, reason: record.reason ?? null, occurredAt: now });
      write.outbox.push(
        outboxRow(
          namespace,
          OrderStatusChanged,
          { orderId: order.id, customerId: order.customerId, status: record.to, previousStatus: record.from, reason: record.reason, occurredAt: now.toISOString(), sequence },
          meta,
        ),
      );
      afterWrite.push(() => log.info({ orderId: order.id, from: record.from, to: record.to, reason: record.reason, sequence }, 'order status changed'));
      if (record.to === 'CONFIRMED') afterWrite.push(() => checkoutCompletion.observe(Math.max(0, now.getTime() - order.placedAt.getTime()) / 1000));
      return;
    }
    case 'AlertRaised':
      write.outbox.push(
        outboxRow(namespace, OrderAlertRaised, { orderId: order.id, customerId: order.customerId, kind: record.kind, detail: record.detail, raisedAt: now.toISOString() }, meta),
      );
      afterWrite.push(() => log.warn({ orderId: order.id, alert: record.kind, detail: record.detail }, 'order alert raised'));
      return;
  }
}

/** Each request of the saga → the integration event its participant consumes. */
function requestOf(namespace: string, order: OrderRecord, command: SagaCommand, cause: StepCause, meta: Meta): PendingOutboxRow {
  const orderId = order.id;
  switch (command.type) {
    case 'RequestReservation':
      return outboxRow(namespace, InventoryReservationRequested, { orderId, customerId: order.customerId, lines: command.lines, shippingRegion: command.region, shippingCountry: command.country }, meta);
    case 'RequestAuthorization':
      if (!cause.paymentToken) throw new Error(`Order ${orderId}: an authorization is only requested when the order is placed`);
      return outboxRow(
        namespace,
        PaymentAuthorizationRequested,
        { orderId, customerId: order.customerId, amountCents: command.amount.cents, currency: command.amount.currency, paymentToken: cause.paymentToken },
        meta,
      );
    case 'RequestCapture':
      return outboxRow(namespace, PaymentCaptureRequested, { orderId, amountCents: command.amount.cents, currency: command.amount.currency }, meta);
    case 'RequestCommit':
      return outboxRow(namespace, ReservationCommitRequested, { orderId }, meta);
    case 'RequestRelease':
      return outboxRow(namespace, ReservationReleaseRequested, { orderId, reason: command.reason }, meta);
    case 'RequestVoid':
      return outboxRow(namespace, PaymentVoidRequested, { orderId, reason: command.reason }, meta);
    case 'RequestRefund':
      return outboxRow(namespace, RefundRequested, { orderId, refundId: command.refundId, amountCents: command.amount.cents, currency: command.amount.currency, reason: command.reason }, meta);
    case 'RequestFulfillment':
      return outboxRow(
        namespace,
        FulfillmentRequested,
        {
          orderId,
          customerId: order.customerId,
          warehouseId: command.warehouseId,
          reservationId: command.reservationId,
          items: order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
          shippingAddress: order.shippingAddress,
          shippingMethod: order.shippingMethod,
        },
        meta,
      );
  }
}
