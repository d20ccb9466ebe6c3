/**
 * Money as every context, event and table carries it: integer minor units (cents) + ISO 4217
 * code. One formatter, so `Money.formatted` reads the same from every subgraph that exposes it.
 */
export interface Money {
  cents: number;
  currency: string;
}

export const sameMoney = (a: Money, b: Money): boolean => a.cents === b.cents && a.currency === b.currency;

const formatters = new Map<string, Intl.NumberFormat>();

/** "$12.99" (en-US). */
export function formatMoney(money: Money): string {
  let formatter = formatters.get(money.currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency });
    formatters.set(money.currency, formatter);
  }
  return formatter.format(money.cents / 100);
}
