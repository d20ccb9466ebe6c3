import { v7 as uuidv7 } from 'uuid';
import { requireStaff } from '../../../platform/auth.js';
import { conflict } from '../../../platform/errors.js';
import { recordEvent } from '../../../events/outbox.js';
import { ReturnReceived, ReturnRefundRequested } from '../../../events/contracts/returns/index.js';
import { settle } from '../domain/refund.js';
import { move } from '../domain/return-lifecycle.js';
import { checkInspection, type Inspection } from '../domain/return-rules.js';
import type { ReturnRecord } from '../store/return.entity.js';
import { ReturnRepository } from '../store/return.repository.js';
import { invalidInput, ruleBroken } from './input.js';
import { announceChange } from './return-changes.js';
import { factsOf } from './request-return.js';
import { lockOrFail } from './review-return.js';
import type { ReturnsDeps, ReturnsScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * WAREHOUSE/ADMIN: the parcel arrived and was inspected. In one transaction: the accepted units
 * go back to sellable stock (ReturnReceived → inventory, movement RETURNED), the rest are
 * written off here, the refund is settled on what was accepted (plus every unit returned for the
 * store's fault) and asked of payments (ReturnRefundRequested). Nothing to refund (every
 * fee-liable unit failed inspection): the return ends at once as REFUNDED with a zero refund.
 */
export async function receiveReturn(deps: ReturnsDeps, scope: ReturnsScope, input: { returnId: string; items: Inspection[] }): Promise<ReturnRecord> {
  const staff = requireStaff(scope.caller, 'WAREHOUSE');
  if (input.items.length > 100) throw invalidInput({ items: 'must have at most 100 lines' });
  const inspected = input.items.map((item) => ({ sku: item.sku.trim().toUpperCase(), acceptedQuantity: item.acceptedQuantity }));

  return inTransaction(scope.em, async (em) => {
    const returns = new ReturnRepository(em);
    const ret = await lockOrFail(returns, input.returnId);
    const decision = move(ret.status, 'RECEIVE');
    if (decision.kind === 'reject') throw conflict(decision.message, { status: ret.status });
    const checked = checkInspection(ret.lines, inspected);
    if (!checked.ok) throw ruleBroken(checked.refusal);
    const order = await returns.findOrder(ret.orderId);
    if (!order) throw new Error(`return ${ret.id} belongs to order ${ret.orderId}, unknown to returns`);

    const now = deps.clock();
    const meta = { customerId: ret.customerId, correlationId: ret.orderId };
    ret.lines = checked.value;
    const amounts = settle(factsOf(order), ret.lines, deps.policy);
    ret.restockingFeeCents = amounts.restockingFeeCents;
    ret.refundCents = amounts.refundCents;
    ret.receivedAt = now;

    for (const line of ret.lines) {
      const writtenOff = line.quantity - line.acceptedQuantity!;
      if (writtenOff > 0) {
        returns.recordWriteOff({ returnId: ret.id, orderId: ret.orderId, sku: line.sku, warehouseId: ret.warehouseId, quantity: writtenOff, reason: line.reason, actor: staff.subject });
      }
    }
    recordEvent(
      em,
      deps.eventNamespace,
      ReturnReceived,
      {
        returnId: ret.id,
        orderId: ret.orderId,
        warehouseId: ret.warehouseId,
        items: ret.lines.map((line) => ({ sku: line.sku, quantity: line.quantity, acceptedQuantity: line.acceptedQuantity! })),
        receivedAt: now.toISOString(),
      },
      meta,
    );

    const previous = ret.status;
    ret.status = decision.to;
    if (ret.refundCents > 0) {
      ret.refundId = uuidv7();
      ret.refundStatus = 'REQUESTED';
      recordEvent(
        em,
        deps.eventNamespace,
        ReturnRefundRequested,
        { returnId: ret.id, orderId: ret.orderId, refundId: ret.refundId, amountCents: ret.refundCents, currency: ret.currency, reason: 'RETURN' },
        meta,
      );
      announceChange(em, deps.eventNamespace, ret, previous, now);
      return ret;
    }
    announceChange(em, deps.eventNamespace, ret, previous, now);
    const done = move(ret.status, 'COMPLETE_REFUND');
    if (done.kind === 'move') {
      ret.status = done.to;
      ret.refundedAt = now;
      announceChange(em, deps.eventNamespace, ret, 'RECEIVED', now);
    }
    return ret;
  });
}
