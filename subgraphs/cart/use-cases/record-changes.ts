import type { EntityManager } from '@mikro-orm/postgresql';
import { outboxRow } from '../../../events/outbox.js';
import { CartChanged } from '../../../events/contracts/cart/index.js';
import { DomainError, conflict } from '../../../platform/errors.js';
import { itemCountOf, subtotalOf, type Cart, type CartChange, type CartRejection } from '../domain/cart.js';
import type { CartRecord } from '../store/cart.entity.js';
import { CartRepository, type CartWrite } from '../store/cart.repository.js';

/**
 * Applies what `decide` answered to the (plain) record and returns the write that records each
 * change twice, in the caller's transaction: as a CartChanged event (the envelope's customerId is
 * the owner, which is what the subscription edge matches subscribers on) and as a row of the
 * cart's history. A decision without changes writes nothing (null), so `updatedAt` (and a guest
 * cart's expiry) only moves on a real change. The caller sends it with CartRepository.write.
 */
export function applyDecision(
  eventNamespace: string,
  record: CartRecord,
  decided: { cart: Cart; changes: readonly CartChange[] },
  detail: Record<string, unknown> | null = null,
): CartWrite | null {
  if (!decided.changes.length) return null;
  const now = new Date();
  record.status = decided.cart.status;
  record.lines = decided.cart.lines.map((line) => ({ ...line, unitPrice: { ...line.unitPrice } }));
  record.updatedAt = now;

  const itemCount = itemCountOf(decided.cart);
  const subtotalCents = subtotalOf(decided.cart.lines).cents;
  const write: CartWrite = { record, history: [], outbox: [] };
  for (const change of decided.changes) {
    const row = outboxRow(
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
    write.outbox.push(row);
    write.history.push({ eventId: row.id, cartId: record.id, reason: change.reason, sku: change.sku, itemCount, subtotalCents, detail, occurredAt: now });
  }
  return write;
}

/** Writes a decision's changes (if any) in one statement; see applyDecision. */
export async function saveDecision(
  em: EntityManager,
  eventNamespace: string,
  record: CartRecord,
  decided: { cart: Cart; changes: readonly CartChange[] },
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  const write = applyDecision(eventNamespace, record, decided, detail);
  if (write) await new CartRepository(em).write([write]);
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
