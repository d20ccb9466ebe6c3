import { mjml } from './markup.js';
import { greeting, heading, money, paragraph } from './parts.js';
import type { Template } from './template.js';

export interface RefundCompletedData {
  firstName: string;
  orderLabel: string;
  amountCents: number;
  currency: string;
}

/** Sent when a refund reached the customer's payment method. */
export const refundCompleted: Template<RefundCompletedData> = {
  subject: (d) => `Your refund of ${money(d.amountCents, d.currency)} is on its way`,
  body: (d) => mjml`
    ${heading('Your refund is done')}
    ${paragraph(greeting(d.firstName))}
    ${paragraph(`We refunded ${money(d.amountCents, d.currency)} for order ${d.orderLabel} to the card you paid with. Banks usually show it within 5–10 days.`)}`,
  text: (d) =>
    [greeting(d.firstName), '', `We refunded ${money(d.amountCents, d.currency)} for order ${d.orderLabel} to the card you paid with. Banks usually show it within 5–10 days.`].join('\n'),
};
