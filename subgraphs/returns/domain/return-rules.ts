/**
 * What a customer may return (SPEC §12): units of a delivered order, within the return window
 * after delivery, no more of each item than was delivered minus what earlier returns already
 * cover. Pure: the use case gives it the order as returns learnt it from events, the order's
 * earlier returns and the clock. Refusals name the `rule` they break, for clients and support.
 */

export type ReturnReason = 'DEFECTIVE' | 'WRONG_ITEM' | 'DAMAGED_IN_TRANSIT' | 'NO_LONGER_NEEDED' | 'OTHER';
export type ReturnStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED';

export const RETURN_REASONS: readonly ReturnReason[] = ['DEFECTIVE', 'WRONG_ITEM', 'DAMAGED_IN_TRANSIT', 'NO_LONGER_NEEDED', 'OTHER'];

/** The store's fault: refunded in full (no restocking fee), even the units that fail inspection. */
export const isStoreFault = (reason: ReturnReason): boolean => reason === 'DEFECTIVE' || reason === 'WRONG_ITEM' || reason === 'DAMAGED_IN_TRANSIT';

/** A return is open until it is rejected or refunded; an order with an open return does not close. */
export const isOpen = (status: ReturnStatus): boolean => status === 'REQUESTED' || status === 'APPROVED' || status === 'RECEIVED';

export interface ReturnPolicy {
  /** How long after delivery a return may be requested (SPEC §12: 30 days). */
  windowMs: number;
  /** Restocking fee on NO_LONGER_NEEDED and OTHER, in percent (SPEC §12: 15). */
  restockingFeePercent: number;
}

/** The order as returns knows it from integration events (store/order-view.entity.ts). */
export interface OrderFacts {
  orderId: string;
  customerId: string;
  currency: string;
  lines: OrderLine[];
  subtotalCents: number;
  /** The order's discount (promotions); 0 until promotions exist. */
  discountCents: number;
  deliveredAt: Date | null;
}

export interface OrderLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
}

export interface RequestedLine {
  sku: string;
  quantity: number;
  reason: ReturnReason;
}

/** A line of a return: what was asked, at the price paid, and what inspection accepted. */
export interface ReturnLine extends RequestedLine {
  name: string;
  unitPriceCents: number;
  /** Units in sellable condition, set at receipt; null before. */
  acceptedQuantity: number | null;
}

/** An earlier return of the same order, for the units it already covers. */
export interface EarlierReturn {
  status: ReturnStatus;
  lines: { sku: string; quantity: number }[];
}

export type ReturnRule =
  | 'NO_ITEMS'
  | 'INVALID_QUANTITY'
  | 'DUPLICATE_ITEM'
  | 'NOT_IN_ORDER'
  | 'ORDER_NOT_DELIVERED'
  | 'RETURN_WINDOW_CLOSED'
  | 'TOO_MANY_UNITS'
  | 'NOT_IN_RETURN'
  | 'INSPECTION_INCOMPLETE';

export interface Refusal {
  rule: ReturnRule;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

const refuse = (rule: ReturnRule, message: string): { ok: false; refusal: Refusal } => ({ ok: false, refusal: { rule, message } });

const DAY_MS = 24 * 3600_000;

/** The last moment a return may be requested: delivery + the window. */
export const windowEndsAt = (deliveredAt: Date, policy: ReturnPolicy): Date => new Date(deliveredAt.getTime() + policy.windowMs);

/** Units of each SKU that earlier returns already cover: every return but a rejected one. */
export function coveredUnits(earlier: readonly EarlierReturn[]): Map<string, number> {
  const covered = new Map<string, number>();
  for (const ret of earlier) {
    if (ret.status === 'REJECTED') continue;
    for (const line of ret.lines) covered.set(line.sku, (covered.get(line.sku) ?? 0) + line.quantity);
  }
  return covered;
}

/** Checks a return request against the order and its earlier returns; the lines to record, at the prices paid. */
export function checkReturnRequest(order: OrderFacts, earlier: readonly EarlierReturn[], requested: readonly RequestedLine[], now: Date, policy: ReturnPolicy): Checked<ReturnLine[]> {
  if (requested.length === 0) return refuse('NO_ITEMS', 'Name at least one item to return');
  const skus = new Set<string>();
  for (const line of requested) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) return refuse('INVALID_QUANTITY', `The quantity of ${line.sku} must be a whole number of at least 1`);
    if (skus.has(line.sku)) return refuse('DUPLICATE_ITEM', `${line.sku} appears twice; give each item once with its total quantity`);
    skus.add(line.sku);
  }
  if (!order.deliveredAt) return refuse('ORDER_NOT_DELIVERED', 'Only a delivered order can be returned');
  if (now.getTime() > windowEndsAt(order.deliveredAt, policy).getTime()) {
    const days = Math.round(policy.windowMs / DAY_MS);
    return refuse('RETURN_WINDOW_CLOSED', `Returns are accepted within ${days} days of delivery; this order was delivered on ${order.deliveredAt.toISOString().slice(0, 10)}`);
  }
  const covered = coveredUnits(earlier);
  const lines: ReturnLine[] = [];
  for (const line of requested) {
    const ordered = order.lines.find((l) => l.sku === line.sku);
    if (!ordered) return refuse('NOT_IN_ORDER', `${line.sku} is not part of this order`);
    const returnable = ordered.quantity - (covered.get(line.sku) ?? 0);
    if (line.quantity > returnable) {
      return refuse('TOO_MANY_UNITS', `At most ${returnable} of ${line.sku} can be returned (${ordered.quantity} delivered, ${ordered.quantity - returnable} in earlier returns)`);
    }
    lines.push({ ...line, name: ordered.name, unitPriceCents: ordered.unitPriceCents, acceptedQuantity: null });
  }
  return { ok: true, value: lines };
}

/** Automatic approval unless a line's reason is OTHER, which waits for customer service. */
export const needsReview = (lines: readonly RequestedLine[]): boolean => lines.some((line) => line.reason === 'OTHER');

export interface Inspection {
  sku: string;
  acceptedQuantity: number;
}

/** The warehouse's inspection: every line of the return exactly once, 0 ≤ accepted ≤ returned. */
export function checkInspection(lines: readonly ReturnLine[], inspected: readonly Inspection[]): Checked<ReturnLine[]> {
  const bySku = new Map<string, number>();
  for (const item of inspected) {
    if (bySku.has(item.sku)) return refuse('DUPLICATE_ITEM', `${item.sku} is inspected twice`);
    bySku.set(item.sku, item.acceptedQuantity);
  }
  for (const sku of bySku.keys()) {
    if (!lines.some((line) => line.sku === sku)) return refuse('NOT_IN_RETURN', `${sku} is not part of this return`);
  }
  const result: ReturnLine[] = [];
  for (const line of lines) {
    const accepted = bySku.get(line.sku);
    if (accepted === undefined) return refuse('INSPECTION_INCOMPLETE', `Give the accepted quantity of every item; ${line.sku} is missing`);
    if (!Number.isInteger(accepted) || accepted < 0 || accepted > line.quantity) {
      return refuse('INVALID_QUANTITY', `The accepted quantity of ${line.sku} must be between 0 and ${line.quantity}`);
    }
    result.push({ ...line, acceptedQuantity: accepted });
  }
  return { ok: true, value: result };
}
