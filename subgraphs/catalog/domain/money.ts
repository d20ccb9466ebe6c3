import type { Money } from '../../../platform/money.js';
import { invalid, valid, type FieldErrors, type Validated } from './validation.js';

export { formatMoney, sameMoney, type Money } from '../../../platform/money.js';

export interface MoneyInput {
  cents: number;
  currency?: string | null;
}

/** Only USD is sold for now; adding a currency means adding it here (and to pricing downstream). */
export const SUPPORTED_CURRENCIES: readonly string[] = ['USD'];

/**
 * Upper bound for one unit's price: $10,000.00. Keeps a cart line at the 999-unit limit inside
 * GraphQL's 32-bit Int, and catches a price typed in dollars*10000 by mistake.
 */
export const MAX_PRICE_CENTS = 1_000_000;

/** Validates a price; `path` prefixes the field names in errors (e.g. `price` → `price.cents`). */
export function validatePrice(input: MoneyInput, path = 'price'): Validated<Money> {
  const errors: FieldErrors = {};
  const currency = (input.currency ?? 'USD').trim().toUpperCase();
  if (!Number.isInteger(input.cents)) errors[`${path}.cents`] = 'must be a whole number of cents';
  else if (input.cents <= 0) errors[`${path}.cents`] = 'must be greater than 0';
  else if (input.cents > MAX_PRICE_CENTS) errors[`${path}.cents`] = `must be at most ${MAX_PRICE_CENTS} cents`;
  if (!SUPPORTED_CURRENCIES.includes(currency)) errors[`${path}.currency`] = `must be one of ${SUPPORTED_CURRENCIES.join(', ')}`;
  return Object.keys(errors).length ? invalid(errors) : valid({ cents: input.cents, currency });
}


