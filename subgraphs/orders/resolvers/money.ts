import type { MoneyResolvers } from '../__generated__/resolvers-types.js';
import { formatMoney } from '../domain/money.js';

export const moneyResolvers: MoneyResolvers = {
  formatted: (money) => formatMoney(money),
};
