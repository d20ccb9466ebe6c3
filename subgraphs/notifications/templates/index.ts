import { deliveryFailed } from './delivery-failed.template.js';
import { orderCancelled } from './order-cancelled.template.js';
import { orderConfirmed } from './order-confirmed.template.js';
import { orderOnHold } from './order-on-hold.template.js';
import { passwordReset } from './password-reset.template.js';
import { paymentFailed } from './payment-failed.template.js';
import { refundCompleted } from './refund-completed.template.js';
import { returnUpdated } from './return-updated.template.js';
import { shipmentDispatched } from './shipment-dispatched.template.js';
import type { Template } from './template.js';

/**
 * Every kind of e-mail and its template: a new kind is one template file, one line here and one
 * trigger in handlers/mail-triggers.ts. The kinds are the GraphQL NotificationKind values.
 */
export const TEMPLATES = {
  ORDER_CONFIRMED: orderConfirmed,
  PAYMENT_FAILED: paymentFailed,
  ORDER_ON_HOLD: orderOnHold,
  ORDER_CANCELLED: orderCancelled,
  SHIPMENT_DISPATCHED: shipmentDispatched,
  DELIVERY_FAILED: deliveryFailed,
  REFUND_COMPLETED: refundCompleted,
  PASSWORD_RESET: passwordReset,
  RETURN_UPDATED: returnUpdated,
} as const;

export type NotificationKind = keyof typeof TEMPLATES;
export type DataOf<K extends NotificationKind> = (typeof TEMPLATES)[K] extends Template<infer D> ? D : never;
