import { money, type Money } from './money.js';

/**
 * SPEC §6 step 2: the shipping methods, what they cost (whatever the order) and how long the
 * carrier takes. The one place these facts live: checkout pricing, `Checkout.shippingOptions`
 * and `Order.estimatedDeliveryBy` all read them from here.
 */
export const SHIPPING_METHODS = ['STANDARD', 'EXPRESS', 'NEXT_DAY'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

export interface ShippingOption {
  method: ShippingMethod;
  cost: Money;
  /** Business days from dispatch to delivery. */
  minDays: number;
  maxDays: number;
}

const OPTIONS: Record<ShippingMethod, Omit<ShippingOption, 'method'>> = {
  STANDARD: { cost: money(599), minDays: 5, maxDays: 7 },
  EXPRESS: { cost: money(1299), minDays: 2, maxDays: 3 },
  NEXT_DAY: { cost: money(2499), minDays: 1, maxDays: 1 },
};

export const shippingOptionOf = (method: ShippingMethod): ShippingOption => ({ method, ...OPTIONS[method], cost: { ...OPTIONS[method].cost } });

/** Every method, cheapest first. */
export const shippingOptions = (): ShippingOption[] => SHIPPING_METHODS.map(shippingOptionOf);

export const shippingCostOf = (method: ShippingMethod): Money => shippingOptionOf(method).cost;

export const isShippingMethod = (value: string): value is ShippingMethod => (SHIPPING_METHODS as readonly string[]).includes(value);

/**
 * The latest day an order placed at `placedAt` should arrive: the method's maximum business days
 * (Monday to Friday, UTC) counted from the day after placement, at the end of that day. Orders
 * placed today are dispatched today or on the next business day, which the maximum covers.
 */
export function estimatedDeliveryBy(placedAt: Date, method: ShippingMethod): Date {
  const day = new Date(Date.UTC(placedAt.getUTCFullYear(), placedAt.getUTCMonth(), placedAt.getUTCDate()));
  let remaining = OPTIONS[method].maxDays;
  while (remaining > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) remaining -= 1;
  }
  day.setUTCHours(23, 59, 59, 999);
  return day;
}
