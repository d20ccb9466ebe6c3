import { useState } from 'react';
import { graphql } from '../__generated__';
import { api } from '../graphql/api';
import { SubmissionNotes, TextField, useSubmission } from '../ui/forms';

const RetryRefund = graphql(`
  mutation AdminRetryRefund($refundId: ID!) {
    retryRefund(refundId: $refundId) {
      id
      status
      failureReason
    }
  }
`);

const RecordManualRefund = graphql(`
  mutation AdminRecordManualRefund($refundId: ID!, $reference: String!) {
    recordManualRefund(refundId: $refundId, reference: $reference) {
      id
      status
    }
  }
`);

/** An escalated refund (failed its 3 attempts): another round at the provider, or record one made by hand. */
export function EscalatedRefundActions({ refundId, onDone }: { refundId: string; onDone: () => void }) {
  const [reference, setReference] = useState('');
  const retry = useSubmission(async () => {
    const { retryRefund } = await api.request(RetryRefund, { refundId });
    onDone();
    return retryRefund.status === 'COMPLETED' ? 'Refunded.' : `Still failing: ${retryRefund.failureReason ?? 'no reason given'}`;
  }, []);
  const manual = useSubmission(async () => {
    await api.request(RecordManualRefund, { refundId, reference });
    onDone();
    return 'Manual refund recorded.';
  }, ['reference']);
  return (
    <div className="row">
      <form className="inline" onSubmit={retry.onSubmit} aria-label={`Retry refund ${refundId}`}>
        <button type="submit" disabled={retry.busy}>
          Retry refund
        </button>
        <SubmissionNotes submission={retry} />
      </form>
      <form className="inline" onSubmit={manual.onSubmit} aria-label={`Record a manual refund for ${refundId}`}>
        <TextField label="Manual refund reference (transfer, cheque)" required maxLength={200} value={reference} onChange={(e) => setReference(e.target.value)} error={manual.fieldErrors.reference} />
        <button type="submit" disabled={manual.busy}>
          Record manual refund
        </button>
        <SubmissionNotes submission={manual} />
      </form>
    </div>
  );
}
