import { v7 as uuidv7 } from 'uuid';
import { requireCustomer } from '../../../platform/auth.js';
import { notFound } from '../../../platform/errors.js';
import { settle } from '../domain/refund.js';
import { checkReturnRequest, needsReview, RETURN_REASONS, type OrderFacts, type RequestedLine, type ReturnLine } from '../domain/return-rules.js';
import type { OrderViewRecord } from '../store/order-view.entity.js';
import type { ReturnRecord } from '../store/return.entity.js';
import { ReturnRepository } from '../store/return.repository.js';
import { checkText, invalidInput, isUuid, ruleBroken, type FieldErrors } from './input.js';
import { announceChange } from './return-changes.js';
import type { ReturnsDeps, ReturnsScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

export interface ReturnRequestInput {
  orderId: string;
  items: { sku: string; quantity: number; reason: string }[];
  comment?: string | null;
}

const MAX_LINES = 100;
const COMMENT_MAX_LENGTH = 1_000;

/**
 * The order's customer asks to return units of a delivered order (SPEC §12). Approved at once,
 * with a prepaid label, unless a reason is OTHER (customer service decides). The same request
 * sent again while its return is open answers that return: a double submit never makes two.
 * Another customer's order, or one returns never heard of, is NOT_FOUND.
 */
export async function requestReturn(deps: ReturnsDeps, scope: ReturnsScope, input: ReturnRequestInput): Promise<ReturnRecord> {
  const customer = requireCustomer(scope.caller, 'Sign in as the customer who placed the order');
  const errors: FieldErrors = {};
  if (input.items.length > MAX_LINES) errors.items = `must have at most ${MAX_LINES} lines`;
  if (input.items.some((item) => !RETURN_REASONS.includes(item.reason as never))) errors.items = `reasons must be one of ${RETURN_REASONS.join(', ')}`;
  const comment = checkText('comment', input.comment, COMMENT_MAX_LENGTH, errors);
  if (Object.keys(errors).length) throw invalidInput(errors);
  const requested: RequestedLine[] = input.items.map((item) => ({ sku: item.sku.trim().toUpperCase(), quantity: item.quantity, reason: item.reason as RequestedLine['reason'] }));
  const fingerprint = fingerprintOf(requested);

  const returns = new ReturnRepository(scope.em);
  const order = isUuid(input.orderId) ? await returns.findOrder(input.orderId.toLowerCase()) : null;
  if (!order || order.customerId !== customer.subject) throw notFound(`Order ${input.orderId}`);

  // refuse (or answer the same return) before booking a label; the transaction checks again
  const early = decideRequest(deps, order, await returns.ofOrder(order.orderId), requested, fingerprint);
  if (early.kind === 'existing') return early.ret;

  const returnId = uuidv7();
  const review = needsReview(requested);
  // outside the transaction: no row lock is held while the carrier answers (idempotent per return).
  // A concurrent twin that wins the race below leaves this label unused (the stub's cost nothing;
  // a real adapter should prefer pay-on-scan return labels).
  const label = review ? null : await deps.carrier.createReturnLabel({ returnId, orderId: order.orderId, fromAddress: order.shippingAddress, warehouseId: order.warehouseId! });

  return inTransaction(scope.em, async (em) => {
    const repo = new ReturnRepository(em);
    const locked = await repo.lockOrder(order.orderId);
    const decision = decideRequest(deps, locked, await repo.ofOrder(order.orderId), requested, fingerprint);
    if (decision.kind === 'existing') return decision.ret;
    const now = deps.clock();
    const amounts = settle(decision.facts, decision.lines, deps.policy);
    const ret = repo.add({
      id: returnId,
      orderId: locked.orderId,
      customerId: customer.subject,
      status: review ? 'REQUESTED' : 'APPROVED',
      lines: decision.lines,
      comment,
      fingerprint,
      currency: decision.facts.currency,
      warehouseId: locked.warehouseId!,
      restockingFeeCents: amounts.restockingFeeCents,
      refundCents: amounts.refundCents,
      label,
      rejectionReason: null,
      refundId: null,
      refundStatus: null,
      refundFailureReason: null,
      sequence: 0,
      requestedAt: now,
      approvedAt: review ? null : now,
      receivedAt: null,
      refundedAt: null,
    });
    announceChange(em, deps.eventNamespace, ret, null, now);
    return ret;
  });
}

type RequestDecision = { kind: 'existing'; ret: ReturnRecord } | { kind: 'new'; facts: OrderFacts; lines: ReturnLine[] };

function decideRequest(deps: ReturnsDeps, order: OrderViewRecord, earlier: ReturnRecord[], requested: RequestedLine[], fingerprint: string): RequestDecision {
  // a return still waiting for its parcel; once received, the same lines again are a new return
  const same = earlier.find((ret) => ret.fingerprint === fingerprint && (ret.status === 'REQUESTED' || ret.status === 'APPROVED'));
  if (same) return { kind: 'existing', ret: same };
  const facts = factsOf(order);
  const checked = checkReturnRequest(
    facts,
    earlier.map((ret) => ({ status: ret.status, lines: ret.lines })),
    requested,
    deps.clock(),
    deps.policy,
  );
  if (!checked.ok) throw ruleBroken(checked.refusal);
  return { kind: 'new', facts, lines: checked.value };
}

/**
 * The order as the rules see it. Returns learns of an order from three events that may arrive in
 * any order; until it knows the lines and the warehouse as well as the delivery, the order counts
 * as not delivered.
 */
export function factsOf(order: OrderViewRecord): OrderFacts {
  const complete = order.lines !== null && order.warehouseId !== null && order.customerId !== null;
  return {
    orderId: order.orderId,
    customerId: order.customerId ?? '',
    currency: order.currency ?? 'USD',
    lines: order.lines ?? [],
    subtotalCents: order.subtotalCents ?? 0,
    discountCents: order.discountCents,
    deliveredAt: complete ? order.deliveredAt : null,
  };
}

/** The request's content, independent of line order: what makes a second submission "the same". */
function fingerprintOf(lines: RequestedLine[]): string {
  return lines
    .map((line) => `${line.sku}:${line.quantity}:${line.reason}`)
    .sort()
    .join('|');
}
