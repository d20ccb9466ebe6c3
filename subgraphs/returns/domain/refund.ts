import { share } from './money.js';
import { isStoreFault, type OrderFacts, type ReturnLine, type ReturnPolicy } from './return-rules.js';

/**
 * The money of a return (SPEC §12), in integer cents with the one rounding rule of money.ts:
 *
 *   refunded units  = every unit returned for the store's fault (DEFECTIVE, WRONG_ITEM,
 *                     DAMAGED_IN_TRANSIT), plus the accepted units of the other lines
 *                     (before inspection: all units, an estimate);
 *   line value      = units × unit price, less the line's prorated share of the order discount
 *                     = share(units × unit price, subtotal − discount, subtotal);
 *   restocking fee  = share(Σ values of NO_LONGER_NEEDED / OTHER lines, fee %, 100);
 *   refund          = Σ line values − restocking fee.
 *
 * Shipping is not refunded. Computed once, stored on the return, and carried as is by the
 * refund request and the ReturnUpdated event (so the e-mail and the admin app show these numbers).
 */
export interface ReturnSettlement {
  /** Value of the refunded units after the discount, before the fee. */
  refundedValueCents: number;
  restockingFeeCents: number;
  refundCents: number;
}

export function refundedUnits(line: ReturnLine): number {
  if (isStoreFault(line.reason)) return line.quantity;
  return line.acceptedQuantity ?? line.quantity;
}

/** Units × unit price, less the line's prorated share of the order discount. */
export function lineValue(order: Pick<OrderFacts, 'subtotalCents' | 'discountCents'>, unitPriceCents: number, units: number): number {
  const gross = unitPriceCents * units;
  if (order.discountCents <= 0 || order.subtotalCents <= 0) return gross;
  const paid = Math.max(0, order.subtotalCents - order.discountCents);
  return share(gross, paid, order.subtotalCents);
}

export function settle(order: Pick<OrderFacts, 'subtotalCents' | 'discountCents'>, lines: readonly ReturnLine[], policy: Pick<ReturnPolicy, 'restockingFeePercent'>): ReturnSettlement {
  let refundedValueCents = 0;
  let feeLiableCents = 0;
  for (const line of lines) {
    const value = lineValue(order, line.unitPriceCents, refundedUnits(line));
    refundedValueCents += value;
    if (!isStoreFault(line.reason)) feeLiableCents += value;
  }
  const restockingFeeCents = share(feeLiableCents, policy.restockingFeePercent, 100);
  return { refundedValueCents, restockingFeeCents, refundCents: refundedValueCents - restockingFeeCents };
}
