/**
 * The carrier's public tracking page for a parcel. Carriers we do not know get no link (the
 * e-mail still shows the carrier and the number).
 */
const TRACKING_PAGES: Record<string, (trackingNumber: string) => string> = {
  UPS: (n) => `https://www.ups.com/track?tracknum=${n}`,
  FEDEX: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  DHL: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}`,
};

export function trackingLink(carrier: string, trackingNumber: string): string | null {
  const page = TRACKING_PAGES[carrier.trim().toUpperCase()];
  return page ? page(encodeURIComponent(trackingNumber)) : null;
}
