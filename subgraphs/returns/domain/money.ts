/**
 * The one rounding rule of returns, used for every amount a return shows, refunds or e-mails:
 * a proportional share of an amount in cents (the order discount spread over returned units, the
 * restocking fee) is rounded **down** to a whole cent. Rounding down never makes the sum of the
 * shares larger than the whole, so all the returns of an order together never refund more than
 * its lines were paid, and the fee never exceeds its rate.
 */
export function share(cents: number, numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(cents) || !Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || cents < 0 || numerator < 0) {
    throw new Error(`share(${cents}, ${numerator}, ${denominator}): whole non-negative cents and a positive denominator expected`);
  }
  // BigInt: cents × numerator can pass 2^53 for large orders
  return Number((BigInt(cents) * BigInt(numerator)) / BigInt(denominator));
}

export { formatMoney, type Money } from '../../../platform/money.js';
