/**
 * The public tracking page of a parcel on each carrier's own site, for labels that come without
 * one (the stub's, a pick-up scan's). EasyPost gives its own page (`tracker.public_url`) instead.
 */
const PAGES: Record<string, (trackingNumber: string) => string> = {
  USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  UPS: (n) => `https://www.ups.com/track?tracknum=${n}`,
  FEDEX: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  DHL: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=${n}`,
};

export function publicTrackingUrl(carrier: string | null, trackingNumber: string | null): string | null {
  if (!carrier || !trackingNumber) return null;
  const page = PAGES[carrier];
  return page ? page(encodeURIComponent(trackingNumber)) : null;
}
