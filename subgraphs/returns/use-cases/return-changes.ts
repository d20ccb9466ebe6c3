import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from '../../../events/outbox.js';
import { ReturnUpdated } from '../../../events/contracts/returns/index.js';
import { isOpen, type ReturnStatus } from '../domain/return-rules.js';
import type { ReturnRecord } from '../store/return.entity.js';

/**
 * Every change of a return ends here: its sequence counts up and ReturnUpdated carries the whole
 * return (amounts as stored) to orders (timeline, closing) and notifications (RETURN_UPDATED
 * e-mail), in the caller's transaction.
 */
export function announceChange(em: EntityManager, eventNamespace: string, ret: ReturnRecord, previousStatus: ReturnStatus | null, at: Date, causationId: string | null = null): void {
  ret.sequence += 1;
  ret.updatedAt = at;
  recordEvent(
    em,
    eventNamespace,
    ReturnUpdated,
    {
      returnId: ret.id,
      orderId: ret.orderId,
      customerId: ret.customerId,
      status: ret.status,
      previousStatus,
      sequence: ret.sequence,
      open: isOpen(ret.status),
      items: ret.lines.map((line) => ({
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        reason: line.reason,
        unitPriceCents: line.unitPriceCents,
        acceptedQuantity: line.acceptedQuantity,
      })),
      currency: ret.currency,
      restockingFeeCents: ret.restockingFeeCents,
      refundCents: ret.refundCents,
      label: ret.label,
      rejectionReason: ret.rejectionReason,
      refund: ret.refundId && ret.refundStatus ? { refundId: ret.refundId, status: ret.refundStatus, failureReason: ret.refundFailureReason } : null,
      occurredAt: at.toISOString(),
    },
    { customerId: ret.customerId, correlationId: ret.orderId, causationId },
  );
}
