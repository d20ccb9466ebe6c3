import { mjml } from './markup.js';
import { button, greeting, heading, paragraph } from './parts.js';
import type { Template } from './template.js';

export interface ShipmentDispatchedData {
  firstName: string;
  orderLabel: string;
  carrier: string;
  trackingNumber: string;
  /** The carrier's tracking page; null for carriers we have no page for. */
  trackingUrl: string | null;
}

/** Sent when the parcel leaves the warehouse (SPEC §11: within 1 h). */
export const shipmentDispatched: Template<ShipmentDispatchedData> = {
  subject: (d) => `Your order ${d.orderLabel} is on its way`,
  body: (d) => mjml`
    ${heading('Your parcel is on its way')}
    ${paragraph(greeting(d.firstName))}
    ${paragraph(`Order ${d.orderLabel} has left our warehouse with ${d.carrier}. Tracking number: ${d.trackingNumber}.`)}
    ${d.trackingUrl ? button('Track your parcel', d.trackingUrl) : null}`,
  text: (d) =>
    [
      greeting(d.firstName),
      '',
      `Order ${d.orderLabel} has left our warehouse with ${d.carrier}.`,
      `Tracking number: ${d.trackingNumber}`,
      ...(d.trackingUrl ? [`Track your parcel: ${d.trackingUrl}`] : []),
    ].join('\n'),
};
