import type { EntityManager } from '@mikro-orm/postgresql';
import { requireCustomer, type Caller } from '../../../platform/auth.js';
import { badInput, conflict, DomainError, notFound, unauthenticated } from '../../../platform/errors.js';
import { formatMoney } from '../domain/money.js';
import type { CheckoutRejection } from '../domain/checkout.js';
import { CheckoutRepository } from '../store/checkout.repository.js';
import type { CheckoutRecord } from '../store/checkout.entity.js';
import { waitFor } from '../../../platform/arrivals.js';
import { isUuid, type OrdersDeps, type OrdersScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';
import type { SqlText } from '../../../platform/prepared-statements.js';

/**
 * Finds a checkout for the caller, waiting (bounded, CHECKOUT_WAIT_MS) when orders has not yet
 * applied the CheckoutInitiated that `checkoutCart` recorded: the client may use the checkout at
 * once (SPEC §6). Someone else's checkout is NOT_FOUND at once, never waited for or shown.
 */
export async function findReadableCheckout(deps: OrdersDeps, scope: OrdersScope, id: string): Promise<CheckoutRecord> {
  if (scope.caller.kind === 'anonymous') throw unauthenticated();
  return findVisible(deps, scope, id, scope.caller);
}

/** As findReadableCheckout, for the checkout's own customer only (the steps). */
export async function findOwnCheckout(deps: OrdersDeps, scope: OrdersScope, id: string): Promise<CheckoutRecord> {
  const customer = requireCustomer(scope.caller, 'Sign in as a customer to check out');
  return findVisible(deps, scope, id, customer);
}

/**
 * The caller's own checkout for a step to decide on: the copy this process last saw committed when
 * it has one (`remembered`), else as findOwnCheckout reads it. A copy may be behind; a step writes
 * only over the version it decided on, and decides again on the row when that moved or when the
 * copy refuses the step (checkout-changes.ts).
 */
export async function findOwnCheckoutToChange(deps: OrdersDeps, scope: OrdersScope, id: string): Promise<{ checkout: CheckoutRecord; remembered: boolean }> {
  const customer = requireCustomer(scope.caller, 'Sign in as a customer to check out');
  const known = deps.recentCheckouts.get(id);
  // someone else's goes the usual way, to NOT_FOUND
  if (known && known.customerId === customer.subject) return { checkout: known, remembered: true };
  // Not seen yet: waited for as findOwnCheckout waits, except that the copy the CheckoutInitiated
  // handler remembers as it commits (start-checkout.ts) — the commit that wakes this wait — is
  // taken instead of reading the row again.
  let recalled = false;
  const checkout = await findVisible(deps, scope, id, customer, () => {
    const copy = deps.recentCheckouts.get(id);
    recalled = copy !== undefined;
    return copy ?? null;
  });
  if (!recalled) deps.recentCheckouts.remember(id, checkout);
  return { checkout, remembered: recalled };
}

/**
 * Runs `work` in one transaction that holds the caller's own checkout locked (placeOrder; the
 * steps take no lock: checkout-changes.ts). `work` gets a plain record and writes it by hand,
 * bumping its version. The locking read is the only read — `readAlong` (given the transaction and
 * the caller's customer id) is sent in its message, after it, and `work` gets its rows: when the
 * checkout is not there yet (CheckoutInitiated still on its way) the transaction ends, the request
 * waits for it outside any transaction as findOwnCheckout does, and locks it again. Someone else's
 * checkout is NOT_FOUND.
 */
export async function withOwnCheckoutLocked<T>(
  deps: OrdersDeps,
  scope: OrdersScope,
  id: string,
  work: (em: EntityManager, checkout: CheckoutRecord, alongRows: Record<string, unknown>[]) => Promise<T>,
  readAlong: ((em: EntityManager, customerId: string) => SqlText) | null = null,
): Promise<T> {
  const customer = requireCustomer(scope.caller, 'Sign in as a customer to check out');
  if (!isUuid(id)) throw notFound('Checkout');
  for (let waited = false; ; waited = true) {
    const outcome = await inTransaction(scope.em, async (em) => {
      const { checkout, alongRows } = await new CheckoutRepository(em).lock(id, readAlong?.(em, customer.subject) ?? null);
      if (!checkout) return null;
      if (checkout.customerId !== customer.subject) throw notFound('Checkout');
      return { value: await work(em, checkout, alongRows) };
    });
    if (outcome) return outcome.value;
    if (waited) throw notFound('Checkout');
    await findVisible(deps, scope, id, customer);
  }
}

/** `recall`: a copy to take instead of reading the row, when there is one (checked before every read). */
async function findVisible(
  deps: OrdersDeps,
  scope: OrdersScope,
  id: string,
  caller: Exclude<Caller, { kind: 'anonymous' }>,
  recall: () => CheckoutRecord | null = () => null,
): Promise<CheckoutRecord> {
  // guests never have checkouts: nothing to wait for
  if (!isUuid(id) || caller.kind === 'guest') throw notFound('Checkout');
  const checkouts = new CheckoutRepository(scope.em);
  const record = await waitFor(async () => recall() ?? checkouts.find(id), deps.checkoutWaitMs, {
    // a checkout appears only through CheckoutInitiated's insert, which announces it
    arrival: { arrivals: deps.arrivals, key: id, everyWriterAnnounces: true },
  });
  if (!record || (caller.kind !== 'staff' && record.customerId !== caller.subject)) throw notFound('Checkout');
  return record;
}

/** A rule the checkout's decider reported → the client's error. */
export function checkoutRejectionError(rejection: CheckoutRejection): DomainError {
  switch (rejection.code) {
    case 'CONFLICT':
      return conflict(rejection.message);
    case 'BAD_USER_INPUT':
      return badInput(rejection.message, rejection.fields);
    case 'PRICE_CHANGED':
      return new DomainError('PRICE_CHANGED', rejection.message, {
        ...(rejection.rule ? { rule: rejection.rule } : {}),
        priceChanges: rejection.priceChanges.map((change) => ({
          sku: change.sku,
          previousPrice: { ...change.previousPrice, formatted: formatMoney(change.previousPrice) },
          currentPrice: { ...change.currentPrice, formatted: formatMoney(change.currentPrice) },
        })),
      });
  }
}
