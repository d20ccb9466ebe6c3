import type { EntityManager } from '@mikro-orm/postgresql';
import { availabilityWarning, type CartWarning, type StockLevel } from '../domain/availability.js';
import type { ProductOffer } from '../domain/cart.js';
import { isSku } from '../domain/sku.js';
import type { CartRecord } from '../store/cart.entity.js';
import { CartRepository, type CartOwner } from '../store/cart.repository.js';
import { ProjectionRepository } from '../store/projection.repository.js';
import { cartNotFound } from './owner.js';

/** What the item mutations answer: the cart after the change and stock warnings about it. */
export interface CartPayloadResult {
  cart: CartRecord;
  warnings: CartWarning[];
}

/** Inside a transaction: the owner's cart, locked until commit; NOT_FOUND for anyone else's. */
export async function lockOwnedCart(em: EntityManager, cartId: string, owner: CartOwner): Promise<CartRecord> {
  const record = await new CartRepository(em).lockOwned(cartId, owner);
  if (!record) throw cartNotFound(cartId);
  return record;
}

/**
 * The owner's cart with the SKU's offer and stock level (an item change needs all three), in one
 * statement; NOT_FOUND for anyone else's. `lock`: inside a transaction, the cart locked until
 * commit. No SKU (a change of the cart as a whole), or a string that is not one: neither offer nor
 * stock level.
 */
export async function ownedCartWithOffer(
  em: EntityManager,
  cartId: string,
  owner: CartOwner,
  sku: string | null,
  options: { lock: boolean },
): Promise<{ record: CartRecord; offer: ProductOffer | null; stock: StockLevel | null }> {
  const carts = new CartRepository(em);
  if (sku === null || !isSku(sku)) {
    const record = options.lock ? await carts.lockOwned(cartId, owner) : await carts.findOwned(cartId, owner);
    if (!record) throw cartNotFound(cartId);
    return { record, offer: null, stock: null };
  }
  const found = await carts.findOwnedWithOffer(cartId, owner, sku, options);
  if (!found) throw cartNotFound(cartId);
  return found;
}

/** The stock warning for the SKU's line as it is now (none when the SKU left the cart). */
export async function warningsFor(em: EntityManager, record: CartRecord, sku: string): Promise<CartWarning[]> {
  if (!record.lines.some((l) => l.sku === sku)) return [];
  return warningsAt(record, sku, await new ProjectionRepository(em).findStockLevel(sku));
}

/** As warningsFor, with the SKU's stock level already read. */
export function warningsAt(record: CartRecord, sku: string, stock: StockLevel | null): CartWarning[] {
  const line = record.lines.find((l) => l.sku === sku);
  const warning = line && availabilityWarning(sku, line.quantity, stock);
  return warning ? [warning] : [];
}
