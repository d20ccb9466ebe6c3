import type { StockLevel } from '../domain/availability.js';
import { decide, type CartCommand, type ProductOffer } from '../domain/cart.js';
import { isSku, normaliseSku } from '../domain/sku.js';
import { inTransaction } from '../../../platform/database.js';
import { toCart, type CartRecord } from '../store/cart.entity.js';
import { CartRepository, type CartOwner } from '../store/cart.repository.js';
import { ownedCartWithOffer, warningsAt, type CartPayloadResult } from './owned-cart.js';
import { requireCartReader } from './owner.js';
import { applyDecision, rejectionError, saveDecision } from './record-changes.js';
import type { CartDeps, CartScope } from './scope.js';

/** An item change's command, given the SKU (normalised) and its offer as the change found it. */
type ItemCommand = (sku: string, offer: ProductOffer | null) => CartCommand;

/** What an item change is decided on. `remembered`: this process's copies, not a read (their stock level unknown). */
interface Basis {
  record: CartRecord;
  offer: ProductOffer | null;
  stock: StockLevel | null;
  remembered: boolean;
}

/**
 * An item change (add, change quantity, remove) on the caller's own cart. First without a row lock
 * or a transaction: decided on the cart and the SKU's offer as this process last saw them
 * committed (deps.recentCarts, deps.recentOffers), or as read now in one statement, and written
 * back in ONE statement only over the cart's version and while the offer it used still holds
 * (CartRepository.writeItemChange) — one round trip for a cart the process knows, two otherwise,
 * instead of a transaction's locking read and its write. A refusal, or a change of nothing, is
 * only believed of the cart as read now, never of a copy. When another write landed in between —
 * another change, the checkout, the expiry sweep, another replica — or the product's offer
 * changed, nothing was written and the change is decided again under the cart's lock, where
 * concurrent changes queue: none is lost, and a cart no longer ACTIVE refuses it.
 */
export async function changeOwnCartItem(deps: CartDeps, scope: CartScope, cartId: string, rawSku: string, command: ItemCommand): Promise<CartPayloadResult> {
  const owner = requireCartReader(scope.caller, cartId);
  const sku = normaliseSku(rawSku);
  let basis = recalled(deps, cartId, owner, sku) ?? (await readNow(deps, scope, cartId, owner, sku));
  let decided = command(sku, basis.offer);
  let decision = decide(toCart(basis.record), decided);
  if (basis.remembered && (!decision.ok || !decision.changes.length)) {
    basis = await readNow(deps, scope, cartId, owner, sku);
    decided = command(sku, basis.offer);
    decision = decide(toCart(basis.record), decided);
  }
  if (!decision.ok) throw rejectionError(decision.rejection);
  // the copy stays as it was: the record is the caller's
  const record = { ...basis.record };
  const write = applyDecision(deps.eventNamespace, record, decision);
  if (!write) return { cart: record, warnings: warningsAt(record, sku, basis.stock) };
  const over = { version: basis.record.version, owner, offer: 'product' in decided ? decided.product : null };
  const written = await new CartRepository(scope.em).writeItemChange(write, over, sku);
  if (written) {
    deps.recentCarts.remember(cartId, written.record);
    return { cart: written.record, warnings: warningsAt(written.record, sku, written.stock) };
  }
  deps.recentCarts.forget(cartId);
  return changeLocked(deps, scope, cartId, owner, sku, command);
}

/** The cart and the SKU's offer as this process last saw them, when it has both (someone else's cart goes the usual way, to NOT_FOUND). */
function recalled(deps: CartDeps, cartId: string, owner: CartOwner, sku: string): Basis | null {
  const record = deps.recentCarts.get(cartId);
  if (!record || record.ownerKind !== owner.kind || record.ownerId !== owner.id) return null;
  const offer = isSku(sku) ? deps.recentOffers.get(sku) : null;
  if (offer === undefined) return null;
  return { record, offer, stock: null, remembered: true };
}

/** The cart, offer and stock level as they are now (one statement, no lock), remembered for the next change. */
async function readNow(deps: CartDeps, scope: CartScope, cartId: string, owner: CartOwner, sku: string): Promise<Basis> {
  const found = await ownedCartWithOffer(scope.em, cartId, owner, sku, { lock: false });
  deps.recentCarts.remember(cartId, found.record);
  if (found.offer) deps.recentOffers.set(sku, found.offer);
  return { ...found, remembered: false };
}

/** The change decided under the cart's lock, in a transaction: what a change that lost the race to another write does. */
function changeLocked(deps: CartDeps, scope: CartScope, cartId: string, owner: CartOwner, sku: string, command: ItemCommand): Promise<CartPayloadResult> {
  return inTransaction(scope.em, async (em) => {
    const { record, offer, stock } = await ownedCartWithOffer(em, cartId, owner, sku, { lock: true });
    const decision = decide(toCart(record), command(sku, offer));
    if (!decision.ok) throw rejectionError(decision.rejection);
    await saveDecision(em, deps.eventNamespace, record, decision);
    return { cart: record, warnings: warningsAt(record, sku, stock) };
  });
}
