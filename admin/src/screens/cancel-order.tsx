import { useState } from 'react';
import { graphql } from '../__generated__';
import { api } from '../graphql/api';
import { SubmissionNotes, TextField, useSubmission } from '../ui/forms';

const CancelOrder = graphql(`
  mutation AdminCancelOrder($orderId: ID!, $reason: String!) {
    cancelOrder(orderId: $orderId, reason: $reason) {
      id
      status
      cancellationReason
    }
  }
`);

/** Statuses an order can still be cancelled from (staff: any unshipped order, ON_HOLD included). */
export const CANCELLABLE = ['PLACED', 'CONFIRMED', 'ON_HOLD'];

/** Cancel with a reason (required: it goes on the order and to the customer). */
export function CancelOrderForm({ orderId, onCancelled }: { orderId: string; onCancelled: () => void }) {
  const [reason, setReason] = useState('');
  const submission = useSubmission(async () => {
    if (!reason.trim()) throw new Error('Give the reason for cancelling.');
    await api.request(CancelOrder, { orderId, reason: reason.trim() });
    onCancelled();
    return 'Order cancelled.';
  }, ['reason']);
  return (
    <form className="inline" onSubmit={submission.onSubmit} aria-label={`Cancel order ${orderId}`}>
      <TextField label="Reason for cancelling" name="reason" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} error={submission.fieldErrors.reason} />
      <button type="submit" className="danger" disabled={submission.busy}>
        Cancel order
      </button>
      <SubmissionNotes submission={submission} />
    </form>
  );
}
