import type { ShippingMethodName } from '../../../events/contracts/orders/order-shapes.js';

/** The part of an EasyPost Rate we choose by (https://docs.easypost.com/docs/shipments/rates). */
export interface EasyPostRate {
  id: string;
  carrier: string;
  service: string;
  /** A decimal string in `currency`, e.g. "7.58". */
  rate: string;
  delivery_days?: number | null;
}

/** The promise each shipping method makes (SPEC §6): STANDARD 5–7 days, EXPRESS 2–3, NEXT_DAY 1. */
const MAX_DAYS: Record<ShippingMethodName, number | null> = { STANDARD: null, EXPRESS: 3, NEXT_DAY: 1 };

/** EasyPost names carriers its own way ("FedEx", "DHLExpress"); ours are USPS, UPS, FEDEX, DHL. */
export function carrierNameOf(easypostCarrier: string): string {
  const name = easypostCarrier.replace(/[^a-z0-9]/gi, '').toUpperCase();
  if (name.startsWith('FEDEX')) return 'FEDEX';
  if (name.startsWith('DHL')) return 'DHL';
  if (name.startsWith('UPS')) return 'UPS';
  return name;
}

/**
 * The rate a shipment is bought with: the cheapest that keeps the shipping method's promise
 * (a rate without a delivery estimate cannot promise EXPRESS or NEXT_DAY), on the carrier staff
 * chose if they chose one. Null when no rate fits.
 */
export function chooseRate(rates: readonly EasyPostRate[], method: ShippingMethodName, carrier: string | null): EasyPostRate | null {
  const maxDays = MAX_DAYS[method];
  const fitting = rates.filter(
    (r) => (!carrier || carrierNameOf(r.carrier) === carrier) && (maxDays === null || (typeof r.delivery_days === 'number' && r.delivery_days <= maxDays)),
  );
  return fitting.reduce<EasyPostRate | null>((cheapest, r) => (!cheapest || Number(r.rate) < Number(cheapest.rate) ? r : cheapest), null);
}
