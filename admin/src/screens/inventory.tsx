import { useState, type FormEvent } from 'react';
import { graphql } from '../__generated__';
import { api } from '../graphql/api';
import { navigate, useLocation } from '../router';
import { Show, useLoad } from '../ui/data';
import { SelectField, SubmissionNotes, TextField, useSubmission } from '../ui/forms';
import { formatTime } from '../ui/format';
import { Link } from '../ui/link';

const StockOverview = graphql(`
  query AdminStockOverview {
    warehouses {
      id
      name
    }
    lowStock {
      sku
      available
      reserved
      warehouse {
        id
      }
    }
  }
`);

const Stock = graphql(`
  query AdminStock($sku: ID!) {
    product(sku: $sku) {
      sku
      name
      availability {
        totalAvailable
        lowStock
        byWarehouse {
          warehouse {
            id
            name
          }
          available
          reserved
          committed
          shipped
        }
      }
    }
    stockMovements(sku: $sku, first: 20) {
      id
      kind
      occurredAt
      actor
      reason
      reference
      deltaAvailable
      warehouse {
        id
      }
    }
  }
`);

const ReceiveStock = graphql(`
  mutation AdminReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!, $reference: String) {
    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: $reference) {
      sku
      available
    }
  }
`);

const AdjustStock = graphql(`
  mutation AdminAdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {
    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {
      sku
      available
    }
  }
`);

/** Warehouse work: what runs low, one SKU's stock by warehouse, receiving and corrections. */
export function InventoryScreen() {
  const { query } = useLocation();
  const sku = query.get('sku') ?? '';
  const overview = useLoad(() => api.request(StockOverview), []);
  return (
    <>
      <h1>Inventory</h1>
      <FindSku initial={sku} />
      {sku && <SkuStock sku={sku} warehouses={overview.data?.warehouses ?? []} onChanged={overview.reload} />}
      <section aria-labelledby="low-heading">
        <h2 id="low-heading">Low and out of stock (SKUs under 10 units in all)</h2>
        <Show loaded={overview}>
          {(data) => {
            const low = data.lowStock;
            return !low.length ? (
              <p className="muted">Everything is well stocked.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>SKU</th>
                    <th>Warehouse</th>
                    <th className="num">Available</th>
                    <th className="num">Reserved</th>
                  </tr>
                </thead>
                <tbody>
                  {low.map((row) => (
                    <tr key={`${row.sku}/${row.warehouse.id}`}>
                      <td>
                        <Link to={`/inventory?sku=${encodeURIComponent(row.sku)}`}>{row.sku}</Link>
                      </td>
                      <td>{row.warehouse.id}</td>
                      <td className="num">{row.available}</td>
                      <td className="num">{row.reserved}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          }}
        </Show>
      </section>
    </>
  );
}

function FindSku({ initial }: { initial: string }) {
  const [sku, setSku] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/inventory?sku=${encodeURIComponent(sku.trim().toUpperCase())}`);
  };
  return (
    <form className="inline" onSubmit={submit} aria-label="Find a SKU">
      <TextField label="SKU" name="sku" required value={sku} onChange={(e) => setSku(e.target.value)} />
      <button type="submit">Show stock</button>
    </form>
  );
}

function SkuStock({ sku, warehouses, onChanged }: { sku: string; warehouses: readonly { id: string; name: string }[]; onChanged: () => void }) {
  const stock = useLoad(() => api.request(Stock, { sku }), [sku]);
  const changed = () => {
    stock.reload();
    onChanged();
  };
  return (
    <Show loaded={stock}>
      {(data) =>
        !data.product ? (
          <p>No product with SKU {sku}.</p>
        ) : (
          <section aria-labelledby="sku-heading">
            <h2 id="sku-heading">
              {data.product.sku} · {data.product.name} ({data.product.availability.totalAvailable} available)
            </h2>
            <table data-testid="stock-by-warehouse">
              <thead>
                <tr>
                  <th>Warehouse</th>
                  <th className="num">Available</th>
                  <th className="num">Reserved</th>
                  <th className="num">Committed</th>
                  <th className="num">Shipped</th>
                </tr>
              </thead>
              <tbody>
                {data.product.availability.byWarehouse.map((row) => (
                  <tr key={row.warehouse.id} data-warehouse={row.warehouse.id}>
                    <td>{row.warehouse.name}</td>
                    <td className="num" data-testid={`available-${row.warehouse.id}`}>{row.available}</td>
                    <td className="num">{row.reserved}</td>
                    <td className="num">{row.committed}</td>
                    <td className="num">{row.shipped}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="grid-2">
              <ReceiveForm sku={sku} warehouses={warehouses} onDone={changed} />
              <AdjustForm sku={sku} warehouses={warehouses} onDone={changed} />
            </div>
            <h3>Latest movements</h3>
            <table>
              <thead>
                <tr>
                  <th>When</th>
                  <th>Kind</th>
                  <th>Warehouse</th>
                  <th className="num">Δ available</th>
                  <th>Reason / reference</th>
                  <th>By</th>
                </tr>
              </thead>
              <tbody>
                {data.stockMovements.map((m) => (
                  <tr key={m.id}>
                    <td>{formatTime(m.occurredAt)}</td>
                    <td>{m.kind}</td>
                    <td>{m.warehouse.id}</td>
                    <td className="num">{m.deltaAvailable}</td>
                    <td>{[m.reason, m.reference].filter(Boolean).join(' · ')}</td>
                    <td>{m.actor}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )
      }
    </Show>
  );
}

const warehouseOptions = (warehouses: readonly { id: string; name: string }[]) => warehouses.map((w) => ({ value: w.id, label: `${w.id} · ${w.name}` }));

function ReceiveForm({ sku, warehouses, onDone }: { sku: string; warehouses: readonly { id: string; name: string }[]; onDone: () => void }) {
  const [warehouseId, setWarehouseId] = useState('');
  const [quantity, setQuantity] = useState('');
  const [reference, setReference] = useState('');
  const submission = useSubmission(async () => {
    const { receiveStock } = await api.request(ReceiveStock, { sku, warehouseId: warehouseId || warehouses[0]?.id, quantity: Number(quantity), reference: reference || null });
    onDone();
    setQuantity('');
    return `Received: ${receiveStock.available} now available.`;
  }, ['warehouseId', 'quantity', 'reference']);
  return (
    <form onSubmit={submission.onSubmit} aria-label="Receive stock">
      <h3>Receive</h3>
      <SelectField label="Warehouse" name="warehouseId" value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)} options={warehouseOptions(warehouses)} error={submission.fieldErrors.warehouseId} />
      <TextField label="Quantity received" name="quantity" type="number" inputMode="numeric" min={1} required value={quantity} onChange={(e) => setQuantity(e.target.value)} error={submission.fieldErrors.quantity} />
      <TextField label="Reference (e.g. purchase order)" name="reference" maxLength={500} value={reference} onChange={(e) => setReference(e.target.value)} error={submission.fieldErrors.reference} />
      <SubmissionNotes submission={submission} />
      <button type="submit" disabled={submission.busy}>
        Receive stock
      </button>
    </form>
  );
}

function AdjustForm({ sku, warehouses, onDone }: { sku: string; warehouses: readonly { id: string; name: string }[]; onDone: () => void }) {
  const [warehouseId, setWarehouseId] = useState('');
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const submission = useSubmission(async () => {
    const { adjustStock } = await api.request(AdjustStock, { sku, warehouseId: warehouseId || warehouses[0]?.id, delta: Number(delta), reason });
    onDone();
    setDelta('');
    setReason('');
    return `Adjusted: ${adjustStock.available} now available.`;
  }, ['warehouseId', 'delta', 'reason']);
  return (
    <form onSubmit={submission.onSubmit} aria-label="Adjust stock">
      <h3>Adjust (count, damage, loss)</h3>
      <SelectField label="Warehouse" name="warehouseId" value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)} options={warehouseOptions(warehouses)} error={submission.fieldErrors.warehouseId} />
      <TextField label="Change in available units (e.g. -2)" name="delta" type="number" inputMode="numeric" required value={delta} onChange={(e) => setDelta(e.target.value)} error={submission.fieldErrors.delta} />
      <TextField label="Reason" name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} error={submission.fieldErrors.reason} />
      <SubmissionNotes submission={submission} />
      <button type="submit" disabled={submission.busy}>
        Adjust stock
      </button>
    </form>
  );
}
