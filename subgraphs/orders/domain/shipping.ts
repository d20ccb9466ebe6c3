import { money, type Money } from './money.js';

/** SPEC §6 step 2: the shipping methods and what they cost, whatever the order. */
export const SHIPPING_METHODS = ['STANDARD', 'EXPRESS', 'NEXT_DAY'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

const RATES: Record<ShippingMethod, Money> = {
  STANDARD: money(599), // 5–7 days
  EXPRESS: money(1299), // 2–3 days
  NEXT_DAY: money(2499),
};

export const shippingCostOf = (method: ShippingMethod): Money => ({ ...RATES[method] });

export const isShippingMethod = (value: string): value is ShippingMethod => (SHIPPING_METHODS as readonly string[]).includes(value);
