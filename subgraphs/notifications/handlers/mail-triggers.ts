import type { EntityManager } from '@mikro-orm/postgresql';
import { handle, type EventHandler } from '../../../events/handler.js';
import type { Envelope, EventDefinition, PayloadOf } from '../../../events/contract.js';
import { PasswordResetRequested } from '../../../events/contracts/customers/password-reset-requested.event.js';
import { DeliveryFailed } from '../../../events/contracts/fulfillment/delivery-failed.event.js';
import { ShipmentDispatched } from '../../../events/contracts/fulfillment/shipment-dispatched.event.js';
import { OrderStatusChanged } from '../../../events/contracts/orders/order-status-changed.event.js';
import { RefundCompleted } from '../../../events/contracts/payments/refund-completed.event.js';
import { ReturnUpdated } from '../../../events/contracts/returns/return-updated.event.js';
import { expectedDeliveryBy, shippingMethodLabel } from '../domain/delivery-estimate.js';
import { orderLabel } from '../domain/order-facts.js';
import { reorderLink } from '../domain/storefront-links.js';
import { trackingLink } from '../domain/tracking-link.js';
import { ProjectionsRepository } from '../store/projections.repository.js';
import type { OrderSummaryRecord } from '../store/order-summary.entity.js';
import type { RecipientRecord } from '../store/recipient.entity.js';
import type { NotificationKind } from '../templates/index.js';
import { queueNotification, type Draft } from '../use-cases/queue-notification.js';

/**
 * Which event sends which e-mail: one trigger per kind, each its own consumer (and inbox name).
 * A trigger reads notifications' own projections, never another context: when the order or the
 * customer is not projected yet (their events race this one), it throws and the kit retries.
 */

/** Projections lag by at most a few deliveries; after these the event is dead-lettered (replayable). */
export const LOOKUP_RETRIES = { maxDeliver: 8, backoffMs: [1_000, 2_000, 5_000, 15_000, 30_000, 60_000, 120_000] };

class NotYetProjected extends Error {}

export interface Lookups {
  /** The order and the customer who placed it, as projected; throws (the kit retries) while either is missing. */
  orderWithRecipient(orderId: string): Promise<{ order: OrderSummaryRecord; recipient: RecipientRecord }>;
}

function lookups(em: EntityManager): Lookups {
  const repository = new ProjectionsRepository(em);
  return {
    async orderWithRecipient(orderId) {
      const { order, recipient } = await repository.findOrderWithRecipient(orderId);
      if (!order) throw new NotYetProjected(`order ${orderId} is not projected yet (OrderPlaced not applied)`);
      if (!recipient) throw new NotYetProjected(`customer ${order.customerId} is not projected yet (CustomerRegistered not applied)`);
      return { order, recipient };
    },
  };
}

/** Where the e-mails' links point (notifications' settings). */
export interface MailLinks {
  /** The storefront's address, no trailing slash. */
  storefrontUrlBase: string;
}

interface MailTrigger {
  name: string;
  definition: EventDefinition;
  /** The events that send this e-mail; the others are acknowledged without a transaction. */
  relevant?: (payload: unknown) => boolean;
  compose(event: Envelope, find: Lookups, links: MailLinks): Promise<Draft | null>;
}

type Compose<D extends EventDefinition, K extends NotificationKind> = (event: Envelope<PayloadOf<D>>, find: Lookups, links: MailLinks) => Promise<Omit<Draft<K>, 'kind'> | null>;

/** A trigger of e-mail `kind` on every `definition` event, or (`when`) on those whose payload matches. */
function trigger<D extends EventDefinition, K extends NotificationKind>(definition: D, kind: K, compose: Compose<D, K>): MailTrigger;
function trigger<D extends EventDefinition, K extends NotificationKind>(definition: D, kind: K, filter: { when: (payload: PayloadOf<D>) => boolean }, compose: Compose<D, K>): MailTrigger;
function trigger<D extends EventDefinition, K extends NotificationKind>(
  definition: D,
  kind: K,
  filterOrCompose: Compose<D, K> | { when: (payload: PayloadOf<D>) => boolean },
  composeAfterFilter?: Compose<D, K>,
): MailTrigger {
  const compose = typeof filterOrCompose === 'function' ? filterOrCompose : composeAfterFilter!;
  const relevant = typeof filterOrCompose === 'function' ? undefined : filterOrCompose.when;
  const name = `mail-${kind.toLowerCase().replace(/_/g, '-')}`;
  return {
    name,
    definition,
    ...(relevant ? { relevant: relevant as (payload: unknown) => boolean } : {}),
    async compose(event, find, links) {
      const draft = await compose(event as Envelope<PayloadOf<D>>, find, links);
      return draft && ({ kind, ...draft } as Draft);
    },
  };
}

/** The order's customer and the order's facts, the start of every order e-mail. */
async function orderContext(orderId: string, find: Lookups) {
  const { order, recipient } = await find.orderWithRecipient(orderId);
  return { order, to: { email: recipient.email, customerId: recipient.customerId }, firstName: recipient.firstName, orderLabel: orderLabel(orderId, order) };
}

export const MAIL_TRIGGERS: MailTrigger[] = [
  trigger(OrderStatusChanged, 'ORDER_CONFIRMED', { when: (p) => p.status === 'CONFIRMED' }, async ({ payload }, find) => {
    const { order, to, firstName, orderLabel } = await orderContext(payload.orderId, find);
    return {
      to,
      orderId: payload.orderId,
      data: {
        firstName,
        orderLabel,
        items: order.items,
        subtotalCents: order.subtotalCents,
        discountCents: order.discountCents,
        couponCode: order.couponCode,
        shippingCents: order.shippingCents,
        totalCents: order.totalCents,
        currency: order.currency,
        shippingAddress: order.shippingAddress,
        shippingMethod: shippingMethodLabel(order.shippingMethod),
        expectedBy: expectedDeliveryBy(order.shippingMethod, order.placedAt),
      },
    };
  }),

  // A declined card cancels the order (reason PAYMENT_DECLINED): this e-mail tells that story, the
  // cancellation e-mail is not sent as well.
  trigger(OrderStatusChanged, 'PAYMENT_FAILED', { when: (p) => p.status === 'CANCELLED' && p.reason === 'PAYMENT_DECLINED' }, async ({ payload }, find, links) => {
    const { order, to, firstName, orderLabel } = await orderContext(payload.orderId, find);
    const reorderUrl = reorderLink(links.storefrontUrlBase, payload.orderId);
    return { to, orderId: payload.orderId, data: { firstName, orderLabel, totalCents: order.totalCents, currency: order.currency, reorderUrl } };
  }),

  trigger(OrderStatusChanged, 'ORDER_ON_HOLD', { when: (p) => p.status === 'ON_HOLD' }, async ({ payload }, find) => {
    const { to, firstName, orderLabel } = await orderContext(payload.orderId, find);
    return { to, orderId: payload.orderId, data: { firstName, orderLabel } };
  }),

  trigger(OrderStatusChanged, 'ORDER_CANCELLED', { when: (p) => p.status === 'CANCELLED' && p.reason !== 'PAYMENT_DECLINED' }, async ({ payload }, find) => {
    const { order, to, firstName, orderLabel } = await orderContext(payload.orderId, find);
    return { to, orderId: payload.orderId, data: { firstName, orderLabel, reason: payload.reason ?? null, refundCents: order.capturedCents, currency: order.currency } };
  }),

  trigger(ShipmentDispatched, 'SHIPMENT_DISPATCHED', async ({ payload }, find) => {
    const { to, firstName, orderLabel } = await orderContext(payload.orderId, find);
    const data = { firstName, orderLabel, carrier: payload.carrier, trackingNumber: payload.trackingNumber, trackingUrl: trackingLink(payload.carrier, payload.trackingNumber) };
    return { to, orderId: payload.orderId, data };
  }),

  trigger(DeliveryFailed, 'DELIVERY_FAILED', async ({ payload }, find) => {
    const { to, firstName, orderLabel } = await orderContext(payload.orderId, find);
    return { to, orderId: payload.orderId, data: { firstName, orderLabel, attempts: payload.attempts } };
  }),

  trigger(RefundCompleted, 'REFUND_COMPLETED', async ({ payload }, find) => {
    const { to, firstName, orderLabel } = await orderContext(payload.orderId, find);
    return { to, orderId: payload.orderId, data: { firstName, orderLabel, amountCents: payload.amountCents, currency: payload.currency } };
  }),

  // every step of a return, the whole return each time (the event carries it all)
  trigger(ReturnUpdated, 'RETURN_UPDATED', async ({ payload }, find) => {
    const { to, firstName, orderLabel } = await orderContext(payload.orderId, find);
    const data = {
      firstName,
      orderLabel,
      status: payload.status,
      refundFailed: payload.refund?.status === 'FAILED',
      items: payload.items.map(({ name, quantity, acceptedQuantity }) => ({ name, quantity, acceptedQuantity })),
      currency: payload.currency,
      refundCents: payload.refundCents,
      restockingFeeCents: payload.restockingFeeCents,
      label: payload.status === 'APPROVED' ? payload.label : null,
      rejectionReason: payload.rejectionReason,
    };
    return { to, orderId: payload.orderId, data };
  }),

  // to the address the account had when the reset was asked for, even if the projection lags
  trigger(PasswordResetRequested, 'PASSWORD_RESET', async ({ payload }) => ({
    to: { email: payload.email, customerId: payload.customerId },
    orderId: null,
    data: { firstName: payload.firstName, resetUrl: payload.resetUrl, expiresAt: new Date(payload.expiresAt) },
  })),
];

/** One consumer per trigger: the e-mail row commits with the event's inbox row, or neither does. */
export function mailHandlers(links: MailLinks, onQueued: () => void = () => undefined): EventHandler[] {
  return MAIL_TRIGGERS.map((t) =>
    handle(t.definition, { name: t.name, ...LOOKUP_RETRIES, ...(t.relevant ? { relevant: t.relevant } : {}) }, async (event, { em, log, afterCommit }) => {
      const draft = await t.compose(event, lookups(em), links);
      if (!draft) return;
      const outcome = await queueNotification(em, draft, event);
      if (outcome === 'queued') afterCommit(onQueued);
      log.info({ kind: draft.kind, orderId: draft.orderId, outcome }, 'e-mail queued');
    }),
  );
}
