import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PayloadOf } from '../../events/contract.js';
import { CustomerRegistered } from '../../events/contracts/customers/customer-registered.event.js';
import { OrderPlaced } from '../../events/contracts/orders/order-placed.event.js';
import { OrderStatusChanged } from '../../events/contracts/orders/order-status-changed.event.js';
import { SmtpSink } from '../../scripts/cluster/smtp-sink.js';
import { notificationsSubgraph } from '../../subgraphs/notifications/subgraph.js';
import { streamFor } from '../../events/contract.js';
import { connectBroker } from '../../events/nats.js';
import { publishEnvelope, publishEvent } from '../fulfillment/support.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Notifications on its own behind the gateway, fed the events other contexts would publish, and
 * sending to a real SMTP server on loopback (the sink) that tests can stop, restart and make refuse.
 */
export interface NotificationsWorld {
  stack: Stack;
  sink: SmtpSink;
  db: NotificationsDb;
  stop(): Promise<void>;
}

export async function startNotifications(overrides: Record<string, string> = {}): Promise<NotificationsWorld> {
  const sink = new SmtpSink();
  await sink.start(0);
  const stack = await startStack([notificationsSubgraph], { SMTP_URL: sink.url, NOTIFICATION_POLL_MS: '50', ...overrides });
  const db = new NotificationsDb(stack.env.databaseUrl);
  await db.connect();
  return {
    stack,
    sink,
    db,
    async stop() {
      await db.close();
      await stack.stop();
      await sink.stop();
    },
  };
}

export { publishEnvelope, publishEvent };

/** Resolves once notifications' consumer `handlerName` of `producer`'s stream has handled everything published so far. */
export async function handlerIdle(world: NotificationsWorld, producer: string, handlerName: string): Promise<void> {
  const broker = await connectBroker(world.stack.env.config.nats, world.stack.env.log);
  try {
    await eventually(
      async () => {
        const info = await broker.jsm.consumers.info(streamFor(world.stack.env.namespace, producer).name, `notifications-${handlerName}`);
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      { what: `${handlerName} to catch up` },
    );
  } finally {
    await broker.close();
  }
}

export const uniqueEmail = (prefix = 'shopper'): string => `${prefix}.${randomUUID().slice(0, 8)}@critter.test`;

/** A customer notifications knows (CustomerRegistered published, projected). */
export async function registeredCustomer(world: NotificationsWorld, overrides: Partial<PayloadOf<typeof CustomerRegistered>> = {}) {
  const customer = { customerId: randomUUID(), email: uniqueEmail(), firstName: 'Alice', lastName: 'Walker', registeredAt: new Date().toISOString(), ...overrides };
  await publishEvent(world.stack, CustomerRegistered, customer, { customerId: customer.customerId });
  await eventually(() => world.db.recipientEmail(customer.customerId), { what: 'the customer to be projected' });
  return customer;
}

export function orderPlaced(customerId: string, overrides: Partial<PayloadOf<typeof OrderPlaced>> = {}): PayloadOf<typeof OrderPlaced> {
  return {
    orderId: randomUUID(),
    customerId,
    items: [
      { sku: 'DOG-FOOD-5KG', name: 'Dog food 5 kg', quantity: 2, unitPriceCents: 2499 },
      { sku: 'CAT-TOY-MOUSE', name: 'Cat toy mouse', quantity: 1, unitPriceCents: 399 },
    ],
    subtotalCents: 5397,
    shippingCents: 599,
    totalCents: 5996,
    currency: 'USD',
    shippingAddress: { nickname: 'Home', line1: '12 Kibble Lane', line2: 'Apt 3', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US' },
    shippingMethod: 'STANDARD',
    placedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

/** An order notifications knows (OrderPlaced published, projected). */
export async function placedOrder(world: NotificationsWorld, customerId: string, overrides: Partial<PayloadOf<typeof OrderPlaced>> = {}) {
  const order = orderPlaced(customerId, overrides);
  await publishEvent(world.stack, OrderPlaced, order, { customerId, correlationId: order.orderId });
  await eventually(() => world.db.orderKnown(order.orderId), { what: 'the order to be projected' });
  return order;
}

/** Publishes OrderStatusChanged as orders would. */
export function statusChanged(world: NotificationsWorld, order: { orderId: string; customerId: string }, status: PayloadOf<typeof OrderStatusChanged>['status'], reason: string | null = null) {
  const { orderId, customerId } = order;
  return publishEvent(world.stack, OrderStatusChanged, { orderId, customerId, status, previousStatus: null, reason, occurredAt: new Date().toISOString() }, { customerId, correlationId: orderId });
}

export interface NotificationRow {
  id: string;
  kind: string;
  recipient: string;
  status: string;
  attempts: number;
  lastError: string | null;
  orderId: string | null;
}

export interface FailedEvent {
  type: string;
  customerId: string | null;
  correlationId: string | null;
  payload: Record<string, any>;
}

/** Reads notifications' tables directly: the stored e-mails and the outbox. */
export class NotificationsDb {
  private readonly client: pg.Client;

  constructor(databaseUrl: string) {
    this.client = new pg.Client({ connectionString: databaseUrl });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  close(): Promise<void> {
    return this.client.end();
  }

  async recipientEmail(customerId: string): Promise<string | null> {
    const { rows } = await this.client.query<{ email: string }>('select email from notifications.recipient where customer_id = $1', [customerId]);
    return rows[0]?.email ?? null;
  }

  async orderKnown(orderId: string): Promise<boolean> {
    const { rows } = await this.client.query('select 1 from notifications.order_summary where order_id = $1', [orderId]);
    return rows.length > 0;
  }

  async capturedCents(orderId: string): Promise<number | null> {
    const { rows } = await this.client.query<{ captured_cents: number }>('select captured_cents from notifications.order_summary where order_id = $1', [orderId]);
    return rows[0]?.captured_cents ?? null;
  }

  async notificationsOf(orderId: string): Promise<NotificationRow[]> {
    const { rows } = await this.client.query<NotificationRow>(
      `select id, kind, recipient, status, attempts, last_error as "lastError", order_id as "orderId"
         from notifications.notification where order_id = $1 order by id`,
      [orderId],
    );
    return rows;
  }

  /** Forgets every inbox row (as a purge past the retention would). */
  async forgetInbox(): Promise<void> {
    await this.client.query('delete from notifications.inbox');
  }

  async failureEvents(): Promise<FailedEvent[]> {
    const { rows } = await this.client.query<{ type: string; envelope: Record<string, any> }>(`select type, envelope from notifications.outbox where type = 'NotificationFailed' order by seq`);
    return rows.map((row) => ({ type: row.type, customerId: row.envelope.customerId ?? null, correlationId: row.envelope.correlationId ?? null, payload: row.envelope.payload }));
  }

  /** Cuts the sender's database connection while it holds a row (the process "died" before its commit). */
  async terminateSenderTransactions(): Promise<number> {
    const { rows } = await this.client.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'idle in transaction'`,
    );
    for (const { pid } of rows) await this.client.query('select pg_terminate_backend($1)', [pid]);
    return rows.length;
  }
}
