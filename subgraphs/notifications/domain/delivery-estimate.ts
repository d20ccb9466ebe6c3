import type { ShippingMethodName } from '../../../events/contracts/orders/order-shapes.js';

/** SPEC §6 step 2: STANDARD 5–7 days, EXPRESS 2–3 days, NEXT_DAY the next day. */
const DAYS: Record<ShippingMethodName, { label: string; latestDays: number }> = {
  STANDARD: { label: 'Standard (5–7 days)', latestDays: 7 },
  EXPRESS: { label: 'Express (2–3 days)', latestDays: 3 },
  NEXT_DAY: { label: 'Next day', latestDays: 1 },
};

export const shippingMethodLabel = (method: ShippingMethodName): string => DAYS[method].label;

/** The latest day the parcel is expected, counted from placement (what the confirmation promises). */
export function expectedDeliveryBy(method: ShippingMethodName, placedAt: Date): Date {
  return new Date(placedAt.getTime() + DAYS[method].latestDays * 24 * 3600_000);
}
