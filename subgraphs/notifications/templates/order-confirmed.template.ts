import type { ShippingAddressSnapshot } from '../../../events/contracts/orders/order-shapes.js';
import { mjml } from './markup.js';
import { addressLines, greeting, heading, longDate, money, paragraph } from './parts.js';
import type { Template } from './template.js';

export interface OrderConfirmedData {
  firstName: string;
  orderLabel: string;
  items: { name: string; sku: string; quantity: number; unitPriceCents: number }[];
  subtotalCents: number;
  /** The coupon's discount, 0 without one. */
  discountCents: number;
  couponCode: string | null;
  shippingCents: number;
  totalCents: number;
  currency: string;
  shippingAddress: ShippingAddressSnapshot;
  shippingMethod: string;
  expectedBy: Date;
}

const discountLabel = (d: Pick<OrderConfirmedData, 'couponCode'>): string => (d.couponCode ? `Discount (${d.couponCode})` : 'Discount');

/** Sent when the order is CONFIRMED: stock reserved, payment taken (SPEC §11: within 5 min). */
export const orderConfirmed: Template<OrderConfirmedData> = {
  subject: (d) => `Your CritterSupply order ${d.orderLabel} is confirmed`,
  body: (d) => {
    const m = (cents: number) => money(cents, d.currency);
    return mjml`
      ${heading(`Order ${d.orderLabel} is confirmed`)}
      ${paragraph(greeting(d.firstName))}
      ${paragraph('Thank you for your order. We have your items and your payment, and the warehouse is getting your parcel ready.')}
      <mj-table>
        <tr style="border-bottom:1px solid #ddd;text-align:left"><th>Item</th><th>Qty</th><th style="text-align:right">Price</th></tr>
        ${d.items.map((item) => mjml`<tr><td>${item.name}</td><td>${item.quantity}</td><td style="text-align:right">${m(item.unitPriceCents * item.quantity)}</td></tr>`)}
        <tr><td colspan="2">Subtotal</td><td style="text-align:right">${m(d.subtotalCents)}</td></tr>
        ${d.discountCents > 0 ? mjml`<tr><td colspan="2">${discountLabel(d)}</td><td style="text-align:right">−${m(d.discountCents)}</td></tr>` : null}
        <tr><td colspan="2">Shipping</td><td style="text-align:right">${m(d.shippingCents)}</td></tr>
        <tr style="font-weight:bold"><td colspan="2">Total</td><td style="text-align:right">${m(d.totalCents)}</td></tr>
      </mj-table>
      ${paragraph(mjml`<strong>Shipping to</strong><br/>${addressLines(d.shippingAddress).map((line) => mjml`${line}<br/>`)}`)}
      ${paragraph(mjml`<strong>Delivery</strong><br/>${d.shippingMethod}, expected by ${longDate(d.expectedBy)}`)}`;
  },
  text: (d) => {
    const m = (cents: number) => money(cents, d.currency);
    return [
      greeting(d.firstName),
      '',
      `Thank you for your order ${d.orderLabel}. We have your items and your payment, and the warehouse is getting your parcel ready.`,
      '',
      ...d.items.map((item) => `  ${item.quantity} × ${item.name}  ${m(item.unitPriceCents * item.quantity)}`),
      '',
      `Subtotal: ${m(d.subtotalCents)}`,
      ...(d.discountCents > 0 ? [`${discountLabel(d)}: −${m(d.discountCents)}`] : []),
      `Shipping: ${m(d.shippingCents)}`,
      `Total:    ${m(d.totalCents)}`,
      '',
      'Shipping to:',
      ...addressLines(d.shippingAddress).map((line) => `  ${line}`),
      '',
      `Delivery: ${d.shippingMethod}, expected by ${longDate(d.expectedBy)}`,
    ].join('\n');
  },
};
