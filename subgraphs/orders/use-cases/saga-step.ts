import { checkoutCompletion } from '../metrics.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from '../../../events/outbox.js';
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
import type { Logger } from '../../../platform/logger.js';
import type { SagaCommand, SagaOutcome, SagaRecord } from '../domain/saga/types.js';
import type { OrderRecord } from '../store/order.entity.js';
import { OrderSagaEntity, type OrderSagaRecord } from '../store/order-saga.entity.js';
import { SagaTimeoutRepository } from '../store/saga-timeout.repository.js';
import { TimelineEntity } from '../store/timeline.entity.js';

/** Where an outcome came from: the message (or request) that caused it, for the envelopes. */
export interface StepCause {
  causationId?: string | null;
  /** Only when the saga starts: the token travels in PaymentAuthorizationRequested and is kept nowhere. */
  paymentToken?: string;
}

/**
 * The saga's I/O shell: writes one decided outcome in the caller's transaction — the saga row
 * (its version is checked and bumped at flush: optimistic locking), the order's status, timeline
 * entries, alerts, one integration event per request, and the durable timeouts. `saga` is null
 * when the saga starts (the row is created).
 */
export async function persistSagaStep(
  em: EntityManager,
  namespace: string,
  target: { order: OrderRecord; saga: OrderSagaRecord | null },
  outcome: SagaOutcome,
  cause: StepCause,
  log: Logger,
): Promise<OrderSagaRecord | null> {
  if (!outcome.changed) return target.saga;
  const { order } = target;
  const now = new Date();
  const { state } = outcome;
  const meta = { customerId: state.customerId, correlationId: state.orderId, causationId: cause.causationId ?? null };

  // timeouts first: the timeout job locks a timeout row before the saga row, so every writer
  // takes them in that order (no deadlock between a step and a firing timeout)
  const timeouts = new SagaTimeoutRepository(em);
  for (const instruction of outcome.timeouts) {
    if (instruction.type === 'Schedule') await timeouts.schedule(state.orderId, instruction.kind, instruction.token, instruction.dueAt);
    else await timeouts.cancel(state.orderId, instruction.kind);
  }

  let saga = target.saga;
  if (saga) {
    saga.state = state;
    saga.updatedAt = now;
  } else {
    saga = em.create(OrderSagaEntity, { orderId: state.orderId, state, updatedAt: now });
  }
  order.status = state.status;
  order.cancellationReason = state.cancellationReason;
  order.updatedAt = now;

  for (const record of outcome.records) applyRecord(em, namespace, order, record, now, meta, log);
  for (const command of outcome.commands) requestOf(em, namespace, order, command, cause, meta);
  return saga;
}

type Meta = { customerId: string; correlationId: string; causationId: string | null };

function applyRecord(em: EntityManager, namespace: string, order: OrderRecord, record: SagaRecord, now: Date, meta: Meta, log: Logger): void {
  switch (record.type) {
    case 'TimelineEntry':
      em.create(TimelineEntity, { orderId: order.id, type: record.entry, detail: record.detail, occurredAt: now });
      return;
    case 'StatusChanged':
      recordEvent(
        em,
        namespace,
        OrderStatusChanged,
        { orderId: order.id, customerId: order.customerId, status: record.to, previousStatus: record.from, reason: record.reason, occurredAt: now.toISOString() },
        meta,
      );
      log.info({ orderId: order.id, from: record.from, to: record.to, reason: record.reason }, 'order status changed');
      if (record.to === 'CONFIRMED') checkoutCompletion.observe(Math.max(0, now.getTime() - order.placedAt.getTime()) / 1000);
      return;
    case 'AlertRaised':
      recordEvent(em, namespace, OrderAlertRaised, { orderId: order.id, customerId: order.customerId, kind: record.kind, detail: record.detail, raisedAt: now.toISOString() }, meta);
      log.warn({ orderId: order.id, alert: record.kind, detail: record.detail }, 'order alert raised');
      return;
  }
}

/** Each request of the saga → the integration event its participant consumes. */
function requestOf(em: EntityManager, namespace: string, order: OrderRecord, command: SagaCommand, cause: StepCause, meta: Meta): void {
  const orderId = order.id;
  switch (command.type) {
    case 'RequestReservation':
      recordEvent(em, namespace, InventoryReservationRequested, { orderId, customerId: order.customerId, lines: command.lines, shippingRegion: command.region, shippingCountry: command.country }, meta);
      return;
    case 'RequestAuthorization':
      if (!cause.paymentToken) throw new Error(`Order ${orderId}: an authorization is only requested when the order is placed`);
      recordEvent(
        em,
        namespace,
        PaymentAuthorizationRequested,
        { orderId, customerId: order.customerId, amountCents: command.amount.cents, currency: command.amount.currency, paymentToken: cause.paymentToken },
        meta,
      );
      return;
    case 'RequestCapture':
      recordEvent(em, namespace, PaymentCaptureRequested, { orderId, amountCents: command.amount.cents, currency: command.amount.currency }, meta);
      return;
    case 'RequestCommit':
      recordEvent(em, namespace, ReservationCommitRequested, { orderId }, meta);
      return;
    case 'RequestRelease':
      recordEvent(em, namespace, ReservationReleaseRequested, { orderId, reason: command.reason }, meta);
      return;
    case 'RequestVoid':
      recordEvent(em, namespace, PaymentVoidRequested, { orderId, reason: command.reason }, meta);
      return;
    case 'RequestRefund':
      recordEvent(em, namespace, RefundRequested, { orderId, refundId: command.refundId, amountCents: command.amount.cents, currency: command.amount.currency, reason: command.reason }, meta);
      return;
    case 'RequestFulfillment':
      recordEvent(
        em,
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
      return;
  }
}
