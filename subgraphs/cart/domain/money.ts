import type { Money } from '../../../platform/money.js';

export { formatMoney, sameMoney, type Money } from '../../../platform/money.js';

/** Carts are priced in one currency; USD is the only one sold for now (catalog enforces it too). */
export const DEFAULT_CURRENCY = 'USD';

/**
 * The largest amount a cart may show: GraphQL's `Int` is 32-bit, and `Money.cents` is an `Int`.
 * Catalog caps a unit price at $10,000, so only a very large cart can reach it.
 */
export const MAX_CENTS = 2_147_483_647;

export const zero = (currency = DEFAULT_CURRENCY): Money => ({ cents: 0, currency });

export const times = (money: Money, quantity: number): Money => ({ cents: money.cents * quantity, currency: money.currency });


