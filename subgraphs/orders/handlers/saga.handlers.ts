import { handle, type EventHandler, type HandlerOptions } from '../../../events/handler.js';
import type { EventDefinition, PayloadOf } from '../../../events/contract.js';
import {
  InventoryReservationFailed,
  InventoryReserved,
  ReservationChangeRejected,
  ReservationCommitted,
  ReservationExpired,
  ReservationReleased,
} from '../../../events/contracts/inventory/index.js';
import {
  PaymentAuthorizationFailed,
  PaymentAuthorized,
  PaymentCaptureFailed,
  PaymentCaptured,
  PaymentVoided,
  RefundCompleted,
  RefundFailed,
} from '../../../events/contracts/payments/index.js';
import { DeliveryAttemptFailed, DeliveryFailed, ShipmentAssigned, ShipmentDelivered, ShipmentDispatched } from '../../../events/contracts/fulfillment/index.js';
import { ReturnUpdated } from '../../../events/contracts/returns/index.js';
import type { SagaEvent } from '../domain/saga/types.js';
import { advanceSaga } from '../use-cases/advance-saga.js';
import { advanceSagas } from '../use-cases/advance-sagas.js';
import type { OrdersDeps } from '../use-cases/scope.js';

/**
 * Two answers about one order may be handled at once; they queue on the saga row's lock (see
 * OrderRepository.lockSaga). A step that still fails (a deadlock, a lost connection) is
 * redelivered: short first delays keep that retry fast (the checkout target is CONFIRMED within
 * seconds), and enough deliveries to outlast a busy order.
 */
/**
 * A step reads and writes only the database, in one write statement: the message's inbox row goes
 * in that statement (`inboxInWrite`), and a duplicate is told by the inbox key when it writes.
 * Answers that wait together — every slot busy, or come within `lingerMs` of the first — are
 * handled as one batch: one transaction (use-cases/advance-sagas.ts). The linger costs an order
 * at most 20 ms per answer; under load it saves a transaction per answer that joins a batch.
 */
const SAGA_STEP: Omit<HandlerOptions, 'name'> = {
  maxDeliver: 10,
  backoffMs: [100, 250, 1_000, 5_000, 15_000, 60_000],
  inboxInWrite: true,
  batchSize: 50,
  lingerMs: 20,
};

/** The participants' answers (inventory, payments, fulfillment) and returns' steps → the order saga. */
export function sagaHandlers(deps: Pick<OrdersDeps, 'eventNamespace' | 'clock' | 'saga' | 'recentSagas'>): EventHandler[] {
  /** One answer → what the saga reacts to; every answer names its order. */
  const on = <D extends EventDefinition<string, { orderId: string }>>(definition: D, name: string, toSagaEvent: (payload: PayloadOf<D>) => SagaEvent) =>
    handle(
      definition,
      { name, ...SAGA_STEP },
      async (event, { em, log, inbox }) => {
        const { orderId } = event.payload;
        const result = await advanceSaga(em, deps, orderId, toSagaEvent(event.payload), { causationId: event.id }, log, inbox);
        log.info({ orderId, result }, `${event.type} applied to the order saga`);
      },
      async (events, { em, log, inbox }) => {
        if (!inbox) throw new Error(`${name}: a batch of saga steps writes its inbox rows itself`);
        const steps = events.map((event) => ({ orderId: event.payload.orderId, event: toSagaEvent(event.payload), causationId: event.id }));
        const results = await advanceSagas(em, deps, steps, log, inbox);
        events.forEach((event, i) => log.info({ orderId: event.payload.orderId, eventId: event.id, result: results[i] }, `${event.type} applied to the order saga (a batch of ${events.length})`));
      },
    );

  return [
    // inventory
    on(InventoryReserved, 'saga-on-inventory-reserved', (p) => ({ type: 'InventoryReserved', reservationId: p.reservationId, warehouseId: p.warehouseId })),
    on(InventoryReservationFailed, 'saga-on-inventory-reservation-failed', (p) => ({
      type: 'InventoryReservationFailed',
      reason: p.reason,
      detail: p.unavailable.map((u) => `${u.sku}: ${u.requested} wanted, at most ${u.bestAvailable} in one warehouse`).join('; '),
    })),
    on(ReservationCommitted, 'saga-on-reservation-committed', (p) => ({ type: 'ReservationCommitted', reservationId: p.reservationId })),
    on(ReservationReleased, 'saga-on-reservation-released', (p) => ({ type: 'ReservationReleased', reservationId: p.reservationId, previousStatus: p.previousStatus })),
    on(ReservationExpired, 'saga-on-reservation-expired', (p) => ({ type: 'ReservationExpired', reservationId: p.reservationId })),
    on(ReservationChangeRejected, 'saga-on-reservation-change-rejected', (p) => ({ type: 'ReservationChangeRejected', requested: p.requested, reason: p.reason })),
    // payments
    on(PaymentAuthorized, 'saga-on-payment-authorized', (p) => ({ type: 'PaymentAuthorized', paymentId: p.paymentId, amountCents: p.amountCents })),
    on(PaymentAuthorizationFailed, 'saga-on-payment-authorization-failed', (p) => ({ type: 'PaymentAuthorizationFailed', paymentId: p.paymentId, reason: p.reason, retriable: p.retriable })),
    on(PaymentCaptured, 'saga-on-payment-captured', (p) => ({ type: 'PaymentCaptured', paymentId: p.paymentId, amountCents: p.amountCents })),
    on(PaymentCaptureFailed, 'saga-on-payment-capture-failed', (p) => ({ type: 'PaymentCaptureFailed', paymentId: p.paymentId, reason: p.reason })),
    on(PaymentVoided, 'saga-on-payment-voided', (p) => ({ type: 'PaymentVoided', paymentId: p.paymentId, authorized: p.authorized })),
    on(RefundCompleted, 'saga-on-refund-completed', (p) => ({ type: 'RefundCompleted', refundId: p.refundId, amountCents: p.amountCents })),
    on(RefundFailed, 'saga-on-refund-failed', (p) => ({ type: 'RefundFailed', refundId: p.refundId, reason: p.reason, attempts: p.attempts })),
    // fulfillment
    on(ShipmentAssigned, 'saga-on-shipment-assigned', (p) => ({ type: 'ShipmentAssigned', shipmentId: p.shipmentId, warehouseId: p.warehouseId })),
    on(ShipmentDispatched, 'saga-on-shipment-dispatched', (p) => ({
      type: 'ShipmentDispatched',
      shipmentId: p.shipmentId,
      carrier: p.carrier,
      trackingNumber: p.trackingNumber,
      dispatchedAt: p.dispatchedAt,
    })),
    on(DeliveryAttemptFailed, 'saga-on-delivery-attempt-failed', (p) => ({ type: 'DeliveryAttemptFailed', shipmentId: p.shipmentId, attempt: p.attempt, reason: p.reason })),
    on(ShipmentDelivered, 'saga-on-shipment-delivered', (p) => ({ type: 'ShipmentDelivered', shipmentId: p.shipmentId, deliveredAt: p.deliveredAt })),
    on(DeliveryFailed, 'saga-on-delivery-failed', (p) => ({ type: 'DeliveryFailed', shipmentId: p.shipmentId, attempts: p.attempts })),
    // returns
    on(ReturnUpdated, 'saga-on-return-updated', (p) => ({
      type: 'ReturnUpdated',
      returnId: p.returnId,
      status: p.status,
      sequence: p.sequence,
      open: p.open,
      units: p.items.reduce((n, item) => n + item.quantity, 0),
      refundCents: p.refundCents,
      label: p.label,
      rejectionReason: p.rejectionReason,
      refund: p.refund,
    })),
  ];
}
