import { useEffect } from 'react';
import { graphql } from '../__generated__';
import type { OrderStatus } from '../__generated__/graphql';
import { api } from '../graphql/api';
import { can } from '../roles';
import { useSession } from '../session';
import { Show, useLoad } from '../ui/data';
import { ageOf, formatDuration, shortId } from '../ui/format';
import { Link } from '../ui/link';
import { useNow } from '../ui/now';
import { AlertTable } from './alerts';

const Overview = graphql(`
  query AdminOverview {
    placed: orders(status: PLACED, first: 1) {
      totalCount
    }
    confirmed: orders(status: CONFIRMED, first: 1) {
      totalCount
    }
    shipped: orders(status: SHIPPED, first: 1) {
      totalCount
    }
    delivered: orders(status: DELIVERED, first: 1) {
      totalCount
    }
    cancelled: orders(status: CANCELLED, first: 1) {
      totalCount
    }
    closed: orders(status: CLOSED, first: 1) {
      totalCount
    }
    onHold: orders(status: ON_HOLD, first: 1, oldestFirst: true) {
      totalCount
      nodes {
        id
        placedAt
        timeline {
          type
          occurredAt
        }
      }
    }
  }
`);

const OpenAlerts = graphql(`
  query AdminOverviewAlerts {
    alerts(status: OPEN, first: 10) {
      totalCount
      nodes {
        ...AdminAlertRow
      }
    }
  }
`);

const AlertsRaised = graphql(`
  subscription AdminOverviewAlertsRaised {
    alertRaised {
      id
    }
  }
`);

const OrderChanges = graphql(`
  subscription AdminOverviewOrderChanges {
    orderUpdated {
      status
      previousStatus
      order {
        id
      }
    }
  }
`);

/** SPEC: an ON_HOLD order is reviewed by a person within an hour. */
export const ON_HOLD_REVIEW_TARGET_MS = 60 * 60 * 1000;

const STATUSES: ReadonlyArray<{ key: 'placed' | 'confirmed' | 'shipped' | 'delivered' | 'cancelled' | 'closed'; status: OrderStatus; label: string }> = [
  { key: 'placed', status: 'PLACED', label: 'Placed' },
  { key: 'confirmed', status: 'CONFIRMED', label: 'Confirmed' },
  { key: 'shipped', status: 'SHIPPED', label: 'Shipped' },
  { key: 'delivered', status: 'DELIVERED', label: 'Delivered' },
  { key: 'cancelled', status: 'CANCELLED', label: 'Cancelled' },
  { key: 'closed', status: 'CLOSED', label: 'Closed' },
];

/**
 * What needs attention now: orders by status and the ON_HOLD queue against its 1-hour review
 * target, kept current by every order's `orderUpdated` (no reload needed).
 */
export function OverviewScreen() {
  const session = useSession()!;
  const overview = useLoad(() => api.request(Overview), []);
  const now = useNow(15_000);
  const { reload } = overview;

  // Every order's changes come in: reload the counts at most once a second, however busy the shop.
  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = api.subscribe(OrderChanges, {}, {
      next: () => {
        timer ??= window.setTimeout(() => {
          timer = undefined;
          reload();
        }, 1_000);
      },
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [reload]);

  const alerts = useLoad(() => api.request(OpenAlerts), []);
  const reloadAlerts = alerts.reload;
  useEffect(() => api.subscribe(AlertsRaised, {}, { next: () => reloadAlerts() }), [reloadAlerts]);

  const linkable = can(session.role, 'viewOrders');
  return (
    <>
      <h1>Overview</h1>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Open alerts</h2>
        <Show loaded={alerts}>
          {(data) => (
            <>
              <p data-testid="open-alerts">
                {data.alerts.totalCount} open · <Link to="/alerts">All alerts</Link>
              </p>
              <AlertTable rows={data.alerts.nodes} onChanged={alerts.reload} />
            </>
          )}
        </Show>
      </section>
      <Show loaded={overview}>
        {(data) => {
          const oldest = data.onHold.nodes[0];
          const heldSince = oldest && (oldest.timeline.filter((e) => e.type === 'ON_HOLD').at(-1)?.occurredAt ?? oldest.placedAt);
          const oldestAge = heldSince ? ageOf(heldSince, now) : 0;
          const late = oldestAge > ON_HOLD_REVIEW_TARGET_MS;
          return (
            <>
              <section aria-labelledby="on-hold-heading">
                <h2 id="on-hold-heading">On hold: waiting for review</h2>
                <div className="cards">
                  <div className={`card${data.onHold.totalCount ? ' bad' : ''}`} data-testid="on-hold-count">
                    <div className="value">{data.onHold.totalCount}</div>
                    <div>orders on hold</div>
                  </div>
                  <div className={`card${late ? ' bad' : ''}`} data-testid="on-hold-oldest">
                    <div className="value">{oldest ? formatDuration(oldestAge) : '—'}</div>
                    <div>{oldest ? (late ? 'oldest: past the 1-hour review target' : 'oldest: within the 1-hour review target') : 'none waiting'}</div>
                  </div>
                </div>
                {oldest && linkable && (
                  <p>
                    Oldest: <Link to={`/orders/${oldest.id}`}>order {shortId(oldest.id)}</Link> · <Link to="/orders?status=ON_HOLD&oldest=1">Open the ON_HOLD queue</Link>
                  </p>
                )}
              </section>
              <section aria-labelledby="status-heading">
                <h2 id="status-heading">Orders by status</h2>
                <div className="cards">
                  {STATUSES.map(({ key, status, label }) => (
                    <div className="card" key={key} data-testid={`count-${status}`}>
                      <div className="value">{data[key].totalCount}</div>
                      <div>{linkable ? <Link to={`/orders?status=${status}`}>{label}</Link> : label}</div>
                    </div>
                  ))}
                </div>
              </section>
            </>
          );
        }}
      </Show>
    </>
  );
}
