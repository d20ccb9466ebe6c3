import { graphql } from '../__generated__';
import { api } from '../graphql/api';
import { Show, useLoad } from '../ui/data';
import { formatTime } from '../ui/format';
import { Link } from '../ui/link';
import { CANCELLABLE, CancelOrderForm } from './cancel-order';
import { OrderEmails, OrderReturns } from './order-returns';
import { EscalatedRefundActions } from './refund-actions';

const Order = graphql(`
  query AdminOrder($id: ID!) {
    order(id: $id) {
      id
      status
      placedAt
      cancellationReason
      customer {
        id
        email
        firstName
        lastName
      }
      items {
        product {
          sku
          name
        }
        quantity
        unitPrice {
          formatted
        }
        lineTotal {
          formatted
        }
      }
      shippingAddress {
        line1
        line2
        city
        region
        postalCode
        country
      }
      shippingMethod
      subtotal {
        formatted
      }
      shippingCost {
        formatted
      }
      total {
        formatted
      }
      timeline {
        type
        occurredAt
        detail
      }
      payment {
        id
        status
        amount {
          formatted
        }
        captured {
          formatted
        }
        refunded {
          formatted
        }
        failureReason
        attempts
        attemptLog {
          operation
          attempt
          succeeded
          failureKind
          failureMessage
          startedAt
        }
        refunds {
          id
          amount {
            formatted
          }
          reason
          status
          createdAt
          completedAt
          failureReason
        }
      }
      shipments {
        id
        status
        carrier
        trackingNumber
        deliveryAttempts
        dispatchedAt
        deliveredAt
        warehouse {
          id
          name
        }
        timeline {
          type
          occurredAt
          detail
        }
      }
      notifications {
        id
        kind
        to
        subject
        status
        attempts
        sentAt
      }
      returns {
        id
        status
        requestedAt
        comment
        rejectionReason
        refundAmount {
          formatted
        }
        restockingFee {
          formatted
        }
        refundStatus
        refundFailureReason
        label {
          carrier
          trackingNumber
          labelUrl
        }
        items {
          product {
            sku
          }
          quantity
          reason
          acceptedQuantity
          unitPrice {
            formatted
          }
        }
      }
    }
  }
`);

/** One order as customer service works it: what was bought, where it is, the money, and cancel. */
export function OrderScreen({ id }: { id: string }) {
  const loaded = useLoad(() => api.request(Order, { id }), [id]);
  return (
    <Show loaded={loaded}>
      {({ order }) =>
        !order ? (
          <p>No order {id}.</p>
        ) : (
          <>
            <p>
              <Link to="/orders">← Orders</Link>
            </p>
            <h1>
              Order {order.id} <span className={`status status-${order.status}`} data-testid="order-status">{order.status}</span>
            </h1>
            <div className="grid-2">
              <section aria-labelledby="summary">
                <h2 id="summary">Summary</h2>
                <dl className="facts">
                  <dt>Customer</dt>
                  <dd>
                    {order.customer.firstName} {order.customer.lastName} · <Link to={`/orders?email=${encodeURIComponent(order.customer.email)}`}>{order.customer.email}</Link>
                  </dd>
                  <dt>Placed</dt>
                  <dd>{formatTime(order.placedAt)}</dd>
                  <dt>Ships to</dt>
                  <dd>
                    {order.shippingAddress.line1}
                    {order.shippingAddress.line2 ? `, ${order.shippingAddress.line2}` : ''}, {order.shippingAddress.city} {order.shippingAddress.region} {order.shippingAddress.postalCode}, {order.shippingAddress.country}
                  </dd>
                  <dt>Method</dt>
                  <dd>{order.shippingMethod}</dd>
                  <dt>Total</dt>
                  <dd>
                    {order.total.formatted} ({order.subtotal.formatted} + {order.shippingCost.formatted} shipping)
                  </dd>
                  {order.cancellationReason && (
                    <>
                      <dt>Cancelled because</dt>
                      <dd>{order.cancellationReason}</dd>
                    </>
                  )}
                </dl>
                {CANCELLABLE.includes(order.status) && (
                  <>
                    <h2>Cancel</h2>
                    <CancelOrderForm orderId={order.id} onCancelled={loaded.reload} />
                  </>
                )}
              </section>
              <section aria-labelledby="items">
                <h2 id="items">Items</h2>
                <table>
                  <thead>
                    <tr>
                      <th>SKU</th>
                      <th>Product</th>
                      <th className="num">Qty</th>
                      <th className="num">Price</th>
                      <th className="num">Line</th>
                    </tr>
                  </thead>
                  <tbody>
                    {order.items.map((item) => (
                      <tr key={item.product.sku}>
                        <td>{item.product.sku}</td>
                        <td>{item.product.name}</td>
                        <td className="num">{item.quantity}</td>
                        <td className="num">{item.unitPrice.formatted}</td>
                        <td className="num">{item.lineTotal.formatted}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </div>

            <section aria-labelledby="timeline">
              <h2 id="timeline">Timeline</h2>
              <table>
                <tbody>
                  {order.timeline.map((event, i) => (
                    <tr key={i}>
                      <td>{formatTime(event.occurredAt)}</td>
                      <td>{event.type}</td>
                      <td>{event.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>

            <section aria-labelledby="payment">
              <h2 id="payment">Payment</h2>
              {!order.payment ? (
                <p className="muted">No payment yet.</p>
              ) : (
                <>
                  <dl className="facts">
                    <dt>Status</dt>
                    <dd>
                      <span className={`status status-${order.payment.status}`}>{order.payment.status}</span>
                      {order.payment.failureReason && ` — ${order.payment.failureReason}`}
                    </dd>
                    <dt>Authorized</dt>
                    <dd>{order.payment.amount.formatted}</dd>
                    <dt>Captured</dt>
                    <dd>{order.payment.captured.formatted}</dd>
                    <dt>Refunded</dt>
                    <dd>{order.payment.refunded.formatted}</dd>
                  </dl>
                  <h3>Provider calls ({order.payment.attempts})</h3>
                  <table>
                    <thead>
                      <tr>
                        <th>When</th>
                        <th>Call</th>
                        <th>Attempt</th>
                        <th>Outcome</th>
                      </tr>
                    </thead>
                    <tbody>
                      {order.payment.attemptLog.map((a, i) => (
                        <tr key={i}>
                          <td>{formatTime(a.startedAt)}</td>
                          <td>{a.operation}</td>
                          <td>{a.attempt}</td>
                          <td>{a.succeeded ? 'succeeded' : `${a.failureKind}: ${a.failureMessage ?? ''}`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <h3>Refunds</h3>
                  {!order.payment.refunds.length ? (
                    <p className="muted">None.</p>
                  ) : (
                    <table>
                      <thead>
                        <tr>
                          <th>Requested</th>
                          <th>Amount</th>
                          <th>Reason</th>
                          <th>Status</th>
                        </tr>
                      </thead>
                      <tbody>
                        {order.payment.refunds.map((r) => (
                          <tr key={r.id}>
                            <td>{formatTime(r.createdAt)}</td>
                            <td>{r.amount.formatted}</td>
                            <td>{r.reason}</td>
                            <td>
                              <span className={`status status-${r.status}`}>{r.status}</span>
                              {r.failureReason && ` — ${r.failureReason}`}
                              {r.status === 'FAILED' && <EscalatedRefundActions refundId={r.id} onDone={loaded.reload} />}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </>
              )}
            </section>

            <section aria-labelledby="shipments">
              <h2 id="shipments">Shipments</h2>
              {!order.shipments.length ? (
                <p className="muted">No shipment yet.</p>
              ) : (
                order.shipments.map((s) => (
                  <div key={s.id} className="card">
                    <p>
                      <span className={`status status-${s.status}`}>{s.status}</span> from {s.warehouse?.name ?? '—'}
                      {s.carrier && ` · ${s.carrier} ${s.trackingNumber ?? ''}`} · failed delivery attempts: {s.deliveryAttempts}
                    </p>
                    <ul>
                      {s.timeline.map((e, i) => (
                        <li key={i}>
                          {formatTime(e.occurredAt)} {e.type} {e.detail}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))
              )}
            </section>

            <section aria-labelledby="returns">
              <h2 id="returns">Returns</h2>
              <OrderReturns returns={order.returns} onChanged={loaded.reload} />
            </section>

            <section aria-labelledby="emails">
              <h2 id="emails">E-mails</h2>
              <OrderEmails emails={order.notifications} />
            </section>
          </>
        )
      }
    </Show>
  );
}
