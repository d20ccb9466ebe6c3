import type { AlertCause, AlertKind } from './alert-lifecycle.js';

/**
 * What each integration event means for staff, pure: the alert it raises (kind, subject, words)
 * or the subject whose alert it resolves. Subjects are what one open alert is kept per.
 */

export const LOW_STOCK_THRESHOLD = 10;

export const subjects = {
  order: (orderId: string) => `order:${orderId}`,
  refund: (refundId: string) => `refund:${refundId}`,
  shipment: (shipmentId: string) => `shipment:${shipmentId}`,
  sku: (sku: string) => `sku:${sku}`,
  deadLetter: (context: string, deadLetterId: string) => `dead-letter:${context}:${deadLetterId}`,
  notification: (notificationId: string) => `notification:${notificationId}`,
};

const shortId = (id: string) => id.slice(0, 8);

export function orderOnHold(input: { orderId: string; detail: string }): AlertCause {
  return { kind: 'ORDER_ON_HOLD', subject: subjects.order(input.orderId), summary: `Order ${shortId(input.orderId)} is ON_HOLD: ${input.detail}`, orderId: input.orderId, sku: null };
}

export function refundEscalated(input: { orderId: string; refundId: string; reason: string; attempts: number }): AlertCause {
  return {
    kind: 'REFUND_ESCALATED',
    subject: subjects.refund(input.refundId),
    summary: `Refund ${shortId(input.refundId)} of order ${shortId(input.orderId)} failed after ${input.attempts} attempt(s): ${input.reason}. Retry it or record a manual refund`,
    orderId: input.orderId,
    sku: null,
  };
}

export function deliveryFailed(input: { orderId: string; shipmentId: string; attempts: number }): AlertCause {
  return {
    kind: 'DELIVERY_FAILED',
    subject: subjects.shipment(input.shipmentId),
    summary: `Delivery of order ${shortId(input.orderId)} failed after ${input.attempts} attempt(s); the parcel is held at the carrier: call the customer`,
    orderId: input.orderId,
    sku: null,
  };
}

export function lowStock(input: { sku: string; totalAvailable: number }): AlertCause {
  return {
    kind: 'LOW_STOCK',
    subject: subjects.sku(input.sku),
    summary: `${input.sku} is low on stock: ${input.totalAvailable} available in all warehouses (threshold ${LOW_STOCK_THRESHOLD})`,
    orderId: null,
    sku: input.sku,
  };
}

/** Whether a stock level means the low-stock alert's cause went away. */
export const stockRecovered = (totalAvailable: number): boolean => totalAvailable >= LOW_STOCK_THRESHOLD;

/** A stock level as inventory observed it. */
export interface ObservedStock {
  sku: string;
  totalAvailable: number;
  observedAt: Date;
}

/**
 * Of several observations, the latest per SKU — by observation time, a tie going to the one seen
 * later, as when each is recorded in turn — so a batch judges each SKU by where its stock ended.
 */
export function latestPerSku(observations: readonly ObservedStock[]): ObservedStock[] {
  const latest = new Map<string, ObservedStock>();
  for (const observation of observations) {
    const held = latest.get(observation.sku);
    if (!held || held.observedAt.getTime() <= observation.observedAt.getTime()) latest.set(observation.sku, observation);
  }
  return [...latest.values()];
}

export function messageDeadLettered(input: { context: string; deadLetterId: string; handler: string; subject: string; error: string; attempts: number; orderId: string | null }): AlertCause {
  return {
    kind: 'MESSAGE_DEAD_LETTERED',
    subject: subjects.deadLetter(input.context, input.deadLetterId),
    summary: `${input.context} gave up on ${input.subject} (handler ${input.handler}) after ${input.attempts} delivery(ies): ${truncate(input.error, 300)}`,
    orderId: input.orderId,
    sku: null,
  };
}

export function notificationFailed(input: { notificationId: string; kind: string; to: string; orderId: string | null; attempts: number; error: string; permanent: boolean }): AlertCause {
  const how = input.permanent ? 'refused permanently' : `failed after ${input.attempts} attempt(s)`;
  return {
    kind: 'NOTIFICATION_FAILED',
    subject: subjects.notification(input.notificationId),
    summary: `E-mail ${input.kind} to ${input.to} ${how}: ${truncate(input.error, 300)}`,
    orderId: input.orderId,
    sku: null,
  };
}

/** An order that left ON_HOLD (staff closed it, or it moved on) no longer needs review. */
export function onHoldOver(input: { orderId: string; status: string; previousStatus: string | null }): { kind: AlertKind; subject: string; why: string } | null {
  if (input.previousStatus !== 'ON_HOLD' || input.status === 'ON_HOLD') return null;
  return { kind: 'ORDER_ON_HOLD', subject: subjects.order(input.orderId), why: `the order is ${input.status}` };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
