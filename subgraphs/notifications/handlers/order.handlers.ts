import { project, BACKGROUND_PROJECTION_BATCH, PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import { OrderPlaced } from '../../../events/contracts/orders/order-placed.event.js';
import { PaymentCaptured } from '../../../events/contracts/payments/payment-captured.event.js';
import { orderCaptureUpdate, orderSummaryInsert } from '../store/projections.repository.js';
import { LOOKUP_RETRIES } from './mail-triggers.js';

/**
 * Orders as their e-mails need them: OrderPlaced carries everything the confirmation shows (it
 * fires at placement; the confirmation is sent on CONFIRMED, which says only the status).
 */
export function orderHandlers(): EventHandler[] {
  return [
    project(OrderPlaced, { name: 'order-summary-on-order-placed', ...PROJECTION_BATCH }, (event, schema) => {
      const p = event.payload;
      return orderSummaryInsert(schema, p.orderId, p.customerId, {
        // events recorded before orders had numbers carry none: the e-mails show the id's start then
        number: p.number ?? null,
        items: p.items,
        subtotalCents: p.subtotalCents,
        discountCents: p.discountCents ?? 0,
        couponCode: p.couponCode ?? null,
        shippingCents: p.shippingCents,
        totalCents: p.totalCents,
        currency: p.currency,
        shippingAddress: p.shippingAddress,
        shippingMethod: p.shippingMethod,
        placedAt: new Date(p.placedAt),
      });
    }),
    // PaymentCaptured may arrive before OrderPlaced was applied: the capture then waits for the order (retried).
    // It lingers: only the cancellation e-mail reads it, and a cancellation after a capture comes
    // hops (and a person's decision) later. The summary above does not: the confirmation looks it up.
    project(PaymentCaptured, { name: 'order-summary-on-payment-captured', ...BACKGROUND_PROJECTION_BATCH, ...LOOKUP_RETRIES }, (event, schema) =>
      orderCaptureUpdate(schema, event.payload.orderId, event.payload.amountCents),
    ),
  ];
}
