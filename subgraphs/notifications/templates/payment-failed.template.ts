import { mjml } from './markup.js';
import { button, greeting, heading, money, paragraph } from './parts.js';
import type { Template } from './template.js';

export interface PaymentFailedData {
  firstName: string;
  orderLabel: string;
  totalCents: number;
  currency: string;
  /** The storefront page that puts the order's items back into the cart (the `reorder` mutation). */
  reorderUrl: string;
}

/** Sent when the card was declined and the order was cancelled for it (reason PAYMENT_DECLINED). */
export const paymentFailed: Template<PaymentFailedData> = {
  subject: (d) => `Your card was declined for order ${d.orderLabel}`,
  body: (d) => mjml`
    ${heading('Your card was declined')}
    ${paragraph(greeting(d.firstName))}
    ${paragraph(`Your card was declined — use another card. We could not take the payment of ${money(d.totalCents, d.currency)} for order ${d.orderLabel}, so the order was not placed and nothing was charged.`)}
    ${paragraph('What to do: put the items in your cart again with one click and check out with another card, or ask your bank why the payment was refused.')}
    ${button('Put these items in my cart again', d.reorderUrl)}`,
  text: (d) =>
    [
      greeting(d.firstName),
      '',
      `Your card was declined — use another card. We could not take the payment of ${money(d.totalCents, d.currency)} for order ${d.orderLabel}, so the order was not placed and nothing was charged.`,
      '',
      'What to do: put the items in your cart again with one click and check out with another card, or ask your bank why the payment was refused.',
      '',
      `Put these items in my cart again: ${d.reorderUrl}`,
    ].join('\n'),
};
