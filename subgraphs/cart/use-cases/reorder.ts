import { notFound, unauthenticated } from '../../../platform/errors.js';
import { notAvailableWarning, type CartWarning } from '../domain/availability.js';
import { reorderInto } from '../domain/reorder.js';
import { toCart } from '../store/cart.entity.js';
import { CartRepository } from '../store/cart.repository.js';
import { PastOrderEntity } from '../store/past-order.entity.js';
import { ProjectionRepository } from '../store/projection.repository.js';
import { warningsFor, type CartPayloadResult } from './owned-cart.js';
import { isUuid, requireShopper } from './owner.js';
import { rejectionError, saveDecision } from './record-changes.js';
import type { CartDeps, CartScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * `reorder(orderId)`: a past order's items into the caller's ACTIVE cart (made if needed), at
 * today's prices, ACTIVE products only, with the stock warnings `addCartItem` gives and a
 * NOT_AVAILABLE warning for each item left out. The cart knows orders only from OrderPlaced
 * (its past_order projection): another customer's order, or one it has not heard of yet, is
 * NOT_FOUND.
 */
export async function reorder(deps: CartDeps, scope: CartScope, orderId: string): Promise<CartPayloadResult> {
  if (scope.caller.kind === 'anonymous') throw unauthenticated('Sign in to reorder');
  const owner = requireShopper(scope.caller);
  if (owner.kind !== 'CUSTOMER' || !isUuid(orderId)) throw notFound(`Order ${orderId}`);
  return inTransaction(scope.em, async (em) => {
    const past = await em.findOne(PastOrderEntity, { orderId, customerId: owner.id });
    if (!past) throw notFound(`Order ${orderId}`);
    const record = await new CartRepository(em).ensureActive(owner, { lock: true });
    const offers = await new ProjectionRepository(em).findOffers(past.items.map((item) => item.sku));
    const lines = past.items.map((item) => ({ ...item, product: offers.get(item.sku) ?? null }));
    const decision = reorderInto(toCart(record), lines);
    if (!decision.ok) throw rejectionError({ kind: 'conflict', rule: decision.rule, message: decision.message });
    const { outcome } = decision;
    await saveDecision(em, deps.eventNamespace, record, outcome, { reorderedFrom: orderId, skipped: outcome.skipped });
    const warnings: CartWarning[] = [];
    for (const sku of outcome.added) warnings.push(...(await warningsFor(em, record, sku)));
    for (const line of outcome.skipped) warnings.push(notAvailableWarning(line.sku, line.message));
    return { cart: record, warnings };
  });
}
