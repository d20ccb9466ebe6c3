import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from '../../../events/outbox.js';
import { CheckoutAddressReleased, CheckoutAddressSelected } from '../../../events/contracts/orders/index.js';
import { decide, type CheckoutCommand, type CheckoutDecision } from '../domain/checkout.js';
import { applyCheckout, toCheckout, type CheckoutRecord } from '../store/checkout.entity.js';
import { checkoutRejectionError } from './checkout-access.js';
import type { OrdersDeps } from './scope.js';

/**
 * Inside the transaction that holds `record` locked: decides the command, writes the result back
 * and records what customers must know about the saved address it holds. Rejections throw.
 */
export function changeCheckout(
  em: EntityManager,
  deps: OrdersDeps,
  record: CheckoutRecord,
  command: CheckoutCommand,
): { record: CheckoutRecord; decision: Extract<CheckoutDecision, { ok: true }> } {
  const decision = decide(toCheckout(record), command, deps.clock(), deps.checkoutTtlMs);
  if (!decision.ok) throw checkoutRejectionError(decision.rejection);
  applyCheckout(record, decision.checkout);
  recordAddressHold(em, deps.eventNamespace, record, decision);
  return { record, decision };
}

/** CheckoutAddressSelected / CheckoutAddressReleased: customers blocks removing a held address. */
export function recordAddressHold(em: EntityManager, namespace: string, record: CheckoutRecord, decision: Extract<CheckoutDecision, { ok: true }>): void {
  const hold = decision.addressHold;
  if (!hold) return;
  const meta = { customerId: record.customerId, correlationId: record.id };
  if (hold.type === 'Selected') {
    recordEvent(em, namespace, CheckoutAddressSelected, { checkoutId: record.id, customerId: record.customerId, addressId: hold.addressId }, meta);
  } else {
    recordEvent(em, namespace, CheckoutAddressReleased, { checkoutId: record.id, customerId: record.customerId, addressId: hold.addressId, outcome: hold.outcome }, meta);
  }
}
