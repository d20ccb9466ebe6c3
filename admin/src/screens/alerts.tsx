import { useState } from 'react';
import { graphql } from '../__generated__';
import type { AlertKind, AlertStatus } from '../__generated__/graphql';
import { api } from '../graphql/api';
import { can } from '../roles';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import { Show, useLoad } from '../ui/data';
import { SelectField, SubmissionNotes, TextField, useSubmission } from '../ui/forms';
import { formatTime, shortId } from '../ui/format';
import { Link } from '../ui/link';

/** The columns of an alert, shared by this screen and the overview. */
export const AlertRowFragment = graphql(`
  fragment AdminAlertRow on Alert {
    id
    kind
    status
    summary
    raisedAt
    escalatedAt
    acknowledgedBy
    resolvedBy
    resolution
    sku
    order {
      id
    }
  }
`);

const Alerts = graphql(`
  query AdminAlerts($kind: AlertKind, $status: AlertStatus, $after: String) {
    alerts(kind: $kind, status: $status, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...AdminAlertRow
      }
    }
  }
`);

const Acknowledge = graphql(`
  mutation AdminAcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) {
      id
      status
    }
  }
`);

const Resolve = graphql(`
  mutation AdminResolveAlert($id: ID!, $note: String) {
    resolveAlert(id: $id, note: $note) {
      id
      status
    }
  }
`);

const KINDS: readonly AlertKind[] = ['ORDER_ON_HOLD', 'REFUND_ESCALATED', 'DELIVERY_FAILED', 'LOW_STOCK', 'MESSAGE_DEAD_LETTERED', 'NOTIFICATION_FAILED'];
const STATUSES: readonly AlertStatus[] = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];

export interface AlertRow {
  id: string;
  kind: AlertKind;
  status: AlertStatus;
  summary: string;
  raisedAt: string;
  escalatedAt?: string | null;
  acknowledgedBy?: string | null;
  resolvedBy?: string | null;
  resolution?: string | null;
  sku?: string | null;
  order?: { id: string } | null;
}

/** What staff must look at, filtered by kind and status (in the URL); acknowledge, resolve, jump to the cause. */
export function AlertsScreen() {
  const { query } = useLocation();
  const kind = (query.get('kind') ?? '') as AlertKind | '';
  const status = (query.get('status') ?? 'OPEN') as AlertStatus | 'ANY';
  const [after, setAfter] = useState<string | null>(null);
  const alerts = useLoad(() => api.request(Alerts, { kind: kind || null, status: status === 'ANY' ? null : status, after }), [kind, status, after]);
  const setFilter = (next: { kind?: string; status?: string }) => {
    setAfter(null);
    const params = new URLSearchParams(Object.entries({ kind, status, ...next }).filter(([, v]) => v) as [string, string][]);
    navigate(`/alerts?${params}`);
  };
  return (
    <>
      <h1>Alerts</h1>
      <form className="inline" aria-label="Filter alerts" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Kind" value={kind} options={[{ value: '', label: 'Any kind' }, ...KINDS.map((k) => ({ value: k, label: k }))]} onChange={(e) => setFilter({ kind: e.target.value })} />
        <SelectField label="Status" value={status} options={[...STATUSES.map((s) => ({ value: s, label: s })), { value: 'ANY', label: 'Any status' }]} onChange={(e) => setFilter({ status: e.target.value })} />
      </form>
      <Show loaded={alerts}>
        {(data) => (
          <>
            <p className="muted">{data.alerts.totalCount} alerts</p>
            <AlertTable rows={data.alerts.nodes} onChanged={alerts.reload} actions />
            {data.alerts.pageInfo.hasNextPage && (
              <button type="button" className="secondary" onClick={() => setAfter(data.alerts.pageInfo.endCursor ?? null)}>
                Next page
              </button>
            )}
          </>
        )}
      </Show>
    </>
  );
}

export function AlertTable({ rows, onChanged, actions = false }: { rows: readonly AlertRow[]; onChanged: () => void; actions?: boolean }) {
  const session = useSession()!;
  if (!rows.length) return <p className="muted">No alerts.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Raised</th>
          <th>Kind</th>
          <th>Status</th>
          <th>Summary</th>
          <th>About</th>
          {actions && <th>Action</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id} data-alert-id={a.id} data-alert-kind={a.kind}>
            <td>{formatTime(a.raisedAt)}</td>
            <td>{a.kind}</td>
            <td>
              <span className={`status status-${a.status}`}>{a.status}</span>
              {a.escalatedAt && <div className="field-error">past its review target</div>}
              {a.acknowledgedBy && a.status === 'ACKNOWLEDGED' && <div className="muted">by {a.acknowledgedBy}</div>}
              {a.status === 'RESOLVED' && <div className="muted">by {a.resolvedBy}{a.resolution ? `: ${a.resolution}` : ''}</div>}
            </td>
            <td>{a.summary}</td>
            <td>
              {a.order && (can(session.role, 'viewOrders') ? <Link to={`/orders/${a.order.id}`}>order {shortId(a.order.id)}</Link> : `order ${shortId(a.order.id)}`)}
              {a.sku && (can(session.role, 'manageStock') ? <Link to={`/inventory?sku=${encodeURIComponent(a.sku)}`}>{a.sku}</Link> : a.sku)}
            </td>
            {actions && <td>{a.status !== 'RESOLVED' && <AlertActions alert={a} onChanged={onChanged} />}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AlertActions({ alert, onChanged }: { alert: AlertRow; onChanged: () => void }) {
  const [note, setNote] = useState('');
  const acknowledge = useSubmission(async () => {
    await api.request(Acknowledge, { id: alert.id });
    onChanged();
  }, []);
  const resolve = useSubmission(async () => {
    await api.request(Resolve, { id: alert.id, note: note.trim() || null });
    onChanged();
  }, ['note']);
  return (
    <>
      {alert.status === 'OPEN' && (
        <form className="inline" onSubmit={acknowledge.onSubmit} aria-label={`Acknowledge alert ${alert.id}`}>
          <button type="submit" className="secondary" disabled={acknowledge.busy}>
            Acknowledge
          </button>
          <SubmissionNotes submission={acknowledge} />
        </form>
      )}
      <form className="inline" onSubmit={resolve.onSubmit} aria-label={`Resolve alert ${alert.id}`}>
        <TextField label="Resolution note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} error={resolve.fieldErrors.note} />
        <button type="submit" disabled={resolve.busy}>
          Resolve
        </button>
        <SubmissionNotes submission={resolve} />
      </form>
    </>
  );
}
