import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from '../../../events/outbox.js';
import { CartChanged } from '../../../events/contracts/cart/index.js';
import { DomainError, conflict } from '../../../platform/errors.js';
import { itemCountOf, subtotalOf, type Cart, type CartChange, type CartRejection } from '../domain/cart.js';
import type { CartRecord } from '../store/cart.entity.js';
import { CartRepository } from '../store/cart.repository.js';

/**
 * Writes what `decide` answered into the loaded row and records each change twice, in the same
 * transaction: as a CartChanged event (the envelope's customerId is the owner, which is what the
 * subscription edge matches subscribers on) and as a row of the cart's history. A decision
 * without changes touches nothing, so `updatedAt` (and a guest cart's expiry) only moves on a
 * real change.
 */
export function applyDecision(
  em: EntityManager,
  eventNamespace: string,
  record: CartRecord,
  decided: { cart: Cart; changes: readonly CartChange[] },
  detail: Record<string, unknown> | null = null,
): void {
  if (!decided.changes.length) return;
  const now = new Date();
  record.status = decided.cart.status;
  record.lines = decided.cart.lines.map((line) => ({ ...line, unitPrice: { ...line.unitPrice } }));
  record.updatedAt = now;

  const itemCount = itemCountOf(decided.cart);
  const subtotalCents = subtotalOf(decided.cart.lines).cents;
  const carts = new CartRepository(em);
  for (const change of decided.changes) {
    const envelope = recordEvent(
      em,
      eventNamespace,
      CartChanged,
      {
        cartId: record.id,
        ownerId: record.ownerId,
        ownerKind: record.ownerKind,
        reason: change.reason,
        sku: change.sku,
        itemCount,
        subtotalCents,
        status: record.status,
      },
      { customerId: record.ownerId },
    );
    carts.addHistory({ eventId: envelope.id, cartId: record.id, reason: change.reason, sku: change.sku, itemCount, subtotalCents, detail, occurredAt: now });
  }
}

/** A broken rule as the client sees it: BAD_USER_INPUT naming the argument, or CONFLICT. */
export function rejectionError(rejection: CartRejection, extensions: Record<string, unknown> = {}): DomainError {
  if (rejection.kind === 'conflict') return conflict(rejection.message, { rule: rejection.rule, ...extensions });
  return new DomainError('BAD_USER_INPUT', rejection.message, {
    rule: rejection.rule,
    ...(rejection.field ? { fields: { [rejection.field]: rejection.message } } : {}),
    ...extensions,
  });
}
