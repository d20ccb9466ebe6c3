import type { ReturnStatusName } from '../../../events/contracts/returns/return-shapes.js';
import { mjml } from './markup.js';
import { button, greeting, heading, money, paragraph } from './parts.js';
import type { Template } from './template.js';

export interface ReturnUpdatedData {
  firstName: string;
  orderLabel: string;
  status: ReturnStatusName;
  /** The refund failed at the payment provider (the return stays RECEIVED). */
  refundFailed: boolean;
  items: { name: string; quantity: number; acceptedQuantity: number | null }[];
  currency: string;
  refundCents: number;
  restockingFeeCents: number;
  /** The prepaid label, once approved. */
  label: { carrier: string; trackingNumber: string; labelUrl: string } | null;
  rejectionReason: string | null;
}

/** What the step means for the customer, in one heading and one sentence. */
function step(d: ReturnUpdatedData): { title: string; news: string } {
  const refund = money(d.refundCents, d.currency);
  if (d.refundFailed) return { title: 'Your refund is delayed', news: `We could not refund ${refund} for your return of order ${d.orderLabel} yet. Customer service is on it and will contact you.` };
  switch (d.status) {
    case 'REQUESTED':
      return { title: 'We received your return request', news: `Your return request for order ${d.orderLabel} is with customer service, who will review it shortly.` };
    case 'APPROVED':
      return { title: 'Your return is approved', news: `Your return for order ${d.orderLabel} is approved. Print the prepaid label, stick it on the parcel and hand it to the carrier.` };
    case 'REJECTED':
      return { title: 'Your return was not accepted', news: `We cannot accept your return for order ${d.orderLabel}.` };
    case 'RECEIVED':
      return { title: 'We received your returned items', news: `The warehouse received and inspected the parcel of your return for order ${d.orderLabel}. Your refund of ${refund} is on its way.` };
    case 'REFUNDED':
      return { title: 'Your return is refunded', news: `We refunded ${refund} for your return of order ${d.orderLabel} to the card you paid with. Banks usually show it within 5–10 days.` };
  }
}

const itemLine = (item: ReturnUpdatedData['items'][number]): string =>
  `${item.quantity} × ${item.name}${item.acceptedQuantity === null ? '' : ` (${item.acceptedQuantity} accepted)`}`;

/** Sent at every step of a return (ReturnUpdated): requested, approved, rejected, received, refunded, refund failed. */
export const returnUpdated: Template<ReturnUpdatedData> = {
  subject: (d) => `${step(d).title} (order ${d.orderLabel})`,
  body: (d) => {
    const { title, news } = step(d);
    return mjml`
      ${heading(title)}
      ${paragraph(greeting(d.firstName))}
      ${paragraph(news)}
      ${d.rejectionReason ? paragraph(`Reason: ${d.rejectionReason}`) : null}
      ${paragraph(mjml`<strong>Items</strong><br/>${d.items.map((item) => mjml`${itemLine(item)}<br/>`)}`)}
      ${d.status === 'REJECTED' ? null : paragraph(mjml`Refund: ${money(d.refundCents, d.currency)}${d.restockingFeeCents > 0 ? mjml`<br/>Restocking fee: ${money(d.restockingFeeCents, d.currency)}` : ''}`)}
      ${d.label ? paragraph(`Return label: ${d.label.carrier}, tracking number ${d.label.trackingNumber}.`) : null}
      ${d.label ? button('Print your return label', d.label.labelUrl) : null}`;
  },
  text: (d) => {
    const { news } = step(d);
    return [
      greeting(d.firstName),
      '',
      news,
      ...(d.rejectionReason ? [`Reason: ${d.rejectionReason}`] : []),
      '',
      'Items:',
      ...d.items.map((item) => `  ${itemLine(item)}`),
      ...(d.status === 'REJECTED' ? [] : ['', `Refund: ${money(d.refundCents, d.currency)}`, ...(d.restockingFeeCents > 0 ? [`Restocking fee: ${money(d.restockingFeeCents, d.currency)}`] : [])]),
      ...(d.label ? ['', `Return label: ${d.label.carrier}, tracking number ${d.label.trackingNumber}`, `Print it: ${d.label.labelUrl}`] : []),
    ].join('\n');
  },
};
