import type { EntityManager } from '@mikro-orm/postgresql';
import { outboxRow, recordEvent, type PendingOutboxRow } from '../../../events/outbox.js';
import { CheckoutAddressReleased, CheckoutAddressSelected } from '../../../events/contracts/orders/index.js';
import { conflict } from '../../../platform/errors.js';
import { decide, type CheckoutCommand, type CheckoutDecision } from '../domain/checkout.js';
import { toCheckout, type CheckoutRecord } from '../store/checkout.entity.js';
import { writeCheckoutChange } from '../store/checkout-change.statement.js';
import { checkoutRejectionError, findOwnCheckout } from './checkout-access.js';
import type { OrdersDeps, OrdersScope } from './scope.js';

type Accepted = Extract<CheckoutDecision, { ok: true }>;

/** How many times a step decides again after other writes moved the checkout under it. */
const ATTEMPTS = 5;

/**
 * A step on the caller's own checkout (`read`: as the step found it, `remembered` when that is
 * this process's copy rather than a read), without a row lock or a transaction: decided on the
 * checkout as read and written back in one statement only over the version read
 * (store/checkout-change.statement.ts). When another write landed in between — a step,
 * placeOrder, the abandonment sweep, another replica — the step reads and decides again:
 * concurrent steps both land, and a COMPLETED or ABANDONED checkout is refused, never written
 * over. A refusal is only believed of a checkout read now, never of a remembered copy. CONFLICT
 * when the checkout keeps moving.
 */
export async function changeOwnCheckout(
  deps: OrdersDeps,
  scope: OrdersScope,
  read: { checkout: CheckoutRecord; remembered: boolean },
  command: CheckoutCommand,
): Promise<CheckoutRecord> {
  let record = read.checkout;
  let fresh = !read.remembered;
  const readAgain = async () => {
    deps.recentCheckouts.forget(record.id);
    record = await findOwnCheckout(deps, scope, record.id);
    fresh = true;
  };
  for (let attempt = 1; ; attempt++) {
    const decision = fresh ? decideChange(deps, record, command) : decideOnCopy(deps, record, command);
    if (!decision) {
      await readAgain();
      continue;
    }
    const hold = addressHoldRow(deps.eventNamespace, record, decision);
    const written = await writeCheckoutChange(scope.em, { checkout: decision.checkout, version: record.version, outbox: hold ? [hold] : [] });
    if (written) {
      deps.recentCheckouts.remember(written.id, written);
      return written;
    }
    if (attempt === ATTEMPTS) throw conflict('The checkout kept changing while this step was saved; try again');
    await readAgain();
  }
}

/** decideChange on a remembered copy: null instead of a refusal, which the row as it is now must confirm. */
function decideOnCopy(deps: OrdersDeps, record: CheckoutRecord, command: CheckoutCommand): Accepted | null {
  const decision = decide(toCheckout(record), command, deps.clock(), deps.checkoutTtlMs);
  return decision.ok ? decision : null;
}

/** The decider's verdict on `command` for the checkout as `record` holds it; rejections throw. */
export function decideChange(deps: OrdersDeps, record: CheckoutRecord, command: CheckoutCommand): Accepted {
  const decision = decide(toCheckout(record), command, deps.clock(), deps.checkoutTtlMs);
  if (!decision.ok) throw checkoutRejectionError(decision.rejection);
  return decision;
}

/** CheckoutAddressSelected / CheckoutAddressReleased: customers blocks removing a held address. */
export function addressHoldRow(namespace: string, record: CheckoutRecord, decision: Accepted): PendingOutboxRow | null {
  const event = addressHoldEvent(record, decision);
  return event && outboxRow(namespace, event.definition as never, event.payload as never, event.meta);
}

/** As addressHoldRow, through the unit of work (the abandonment sweep's managed rows). */
export function recordAddressHold(em: EntityManager, namespace: string, record: CheckoutRecord, decision: Accepted): void {
  const event = addressHoldEvent(record, decision);
  if (event) recordEvent(em, namespace, event.definition as never, event.payload as never, event.meta);
}

function addressHoldEvent(record: CheckoutRecord, decision: Accepted) {
  const hold = decision.addressHold;
  if (!hold) return null;
  const meta = { customerId: record.customerId, correlationId: record.id };
  if (hold.type === 'Selected') {
    return { definition: CheckoutAddressSelected, payload: { checkoutId: record.id, customerId: record.customerId, addressId: hold.addressId }, meta };
  }
  return { definition: CheckoutAddressReleased, payload: { checkoutId: record.id, customerId: record.customerId, addressId: hold.addressId, outcome: hold.outcome }, meta };
}
