import type { EntityManager } from '@mikro-orm/postgresql';
import { availabilityWarning, type CartWarning } from '../domain/availability.js';
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
  const record = await new CartRepository(em).findOwnedForUpdate(cartId, owner);
  if (!record) throw cartNotFound(cartId);
  return record;
}

/** The stock warning for the SKU's line as it is now (none when the SKU left the cart). */
export async function warningsFor(em: EntityManager, record: CartRecord, sku: string): Promise<CartWarning[]> {
  const line = record.lines.find((l) => l.sku === sku);
  if (!line) return [];
  const warning = availabilityWarning(sku, line.quantity, await new ProjectionRepository(em).findStockLevel(sku));
  return warning ? [warning] : [];
}
