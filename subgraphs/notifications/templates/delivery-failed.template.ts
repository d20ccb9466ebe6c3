import { mjml } from './markup.js';
import { greeting, heading, paragraph } from './parts.js';
import type { Template } from './template.js';

export interface DeliveryFailedData {
  firstName: string;
  orderLabel: string;
  attempts: number;
}

/** Sent after the carrier's last failed delivery attempt: the parcel is held at the carrier. */
export const deliveryFailed: Template<DeliveryFailedData> = {
  subject: (d) => `We could not deliver your order ${d.orderLabel}`,
  body: (d) => mjml`
    ${heading('We could not deliver your parcel')}
    ${paragraph(greeting(d.firstName))}
    ${paragraph(`The carrier tried ${d.attempts} times to deliver order ${d.orderLabel} and could not. The parcel is held at the carrier.`)}
    ${paragraph('Our customer service team will contact you to arrange delivery; you can also reply to this e-mail.')}`,
  text: (d) =>
    [
      greeting(d.firstName),
      '',
      `The carrier tried ${d.attempts} times to deliver order ${d.orderLabel} and could not. The parcel is held at the carrier.`,
      '',
      'Our customer service team will contact you to arrange delivery; you can also reply to this e-mail.',
    ].join('\n'),
};
