import type { StockLevel } from '../domain/availability.js';
import { decide, type CartCommand, type CartDecision, type CartRejection, type ProductOffer } from '../domain/cart.js';
import { isSku, normaliseSku } from '../domain/sku.js';
import { inTransaction } from '../../../platform/database.js';
import type { DomainError } from '../../../platform/errors.js';
import { toCart, type CartRecord } from '../store/cart.entity.js';
import { CartRepository, type CartOwner, type CartWrite } from '../store/cart.repository.js';
import { ownedCartWithOffer, warningsAt, type CartPayloadResult } from './owned-cart.js';
import { requireCartReader } from './owner.js';
import { applyDecision, rejectionError } from './record-changes.js';
import type { CartDeps, CartScope } from './scope.js';

type Accepted = Extract<CartDecision, { ok: true }>;

/** A change of one of the caller's carts, as its use case describes it. */
export interface OwnCartChange<T> {
  /** The SKU (normalised) whose offer the command needs and whose stock level the answer reports: an item change's; null for the others. */
  sku: string | null;
  command(offer: ProductOffer | null): CartCommand;
  /** The client's error for a refusal (`rejectionError` unless given). */
  refused?(rejection: CartRejection, record: CartRecord): DomainError;
  /** What an accepted decision writes (applyDecision, and more), the record changed to match; null when it changes nothing. */
  write(record: CartRecord, decision: Accepted): CartWrite | null;
  /** The use case's answer: the cart as written (or found, when nothing changed) and the SKU's stock level. */
  answer(record: CartRecord, stock: StockLevel | null): T;
}

/**
 * An item change (add, change quantity, remove) of the caller's own cart: `command` given the SKU
 * (normalised) and its offer; the answer names the stock warnings about that SKU's line.
 */
export function changeOwnCartItem(
  deps: CartDeps,
  scope: CartScope,
  cartId: string,
  rawSku: string,
  command: (sku: string, offer: ProductOffer | null) => CartCommand,
): Promise<CartPayloadResult> {
  const owner = requireCartReader(scope.caller, cartId);
  const sku = normaliseSku(rawSku);
  return changeOwnCart(deps, scope, cartId, owner, {
    sku,
    command: (offer) => command(sku, offer),
    write: (record, decision) => applyDecision(deps.eventNamespace, record, decision),
    answer: (cart, stock) => ({ cart, warnings: warningsAt(cart, sku, stock) }),
  });
}

/** What a change is decided on. `remembered`: this process's copies, not a read (their stock level unknown). */
interface Basis {
  record: CartRecord;
  offer: ProductOffer | null;
  stock: StockLevel | null;
  remembered: boolean;
}

/**
 * A change of the caller's own cart (an item change, the checkout). First without a row lock or a
 * transaction: decided on the cart — and the SKU's offer, for an item change — as this process last
 * saw them committed (deps.recentCarts, deps.recentOffers), or as read now in one statement, and
 * written back in ONE statement only over the cart's version and while the offer it used still
 * holds (CartRepository.writeChange): one round trip for a cart the process knows, two otherwise,
 * instead of a transaction's locking read and its write. A refusal, or a change of nothing, is only
 * believed of the cart as read now, never of a copy. When another write landed in between —
 * another change, the expiry sweep, another replica — or the product's offer changed, nothing was
 * written and the change is decided again under the cart's lock in a transaction, where concurrent
 * changes queue: none is lost, and a cart no longer ACTIVE refuses it.
 */
export async function changeOwnCart<T>(deps: CartDeps, scope: CartScope, cartId: string, owner: CartOwner, change: OwnCartChange<T>): Promise<T> {
  let basis = recalled(deps, cartId, owner, change.sku) ?? (await readNow(deps, scope, cartId, owner, change.sku));
  let command = change.command(basis.offer);
  let decision = decide(toCart(basis.record), command);
  if (basis.remembered && (!decision.ok || !decision.changes.length)) {
    basis = await readNow(deps, scope, cartId, owner, change.sku);
    command = change.command(basis.offer);
    decision = decide(toCart(basis.record), command);
  }
  if (!decision.ok) throw refusal(change, decision.rejection, basis.record);
  // the copy stays as it was: the record is the change's
  const record = { ...basis.record };
  const write = change.write(record, decision);
  if (!write) return change.answer(record, basis.stock);
  const over = { version: basis.record.version, owner, offer: 'product' in command ? command.product : null };
  const written = await new CartRepository(scope.em).writeChange(write, over, change.sku);
  if (written) {
    deps.recentCarts.remember(cartId, written.record);
    return change.answer(written.record, written.stock);
  }
  deps.recentCarts.forget(cartId);
  return changeLocked(deps, scope, cartId, owner, change);
}

/** The cart (and the SKU's offer) as this process last saw them, when it has them (someone else's cart goes the usual way, to NOT_FOUND). */
function recalled(deps: CartDeps, cartId: string, owner: CartOwner, sku: string | null): Basis | null {
  const record = deps.recentCarts.get(cartId);
  if (!record || record.ownerKind !== owner.kind || record.ownerId !== owner.id) return null;
  const offer = sku !== null && isSku(sku) ? deps.recentOffers.get(sku) : null;
  if (offer === undefined) return null;
  return { record, offer, stock: null, remembered: true };
}

/** The cart (with the SKU's offer and stock level) as it is now, in one statement without a lock; remembered for the next change. */
async function readNow(deps: CartDeps, scope: CartScope, cartId: string, owner: CartOwner, sku: string | null): Promise<Basis> {
  const found = await ownedCartWithOffer(scope.em, cartId, owner, sku, { lock: false });
  deps.recentCarts.remember(cartId, found.record);
  if (sku !== null && found.offer) deps.recentOffers.set(sku, found.offer);
  return { ...found, remembered: false };
}

/** The change decided under the cart's lock, in a transaction: what a change that lost the race to another write does. */
function changeLocked<T>(deps: CartDeps, scope: CartScope, cartId: string, owner: CartOwner, change: OwnCartChange<T>): Promise<T> {
  return inTransaction(scope.em, async (em) => {
    const { record, offer, stock } = await ownedCartWithOffer(em, cartId, owner, change.sku, { lock: true });
    const decision = decide(toCart(record), change.command(offer));
    if (!decision.ok) throw refusal(change, decision.rejection, record);
    const write = change.write(record, decision);
    if (write) await new CartRepository(em).write([write]);
    return change.answer(record, stock);
  });
}

function refusal(change: OwnCartChange<unknown>, rejection: CartRejection, record: CartRecord): DomainError {
  return change.refused ? change.refused(rejection, record) : rejectionError(rejection);
}
