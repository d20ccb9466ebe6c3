import { useState, type FormEvent } from 'react';
import { graphql } from '../__generated__';
import type { OrderStatus } from '../__generated__/graphql';
import { api } from '../graphql/api';
import { navigate, useLocation } from '../router';
import { Show, useLoad } from '../ui/data';
import { SelectField, TextField } from '../ui/forms';
import { ageOf, formatDuration, formatTime, shortId } from '../ui/format';
import { Link } from '../ui/link';
import { useNow } from '../ui/now';
import { CANCELLABLE, CancelOrderForm } from './cancel-order';

/** The columns of an order row, shared by the listing and the e-mail search. */
export const OrderRowFragment = graphql(`
  fragment AdminOrderRow on Order {
    id
    status
    placedAt
    total {
      formatted
    }
    customer {
      id
      email
    }
  }
`);

const Orders = graphql(`
  query AdminOrders($status: OrderStatus, $oldestFirst: Boolean, $after: String) {
    orders(status: $status, oldestFirst: $oldestFirst, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...AdminOrderRow
      }
    }
  }
`);

const CustomersByEmail = graphql(`
  query AdminCustomersByEmail($email: String!) {
    customers(email: $email, first: 10) {
      id
      email
      firstName
      lastName
      orders(first: 50) {
        totalCount
        nodes {
          ...AdminOrderRow
        }
      }
    }
  }
`);

const STATUS_OPTIONS: ReadonlyArray<{ value: OrderStatus | ''; label: string }> = [
  { value: '', label: 'Any status' },
  ...(['PLACED', 'CONFIRMED', 'ON_HOLD', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'CLOSED'] as const).map((s) => ({ value: s, label: s.replace('_', ' ') })),
];

interface Row {
  id: string;
  status: OrderStatus;
  placedAt: string;
  total: { formatted: string };
  customer: { id: string; email: string };
}

/**
 * Find orders: by status (ON_HOLD oldest first is the review queue), by order id, or by the
 * customer's e-mail. The filters live in the URL, so a queue can be bookmarked and returned to.
 */
export function OrdersScreen() {
  const { query } = useLocation();
  const status = (query.get('status') ?? '') as OrderStatus | '';
  const oldestFirst = query.get('oldest') === '1';
  const email = query.get('email') ?? '';
  const [after, setAfter] = useState<string | null>(null);

  const listing = useLoad(() => api.request(Orders, { status: status || null, oldestFirst, after }), [status, oldestFirst, after]);
  const customers = useLoad(() => (email ? api.request(CustomersByEmail, { email }) : Promise.resolve(null)), [email]);
  const queue = status === 'ON_HOLD' && oldestFirst;

  return (
    <>
      <h1>{queue ? 'ON_HOLD queue (oldest first)' : 'Orders'}</h1>
      <div className="grid-2">
        <FindById />
        <FindByEmail initial={email} />
      </div>
      {email && (
        <section aria-labelledby="by-email">
          <h2 id="by-email">Customers matching “{email}”</h2>
          <Show loaded={customers}>
            {(data) =>
              !data?.customers.length ? (
                <p className="muted">No customer's e-mail contains “{email}”.</p>
              ) : (
                data.customers.map((c) => (
                  <div key={c.id}>
                    <h3>
                      {c.firstName} {c.lastName} · {c.email} ({c.orders.totalCount} orders)
                    </h3>
                    <OrderTable rows={c.orders.nodes} onChanged={customers.reload} />
                  </div>
                ))
              )
            }
          </Show>
        </section>
      )}
      <section aria-labelledby="listing">
        <h2 id="listing">{status ? `${status.replace('_', ' ')} orders` : 'All orders'}</h2>
        <form className="inline" aria-label="Filter orders" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label="Status"
            value={status}
            options={STATUS_OPTIONS}
            onChange={(e) => {
              setAfter(null);
              setFilter({ status: e.target.value, oldest: oldestFirst ? '1' : '' });
            }}
          />
          <div className="field">
            <label>
              <input
                type="checkbox"
                checked={oldestFirst}
                onChange={(e) => {
                  setAfter(null);
                  setFilter({ status, oldest: e.target.checked ? '1' : '' });
                }}
              />{' '}
              Oldest first
            </label>
          </div>
          {!queue && (
            <button type="button" className="secondary" onClick={() => setFilter({ status: 'ON_HOLD', oldest: '1' })}>
              ON_HOLD queue
            </button>
          )}
        </form>
        <Show loaded={listing}>
          {(data) => (
            <>
              <p className="muted">{data.orders.totalCount} orders</p>
              <OrderTable rows={data.orders.nodes} onChanged={listing.reload} showCancel={queue} />
              {data.orders.pageInfo.hasNextPage && (
                <button type="button" className="secondary" onClick={() => setAfter(data.orders.pageInfo.endCursor ?? null)}>
                  Next page
                </button>
              )}
            </>
          )}
        </Show>
      </section>
    </>
  );
}

function setFilter(filter: Record<string, string>) {
  const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  const search = params.toString();
  navigate(search ? `/orders?${search}` : '/orders');
}

function OrderTable({ rows, onChanged, showCancel = false }: { rows: readonly Row[]; onChanged: () => void; showCancel?: boolean }) {
  const now = useNow(30_000);
  if (!rows.length) return <p className="muted">No orders.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Order</th>
          <th>Status</th>
          <th>Placed</th>
          <th>Age</th>
          <th>Customer</th>
          <th className="num">Total</th>
          {showCancel && <th>Close</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id} data-order-id={o.id}>
            <td>
              <Link to={`/orders/${o.id}`}>{shortId(o.id)}</Link>
            </td>
            <td>
              <span className={`status status-${o.status}`}>{o.status}</span>
            </td>
            <td>{formatTime(o.placedAt)}</td>
            <td>{formatDuration(ageOf(o.placedAt, now))}</td>
            <td>{o.customer.email}</td>
            <td className="num">{o.total.formatted}</td>
            {showCancel && <td>{CANCELLABLE.includes(o.status) && <CancelOrderForm orderId={o.id} onCancelled={onChanged} />}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FindById() {
  const [id, setId] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = id.trim();
    if (!/^[0-9a-f-]{36}$/i.test(trimmed)) return setError('An order id looks like 0b5e8c1a-…: 36 characters.');
    setError(undefined);
    navigate(`/orders/${trimmed}`);
  };
  return (
    <form onSubmit={submit} aria-label="Find an order by id">
      <TextField label="Order id" name="orderId" value={id} onChange={(e) => setId(e.target.value)} error={error} />
      <button type="submit">Open order</button>
    </form>
  );
}

function FindByEmail({ initial }: { initial: string }) {
  const [email, setEmail] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/orders?email=${encodeURIComponent(email.trim())}`);
  };
  return (
    <form onSubmit={submit} aria-label="Find orders by customer e-mail">
      <TextField label="Customer e-mail (or part of it)" name="customerEmail" minLength={3} required value={email} onChange={(e) => setEmail(e.target.value)} />
      <button type="submit">Find customer</button>
    </form>
  );
}
