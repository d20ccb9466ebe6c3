import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import { createEnvelope, subjectFor, type EventDefinition, type EventMetadata, type PayloadOf } from '../../events/contract.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import type { GraphQLResponse, Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';

/** Shared by the inventory test files: operations, a request publisher and readers of inventory's tables. */

export const CREATE_PRODUCT = /* GraphQL */ `
  mutation InventoryTestCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      sku
    }
  }
`;

export const AVAILABILITY = /* GraphQL */ `
  query InventoryTestAvailability($sku: ID!) {
    product(sku: $sku) {
      sku
      availability {
        inStock
        lowStock
        totalAvailable
        byWarehouse {
          sku
          available
          reserved
          committed
          shipped
          warehouse {
            id
            name
          }
        }
      }
    }
  }
`;

export const RECEIVE = /* GraphQL */ `
  mutation InventoryTestReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!, $reference: String) {
    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: $reference) {
      sku
      available
      reserved
      committed
      warehouse {
        id
      }
    }
  }
`;

export const ADJUST = /* GraphQL */ `
  mutation InventoryTestAdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {
    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {
      sku
      available
      reserved
      committed
      warehouse {
        id
      }
    }
  }
`;

export const uniqueSku = (prefix = 'INV'): string => `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;

export const errorCode = (res: GraphQLResponse): string | undefined => res.errors?.[0]?.extensions?.code as string | undefined;
export const errorFields = (res: GraphQLResponse): string[] => Object.keys((res.errors?.[0]?.extensions?.fields as object | undefined) ?? {}).sort();

export type Quantities = Partial<Record<'NJ-FC' | 'WA-FC' | 'OH-FC' | 'TX-FC', number>>;

/** A product created in catalog, with stock received once inventory has opened its rows. */
export async function stockedProduct(stack: Stack, staffToken: string, catalogToken: string, quantities: Quantities, sku = uniqueSku()): Promise<string> {
  const created = await stack.request(
    CREATE_PRODUCT,
    {
      input: {
        sku,
        name: 'Inventory Test Chew',
        description: 'A chew toy that exists for inventory tests.',
        category: 'Test Supplies',
        price: { cents: 799, currency: 'USD' },
      },
    },
    catalogToken,
  );
  expect(created.errors).toBeUndefined();
  // ProductCreated → inventory opens the rows: visible to staff as four zero rows
  await eventually(async () => (await availability(stack, sku, staffToken)).byWarehouse.length === 4, { what: `stock rows of ${sku}` });
  for (const [warehouseId, quantity] of Object.entries(quantities)) {
    if (!quantity) continue;
    const res = await stack.request(RECEIVE, { sku, warehouseId, quantity, reference: 'test opening stock' }, staffToken);
    expect(res.errors).toBeUndefined();
  }
  return sku;
}

export interface AvailabilityResult {
  inStock: boolean;
  lowStock: boolean;
  totalAvailable: number;
  byWarehouse: { sku: string; available: number; reserved: number; committed: number; shipped: number; warehouse: { id: string; name: string } }[];
}

export async function availability(stack: Stack, sku: string, token?: string): Promise<AvailabilityResult> {
  const res = await stack.request(AVAILABILITY, { sku }, token);
  expect(res.errors).toBeUndefined();
  return res.data.product.availability;
}

/** `{ 'NJ-FC': { available, reserved, committed, shipped } }` of a SKU, as staff see it. */
export async function stockByWarehouse(stack: Stack, sku: string, staffToken: string): Promise<Record<string, { available: number; reserved: number; committed: number; shipped: number }>> {
  const rows = (await availability(stack, sku, staffToken)).byWarehouse;
  return Object.fromEntries(rows.map(({ warehouse, available, reserved, committed, shipped }) => [warehouse.id, { available, reserved, committed, shipped }]));
}

/** Publishes integration events as their producers' relays would (JSON envelope, msgID = envelope id). */
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

  close(): Promise<void> {
    return this.broker.close();
  }
}

export interface InventoryEvent {
  type: string;
  correlationId: string | null;
  causationId: string | null;
  customerId: string | null;
  payload: Record<string, any>;
}

/** Reads what inventory published (its outbox rows the relay has handed to JetStream), in order. */
export class InventoryTables {
  private readonly client: pg.Pool;

  constructor(databaseUrl: string) {
    this.client = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  }

  async connect(): Promise<void> {
    await this.client.query('select 1');
  }

  close(): Promise<void> {
    return this.client.end();
  }

  /** Published events, oldest first; `sku`: those about it (a StockLevelsChanged that lists it, included). */
  async published(filter: { type?: string; orderId?: string; sku?: string }): Promise<InventoryEvent[]> {
    const { rows } = await this.client.query<{ type: string; envelope: Record<string, any> }>(
      `select type, envelope from inventory.outbox
        where published_at is not null
          and ($1::text is null or type = $1)
          and ($2::text is null or envelope->>'correlationId' = $2)
          and ($3::text is null or envelope->'payload'->>'sku' = $3 or envelope->'payload'->'levels' @> jsonb_build_array(jsonb_build_object('sku', $3::text)))
        order by seq`,
      [filter.type ?? null, filter.orderId ?? null, filter.sku ?? null],
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
  answers(orderId: string, types: string[], count = 1): Promise<InventoryEvent[]> {
    return eventually(
      async () => {
        const events = (await this.published({ orderId })).filter((e) => types.includes(e.type));
        return events.length >= count ? events : undefined;
      },
      { what: `${count} × ${types.join('/')} for order ${orderId}`, timeoutMs: 20_000 },
    );
  }

  async movements(sku: string): Promise<{ warehouseId: string; kind: string; available: number; reserved: number; committed: number; shipped: number; actor: string; reason: string | null; reference: string | null }[]> {
    const { rows } = await this.client.query(
      `select warehouse_id as "warehouseId", kind, delta_available as available, delta_reserved as reserved,
              delta_committed as committed, delta_shipped as shipped, actor, reason, reference
         from inventory.stock_movement where sku = $1 order by id`,
      [sku],
    );
    return rows;
  }

  /** Per warehouse: the row's buckets next to the sums of its movement log (they must agree). */
  async ledger(sku: string): Promise<{ warehouseId: string; row: number[]; logged: number[] }[]> {
    const { rows } = await this.client.query(
      `select s.warehouse_id as "warehouseId",
              array[s.available, s.reserved, s.committed, s.shipped] as row,
              array[coalesce(sum(m.delta_available), 0), coalesce(sum(m.delta_reserved), 0),
                    coalesce(sum(m.delta_committed), 0), coalesce(sum(m.delta_shipped), 0)]::int[] as logged
         from inventory.stock_level s
         left join inventory.stock_movement m on m.sku = s.sku and m.warehouse_id = s.warehouse_id
        where s.sku = $1
        group by s.sku, s.warehouse_id, s.available, s.reserved, s.committed, s.shipped
        order by s.warehouse_id`,
      [sku],
    );
    return rows;
  }

  /** The reservation's stored deadline (ISO), to compare with what was announced. */
  async reservationRow(orderId: string): Promise<{ expiresAt: string | null } | undefined> {
    const { rows } = await this.client.query(`select expires_at from inventory.reservation where order_id = $1`, [orderId]);
    return rows[0] && { expiresAt: rows[0].expires_at ? new Date(rows[0].expires_at).toISOString() : null };
  }

  async reservation(orderId: string): Promise<{ status: string; warehouseId: string | null } | undefined> {
    const { rows } = await this.client.query(`select status, warehouse_id as "warehouseId" from inventory.reservation where order_id = $1`, [orderId]);
    return rows[0];
  }
}

export const newOrderId = (): string => randomUUID();

/** What `event` says about `sku`: its entry in a StockLevelsChanged, the payload itself otherwise. */
export function aboutSku(event: InventoryEvent, sku: string): Record<string, any> | undefined {
  const levels = event.payload.levels as { sku: string }[] | undefined;
  return levels ? levels.find((level) => level.sku === sku) : event.payload;
}
