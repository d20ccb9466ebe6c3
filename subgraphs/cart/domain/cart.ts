import { DEFAULT_CURRENCY, MAX_CENTS, formatMoney, times, type Money } from './money.js';

/**
 * The cart aggregate's rules (SPEC §5). `decide(cart, command)` answers with the cart after the
 * command and the changes to publish, or with the rule the command broke. Pure: no ORM, no
 * broker, no GraphQL — the use cases load the cart, call this and persist what it returns.
 */

export const CART_LIMITS = Object.freeze({
  /** (PO) distinct SKUs per cart. */
  maxDistinctSkus: 100,
  /** (PO) units of one SKU per cart. */
  maxUnitsPerSku: 999,
  /** Removing is its own command. */
  minQuantity: 1,
});

export const CART_STATUSES = ['ACTIVE', 'CHECKED_OUT', 'ABANDONED', 'CLEARED'] as const;
export type CartStatus = (typeof CART_STATUSES)[number];

export type OwnerKind = 'GUEST' | 'CUSTOMER';

/** Mirrors the lead's CartChanged reasons (events/contracts/cart). */
export type CartUpdateReason = 'ITEM_ADDED' | 'ITEM_REMOVED' | 'QUANTITY_CHANGED' | 'CLEARED' | 'MERGED' | 'CHECKED_OUT' | 'ABANDONED';

export interface CartLine {
  sku: string;
  /** The product's name when the line was added. */
  name: string;
  quantity: number;
  /** The catalog price when the SKU was first added (price snapshot). */
  unitPrice: Money;
}

export interface Cart {
  id: string;
  ownerKind: OwnerKind;
  ownerId: string;
  status: CartStatus;
  /** In the order they were first added. */
  lines: readonly CartLine[];
}

/** What the cart's local projection of the catalogue knows about a SKU; a field is null until its event arrived. */
export interface ProductOffer {
  sku: string;
  name: string | null;
  price: Money | null;
  status: string | null;
}

export type CartCommand =
  | { type: 'AddItem'; sku: string; quantity: number; product: ProductOffer | null }
  | { type: 'ChangeQuantity'; sku: string; quantity: number; product: ProductOffer | null }
  | { type: 'RemoveItem'; sku: string }
  | { type: 'Clear' }
  /** Merge, customer side: take in a guest cart's lines. */
  | { type: 'Absorb'; lines: readonly CartLine[] }
  /** Merge, guest side: the lines moved to the customer's cart; this cart is done. */
  | { type: 'HandOver' }
  | { type: 'CheckOut' }
  | { type: 'Abandon' };

export interface CartChange {
  reason: CartUpdateReason;
  sku: string | null;
}

export type CartRule =
  | 'QUANTITY_AT_LEAST_ONE'
  | 'MAX_UNITS_PER_SKU'
  | 'MAX_DISTINCT_SKUS'
  | 'MAX_SUBTOTAL'
  | 'UNKNOWN_PRODUCT'
  | 'PRODUCT_NOT_ACTIVE'
  | 'CURRENCY_MISMATCH'
  | 'NOT_IN_CART'
  | 'EMPTY_CART'
  | 'CART_NOT_ACTIVE'
  | 'NOT_A_GUEST_CART';

/** `invalid` → the request was wrong (BAD_USER_INPUT); `conflict` → the cart's state forbids it (CONFLICT). */
export interface CartRejection {
  kind: 'invalid' | 'conflict';
  rule: CartRule;
  /** The argument at fault, for `invalid`. */
  field?: string;
  message: string;
}

/** A merged line that did not fit whole: `kept` units went in (0 = none). */
export interface CappedLine {
  sku: string;
  requested: number;
  kept: number;
  rule: 'MAX_UNITS_PER_SKU' | 'MAX_DISTINCT_SKUS' | 'MAX_SUBTOTAL' | 'CURRENCY_MISMATCH';
}

export type CartDecision =
  | { ok: true; cart: Cart; changes: CartChange[]; capped: CappedLine[] }
  | { ok: false; rejection: CartRejection };

export function decide(cart: Cart, command: CartCommand): CartDecision {
  if (cart.status !== 'ACTIVE') {
    return reject('conflict', 'CART_NOT_ACTIVE', `The cart is ${cart.status}; only an ACTIVE cart can change`);
  }
  switch (command.type) {
    case 'AddItem':
      return addItem(cart, command);
    case 'ChangeQuantity':
      return changeQuantity(cart, command);
    case 'RemoveItem': {
      // Removing what is not there changes nothing: a retried removal succeeds.
      if (!findLine(cart, command.sku)) return unchanged(cart);
      return changed({ ...cart, lines: cart.lines.filter((l) => l.sku !== command.sku) }, 'ITEM_REMOVED', command.sku);
    }
    case 'Clear':
      // The cart stays ACTIVE and empty: the owner keeps shopping in it.
      return cart.lines.length ? changed({ ...cart, lines: [] }, 'CLEARED', null) : unchanged(cart);
    case 'Absorb':
      return absorb(cart, command.lines);
    case 'HandOver':
      return changed({ ...cart, status: 'CLEARED', lines: [] }, 'MERGED', null);
    case 'CheckOut':
      if (!cart.lines.length) return reject('invalid', 'EMPTY_CART', 'The cart is empty; add items before checking out', 'cartId');
      return changed({ ...cart, status: 'CHECKED_OUT' }, 'CHECKED_OUT', null);
    case 'Abandon':
      if (cart.ownerKind !== 'GUEST') return reject('conflict', 'NOT_A_GUEST_CART', "Customers' carts never expire");
      return changed({ ...cart, status: 'ABANDONED' }, 'ABANDONED', null);
  }
}

function addItem(cart: Cart, { sku, quantity, product }: Extract<CartCommand, { type: 'AddItem' }>): CartDecision {
  const invalidQuantity = checkQuantity(quantity);
  if (invalidQuantity) return invalidQuantity;
  const offer = addable(sku, product);
  if (!offer.ok) return offer;
  const existing = findLine(cart, sku);
  if (existing) {
    if (existing.quantity + quantity > CART_LIMITS.maxUnitsPerSku) {
      return reject('invalid', 'MAX_UNITS_PER_SKU', `At most ${CART_LIMITS.maxUnitsPerSku} units per SKU: the cart already has ${existing.quantity} of ${sku}`, 'quantity');
    }
    // Adding more of a SKU keeps the unit price it was first added at.
    return withinSubtotal(replaceLine(cart, { ...existing, quantity: existing.quantity + quantity }), 'ITEM_ADDED', sku);
  }
  if (cart.lines.length >= CART_LIMITS.maxDistinctSkus) {
    return reject('invalid', 'MAX_DISTINCT_SKUS', `At most ${CART_LIMITS.maxDistinctSkus} distinct SKUs per cart`, 'sku');
  }
  const currency = cartCurrency(cart);
  if (cart.lines.length && offer.price.currency !== currency) {
    return reject('invalid', 'CURRENCY_MISMATCH', `${sku} is priced in ${offer.price.currency}; this cart is in ${currency}`, 'sku');
  }
  const line: CartLine = { sku, name: offer.name, quantity, unitPrice: { ...offer.price } };
  return withinSubtotal({ ...cart, lines: [...cart.lines, line] }, 'ITEM_ADDED', sku);
}

function changeQuantity(cart: Cart, { sku, quantity, product }: Extract<CartCommand, { type: 'ChangeQuantity' }>): CartDecision {
  const invalidQuantity = checkQuantity(quantity);
  if (invalidQuantity) return invalidQuantity;
  const line = findLine(cart, sku);
  if (!line) return reject('invalid', 'NOT_IN_CART', `${sku} is not in the cart; add it first`, 'sku');
  if (quantity === line.quantity) return unchanged(cart);
  if (quantity > line.quantity) {
    // More of a product that can no longer be bought is an addition in disguise.
    const offer = addable(sku, product);
    if (!offer.ok) return offer;
  }
  return withinSubtotal(replaceLine(cart, { ...line, quantity }), 'QUANTITY_CHANGED', sku);
}

/**
 * Merge rules: quantities of SKUs in both carts are summed and capped at the per-SKU limit, and
 * this cart's unit price wins; other lines come with their own snapshot price while there is
 * room for another SKU. Whatever does not fit is reported in `capped`, never an error: the
 * shopper signed in and should not lose the rest.
 */
function absorb(cart: Cart, incoming: readonly CartLine[]): CartDecision {
  const lines = cart.lines.map((l) => ({ ...l }));
  const capped: CappedLine[] = [];
  const currency = cartCurrency(cart);
  let subtotal = subtotalOf(lines).cents;
  for (const line of incoming) {
    const existing = lines.find((l) => l.sku === line.sku);
    const current = existing?.quantity ?? 0;
    let kept = Math.min(line.quantity, CART_LIMITS.maxUnitsPerSku - current);
    let rule: CappedLine['rule'] = 'MAX_UNITS_PER_SKU';
    const unitPrice = existing?.unitPrice ?? line.unitPrice;
    if (!existing && lines.length >= CART_LIMITS.maxDistinctSkus) {
      kept = 0;
      rule = 'MAX_DISTINCT_SKUS';
    } else if (!existing && lines.length > 0 && unitPrice.currency !== currency) {
      kept = 0;
      rule = 'CURRENCY_MISMATCH';
    }
    const room = Math.floor((MAX_CENTS - subtotal) / Math.max(1, unitPrice.cents));
    if (kept > room) {
      kept = room;
      rule = 'MAX_SUBTOTAL';
    }
    if (kept < line.quantity) capped.push({ sku: line.sku, requested: line.quantity, kept, rule });
    if (kept <= 0) continue;
    subtotal += kept * unitPrice.cents;
    if (existing) existing.quantity += kept;
    else lines.push({ ...line, unitPrice: { ...line.unitPrice }, quantity: kept });
  }
  const grew = lines.length !== cart.lines.length || lines.some((l, i) => l.quantity !== cart.lines[i]!.quantity);
  if (!grew) return { ok: true, cart, changes: [], capped };
  return { ok: true, cart: { ...cart, lines }, changes: [{ reason: 'MERGED', sku: null }], capped };
}

// ---------------------------------------------------------------- derived values

export const itemCountOf = (cart: Pick<Cart, 'lines'>): number => cart.lines.reduce((n, l) => n + l.quantity, 0);

export const lineTotalOf = (line: CartLine): Money => times(line.unitPrice, line.quantity);

export function subtotalOf(lines: readonly CartLine[]): Money {
  const currency = lines[0]?.unitPrice.currency ?? DEFAULT_CURRENCY;
  return { cents: lines.reduce((sum, l) => sum + l.unitPrice.cents * l.quantity, 0), currency };
}

/** Guest carts expire a fixed time after their last change (PO: 24 h); customers' carts never do. */
export function expiresAtOf(cart: Pick<Cart, 'ownerKind'>, updatedAt: Date, guestTtlMs: number): Date | null {
  return cart.ownerKind === 'GUEST' ? new Date(updatedAt.getTime() + guestTtlMs) : null;
}

export interface CheckoutSnapshot {
  items: { sku: string; name: string; quantity: number; unitPrice: Money }[];
  subtotal: Money;
}

/** What a checkout starts from: the lines at their snapshot prices. */
export function checkoutSnapshotOf(cart: Pick<Cart, 'lines'>): CheckoutSnapshot {
  return {
    items: cart.lines.map(({ sku, name, quantity, unitPrice }) => ({ sku, name, quantity, unitPrice: { ...unitPrice } })),
    subtotal: subtotalOf(cart.lines),
  };
}

// ---------------------------------------------------------------- helpers

const findLine = (cart: Pick<Cart, 'lines'>, sku: string): CartLine | undefined => cart.lines.find((l) => l.sku === sku);

const cartCurrency = (cart: Pick<Cart, 'lines'>): string => cart.lines[0]?.unitPrice.currency ?? DEFAULT_CURRENCY;

const replaceLine = (cart: Cart, line: CartLine): Cart => ({ ...cart, lines: cart.lines.map((l) => (l.sku === line.sku ? line : l)) });

function checkQuantity(quantity: number): CartDecision | undefined {
  if (!Number.isInteger(quantity) || quantity < CART_LIMITS.minQuantity) {
    return reject('invalid', 'QUANTITY_AT_LEAST_ONE', `Quantity must be at least ${CART_LIMITS.minQuantity} (use removeCartItem to remove an item)`, 'quantity');
  }
  if (quantity > CART_LIMITS.maxUnitsPerSku) {
    return reject('invalid', 'MAX_UNITS_PER_SKU', `At most ${CART_LIMITS.maxUnitsPerSku} units per SKU`, 'quantity');
  }
  return undefined;
}

type Addable = { ok: true; name: string; price: Money } | { ok: false; rejection: CartRejection };

/** Only ACTIVE products the cart's projection fully knows can be added. */
function addable(sku: string, product: ProductOffer | null): Addable {
  if (!product || product.name === null || product.price === null || product.status === null) {
    return reject('invalid', 'UNKNOWN_PRODUCT', `Unknown product ${sku}`, 'sku');
  }
  if (product.status !== 'ACTIVE') {
    return reject('invalid', 'PRODUCT_NOT_ACTIVE', `${sku} is ${product.status}; only ACTIVE products can be added`, 'sku');
  }
  return { ok: true, name: product.name, price: product.price };
}

function withinSubtotal(cart: Cart, reason: CartUpdateReason, sku: string): CartDecision {
  const subtotal = subtotalOf(cart.lines);
  if (subtotal.cents > MAX_CENTS) {
    return reject('invalid', 'MAX_SUBTOTAL', `A cart's subtotal may not exceed ${formatMoney({ cents: MAX_CENTS, currency: subtotal.currency })}`, 'quantity');
  }
  return changed(cart, reason, sku);
}

const changed = (cart: Cart, reason: CartUpdateReason, sku: string | null): CartDecision => ({ ok: true, cart, changes: [{ reason, sku }], capped: [] });

const unchanged = (cart: Cart): CartDecision => ({ ok: true, cart, changes: [], capped: [] });

const reject = (kind: CartRejection['kind'], rule: CartRule, message: string, field?: string): { ok: false; rejection: CartRejection } => ({
  ok: false,
  rejection: { kind, rule, message, ...(field ? { field } : {}) },
});
