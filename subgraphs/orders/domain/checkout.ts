import { discountCents, type CouponRule } from '../../../events/contracts/promotions/index.js';
import type { ShippingAddress } from './address.js';
import { sameMoney, sum, times, type Money } from './money.js';
import { shippingCostOf, type ShippingMethod } from './shipping.js';

/**
 * The checkout's rules (SPEC §6, "Checkout"): three steps in any order — shipping address,
 * shipping method, payment token — then `placeOrder`, which needs all three and guards against
 * price drift. Pure: the use cases load a checkout, call `decide` and persist what it returns.
 */

export const CHECKOUT_STATUSES = ['IN_PROGRESS', 'COMPLETED', 'ABANDONED'] as const;
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number];

/** Payment tokens come from the provider; never card data (SPEC §6 step 3). */
export const MAX_PAYMENT_TOKEN_LENGTH = 256;

export interface CheckoutLine {
  sku: string;
  /** The product's name when it was put in the cart. */
  name: string;
  quantity: number;
  /** The cart's price snapshot. */
  unitPrice: Money;
}

export interface Checkout {
  id: string;
  customerId: string;
  status: CheckoutStatus;
  lines: readonly CheckoutLine[];
  shippingAddress: ShippingAddress | null;
  /** The saved address the checkout holds (customers refuses to remove it meanwhile); null for an inline one. */
  addressId: string | null;
  addressWarnings: readonly string[];
  shippingMethod: ShippingMethod | null;
  paymentToken: string | null;
  /** Set once the checkout became an order. */
  orderId: string | null;
  /** The last change; the checkout is abandoned a fixed time after it. */
  updatedAt: Date;
  /** The coupon carried over from the cart (as applied there); orders redeems it at placement. */
  coupon?: CheckoutCoupon | null;
}

export interface CheckoutCoupon {
  code: string;
  percentOff: number;
}

/**
 * Whether the checkout's coupon applies at placement, as orders' coupon ledger decided (a granted
 * redemption, or the rule that refused it).
 */
export type CouponVerdict = { code: string; applies: true; percentOff: number } | { code: string; applies: false; rule: CouponRule; message: string };

/** An item whose current catalog price differs from the cart price. */
export interface PriceChange {
  sku: string;
  previousPrice: Money;
  currentPrice: Money;
}

/** Current catalog prices by SKU; a SKU missing here is one the catalog projection has not heard of. */
export type CurrentPrices = ReadonlyMap<string, Money>;

export type CheckoutCommand =
  | { type: 'SelectSavedAddress'; addressId: string; address: ShippingAddress; warnings: string[] }
  | { type: 'EnterAddress'; address: ShippingAddress; warnings: string[] }
  | { type: 'ChooseShippingMethod'; method: ShippingMethod }
  | { type: 'SetPaymentToken'; token: string }
  | { type: 'Place'; orderId: string; currentPrices: CurrentPrices; acknowledgePriceChanges: boolean; coupon?: CouponVerdict | null }
  | { type: 'Abandon' };

export type MissingStep = 'shippingAddress' | 'shippingMethod' | 'paymentMethod';

export type CheckoutRejection =
  | { code: 'CONFLICT'; message: string }
  | { code: 'BAD_USER_INPUT'; message: string; fields: Record<string, string> }
  /** `rule`: the checkout's coupon stopped applying (its discount is gone from the total). */
  | { code: 'PRICE_CHANGED'; message: string; priceChanges: PriceChange[]; rule?: CouponRule };

/** What the checkout tells the other contexts about the saved address it holds. */
export type AddressHold = { type: 'Selected'; addressId: string | null } | { type: 'Released'; addressId: string | null; outcome: 'COMPLETED' | 'ABANDONED' };

/** The order a placed checkout becomes: lines at the prices the customer accepted. */
export interface OrderDraft {
  orderId: string;
  lines: CheckoutLine[];
  shippingAddress: ShippingAddress;
  shippingMethod: ShippingMethod;
  paymentToken: string;
  subtotal: Money;
  /** The coupon's discount; zero (and no code) without one or when it no longer applied. */
  discount: Money;
  couponCode: string | null;
  shippingCost: Money;
  /** subtotal - discount + shippingCost: what payments authorizes. */
  total: Money;
}

export type CheckoutDecision =
  | { ok: true; checkout: Checkout; addressHold?: AddressHold; order?: OrderDraft }
  | { ok: false; rejection: CheckoutRejection };

/** IN_PROGRESS until `ttlMs` after the last change, then ABANDONED even before the sweep marks it. */
export function effectiveStatus(checkout: Pick<Checkout, 'status' | 'updatedAt'>, now: Date, ttlMs: number): CheckoutStatus {
  if (checkout.status === 'IN_PROGRESS' && now.getTime() - checkout.updatedAt.getTime() >= ttlMs) return 'ABANDONED';
  return checkout.status;
}

export function decide(checkout: Checkout, command: CheckoutCommand, now: Date, ttlMs: number): CheckoutDecision {
  const status = effectiveStatus(checkout, now, ttlMs);
  if (command.type === 'Abandon') {
    if (status !== 'ABANDONED' || checkout.status !== 'IN_PROGRESS') return reject('CONFLICT', `The checkout is ${checkout.status}`);
    return { ok: true, checkout: { ...checkout, status: 'ABANDONED', paymentToken: null }, addressHold: { type: 'Released', addressId: checkout.addressId, outcome: 'ABANDONED' } };
  }
  if (status !== 'IN_PROGRESS') {
    return reject('CONFLICT', status === 'ABANDONED' ? 'The checkout was abandoned; start again from the cart' : 'The order was already placed from this checkout');
  }
  const touched = { ...checkout, updatedAt: now };
  switch (command.type) {
    case 'SelectSavedAddress':
      return {
        ok: true,
        checkout: { ...touched, shippingAddress: command.address, addressId: command.addressId, addressWarnings: command.warnings },
        addressHold: { type: 'Selected', addressId: command.addressId },
      };
    case 'EnterAddress':
      return {
        ok: true,
        checkout: { ...touched, shippingAddress: command.address, addressId: null, addressWarnings: command.warnings },
        // an inline address frees any saved address the checkout held before
        addressHold: { type: 'Selected', addressId: null },
      };
    case 'ChooseShippingMethod':
      return { ok: true, checkout: { ...touched, shippingMethod: command.method } };
    case 'SetPaymentToken': {
      const token = command.token.trim();
      if (!token) return reject('BAD_USER_INPUT', 'The payment token is empty', { paymentToken: 'must not be empty' });
      if (token.length > MAX_PAYMENT_TOKEN_LENGTH) {
        return reject('BAD_USER_INPUT', `The payment token is longer than ${MAX_PAYMENT_TOKEN_LENGTH} characters`, { paymentToken: `must be at most ${MAX_PAYMENT_TOKEN_LENGTH} characters` });
      }
      return { ok: true, checkout: { ...touched, paymentToken: token } };
    }
    case 'Place':
      return place(touched, command);
  }
}

function place(checkout: Checkout, command: Extract<CheckoutCommand, { type: 'Place' }>): CheckoutDecision {
  const missing = missingSteps(checkout);
  if (missing.length) {
    const names: Record<MissingStep, string> = { shippingAddress: 'shipping address', shippingMethod: 'shipping method', paymentMethod: 'payment method' };
    return reject(
      'BAD_USER_INPUT',
      `The checkout is missing: ${missing.map((step) => names[step]).join(', ')}`,
      Object.fromEntries(missing.map((step) => [step, 'required before placing the order'])),
    );
  }
  const changes = priceChangesOf(checkout.lines, command.currentPrices);
  // a coupon that stopped applying is drift too: the total is no longer the one the customer saw
  const lostCoupon = command.coupon && !command.coupon.applies ? command.coupon : null;
  if ((changes.length || lostCoupon) && !command.acknowledgePriceChanges) {
    const message = lostCoupon
      ? `${lostCoupon.message}: the total no longer includes its discount; review it and place the order again`
      : 'Some prices changed since the items were put in the cart; review them and place the order again';
    return { ok: false, rejection: { code: 'PRICE_CHANGED', message, priceChanges: changes, ...(lostCoupon ? { rule: lostCoupon.rule } : {}) } };
  }
  // acknowledged (or none): the order uses the current prices (PO)
  const lines = checkout.lines.map((line) => ({ ...line, unitPrice: { ...(command.currentPrices.get(line.sku) ?? line.unitPrice) } }));
  const currencies = new Set(lines.map((line) => line.unitPrice.currency));
  if (currencies.size > 1) return reject('CONFLICT', 'The items are priced in different currencies');
  const shippingMethod = checkout.shippingMethod!;
  const subtotal = subtotalOf(lines);
  const shippingCost = shippingCostOf(shippingMethod);
  if (shippingCost.currency !== subtotal.currency) return reject('CONFLICT', `Shipping is priced in ${shippingCost.currency} only`);
  const coupon = command.coupon?.applies ? command.coupon : null;
  const discount: Money = { cents: coupon ? discountCents(subtotal.cents, coupon.percentOff) : 0, currency: subtotal.currency };
  const order: OrderDraft = {
    orderId: command.orderId,
    lines,
    shippingAddress: checkout.shippingAddress!,
    shippingMethod,
    paymentToken: checkout.paymentToken!,
    subtotal,
    discount,
    couponCode: coupon?.code ?? null,
    shippingCost,
    total: { cents: subtotal.cents - discount.cents + shippingCost.cents, currency: subtotal.currency },
  };
  return {
    ok: true,
    // the token travels on in PaymentAuthorizationRequested; the checkout keeps no copy
    checkout: { ...checkout, status: 'COMPLETED', orderId: command.orderId, paymentToken: null },
    addressHold: { type: 'Released', addressId: checkout.addressId, outcome: 'COMPLETED' },
    order,
  };
}

export function missingSteps(checkout: Pick<Checkout, 'shippingAddress' | 'shippingMethod' | 'paymentToken'>): MissingStep[] {
  const missing: MissingStep[] = [];
  if (!checkout.shippingAddress) missing.push('shippingAddress');
  if (!checkout.shippingMethod) missing.push('shippingMethod');
  if (!checkout.paymentToken) missing.push('paymentMethod');
  return missing;
}

/** Items whose current catalog price differs from the cart price; unknown SKUs count as unchanged. */
export function priceChangesOf(lines: readonly CheckoutLine[], currentPrices: CurrentPrices): PriceChange[] {
  return lines.flatMap((line) => {
    const current = currentPrices.get(line.sku);
    return current && !sameMoney(current, line.unitPrice) ? [{ sku: line.sku, previousPrice: { ...line.unitPrice }, currentPrice: { ...current } }] : [];
  });
}

export const lineTotalOf = (line: CheckoutLine): Money => times(line.unitPrice, line.quantity);

export const subtotalOf = (lines: readonly CheckoutLine[]): Money => sum(lines.map(lineTotalOf), lines[0]?.unitPrice.currency);

/** Subtotal minus the coupon's discount (per cart, half up), plus shipping once a method is chosen. */
export function totalOf(checkout: Pick<Checkout, 'lines' | 'shippingMethod'>, discountPercent: number | null = null): Money {
  const subtotal = subtotalOf(checkout.lines);
  const discounted = { ...subtotal, cents: subtotal.cents - discountOf(subtotal, discountPercent).cents };
  return checkout.shippingMethod ? sum([discounted, shippingCostOf(checkout.shippingMethod)]) : discounted;
}

/** What a coupon of `percentOff` (null: none, or no longer applying) takes off this subtotal. */
export const discountOf = (subtotal: Money, percentOff: number | null): Money => ({ cents: percentOff ? discountCents(subtotal.cents, percentOff) : 0, currency: subtotal.currency });

function reject(code: 'CONFLICT', message: string): CheckoutDecision;
function reject(code: 'BAD_USER_INPUT', message: string, fields: Record<string, string>): CheckoutDecision;
function reject(code: 'CONFLICT' | 'BAD_USER_INPUT', message: string, fields?: Record<string, string>): CheckoutDecision {
  return { ok: false, rejection: code === 'CONFLICT' ? { code, message } : { code, message, fields: fields ?? {} } };
}
