import { useState } from 'react';
import { graphql } from '../__generated__';
import type { AdminOrderQuery } from '../__generated__/graphql';
import { api } from '../graphql/api';
import { can } from '../roles';
import { useSession } from '../session';
import { formatTime } from '../ui/format';
import { SubmissionNotes, TextField, useSubmission } from '../ui/forms';

type OrderReturn = NonNullable<AdminOrderQuery['order']>['returns'][number];
type OrderEmail = NonNullable<AdminOrderQuery['order']>['notifications'][number];

const ApproveReturn = graphql(`
  mutation AdminApproveReturn($returnId: ID!) {
    approveReturn(returnId: $returnId) {
      id
      status
    }
  }
`);

const RejectReturn = graphql(`
  mutation AdminRejectReturn($returnId: ID!, $reason: String!) {
    rejectReturn(returnId: $returnId, reason: $reason) {
      id
      status
    }
  }
`);

const ReceiveReturn = graphql(`
  mutation AdminReceiveReturn($returnId: ID!, $items: [ReturnInspectionInput!]!) {
    receiveReturn(returnId: $returnId, items: $items) {
      id
      status
    }
  }
`);

/** The e-mails notifications sent (or is still trying to send) about the order. */
export function OrderEmails({ emails }: { emails: readonly OrderEmail[] }) {
  if (!emails.length) return <p className="muted">No e-mail yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Kind</th>
          <th>To</th>
          <th>Subject</th>
          <th>Status</th>
          <th className="num">Attempts</th>
          <th>Sent</th>
        </tr>
      </thead>
      <tbody>
        {emails.map((e) => (
          <tr key={e.id} data-email-kind={e.kind}>
            <td>{e.kind}</td>
            <td>{e.to}</td>
            <td>{e.subject}</td>
            <td>
              <span className={`status status-${e.status}`}>{e.status}</span>
            </td>
            <td className="num">{e.attempts}</td>
            <td>{formatTime(e.sentAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The order's returns, with the decisions the signed-in role may take on each. */
export function OrderReturns({ returns, onChanged }: { returns: readonly OrderReturn[]; onChanged: () => void }) {
  const role = useSession()!.role;
  if (!returns.length) return <p className="muted">No return.</p>;
  return (
    <>
      {returns.map((r) => (
        <article key={r.id} className="card" data-return-id={r.id} aria-label={`Return ${r.id}`}>
          <p>
            <span className={`status status-${r.status}`} data-testid="return-status">
              {r.status}
            </span>{' '}
            requested {formatTime(r.requestedAt)} · refund {r.refundAmount.formatted} (restocking fee {r.restockingFee.formatted})
            {r.refundStatus && ` · refund ${r.refundStatus}`}
            {r.refundFailureReason && ` — ${r.refundFailureReason}`}
          </p>
          {r.comment && <p>Customer’s note: {r.comment}</p>}
          {r.rejectionReason && <p>Rejected because: {r.rejectionReason}</p>}
          {r.label && (
            <p>
              Label: {r.label.carrier} {r.label.trackingNumber} · <a href={r.label.labelUrl}>label</a>
            </p>
          )}
          <table>
            <thead>
              <tr>
                <th>SKU</th>
                <th className="num">Qty</th>
                <th>Reason</th>
                <th className="num">Accepted</th>
                <th className="num">Unit price</th>
              </tr>
            </thead>
            <tbody>
              {r.items.map((item) => (
                <tr key={item.product.sku}>
                  <td>{item.product.sku}</td>
                  <td className="num">{item.quantity}</td>
                  <td>{item.reason}</td>
                  <td className="num">{item.acceptedQuantity ?? '—'}</td>
                  <td className="num">{item.unitPrice.formatted}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.status === 'REQUESTED' && can(role, 'decideReturns') && <ReturnDecision returnId={r.id} onDone={onChanged} />}
          {r.status === 'APPROVED' && can(role, 'receiveReturns') && <ReturnInspection ret={r} onDone={onChanged} />}
        </article>
      ))}
    </>
  );
}

/** Customer service approves a REQUESTED return (its label is booked) or rejects it with a reason the customer reads. */
function ReturnDecision({ returnId, onDone }: { returnId: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const approve = useSubmission(async () => {
    await api.request(ApproveReturn, { returnId });
    onDone();
    return 'Approved.';
  }, []);
  const reject = useSubmission(async () => {
    await api.request(RejectReturn, { returnId, reason });
    onDone();
    return 'Rejected.';
  }, ['reason']);
  return (
    <div className="row">
      <form className="inline" onSubmit={approve.onSubmit} aria-label={`Approve return ${returnId}`}>
        <button type="submit" disabled={approve.busy}>
          Approve return
        </button>
        <SubmissionNotes submission={approve} />
      </form>
      <form className="inline" onSubmit={reject.onSubmit} aria-label={`Reject return ${returnId}`}>
        <TextField label="Why (the customer reads it)" required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} error={reject.fieldErrors.reason} />
        <button type="submit" className="secondary" disabled={reject.busy}>
          Reject return
        </button>
        <SubmissionNotes submission={reject} />
      </form>
    </div>
  );
}

/** The warehouse's inspection: sellable units per SKU (the rest are written off). */
function ReturnInspection({ ret, onDone }: { ret: OrderReturn; onDone: () => void }) {
  const [accepted, setAccepted] = useState<Record<string, string>>(() => Object.fromEntries(ret.items.map((i) => [i.product.sku, String(i.quantity)])));
  const receive = useSubmission(async () => {
    await api.request(ReceiveReturn, { returnId: ret.id, items: ret.items.map((i) => ({ sku: i.product.sku, acceptedQuantity: Number(accepted[i.product.sku] ?? 0) })) });
    onDone();
    return 'Received.';
  }, []);
  return (
    <form className="inline" onSubmit={receive.onSubmit} aria-label={`Receive return ${ret.id}`}>
      {ret.items.map((i) => (
        <TextField
          key={i.product.sku}
          label={`Sellable units of ${i.product.sku} (of ${i.quantity})`}
          type="number"
          min={0}
          max={i.quantity}
          required
          value={accepted[i.product.sku] ?? ''}
          onChange={(e) => setAccepted((a) => ({ ...a, [i.product.sku]: e.target.value }))}
        />
      ))}
      <button type="submit" disabled={receive.busy}>
        Receive return
      </button>
      <SubmissionNotes submission={receive} />
    </form>
  );
}
