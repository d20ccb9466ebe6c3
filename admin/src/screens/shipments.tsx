import { useState } from 'react';
import { graphql } from '../__generated__';
import type { ShipmentStatus } from '../__generated__/graphql';
import { api } from '../graphql/api';
import { navigate, useLocation } from '../router';
import { Show, useLoad } from '../ui/data';
import { SelectField, SubmissionNotes, TextField, useSubmission } from '../ui/forms';
import { formatTime, shortId } from '../ui/format';

const Shipments = graphql(`
  query AdminShipments($status: ShipmentStatus!, $warehouseId: ID, $after: String) {
    warehouses {
      id
      name
    }
    shipments(status: $status, warehouseId: $warehouseId, first: 25, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
      nodes {
        id
        status
        createdAt
        dispatchedAt
        carrier
        trackingNumber
        deliveryAttempts
        warehouse {
          id
        }
        order {
          id
        }
        items {
          quantity
          product {
            sku
          }
        }
      }
    }
  }
`);

const Dispatch = graphql(`
  mutation AdminDispatchShipment($shipmentId: ID!, $carrier: String) {
    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier) {
      id
      status
      carrier
      trackingNumber
    }
  }
`);

const RecordAttempt = graphql(`
  mutation AdminRecordDeliveryAttempt($shipmentId: ID!, $delivered: Boolean!, $note: String) {
    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered, note: $note) {
      id
      status
      deliveryAttempts
    }
  }
`);

const VIEWS: ReadonlyArray<{ value: ShipmentStatus; label: string }> = [
  { value: 'ASSIGNED', label: 'To dispatch' },
  { value: 'DISPATCHED', label: 'On the way' },
  { value: 'DELIVERY_FAILED', label: 'Delivery failed' },
  { value: 'DELIVERED', label: 'Delivered' },
];

const CARRIERS = [
  { value: '', label: 'The shipping method’s carrier' },
  ...['UPS', 'FEDEX', 'USPS', 'DHL'].map((c) => ({ value: c, label: c })),
];

/** The warehouse floor: parcels to dispatch (oldest first), and delivery attempts of those on the way. */
export function ShipmentsScreen() {
  const { query } = useLocation();
  const status = (query.get('status') ?? 'ASSIGNED') as ShipmentStatus;
  const warehouseId = query.get('warehouse') ?? '';
  const [after, setAfter] = useState<string | null>(null);
  const loaded = useLoad(() => api.request(Shipments, { status, warehouseId: warehouseId || null, after }), [status, warehouseId, after]);
  const setFilter = (next: { status?: string; warehouse?: string }) => {
    setAfter(null);
    const params = new URLSearchParams({ status: next.status ?? status, ...(next.warehouse ?? warehouseId ? { warehouse: next.warehouse ?? warehouseId } : {}) });
    navigate(`/shipments?${params}`);
  };
  return (
    <>
      <h1>Shipments</h1>
      <form className="inline" aria-label="Filter shipments" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Show" value={status} options={VIEWS} onChange={(e) => setFilter({ status: e.target.value })} />
        <SelectField
          label="Warehouse"
          value={warehouseId}
          options={[{ value: '', label: 'All warehouses' }, ...(loaded.data?.warehouses ?? []).map((w) => ({ value: w.id, label: `${w.id} · ${w.name}` }))]}
          onChange={(e) => setFilter({ warehouse: e.target.value })}
        />
      </form>
      <Show loaded={loaded}>
        {(data) =>
          !data.shipments.nodes.length ? (
            <p className="muted">No shipments here.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Shipment</th>
                  <th>Order</th>
                  <th>Warehouse</th>
                  <th>Items</th>
                  <th>{status === 'ASSIGNED' ? 'Waiting since' : 'Dispatched'}</th>
                  <th>Carrier</th>
                  <th>Action</th>
                </tr>
              </thead>
              <tbody>
                {data.shipments.nodes.map((s) => (
                  <tr key={s.id} data-shipment-id={s.id} data-order-id={s.order.id}>
                    <td>{shortId(s.id)}</td>
                    <td>{shortId(s.order.id)}</td>
                    <td>{s.warehouse?.id ?? '—'}</td>
                    <td>{s.items.map((i) => `${i.quantity} × ${i.product.sku}`).join(', ')}</td>
                    <td>{formatTime(status === 'ASSIGNED' ? s.createdAt : s.dispatchedAt)}</td>
                    <td>{s.carrier ? `${s.carrier} ${s.trackingNumber ?? ''}` : '—'}</td>
                    <td>
                      {s.status === 'ASSIGNED' && <DispatchForm shipmentId={s.id} onDone={loaded.reload} />}
                      {s.status === 'DISPATCHED' && <AttemptForm shipmentId={s.id} attempts={s.deliveryAttempts} onDone={loaded.reload} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
      {loaded.data?.shipments.pageInfo.hasNextPage && (
        <button type="button" className="secondary" onClick={() => setAfter(loaded.data?.shipments.pageInfo.endCursor ?? null)}>
          Next page
        </button>
      )}
    </>
  );
}

function DispatchForm({ shipmentId, onDone }: { shipmentId: string; onDone: () => void }) {
  const [carrier, setCarrier] = useState('');
  const submission = useSubmission(async () => {
    await api.request(Dispatch, { shipmentId, carrier: carrier || null });
    onDone();
  }, ['carrier']);
  return (
    <form className="inline" onSubmit={submission.onSubmit} aria-label={`Dispatch shipment ${shipmentId}`}>
      <SelectField label="Carrier" value={carrier} options={CARRIERS} onChange={(e) => setCarrier(e.target.value)} error={submission.fieldErrors.carrier} />
      <button type="submit" disabled={submission.busy}>
        Dispatch
      </button>
      <SubmissionNotes submission={submission} />
    </form>
  );
}

function AttemptForm({ shipmentId, attempts, onDone }: { shipmentId: string; attempts: number; onDone: () => void }) {
  const [outcome, setOutcome] = useState('failed');
  const [note, setNote] = useState('');
  const submission = useSubmission(async () => {
    await api.request(RecordAttempt, { shipmentId, delivered: outcome === 'delivered', note: note || null });
    setNote('');
    onDone();
  }, ['note']);
  return (
    <form className="inline" onSubmit={submission.onSubmit} aria-label={`Record a delivery attempt of shipment ${shipmentId}`}>
      <SelectField
        label={`Delivery attempt (${attempts} failed so far)`}
        value={outcome}
        options={[
          { value: 'failed', label: 'Not delivered' },
          { value: 'delivered', label: 'Delivered' },
        ]}
        onChange={(e) => setOutcome(e.target.value)}
      />
      <TextField label="Note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} error={submission.fieldErrors.note} />
      <button type="submit" disabled={submission.busy}>
        Record attempt
      </button>
      <SubmissionNotes submission={submission} />
    </form>
  );
}
