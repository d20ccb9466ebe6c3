import { GraphQLClient, GraphQLFailure, isTransient } from '../cluster/graphql-client.js';
import { sleep } from '../cluster/ports.js';

/**
 * Staff at work during the run, through the gateway like everyone else: the warehouse dispatches
 * a third of the confirmed orders (the simulated carrier then delivers them, so stock also moves
 * to "shipped"), customer service closes ON_HOLD orders with `cancelOrder`, and the catalog manager
 * creates the run's coupons before the first checkout.
 */
const STAFF_PASSWORD = 'critter-staff-dev';
const LOGIN = /* GraphQL */ `mutation ChaosStaffLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const ASSIGNED = /* GraphQL */ `query ChaosAssigned($after: String) { shipments(status: ASSIGNED, first: 100, after: $after) { nodes { id order { id } } pageInfo { hasNextPage endCursor } } }`;
const DISPATCH = /* GraphQL */ `mutation ChaosDispatch($shipmentId: ID!) { dispatchShipment(shipmentId: $shipmentId) { id status } }`;
const ON_HOLD = /* GraphQL */ `query ChaosOnHold { orders(status: ON_HOLD, first: 100) { nodes { id } totalCount } }`;
const CREATE_COUPON = /* GraphQL */ `mutation ChaosCreateCoupon($input: CreateCouponInput!) { createCoupon(input: $input) { code maxRedemptions } }`;
const CANCEL = /* GraphQL */ `mutation ChaosCancel($orderId: ID!, $reason: String!) { cancelOrder(orderId: $orderId, reason: $reason) { id status } }`;

/** Which confirmed orders the warehouse ships (a stable third of them). */
export const isShippedByWarehouse = (orderId: string): boolean => parseInt(orderId.replace(/-/g, '').slice(-4), 16) % 3 === 0;

/** A coupon the run offers its shoppers; `maxRedemptions` null: unlimited. */
export interface ChaosCoupon {
  code: string;
  percentOff: number;
  maxRedemptions: number | null;
}

export class Staff {
  readonly dispatched = new Set<string>();
  readonly closed = new Set<string>();
  private readonly client: GraphQLClient;
  private tokens: { warehouse?: string; customerService?: string; catalog?: string } = {};

  constructor(gatewayUrl: string) {
    this.client = new GraphQLClient(gatewayUrl);
  }

  /** Dispatches the chosen ASSIGNED shipments every `intervalMs` until `stop()` says so. Never throws. */
  async dispatchWhile(keepGoing: () => boolean, intervalMs = 2_000): Promise<void> {
    while (keepGoing()) {
      await this.dispatchOnce().catch(() => undefined); // faults: try again at the next round
      await sleep(intervalMs);
    }
  }

  async dispatchOnce(): Promise<number> {
    const token = await this.token('warehouse');
    let dispatched = 0;
    let after: string | null = null;
    do {
      const page: any = await this.client.request(ASSIGNED, { after }, token);
      for (const shipment of page.shipments.nodes as { id: string; order: { id: string } }[]) {
        if (!isShippedByWarehouse(shipment.order.id) || this.dispatched.has(shipment.order.id)) continue;
        try {
          await this.client.request(DISPATCH, { shipmentId: shipment.id }, token);
          this.dispatched.add(shipment.order.id);
          dispatched++;
        } catch (err) {
          // CONFLICT: dispatched by an attempt whose answer was lost, or cancelled meanwhile.
          if (err instanceof GraphQLFailure && err.code === 'CONFLICT') this.dispatched.add(shipment.order.id);
          else if (!isTransient(err)) throw err;
        }
      }
      after = page.shipments.pageInfo.hasNextPage ? page.shipments.pageInfo.endCursor : null;
    } while (after);
    return dispatched;
  }

  /** Customer service closes every ON_HOLD order as CANCELLED; returns how many it closed. */
  async closeOnHoldOrders(deadline: number): Promise<number> {
    let closed = 0;
    for (;;) {
      let page: any;
      try {
        page = await this.client.request(ON_HOLD, {}, await this.token('customerService'));
      } catch (err) {
        if (!isTransient(err) || Date.now() > deadline) throw err;
        await sleep(500);
        continue;
      }
      const ids = (page.orders.nodes as { id: string }[]).map((o) => o.id).filter((id) => !this.closed.has(id));
      if (!ids.length) return closed;
      for (const orderId of ids) {
        try {
          await this.client.request(CANCEL, { orderId, reason: 'chaos run: closed by customer service after ON_HOLD' }, await this.token('customerService'));
          this.closed.add(orderId);
          closed++;
        } catch (err) {
          if (err instanceof GraphQLFailure && err.code === 'CONFLICT') this.closed.add(orderId); // closed by a lost attempt
          else if (!isTransient(err) || Date.now() > deadline) throw err;
        }
      }
    }
  }

  /** The catalog manager creates each coupon (CONFLICT: created by an attempt whose answer was lost). */
  async createCoupons(coupons: ChaosCoupon[], deadline: number): Promise<void> {
    for (const { code, percentOff, maxRedemptions } of coupons) {
      const input = { code, description: 'chaos run', percentOff, ...(maxRedemptions ? { maxRedemptions } : {}) };
      for (;;) {
        try {
          await this.client.request(CREATE_COUPON, { input }, await this.token('catalog'));
          break;
        } catch (err) {
          if (err instanceof GraphQLFailure && err.code === 'CONFLICT') break;
          if (!isTransient(err) || Date.now() > deadline) throw err;
          await sleep(500);
        }
      }
    }
  }

  private async token(who: 'warehouse' | 'customerService' | 'catalog'): Promise<string> {
    const cached = this.tokens[who];
    if (cached) return cached;
    const email = { warehouse: 'warehouse@crittersupply.dev', customerService: 'cs@crittersupply.dev', catalog: 'catalog@crittersupply.dev' }[who];
    const session: any = await this.client.request(LOGIN, { email, password: STAFF_PASSWORD });
    this.tokens[who] = session.login.token;
    return session.login.token;
  }
}
