import { mjml } from './markup.js';
import { greeting, heading, paragraph } from './parts.js';
import type { Template } from './template.js';

export interface OrderOnHoldData {
  firstName: string;
  orderLabel: string;
}

/** Sent when the order could not be confirmed in time (ON_HOLD): staff review it. */
export const orderOnHold: Template<OrderOnHoldData> = {
  subject: (d) => `Your order ${d.orderLabel} is on hold`,
  body: (d) => mjml`
    ${heading(`Order ${d.orderLabel} is on hold`)}
    ${paragraph(greeting(d.firstName))}
    ${paragraph('We could not confirm your order in time, so we have put it on hold while our customer service team looks at it. Any hold on your card is being released.')}
    ${paragraph('You do not need to do anything: we will write to you again when it is sorted out.')}`,
  text: (d) =>
    [
      greeting(d.firstName),
      '',
      `We could not confirm your order ${d.orderLabel} in time, so we have put it on hold while our customer service team looks at it. Any hold on your card is being released.`,
      '',
      'You do not need to do anything: we will write to you again when it is sorted out.',
    ].join('\n'),
};
