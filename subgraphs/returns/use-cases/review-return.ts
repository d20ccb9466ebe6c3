import { requireStaff } from '../../../platform/auth.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { move } from '../domain/return-lifecycle.js';
import type { ReturnRecord } from '../store/return.entity.js';
import { ReturnRepository } from '../store/return.repository.js';
import { checkText, invalidInput, isUuid, type FieldErrors } from './input.js';
import { announceChange } from './return-changes.js';
import type { ReturnsDeps, ReturnsScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

const REJECTION_MAX_LENGTH = 500;

/** CUSTOMER_SERVICE/ADMIN: approves a return waiting for review; its prepaid label is booked. */
export async function approveReturn(deps: ReturnsDeps, scope: ReturnsScope, returnId: string): Promise<ReturnRecord> {
  requireStaff(scope.caller, 'CUSTOMER_SERVICE');
  const found = await findOrFail(scope, returnId);
  const early = move(found.status, 'APPROVE');
  if (early.kind === 'reject') throw conflict(early.message, { status: found.status });
  const order = await new ReturnRepository(scope.em).findOrder(found.orderId);
  // outside the transaction (idempotent per return: a second approval attempt gets the same label)
  const label = await deps.carrier.createReturnLabel({ returnId: found.id, orderId: found.orderId, fromAddress: order?.shippingAddress ?? null, warehouseId: found.warehouseId });

  return inTransaction(scope.em, async (em) => {
    const ret = await lockOrFail(new ReturnRepository(em), returnId);
    const decision = move(ret.status, 'APPROVE');
    if (decision.kind === 'reject') throw conflict(decision.message, { status: ret.status });
    const now = deps.clock();
    const previous = ret.status;
    ret.status = decision.to;
    ret.label = label;
    ret.approvedAt = now;
    announceChange(em, deps.eventNamespace, ret, previous, now);
    return ret;
  });
}

/** CUSTOMER_SERVICE/ADMIN: rejects a return waiting for review, with the reason the customer is told. */
export async function rejectReturn(deps: ReturnsDeps, scope: ReturnsScope, input: { returnId: string; reason: string }): Promise<ReturnRecord> {
  requireStaff(scope.caller, 'CUSTOMER_SERVICE');
  const errors: FieldErrors = {};
  const reason = checkText('reason', input.reason, REJECTION_MAX_LENGTH, errors);
  if (!reason) errors.reason ??= 'must not be empty';
  if (Object.keys(errors).length) throw invalidInput(errors);

  return inTransaction(scope.em, async (em) => {
    const ret = await lockOrFail(new ReturnRepository(em), input.returnId);
    const decision = move(ret.status, 'REJECT');
    if (decision.kind === 'reject') throw conflict(decision.message, { status: ret.status });
    const now = deps.clock();
    const previous = ret.status;
    ret.status = decision.to;
    ret.rejectionReason = reason;
    // nothing will be refunded
    ret.refundCents = 0;
    ret.restockingFeeCents = 0;
    announceChange(em, deps.eventNamespace, ret, previous, now);
    return ret;
  });
}

export async function findOrFail(scope: ReturnsScope, returnId: string): Promise<ReturnRecord> {
  const ret = isUuid(returnId) ? await new ReturnRepository(scope.em).findById(returnId.toLowerCase()) : null;
  if (!ret) throw notFound(`Return ${returnId}`);
  return ret;
}

export async function lockOrFail(returns: ReturnRepository, returnId: string): Promise<ReturnRecord> {
  const ret = isUuid(returnId) ? await returns.lock(returnId.toLowerCase()) : null;
  if (!ret) throw notFound(`Return ${returnId}`);
  return ret;
}
