/** Integer minor units (cents) + ISO 4217 code. */
export interface Money {
  cents: number;
  currency: string;
}

/** Carts are priced in one currency; USD is the only one sold for now (catalog enforces it too). */
export const DEFAULT_CURRENCY = 'USD';

/**
 * The largest amount a cart may show: GraphQL's `Int` is 32-bit, and `Money.cents` is an `Int`.
 * Catalog caps a unit price at $10,000, so only a very large cart can reach it.
 */
export const MAX_CENTS = 2_147_483_647;

export const zero = (currency = DEFAULT_CURRENCY): Money => ({ cents: 0, currency });

export const times = (money: Money, quantity: number): Money => ({ cents: money.cents * quantity, currency: money.currency });

export const sameMoney = (a: Money, b: Money): boolean => a.cents === b.cents && a.currency === b.currency;

const formatters = new Map<string, Intl.NumberFormat>();

/** "$12.99": en-US formatting, the same as catalog's so `Money.formatted` agrees across subgraphs. */
export function formatMoney(money: Money): string {
  let formatter = formatters.get(money.currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency });
    formatters.set(money.currency, formatter);
  }
  return formatter.format(money.cents / 100);
}
