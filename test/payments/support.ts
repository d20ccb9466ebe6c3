import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createEnvelope, subjectFor, type EventDefinition, type EventMetadata, type PayloadOf } from '../../events/contract.js';
import { PaymentAuthorizationRequested } from '../../events/contracts/orders/index.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import type { GraphQLResponse, Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';

/** Shared by the payments test files: a request publisher, readers of payments' tables, a movable clock. */

export const errorCode = (res: GraphQLResponse): string | undefined => res.errors?.[0]?.extensions?.code as string | undefined;

/** The wall clock, moved forward on demand (an authorization's 7 days pass in a test). */
export class TestClock {
  private offsetMs = 0;
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

/** Publishes orders' requests as orders' relay would (JSON envelope, msgID = envelope id). */
export class RequestPublisher {
  private constructor(
    private readonly broker: Broker,
    private readonly namespace: string,
  ) {}

  static async connect(stack: Stack): Promise<RequestPublisher> {
    return new RequestPublisher(await connectBroker(stack.env.config.nats, stack.env.log), stack.env.namespace);
  }

  async publish<D extends EventDefinition>(definition: D, payload: PayloadOf<D>, meta: EventMetadata = {}): Promise<string> {
    const envelope = createEnvelope(definition, payload, meta);
    await this.broker.js.publish(subjectFor(this.namespace, definition), JSON.stringify(envelope), { msgID: envelope.id });
    return envelope.id;
  }

  /** A new order's authorization request, as the saga sends it on placement. */
  async requestAuthorization(options: { paymentToken?: string; amountCents?: number; orderId?: string; customerId?: string } = {}): Promise<{ orderId: string; customerId: string; requestId: string }> {
    const orderId = options.orderId ?? randomUUID();
    const customerId = options.customerId ?? randomUUID();
    const requestId = await this.publish(
      PaymentAuthorizationRequested,
      { orderId, customerId, amountCents: options.amountCents ?? 4_999, currency: 'USD', paymentToken: options.paymentToken ?? 'tok_visa' },
      { customerId, correlationId: orderId },
    );
    return { orderId, customerId, requestId };
  }

  close(): Promise<void> {
    return this.broker.close();
  }
}

export interface PaymentsEvent {
  type: string;
  correlationId: string | null;
  causationId: string | null;
  customerId: string | null;
  payload: Record<string, any>;
}

export interface PaymentRow {
  id: string;
  status: string;
  customerId: string | null;
  amountCents: number;
  currency: string;
  capturedCents: number;
  refundedCents: number;
  attempts: number;
  failureReason: string | null;
  gatewayReference: string | null;
  authorizedAt: Date | null;
  authorizationExpiresAt: Date | null;
}

export interface AttemptRow {
  operation: string;
  attempt: number;
  outcome: string;
  failureKind: string | null;
  idempotencyKey: string;
  refundId: string | null;
}

/** Reads what payments recorded: its published events (outbox) and its tables. */
export class PaymentsTables {
  private readonly client: pg.Pool;

  constructor(databaseUrl: string) {
    this.client = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  }

  close(): Promise<void> {
    return this.client.end();
  }

  async published(orderId: string): Promise<PaymentsEvent[]> {
    const { rows } = await this.client.query<{ type: string; envelope: Record<string, any> }>(
      `select type, envelope from payments.outbox
        where published_at is not null and envelope->>'correlationId' = $1
        order by seq`,
      [orderId],
    );
    return rows.map(({ type, envelope }) => ({
      type,
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      customerId: envelope.customerId,
      payload: envelope.payload,
    }));
  }

  /** Waits until the order has `count` published answers of these types, then returns them. */
  answers(orderId: string, types: string[], count = 1): Promise<PaymentsEvent[]> {
    return eventually(
      async () => {
        const events = (await this.published(orderId)).filter((e) => types.includes(e.type));
        return events.length >= count ? events : undefined;
      },
      { what: `${count} × ${types.join('/')} for order ${orderId}`, timeoutMs: 20_000 },
    );
  }

  async payments(orderId: string): Promise<PaymentRow[]> {
    const { rows } = await this.client.query(
      `select id, status, customer_id as "customerId", amount_cents as "amountCents", currency, captured_cents as "capturedCents",
              refunded_cents as "refundedCents", attempts, failure_reason as "failureReason", gateway_reference as "gatewayReference",
              authorized_at as "authorizedAt", authorization_expires_at as "authorizationExpiresAt"
         from payments.payment where order_id = $1`,
      [orderId],
    );
    return rows as PaymentRow[];
  }

  async payment(orderId: string): Promise<PaymentRow> {
    const [row, ...more] = await this.payments(orderId);
    if (!row || more.length) throw new Error(`expected one payment for order ${orderId}, found ${more.length + (row ? 1 : 0)}`);
    return row;
  }

  async attempts(paymentId: string): Promise<AttemptRow[]> {
    const { rows } = await this.client.query(
      `select operation, attempt, outcome, failure_kind as "failureKind", idempotency_key as "idempotencyKey", refund_id as "refundId"
         from payments.payment_attempt where payment_id = $1 order by id`,
      [paymentId],
    );
    return rows as AttemptRow[];
  }

  async refund(refundId: string): Promise<{ status: string; amountCents: number; attempts: number; failureReason: string | null } | undefined> {
    const { rows } = await this.client.query(
      `select status, amount_cents as "amountCents", attempts, failure_reason as "failureReason" from payments.refund where id = $1`,
      [refundId],
    );
    return rows[0];
  }
}

/** POSTs to the payments subgraph itself (as the gateway's query planner would), with a token. */
export async function subgraphRequest(stack: Stack, query: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLResponse> {
  const response = await fetch(stack.subgraphs.payments!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...stack.asGateway, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await response.json()) as GraphQLResponse), status: response.status };
}
