import type { EntityManager } from '@mikro-orm/postgresql';
import { BACKGROUND_PROJECTION_BATCH, handle, type EventHandler } from '../../../events/handler.js';
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
 * Which event sends which e-mail: one trigger per event, each its own consumer (and inbox name);
 * an event that sends one of several kinds (an order's status change) picks the kind. A trigger
 * reads notifications' own projections, never another context: when the order or the customer is
 * not projected yet (their events race this one), it throws and the kit retries.
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
  /** Triggers merged into this one (HandlerOptions.replaces). */
  replaces?: string[];
  compose(event: Envelope, find: Lookups, links: MailLinks): Promise<Draft | null>;
}

type Compose<D extends EventDefinition, K extends NotificationKind> = (event: Envelope<PayloadOf<D>>, find: Lookups, links: MailLinks) => Promise<Omit<Draft<K>, 'kind'> | null>;

/** A trigger of e-mail `kind` on every `definition` event. */
function trigger<D extends EventDefinition, K extends NotificationKind>(definition: D, kind: K, compose: Compose<D, K>): MailTrigger {
  return {
    name: `mail-${kind.toLowerCase().replace(/_/g, '-')}`,
    definition,
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

/** The e-mail an order's status change sends, if any. */
function statusMail(p: PayloadOf<typeof OrderStatusChanged>): StatusMailKind | null {
  if (p.status === 'CONFIRMED') return 'ORDER_CONFIRMED';
  if (p.status === 'ON_HOLD') return 'ORDER_ON_HOLD';
  // A declined card cancels the order (reason PAYMENT_DECLINED): that e-mail tells the story, the
  // cancellation e-mail is not sent as well.
  if (p.status === 'CANCELLED') return p.reason === 'PAYMENT_DECLINED' ? 'PAYMENT_FAILED' : 'ORDER_CANCELLED';
  return null;
}

type StatusMailKind = 'ORDER_CONFIRMED' | 'PAYMENT_FAILED' | 'ORDER_ON_HOLD' | 'ORDER_CANCELLED';

const STATUS_MAILS: { [K in StatusMailKind]: Compose<typeof OrderStatusChanged, K> } = {
  async ORDER_CONFIRMED({ payload }, find) {
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
  },
  async PAYMENT_FAILED({ payload }, find, links) {
    const { order, to, firstName, orderLabel } = await orderContext(payload.orderId, find);
    const reorderUrl = reorderLink(links.storefrontUrlBase, payload.orderId);
    return { to, orderId: payload.orderId, data: { firstName, orderLabel, totalCents: order.totalCents, currency: order.currency, reorderUrl } };
  },
  async ORDER_ON_HOLD({ payload }, find) {
    const { to, firstName, orderLabel } = await orderContext(payload.orderId, find);
    return { to, orderId: payload.orderId, data: { firstName, orderLabel } };
  },
  async ORDER_CANCELLED({ payload }, find) {
    const { order, to, firstName, orderLabel } = await orderContext(payload.orderId, find);
    return { to, orderId: payload.orderId, data: { firstName, orderLabel, reason: payload.reason ?? null, refundCents: order.capturedCents, currency: order.currency } };
  },
};

/**
 * The four e-mails an order's status changes send, from one consumer: each change is delivered to
 * notifications once, not once per kind (the four consumers this replaced each saw every change
 * and ignored all but theirs). Took over from where those four had got to; an event they had
 * handled that comes again finds its e-mail already written (one per event, kind and recipient).
 */
const orderStatusMails: MailTrigger = {
  name: 'mail-on-order-status-changed',
  definition: OrderStatusChanged,
  relevant: (payload) => statusMail(payload as PayloadOf<typeof OrderStatusChanged>) !== null,
  replaces: ['mail-order-confirmed', 'mail-payment-failed', 'mail-order-on-hold', 'mail-order-cancelled'],
  async compose(event, find, links) {
    const changed = event as Envelope<PayloadOf<typeof OrderStatusChanged>>;
    const kind = statusMail(changed.payload);
    if (!kind) return null;
    const draft = await (STATUS_MAILS[kind] as Compose<typeof OrderStatusChanged, StatusMailKind>)(changed, find, links);
    return draft && ({ kind, ...draft } as Draft);
  },
};

export const MAIL_TRIGGERS: MailTrigger[] = [
  orderStatusMails,

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

/**
 * One consumer per trigger: the e-mail row commits with the event's inbox row, or neither does.
 * No request waits for an e-mail to be queued (SPEC §11 gives it minutes), so the triggers batch
 * like the background projections: the events that arrive within a quarter of a second share one
 * transaction. A batch in which one event's order is not projected yet is rolled back and its
 * events handled one by one, so only that one waits for its retry.
 */
export function mailHandlers(links: MailLinks, onQueued: () => void = () => undefined): EventHandler[] {
  return MAIL_TRIGGERS.map((t) =>
    handle(t.definition, { name: t.name, ...BACKGROUND_PROJECTION_BATCH, ...LOOKUP_RETRIES, ...(t.relevant ? { relevant: t.relevant } : {}), ...(t.replaces ? { replaces: t.replaces } : {}) }, async (event, { em, log, afterCommit }) => {
      const draft = await t.compose(event, lookups(em), links);
      if (!draft) return;
      await queueNotification(em, draft, event);
      // a replayed event's e-mail was already there: the sender woken for nothing finds nothing new
      afterCommit(onQueued);
      log.info({ kind: draft.kind, orderId: draft.orderId }, 'e-mail queued');
    }),
  );
}
