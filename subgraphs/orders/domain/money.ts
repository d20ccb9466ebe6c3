import type { Money } from '../../../platform/money.js';

export { formatMoney, sameMoney, type Money } from '../../../platform/money.js';

/** USD is the only currency sold for now (catalog and cart enforce it too). */
export const DEFAULT_CURRENCY = 'USD';

export const money = (cents: number, currency = DEFAULT_CURRENCY): Money => ({ cents, currency });

export const times = (price: Money, quantity: number): Money => ({ cents: price.cents * quantity, currency: price.currency });

/** Sums amounts of one currency; `currency` names it for an empty list. */
export function sum(amounts: readonly Money[], currency = amounts[0]?.currency ?? DEFAULT_CURRENCY): Money {
  return { cents: amounts.reduce((total, m) => total + m.cents, 0), currency };
}

