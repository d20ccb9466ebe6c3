import { mjml } from './markup.js';
import { greeting, heading, money, paragraph } from './parts.js';
import type { Template } from './template.js';

export interface OrderCancelledData {
  firstName: string;
  orderLabel: string;
  /** Why, in the customer's words or ours; null when nobody said. */
  reason: string | null;
  /** What was charged and is now refunded (0: nothing was charged, the card hold is released). */
  refundCents: number;
  currency: string;
}

const REASONS: Record<string, string> = {
  OUT_OF_STOCK: 'some of the items are no longer in stock',
  CONFIRMATION_TIMEOUT: 'we could not confirm it in time',
};

const reasonText = (reason: string | null): string | null => (reason ? (REASONS[reason] ?? reason) : null);

const moneyText = (d: OrderCancelledData): string =>
  d.refundCents > 0
    ? `The ${money(d.refundCents, d.currency)} you paid is being refunded to your card; we will e-mail you when the refund is done (banks usually show it within 5–10 days).`
    : 'Nothing was charged: any hold on your card is released.';

/** Sent when the order is CANCELLED (by the customer, by staff, or for lack of stock). */
export const orderCancelled: Template<OrderCancelledData> = {
  subject: (d) => `Your order ${d.orderLabel} was cancelled`,
  body: (d) => {
    const reason = reasonText(d.reason);
    return mjml`
      ${heading(`Order ${d.orderLabel} was cancelled`)}
      ${paragraph(greeting(d.firstName))}
      ${paragraph(reason ? `Your order was cancelled: ${reason}.` : 'Your order was cancelled.')}
      ${paragraph(moneyText(d))}`;
  },
  text: (d) => {
    const reason = reasonText(d.reason);
    return [greeting(d.firstName), '', reason ? `Your order ${d.orderLabel} was cancelled: ${reason}.` : `Your order ${d.orderLabel} was cancelled.`, '', moneyText(d)].join('\n');
  },
};
