import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { connectBroker, type Broker } from '../../events/nats.js';
import { eventually } from '../support/config.js';
import type { Stack } from '../support/stack.js';
import { CREATE_CART, checkoutCart, completeCheckout, createProduct, ok, placeOrder, type OrderView } from './support.js';

/**
 * Shared by the saga's robustness tests (retries, consistency, redelivery, restarts, contention):
 * stock set up through the real contexts, customers checking out through the gateway, and
 * read-only views of every context's tables to check that stock, payment and shipment agree.
 */

export const STOCK = /* GraphQL */ `
  query OrdersSagaStock($sku: ID!) {
    product(sku: $sku) {
      availability {
        totalAvailable
        byWarehouse {
          warehouse {
            id
          }
          available
          reserved
          committed
          shipped
        }
      }
    }
  }
`;

export const RECEIVE_STOCK = /* GraphQL */ `
  mutation OrdersSagaReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!) {
    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: "orders saga test") {
      available
    }
  }
`;

const ADD_ITEM_WARNINGS = /* GraphQL */ `
  mutation OrdersSagaAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {
    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {
      warnings {
        code
      }
    }
  }
`;

/** The order with what payments (attempt log: staff only) and fulfillment add to it. */
export const ORDER_SETTLEMENT = /* GraphQL */ `
  query OrdersSagaSettlement($id: ID!) {
    order(id: $id) {
      id
      status
      total {
        cents
      }
      payment {
        status
        amount {
          cents
        }
        captured {
          cents
        }
        attempts
        attemptLog {
          operation
          attempt
          succeeded
          failureKind
        }
      }
      shipments {
        id
        status
        warehouse {
          id
        }
      }
    }
  }
`;

export interface Settlement {
  id: string;
  status: string;
  total: { cents: number };
  payment: {
    status: string;
    amount: { cents: number };
    captured: { cents: number };
    attempts: number;
    attemptLog: { operation: string; attempt: number; succeeded: boolean; failureKind: string | null }[];
  } | null;
  shipments: { id: string; status: string; warehouse: { id: string } }[];
}

export type StockRow = { available: number; reserved: number; committed: number; shipped: number };

/** Where the saga comes to rest without anyone dispatching (or a staff member closing) it. */
export const RESTING = ['CONFIRMED', 'CANCELLED', 'ON_HOLD'];

/** A SKU's stock per warehouse as warehouse staff see it (inventory's `Product.availability`). */
export async function stockOf(stack: Stack, sku: string): Promise<Record<string, StockRow>> {
  const token = await stack.tokenFor('WAREHOUSE');
  const rows = ok(await stack.request(STOCK, { sku }, token)).product.availability.byWarehouse as ({ warehouse: { id: string } } & StockRow)[];
  return Object.fromEntries(rows.map(({ warehouse, ...row }) => [warehouse.id, row]));
}

/**
 * A fresh product (catalog manager) with exactly `units` received at one warehouse (warehouse
 * staff), so the seed's stock never interferes; returns once carts can add it and know its stock.
 */
export async function productInStock(stack: Stack, units: number, options: { warehouseId?: string; priceCents?: number } = {}): Promise<string> {
  const sku = await createProduct(stack, await stack.tokenFor('CATALOG_MANAGER'), options.priceCents ?? 1_299);
  // ProductCreated → inventory opens the four (empty) stock rows
  await eventually(async () => Object.keys(await stockOf(stack, sku)).length === 4, { what: `inventory to open the stock rows of ${sku}`, timeoutMs: 20_000 });
  ok(await stack.request(RECEIVE_STOCK, { sku, warehouseId: options.warehouseId ?? 'NJ-FC', quantity: units }, await stack.tokenFor('WAREHOUSE')));
  // cart's projections: the product (addable) and its stock level (no OUT_OF_STOCK warning)
  const probe = await stack.tokenFor('CUSTOMER');
  const cartId = ok(await stack.request(CREATE_CART, {}, probe)).createCart.id as string;
  await eventually(
    async () => {
      const res = await stack.request(ADD_ITEM_WARNINGS, { cartId, sku, quantity: 1 }, probe);
      return !res.errors && (res.data.addCartItem.warnings as { code: string }[]).every((w) => w.code !== 'OUT_OF_STOCK');
    },
    { what: `the cart's projections to know ${sku} in stock`, timeoutMs: 20_000, intervalMs: 200 },
  );
  return sku;
}

/** A new customer's checkout of `quantity` × `sku`, every step done, ready for placeOrder. */
export async function readyCheckout(stack: Stack, sku: string, quantity: number, paymentToken = 'tok_visa'): Promise<{ token: string; checkoutId: string }> {
  const token = await stack.tokenFor('CUSTOMER', randomUUID());
  const { response } = await checkoutCart(stack, token, [[sku, quantity]]);
  const checkoutId = ok(response).checkoutCart.id as string;
  await completeCheckout(stack, token, checkoutId, { paymentToken });
  return { token, checkoutId };
}

/** Cart → checkout → placeOrder for a new customer. */
export async function placedOrder(stack: Stack, sku: string, quantity: number, paymentToken = 'tok_visa'): Promise<{ token: string; order: OrderView }> {
  const { token, checkoutId } = await readyCheckout(stack, sku, quantity, paymentToken);
  return { token, order: await placeOrder(stack, token, checkoutId) };
}

export async function settlement(stack: Stack, orderId: string): Promise<Settlement> {
  return ok(await stack.request(ORDER_SETTLEMENT, { id: orderId }, await stack.tokenFor('CUSTOMER_SERVICE'))).order;
}

/** Runs `work` over `items`, at most `limit` at a time (the test's clients, not the system, are bounded). */
export async function inBatches<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface OutboxMessage {
  subject: string;
  envelope: { id: string; type: string; payload: Record<string, any> } & Record<string, unknown>;
}

/** Read-only SQL over every context's schema in the stack's database. */
export class ContextTables {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  }

  async connect(): Promise<this> {
    await this.pool.query('select 1');
    return this;
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  async rows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  /** What one context recorded about an order (by payload orderId), as its relay publishes it. */
  async recorded(schema: string, type: string, orderId: string): Promise<OutboxMessage[]> {
    return this.rows<OutboxMessage>(`select subject, envelope from "${schema}".outbox where type = $1 and envelope->'payload'->>'orderId' = $2 order by seq`, [type, orderId]);
  }

  async payments(orderId: string) {
    return this.rows<{ id: string; status: string; amount_cents: number; captured_cents: number }>('select id, status, amount_cents, captured_cents from payments.payment where order_id = $1', [orderId]);
  }

  /** Provider calls made for an order's payment, oldest first. */
  async providerCalls(orderId: string) {
    return this.rows<{ operation: string; attempt: number; outcome: string }>(
      'select a.operation, a.attempt, a.outcome from payments.payment_attempt a join payments.payment p on p.id = a.payment_id where p.order_id = $1 order by a.id',
      [orderId],
    );
  }

  async reservations(orderId: string) {
    return this.rows<{ id: string; status: string; warehouse_id: string | null }>('select id, status, warehouse_id from inventory.reservation where order_id = $1', [orderId]);
  }

  async shipments(orderId: string) {
    return this.rows<{ id: string; status: string }>('select id, status from fulfillment.shipment where order_id = $1', [orderId]);
  }

  /** Inventory's movement log for a SKU: kind → summed deltas. */
  async movements(sku: string) {
    return this.rows<{ kind: string; n: number; available: number; reserved: number; committed: number; shipped: number }>(
      `select kind, count(*)::int as n, sum(delta_available)::int as available, sum(delta_reserved)::int as reserved,
              sum(delta_committed)::int as committed, sum(delta_shipped)::int as shipped
         from inventory.stock_movement where sku = $1 group by kind order by kind`,
      [sku],
    );
  }

  /** What any context recorded in reaction to message `causationId` (its answers), with the stream sequence once published. */
  async causedBy(causationId: string): Promise<(OutboxMessage & { published: boolean })[]> {
    const found: (OutboxMessage & { published: boolean })[] = [];
    for (const schema of await this.schemasWith('outbox')) {
      found.push(
        ...(await this.rows<OutboxMessage & { published: boolean }>(
          `select subject, envelope, published_at is not null as published from "${schema}".outbox where envelope->>'causationId' = $1 order by seq`,
          [causationId],
        )),
      );
    }
    return found;
  }

  async streamSeqOf(messageId: string): Promise<number | null> {
    for (const schema of await this.schemasWith('outbox')) {
      const [row] = await this.rows<{ seq: string | null }>(`select stream_seq as seq from "${schema}".outbox where id = $1`, [messageId]);
      if (row) return row.seq === null ? null : Number(row.seq);
    }
    return null;
  }

  /** Events about an order (payload orderId) each context recorded, by schema. */
  async recordedAbout(orderId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const schema of await this.schemasWith('outbox')) {
      counts[schema] = (await this.rows<{ n: number }>(`select count(*)::int as n from "${schema}".outbox where envelope->'payload'->>'orderId' = $1`, [orderId]))[0]!.n;
    }
    return counts;
  }

  private async schemasWith(table: string): Promise<string[]> {
    return (await this.rows<{ schema: string }>(`select table_schema as schema from information_schema.tables where table_name = $1 order by 1`, [table])).map((r) => r.schema);
  }

  /** Unpublished outbox rows, per context schema that has any ({} when every outbox is drained). */
  outboxBacklog(): Promise<Record<string, number>> {
    return this.countPerSchema('outbox', 'published_at is null');
  }

  /** Dead letters, per context schema that has any ({} when none). */
  deadLetters(): Promise<Record<string, number>> {
    return this.countPerSchema('dead_letter', 'true');
  }

  private async countPerSchema(table: string, where: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const schema of await this.schemasWith(table)) {
      const n = (await this.rows<{ n: number }>(`select count(*)::int as n from "${schema}".${table} where ${where}`))[0]!.n;
      if (n) counts[schema] = n;
    }
    return counts;
  }
}

/**
 * Delivers a message again, as a broker or relay replay would: the identical envelope under a
 * fresh `Nats-Msg-Id` (so JetStream's duplicate window lets it through), or with `asNew` the
 * same content under a new envelope id (a producer that recorded the same request twice).
 * Each replay resolves once its consumers acked it and whatever they answered was handled too.
 */
export class Replayer {
  private constructor(
    private readonly broker: Broker,
    private readonly namespace: string,
    private readonly tables: ContextTables,
  ) {}

  static async connect(stack: Stack, tables: ContextTables): Promise<Replayer> {
    return new Replayer(await connectBroker(stack.env.config.nats, stack.env.log), stack.env.namespace, tables);
  }

  /** Publishes the message again; answers which contexts consumed it (none: nobody acts on it). */
  async replay(message: OutboxMessage, options: { asNew?: boolean } = {}): Promise<string[]> {
    const envelope = options.asNew ? { ...message.envelope, id: randomUUID(), occurredAt: new Date().toISOString() } : message.envelope;
    const ack = await this.broker.js.publish(message.subject, JSON.stringify(envelope), { msgID: `${envelope.id}:${randomUUID()}` });
    const consumers = await this.consumed(message.subject, ack.seq);
    await this.answersHandled(envelope.id);
    return [...new Set(consumers.map((name) => name.split('-')[0]!))].sort();
  }

  /** Follows the causation chain: every answer recorded because of `messageId` is published and consumed. */
  private async answersHandled(messageId: string, depth = 0): Promise<void> {
    if (depth > 8) throw new Error(`the causation chain of ${messageId} does not end`);
    for (const answer of await this.tables.causedBy(messageId)) {
      const seq = await eventually(() => this.tables.streamSeqOf(answer.envelope.id), { what: `${answer.envelope.type} to be published`, timeoutMs: 20_000 });
      await this.consumed(answer.subject, seq);
      await this.answersHandled(answer.envelope.id, depth + 1);
    }
  }

  /** Waits until each durable consumer filtering `subject` acked everything up to `seq`; their names. */
  private async consumed(subject: string, seq: number): Promise<string[]> {
    const [namespace, context] = subject.split('.');
    if (namespace !== this.namespace) throw new Error(`${subject} is not in this stack's namespace`);
    const stream = `${namespace}_${context}`.toUpperCase();
    return eventually(
      async () => {
        const consumers: string[] = [];
        for await (const info of this.broker.jsm.consumers.list(stream)) {
          if (info.config.filter_subject !== subject) continue;
          if (info.ack_floor.stream_seq < seq || info.num_ack_pending > 0) return false;
          consumers.push(info.name);
        }
        return consumers;
      },
      { what: `the consumers of ${subject} to handle the replay`, timeoutMs: 20_000, intervalMs: 100 },
    );
  }

  close(): Promise<void> {
    return this.broker.close();
  }
}
