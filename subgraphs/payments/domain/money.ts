/** Integer minor units (cents) + ISO 4217 code, as every event and table carries it. */
export interface Money {
  cents: number;
  currency: string;
}

export const sameCurrency = (a: Money, b: Money): boolean => a.currency.toUpperCase() === b.currency.toUpperCase();

const formatters = new Map<string, Intl.NumberFormat>();

/** "$12.99": en-US formatting, the same as catalog's and cart's so `Money.formatted` agrees across subgraphs. */
export function formatMoney(money: Money): string {
  let formatter = formatters.get(money.currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency });
    formatters.set(money.currency, formatter);
  }
  return formatter.format(money.cents / 100);
}
