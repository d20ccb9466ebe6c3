import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEV_CARRIER_WEBHOOK_SECRET } from '../../platform/config.js';
import { createEnvelope, streamFor, subjectFor, type Envelope, type EventDefinition, type PayloadOf } from '../../events/contract.js';
import { connectBroker } from '../../events/nats.js';
import { FulfillmentRequested } from '../../events/contracts/orders/fulfillment-requested.event.js';
import { signCarrierWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../subgraphs/fulfillment/carrier/webhook-signature.js';
import { eventually } from '../support/config.js';
import type { GraphQLResponse, Stack } from '../support/stack.js';

/** Shared by the fulfillment test files: documents, event publishing, the outbox, the carrier webhook. */

export const SHIPMENT_FIELDS = /* GraphQL */ `
  fragment FulfillmentTestShipment on Shipment {
    id
    status
    carrier
    trackingNumber
    trackingUrl
    deliveryAttempts
    warehouse {
      id
    }
    order {
      id
    }
    items {
      product {
        sku
      }
      quantity
    }
    createdAt
    assignedAt
    dispatchedAt
    deliveredAt
    deliveryFailedAt
    cancelledAt
    updatedAt
    timeline {
      type
      occurredAt
      detail
    }
  }
`;

export const SHIPMENT = /* GraphQL */ `
  query FulfillmentTestShipment($id: ID!) {
    shipment(id: $id) {
      ...FulfillmentTestShipment
    }
  }
  ${SHIPMENT_FIELDS}
`;

export const DISPATCH = /* GraphQL */ `
  mutation FulfillmentTestDispatchShipment($shipmentId: ID!, $carrier: String) {
    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier) {
      ...FulfillmentTestShipment
    }
  }
  ${SHIPMENT_FIELDS}
`;

export const RECORD_ATTEMPT = /* GraphQL */ `
  mutation FulfillmentTestRecordDeliveryAttempt($shipmentId: ID!, $delivered: Boolean!, $note: String) {
    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered, note: $note) {
      ...FulfillmentTestShipment
    }
  }
  ${SHIPMENT_FIELDS}
`;

export interface ShipmentView {
  id: string;
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  deliveryAttempts: number;
  warehouse: { id: string } | null;
  order: { id: string };
  items: { product: { sku: string }; quantity: number }[];
  createdAt: string;
  assignedAt: string | null;
  dispatchedAt: string | null;
  deliveredAt: string | null;
  deliveryFailedAt: string | null;
  cancelledAt: string | null;
  updatedAt: string;
  timeline: { type: string; occurredAt: string; detail: string | null }[];
}

export const errorCode = (res: GraphQLResponse): string | undefined => res.errors?.[0]?.extensions?.code as string | undefined;
export const errorFields = (res: GraphQLResponse): string[] => Object.keys((res.errors?.[0]?.extensions?.fields as object | undefined) ?? {}).sort();

export type FulfillmentRequest = PayloadOf<typeof FulfillmentRequested>;

export function fulfillmentRequest(overrides: Partial<FulfillmentRequest> = {}): FulfillmentRequest {
  return {
    orderId: randomUUID(),
    customerId: randomUUID(),
    warehouseId: 'NJ-FC',
    reservationId: randomUUID(),
    items: [
      { sku: 'DOG-KIBBLE-5KG', quantity: 2 },
      { sku: 'CAT-TOY-MOUSE', quantity: 1 },
    ],
    shippingAddress: { nickname: 'Home', line1: '1 Main St', line2: null, city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' },
    shippingMethod: 'STANDARD',
    ...overrides,
  };
}

/**
 * Publishes an event as its producing context's relay would (envelope validated by the contract,
 * `msgID` = envelope id), for contexts that are not part of the test's stack. Returns the envelope.
 */
export async function publishEvent<D extends EventDefinition>(stack: Stack, definition: D, payload: PayloadOf<D>, meta: { customerId?: string; correlationId?: string } = {}): Promise<Envelope<PayloadOf<D>>> {
  const envelope = createEnvelope(definition, payload, { customerId: meta.customerId ?? null, correlationId: meta.correlationId ?? null });
  await publishEnvelope(stack, definition, envelope, { msgID: envelope.id });
  return envelope;
}

/** Publishes an envelope again, without a `msgID`: the broker delivers it a second time (a relay replay past the window). */
export async function publishEnvelope(stack: Stack, definition: EventDefinition, envelope: Envelope, options: { msgID?: string } = {}): Promise<void> {
  const broker = await connectBroker(stack.env.config.nats, stack.env.log);
  try {
    await broker.js.publish(subjectFor(stack.env.namespace, definition), JSON.stringify(envelope), options.msgID ? { msgID: options.msgID } : {});
  } finally {
    await broker.close();
  }
}

/**
 * Resolves once fulfillment's consumer `handlerName` of `producer`'s stream has handled everything
 * published so far (nothing pending, nothing awaiting its ack): events that change nothing visible.
 */
export async function handlerIdle(stack: Stack, producer: string, handlerName: string): Promise<void> {
  const broker = await connectBroker(stack.env.config.nats, stack.env.log);
  try {
    await eventually(
      async () => {
        const info = await broker.jsm.consumers.info(streamFor(stack.env.namespace, producer).name, `fulfillment-${handlerName}`);
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      { what: `${handlerName} to catch up` },
    );
  } finally {
    await broker.close();
  }
}

export interface OutboxEvent {
  type: string;
  customerId: string | null;
  correlationId: string | null;
  payload: Record<string, any>;
}

/** Reads fulfillment's tables directly: the outbox (what was recorded, in commit order) and shipments. */
export class FulfillmentDb {
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

  /** Events recorded for one order, in commit order. */
  async eventsFor(orderId: string, type?: string): Promise<OutboxEvent[]> {
    const { rows } = await this.client.query<{ type: string; envelope: Record<string, any> }>(
      `select type, envelope from fulfillment.outbox
        where envelope->'payload'->>'orderId' = $1 and ($2::text is null or type = $2)
        order by seq`,
      [orderId, type ?? null],
    );
    return rows.map((row) => ({ type: row.type, customerId: row.envelope.customerId ?? null, correlationId: row.envelope.correlationId ?? null, payload: row.envelope.payload }));
  }

  async shipmentIdOf(orderId: string): Promise<string | null> {
    const { rows } = await this.client.query<{ id: string }>('select id from fulfillment.shipment where order_id = $1', [orderId]);
    return rows[0]?.id ?? null;
  }

  async shipmentCount(orderId: string): Promise<number> {
    const { rows } = await this.client.query<{ n: number }>('select count(*)::int as n from fulfillment.shipment where order_id = $1', [orderId]);
    return rows[0]!.n;
  }
}

// ---- the carrier webhook

export const webhookUrl = (stack: Stack): string => new URL('/webhooks/carrier', stack.subgraphs.fulfillment!.url).toString();

export interface WebhookCall {
  /** The raw body as sent; an object is JSON-encoded. */
  body: unknown;
  /** Signing time in Unix seconds (default now). */
  timestamp?: number;
  secret?: string;
  /** Leave the request unsigned. */
  unsigned?: boolean;
  /** Replace the computed signature. */
  signature?: string;
}

export async function postCarrierEvent(stack: Stack, call: WebhookCall): Promise<{ status: number; body: any }> {
  const raw = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  const timestamp = call.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!call.unsigned) {
    headers[TIMESTAMP_HEADER] = String(timestamp);
    headers[SIGNATURE_HEADER] = call.signature ?? signCarrierWebhook(call.secret ?? DEV_CARRIER_WEBHOOK_SECRET, timestamp, raw);
  }
  const response = await fetch(webhookUrl(stack), { method: 'POST', headers, body: raw });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}
