import { isValidSku, normaliseSku } from './sku.js';

/** Field → problem, for one BAD_USER_INPUT naming every invalid field. */
export type FieldErrors = Record<string, string>;
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Upper bound of one receipt or adjustment: keeps buckets far from the int4 limit. */
export const MAX_UNITS_PER_CHANGE = 1_000_000;
export const MAX_TEXT = 500;

export interface ReceiptInput {
  sku: string;
  warehouseId: string;
  quantity: number;
  reference?: string | null;
}

export interface Receipt {
  sku: string;
  warehouseId: string;
  quantity: number;
  reference: string | null;
}

/** Staff receiving units into a warehouse (a delivery from a supplier, a return to stock). */
export function validateReceipt(input: ReceiptInput): Checked<Receipt> {
  const errors: FieldErrors = {};
  const sku = normaliseSku(input.sku);
  if (!isValidSku(sku)) errors.sku = 'must be 3-24 characters of A-Z, 0-9 and -';
  if (!Number.isInteger(input.quantity) || input.quantity <= 0) errors.quantity = 'must be a whole number greater than 0';
  else if (input.quantity > MAX_UNITS_PER_CHANGE) errors.quantity = `must be at most ${MAX_UNITS_PER_CHANGE}`;
  const reference = input.reference?.trim() || null;
  if (reference && reference.length > MAX_TEXT) errors.reference = `must be at most ${MAX_TEXT} characters`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { sku, warehouseId: input.warehouseId.trim().toUpperCase(), quantity: input.quantity, reference } };
}

export interface AdjustmentInput {
  sku: string;
  warehouseId: string;
  delta: number;
  reason: string;
}

export interface Adjustment {
  sku: string;
  warehouseId: string;
  delta: number;
  reason: string;
}

/**
 * Staff correcting the available units (a count, damage, loss). It changes only `available`:
 * units held for orders are moved by their reservations, never by hand.
 */
export function validateAdjustment(input: AdjustmentInput): Checked<Adjustment> {
  const errors: FieldErrors = {};
  const sku = normaliseSku(input.sku);
  if (!isValidSku(sku)) errors.sku = 'must be 3-24 characters of A-Z, 0-9 and -';
  if (!Number.isInteger(input.delta) || input.delta === 0) errors.delta = 'must be a whole number other than 0';
  else if (Math.abs(input.delta) > MAX_UNITS_PER_CHANGE) errors.delta = `must be between -${MAX_UNITS_PER_CHANGE} and ${MAX_UNITS_PER_CHANGE}`;
  const reason = input.reason.trim();
  if (!reason) errors.reason = 'is required';
  else if (reason.length > MAX_TEXT) errors.reason = `must be at most ${MAX_TEXT} characters`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { sku, warehouseId: input.warehouseId.trim().toUpperCase(), delta: input.delta, reason } };
}
