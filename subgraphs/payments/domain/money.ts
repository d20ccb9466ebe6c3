import type { Money } from '../../../platform/money.js';

export { formatMoney, sameMoney, type Money } from '../../../platform/money.js';

export const sameCurrency = (a: Money, b: Money): boolean => a.currency.toUpperCase() === b.currency.toUpperCase();

