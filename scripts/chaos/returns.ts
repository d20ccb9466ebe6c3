import { GraphQLClient, GraphQLFailure, isTransient } from '../cluster/graphql-client.js';
import { sleep } from '../cluster/ports.js';
import { SHOPPER_PASSWORD, type ToldOrder } from './workload.js';

/**
 * Returns during the run (SPEC §12), through the gateway: customers of a stable share of the
 * delivered orders return one unit of their first item, with a reason that depends on the order
 * (so fee and no-fee reasons both occur, and OTHER waits for customer service, who approves two
 * in three and rejects the rest); the warehouse receives every approved parcel, accepting the unit
 * or writing it off. Requests are retried like any front end's (requestReturn answers the same
 * return to a repeated request, receiveReturn answers CONFLICT once it was applied).
 */
const REASONS = ['DEFECTIVE', 'NO_LONGER_NEEDED', 'OTHER', 'WRONG_ITEM', 'DAMAGED_IN_TRANSIT'] as const;
const STAFF_PASSWORD = 'critter-staff-dev';
const DEADLINE_MS = 120_000;

const LOGIN = /* GraphQL */ `mutation ChaosReturnsLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const ORDER = /* GraphQL */ `query ChaosReturnsOrder($id: ID!) { order(id: $id) { id status items { product { sku } quantity } } }`;
const REQUEST = /* GraphQL */ `mutation ChaosRequestReturn($orderId: ID!, $items: [ReturnItemInput!]!) { requestReturn(orderId: $orderId, items: $items) { id status } }`;
const APPROVE = /* GraphQL */ `mutation ChaosApproveReturn($returnId: ID!) { approveReturn(returnId: $returnId) { id status } }`;
const REJECT = /* GraphQL */ `mutation ChaosRejectReturn($returnId: ID!, $reason: String!) { rejectReturn(returnId: $returnId, reason: $reason) { id status } }`;
const RECEIVE = /* GraphQL */ `mutation ChaosReceiveReturn($returnId: ID!, $items: [ReturnInspectionInput!]!) { receiveReturn(returnId: $returnId, items: $items) { id status } }`;

const byId = (orderId: string, modulo: number): number => parseInt(orderId.replace(/-/g, '').slice(-6), 16) % modulo;

/** A stable share of the delivered orders: two in five in id order, the first always (small runs deliver few). */
export const chooseReturned = (orders: ToldOrder[]): ToldOrder[] => [...orders].sort((a, b) => a.id.localeCompare(b.id)).filter((_, i) => i % 5 < 2);

export interface ReturnStats {
  requested: number;
  approvedByStaff: number;
  rejected: number;
  received: number;
  /** Units accepted back into stock at inspection. */
  restocked: number;
  gaveUp: number;
}

export class Returns {
  readonly stats: ReturnStats = { requested: 0, approvedByStaff: 0, rejected: 0, received: 0, restocked: 0, gaveUp: 0 };
  private readonly client: GraphQLClient;
  private readonly tokens = new Map<string, string>();

  constructor(gatewayUrl: string) {
    this.client = new GraphQLClient(gatewayUrl);
  }

  /** Every chosen DELIVERED order of `told` goes through its return. Never throws. */
  async run(told: ToldOrder[], delivered: Set<string>, say: (line: string) => void): Promise<void> {
    const chosen = chooseReturned(told.filter((order) => delivered.has(order.id)));
    for (const order of chosen) {
      try {
        await this.returnOne(order);
      } catch (err) {
        this.stats.gaveUp++;
        say(`  a return of ${order.id} was given up: ${(err as Error).message}`);
      }
    }
  }

  private async returnOne(order: ToldOrder): Promise<void> {
    const deadline = Date.now() + DEADLINE_MS;
    const customer = await this.retry(() => this.signIn(order.customerEmail, SHOPPER_PASSWORD), deadline);
    const seen: any = await this.retry(() => this.client.request(ORDER, { id: order.id }, customer), deadline);
    const item = seen.order.items[0] as { product: { sku: string }; quantity: number };
    const reason = REASONS[byId(order.id, REASONS.length)]!;
    const requested: any = await this.retry(() => this.client.request(REQUEST, { orderId: order.id, items: [{ sku: item.product.sku, quantity: 1, reason }] }, customer), deadline);
    this.stats.requested++;
    const returnId = requested.requestReturn.id as string;

    if (requested.requestReturn.status === 'REQUESTED') {
      const cs = await this.retry(() => this.signIn('cs@crittersupply.dev', STAFF_PASSWORD), deadline);
      if (byId(order.id, 3) === 0) {
        await this.applyOnce(() => this.client.request(REJECT, { returnId, reason: 'chaos run: not returnable' }, cs), deadline);
        this.stats.rejected++;
        return;
      }
      await this.applyOnce(() => this.client.request(APPROVE, { returnId }, cs), deadline);
      this.stats.approvedByStaff++;
    }
    const warehouse = await this.retry(() => this.signIn('warehouse@crittersupply.dev', STAFF_PASSWORD), deadline);
    const accepted = byId(order.id, 2);
    await this.applyOnce(() => this.client.request(RECEIVE, { returnId, items: [{ sku: item.product.sku, acceptedQuantity: accepted }] }, warehouse), deadline);
    this.stats.received++;
    this.stats.restocked += accepted;
  }

  private async signIn(email: string, password: string): Promise<string> {
    const cached = this.tokens.get(email);
    if (cached) return cached;
    const session: any = await this.client.request(LOGIN, { email, password });
    this.tokens.set(email, session.login.token);
    return session.login.token;
  }

  /** A staff step: CONFLICT after an ambiguous failure means the lost attempt applied it. */
  private async applyOnce(request: () => Promise<unknown>, deadline: number): Promise<void> {
    let ambiguous = false;
    for (let attempt = 1; ; attempt++) {
      try {
        await request();
        return;
      } catch (err) {
        if (err instanceof GraphQLFailure && err.code === 'CONFLICT' && ambiguous) return;
        if (!isTransient(err) || Date.now() > deadline) throw err;
        ambiguous ||= !(err instanceof GraphQLFailure) || err.ambiguous;
        await sleep(Math.min(2_000, 200 * attempt));
      }
    }
  }

  private async retry<T>(request: () => Promise<T>, deadline: number): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request();
      } catch (err) {
        if (!isTransient(err) || Date.now() > deadline) throw err;
        await sleep(Math.min(2_000, 200 * attempt));
      }
    }
  }
}
