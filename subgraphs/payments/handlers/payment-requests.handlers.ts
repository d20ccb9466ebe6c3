import { handle, type EventHandler, type HandlerOptions } from '../../../events/handler.js';
import { PaymentAuthorizationRequested, PaymentCaptureRequested, PaymentVoidRequested, RefundRequested } from '../../../events/contracts/orders/index.js';
import { ReturnRefundRequested } from '../../../events/contracts/returns/index.js';
import { authorizePayment } from '../use-cases/authorize-payment.js';
import { capturePayment } from '../use-cases/capture-payment.js';
import { refundPayment } from '../use-cases/refund-payment.js';
import type { Cause, PaymentsDeps } from '../use-cases/scope.js';
import { voidPayment } from '../use-cases/void-payment.js';
import { paymentLockKey } from '../store/payment.repository.js';

/**
 * Provider calls run inside the handler (3 attempts with back-off, each up to the gateway
 * timeout), so the ack wait leaves room for all of them; the kit keeps the message alive with
 * `working()` meanwhile. Redeliveries (database trouble, requests that overtook their
 * prerequisites) use the kit's back-off and end in the dead-letter store.
 */
const PAYMENT_REQUEST: Omit<HandlerOptions, 'name'> = { ackWaitMs: 120_000 };

/** Everything for one order queues on its payment's lock, which the kit takes with the inbox row. */
const byOrder = (payload: { orderId: string }) => paymentLockKey(payload.orderId);

/**
 * The saga's requests (and returns' refunds) → the payment lifecycle. Each runs in the kit's
 * transaction with its inbox row, so a redelivered message does nothing; a new message for the
 * same order is answered from the payment as it stands (see the use cases).
 */
export function paymentRequestHandlers(deps: PaymentsDeps): EventHandler[] {
  return [
    handle(PaymentAuthorizationRequested, { name: 'authorize-on-payment-authorization-requested', ...PAYMENT_REQUEST, lockKey: byOrder }, async (event, { em, log }) => {
      const outcome = await authorizePayment(deps, em, event.payload, cause(event));
      log.info({ orderId: event.payload.orderId, outcome }, 'authorization requested');
    }),
    handle(PaymentCaptureRequested, { name: 'capture-on-payment-capture-requested', ...PAYMENT_REQUEST, lockKey: byOrder }, async (event, { em, log }) => {
      const outcome = await capturePayment(deps, em, event.payload, cause(event));
      log.info({ orderId: event.payload.orderId, outcome }, 'capture requested');
    }),
    handle(PaymentVoidRequested, { name: 'void-on-payment-void-requested', ...PAYMENT_REQUEST, lockKey: byOrder }, async (event, { em, log }) => {
      const outcome = await voidPayment(deps, em, event.payload, cause(event));
      log.info({ orderId: event.payload.orderId, reason: event.payload.reason, outcome }, 'void requested');
    }),
    handle(RefundRequested, { name: 'refund-on-refund-requested', ...PAYMENT_REQUEST, lockKey: byOrder }, async (event, { em, log }) => {
      const outcome = await refundPayment(deps, em, event.payload, cause(event));
      log.info({ orderId: event.payload.orderId, refundId: event.payload.refundId, outcome }, 'refund requested');
    }),
    // a received return's partial refund: the same refund, answered the same way (RefundCompleted / RefundFailed)
    handle(ReturnRefundRequested, { name: 'refund-on-return-refund-requested', ...PAYMENT_REQUEST, lockKey: byOrder }, async (event, { em, log }) => {
      const { orderId, refundId, amountCents, currency, reason, returnId } = event.payload;
      const outcome = await refundPayment(deps, em, { orderId, refundId, amountCents, currency, reason }, cause(event));
      log.info({ orderId, refundId, returnId, outcome }, 'return refund requested');
    }),
  ];
}

const cause = (event: { id: string; customerId: string | null }): Cause => ({ causationId: event.id, customerId: event.customerId });
