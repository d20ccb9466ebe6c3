import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth.js';
import { FulfillmentRequested } from '../../events/contracts/orders/fulfillment-requested.event.js';
import { OrderStatusChanged } from '../../events/contracts/orders/order-status-changed.event.js';
import { StubCarrier } from '../../subgraphs/fulfillment/carrier/stub-carrier.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  DISPATCH,
  errorCode,
  errorFields,
  FulfillmentDb,
  fulfillmentRequest,
  handlerIdle,
  publishEnvelope,
  publishEvent,
  RECORD_ATTEMPT,
  SHIPMENT,
  SHIPMENT_FIELDS,
  type FulfillmentRequest,
  type ShipmentView,
} from './support.js';

/** Shipments from the saga's request to the customer's door, driven as orders and the back office would. */

const ORDER_SHIPMENTS = /* GraphQL */ `
  query FulfillmentTestOrderShipments($id: ID!) {
    shipment(id: $id) {
      order {
        id
        shipments {
          id
          status
        }
      }
    }
  }
`;

const SHIPMENTS = /* GraphQL */ `
  query FulfillmentTestShipments($status: ShipmentStatus, $warehouseId: ID, $first: Int, $after: String) {
    shipments(status: $status, warehouseId: $warehouseId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...FulfillmentTestShipment
      }
    }
  }
  ${SHIPMENT_FIELDS}
`;

let stack: Stack;
let db: FulfillmentDb;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  stack = await startStack([fulfillmentSubgraph]);
  db = new FulfillmentDb(stack.env.databaseUrl);
  await db.connect();
  for (const role of ['GUEST', 'CUSTOMER', 'CUSTOMER_SERVICE', 'WAREHOUSE', 'CATALOG_MANAGER', 'ADMIN'] as const) tokens[role] = await stack.tokenFor(role);
});

afterAll(async () => {
  await db?.close();
  await stack?.stop();
});

/** Orders asks for fulfillment; resolves once the shipment exists. */
async function openShipment(overrides: Partial<FulfillmentRequest> = {}): Promise<{ request: FulfillmentRequest; shipmentId: string }> {
  const request = fulfillmentRequest(overrides);
  await publishEvent(stack, FulfillmentRequested, request, { customerId: request.customerId, correlationId: request.orderId });
  const shipmentId = await eventually(() => db.shipmentIdOf(request.orderId), { what: 'the shipment to open' });
  return { request, shipmentId };
}

async function readShipment(id: string, token = tokens.WAREHOUSE): Promise<ShipmentView> {
  const res = await stack.request(SHIPMENT, { id }, token);
  expect(res.errors).toBeUndefined();
  return res.data.shipment;
}

const dispatch = (shipmentId: string, carrier?: string | null, token = tokens.WAREHOUSE) => stack.request(DISPATCH, { shipmentId, carrier }, token);
const attempt = (shipmentId: string, delivered: boolean, note?: string, token = tokens.WAREHOUSE) => stack.request(RECORD_ATTEMPT, { shipmentId, delivered, note }, token);

async function dispatched(overrides: Partial<FulfillmentRequest> = {}) {
  const opened = await openShipment(overrides);
  const res = await dispatch(opened.shipmentId);
  expect(res.errors).toBeUndefined();
  return opened;
}

describe('fulfillment requests', () => {
  it('opens one shipment per order, ASSIGNED to the reserving warehouse, announced once even when the request comes twice', async () => {
    const request = fulfillmentRequest({ warehouseId: 'TX-FC' });
    const meta = { customerId: request.customerId, correlationId: request.orderId };
    const first = await publishEvent(stack, FulfillmentRequested, request, meta);
    const shipmentId = await eventually(() => db.shipmentIdOf(request.orderId), { what: 'the shipment to open' });
    // the same message delivered again, and a new request for the same order (the saga retrying)
    await publishEnvelope(stack, FulfillmentRequested, first);
    const retry = await publishEvent(stack, FulfillmentRequested, { ...request, warehouseId: 'WA-FC' }, meta);
    await handlerIdle(stack, 'orders', 'open-shipment-on-fulfillment-requested');
    expect(retry.id).not.toBe(first.id);

    expect(await db.shipmentCount(request.orderId)).toBe(1);
    const assigned = await db.eventsFor(request.orderId, 'ShipmentAssigned');
    expect(assigned).toEqual([
      { type: 'ShipmentAssigned', customerId: request.customerId, correlationId: request.orderId, payload: { orderId: request.orderId, shipmentId, warehouseId: 'TX-FC' } },
    ]);

    const shipment = await readShipment(shipmentId);
    expect(shipment).toMatchObject({
      id: shipmentId,
      status: 'ASSIGNED',
      warehouse: { id: 'TX-FC' },
      order: { id: request.orderId },
      carrier: null,
      trackingNumber: null,
      deliveryAttempts: 0,
      items: [
        { product: { sku: 'DOG-KIBBLE-5KG' }, quantity: 2 },
        { product: { sku: 'CAT-TOY-MOUSE' }, quantity: 1 },
      ],
      dispatchedAt: null,
    });
    expect(shipment.assignedAt).not.toBeNull();
    expect(shipment.timeline.map((e) => e.type)).toEqual(['REQUESTED', 'ASSIGNED']);
  });

  it('opens a CANCELLED shipment, announcing nothing, for an order cancelled before its request was handled', async () => {
    const request = fulfillmentRequest();
    const statusChange = { orderId: request.orderId, customerId: request.customerId, previousStatus: 'CONFIRMED' as const, reason: 'changed my mind', occurredAt: new Date().toISOString() };
    await publishEvent(stack, OrderStatusChanged, { ...statusChange, status: 'CANCELLED' }, { customerId: request.customerId });
    // the cancellation is handled by its own consumer: let it finish before the request arrives
    await handlerIdle(stack, 'orders', 'cancel-shipment-on-order-cancelled');

    await publishEvent(stack, FulfillmentRequested, request, { customerId: request.customerId });
    const shipmentId = await eventually(() => db.shipmentIdOf(request.orderId), { what: 'the shipment to open' });
    expect(await readShipment(shipmentId)).toMatchObject({ status: 'CANCELLED' });
    expect(await db.eventsFor(request.orderId)).toEqual([]);
    expect(errorCode(await dispatch(shipmentId))).toBe('CONFLICT');
  });

  it('cancels a shipment not yet dispatched when its order is cancelled, and leaves a dispatched one alone', async () => {
    const waiting = await openShipment();
    const gone = await dispatched();
    for (const { request } of [waiting, gone]) {
      await publishEvent(stack, OrderStatusChanged, { orderId: request.orderId, customerId: request.customerId, status: 'CANCELLED', previousStatus: 'CONFIRMED', reason: 'customer request', occurredAt: new Date().toISOString() }, {});
    }
    await eventually(async () => (await readShipment(waiting.shipmentId)).status === 'CANCELLED', { what: 'the shipment to be cancelled' });
    const cancelled = await readShipment(waiting.shipmentId);
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(cancelled.timeline.at(-1)).toMatchObject({ type: 'CANCELLED', detail: 'Order cancelled: customer request' });

    const res = await dispatch(waiting.shipmentId);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.data).toBeNull();
    expect((await readShipment(gone.shipmentId)).status).toBe('DISPATCHED');
  });
});

describe('dispatchShipment', () => {
  it('dispatches an ASSIGNED shipment with the carrier of its shipping method, and asks inventory to ship the reservation', async () => {
    const { request, shipmentId } = await openShipment({ shippingMethod: 'EXPRESS' });
    const res = await dispatch(shipmentId);
    expect(res.errors).toBeUndefined();
    const label = await new StubCarrier().createLabel({ ...request, shipmentId, carrier: null });
    const shipment: ShipmentView = res.data.dispatchShipment;
    expect(shipment).toMatchObject({ id: shipmentId, status: 'DISPATCHED', carrier: 'UPS', trackingNumber: label.trackingNumber });
    expect(shipment.trackingNumber).toMatch(/^1Z[0-9A-F]{16}$/);
    // the stub's label points at the carrier's own public tracking page
    expect(shipment.trackingUrl).toBe(`https://www.ups.com/track?tracknum=${shipment.trackingNumber}`);
    expect(shipment.dispatchedAt).not.toBeNull();
    expect(shipment.timeline.map((e) => e.type)).toEqual(['REQUESTED', 'ASSIGNED', 'DISPATCHED']);

    const events = await db.eventsFor(request.orderId);
    expect(events.map((e) => e.type)).toEqual(['ShipmentAssigned', 'ReservationShipRequested', 'ShipmentDispatched']);
    for (const event of events) expect(event).toMatchObject({ customerId: request.customerId, correlationId: request.orderId });
    expect(events[1]!.payload).toEqual({ orderId: request.orderId });
    expect(events[2]!.payload).toEqual({
      orderId: request.orderId,
      shipmentId,
      warehouseId: 'NJ-FC',
      carrier: 'UPS',
      trackingNumber: label.trackingNumber,
      dispatchedAt: shipment.dispatchedAt,
    });
  });

  it('books the carrier staff choose (any case), and ADMIN may dispatch too', async () => {
    const { shipmentId } = await openShipment();
    const res = await dispatch(shipmentId, 'fedex', tokens.ADMIN);
    expect(res.errors).toBeUndefined();
    expect(res.data.dispatchShipment).toMatchObject({ status: 'DISPATCHED', carrier: 'FEDEX' });
    expect(res.data.dispatchShipment.trackingNumber).toMatch(/^\d{12}$/);
  });

  it.each<[Role | 'anonymous', string]>([
    ['anonymous', 'UNAUTHENTICATED'],
    ['GUEST', 'FORBIDDEN'],
    ['CUSTOMER', 'FORBIDDEN'],
    ['CUSTOMER_SERVICE', 'FORBIDDEN'],
    ['CATALOG_MANAGER', 'FORBIDDEN'],
  ])('refuses %s (%s) and changes nothing', async (role, code) => {
    const { request, shipmentId } = await openShipment();
    const res = role === 'anonymous' ? await stack.request(DISPATCH, { shipmentId }) : await dispatch(shipmentId, null, tokens[role]);
    expect(errorCode(res)).toBe(code);
    expect(res.data).toBeNull();
    expect((await readShipment(shipmentId)).status).toBe('ASSIGNED');
    expect((await db.eventsFor(request.orderId)).map((e) => e.type)).toEqual(['ShipmentAssigned']);
  });

  it.each([
    ['a shipment id that is not a UUID', 'not-a-shipment', null, ['shipmentId']],
    ['a carrier the adapter does not book', 'VALID', 'PIGEON POST', ['carrier']],
    ['a carrier name that cannot be one', 'VALID', '  ', ['carrier']],
    ['both', 'nope', 'x/y', ['carrier', 'shipmentId']],
  ])('answers BAD_USER_INPUT for %s', async (_what, id, carrier, fields) => {
    const { shipmentId } = await openShipment();
    const res = await dispatch(id === 'VALID' ? shipmentId : id!, carrier);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
    expect((await readShipment(shipmentId)).status).toBe('ASSIGNED');
  });

  it('answers NOT_FOUND for an unknown shipment', async () => {
    const res = await dispatch(randomUUID());
    expect(errorCode(res)).toBe('NOT_FOUND');
  });

  it('refuses to dispatch twice (CONFLICT): one label, one ShipmentDispatched', async () => {
    const { request, shipmentId } = await dispatched();
    const before = await readShipment(shipmentId);
    const again = await dispatch(shipmentId, 'DHL');
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0]!.extensions).toMatchObject({ reason: 'ALREADY_DISPATCHED', status: 'DISPATCHED' });
    expect(await readShipment(shipmentId)).toEqual(before);
    expect(await db.eventsFor(request.orderId, 'ShipmentDispatched')).toHaveLength(1);
    expect(await db.eventsFor(request.orderId, 'ReservationShipRequested')).toHaveLength(1);
  });

  it('dispatches once when two warehouse clerks press the button together', async () => {
    const { request, shipmentId } = await openShipment();
    const results = await Promise.all([dispatch(shipmentId, 'UPS'), dispatch(shipmentId, 'USPS')]);
    expect(results.map((r) => errorCode(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(await db.eventsFor(request.orderId, 'ShipmentDispatched')).toHaveLength(1);
  });
});

describe('delivery attempts recorded by staff', () => {
  it('delivers a dispatched parcel: DELIVERED and ShipmentDelivered', async () => {
    const { request, shipmentId } = await dispatched();
    const res = await attempt(shipmentId, true, 'Left with the neighbour');
    expect(res.errors).toBeUndefined();
    expect(res.data.recordDeliveryAttempt).toMatchObject({ status: 'DELIVERED', deliveryAttempts: 0 });
    expect(res.data.recordDeliveryAttempt.timeline.at(-1)).toMatchObject({ type: 'DELIVERED', detail: 'Left with the neighbour' });
    const [delivered] = await db.eventsFor(request.orderId, 'ShipmentDelivered');
    expect(delivered).toEqual({
      type: 'ShipmentDelivered',
      customerId: request.customerId,
      correlationId: request.orderId,
      payload: { orderId: request.orderId, shipmentId, deliveredAt: res.data.recordDeliveryAttempt.deliveredAt },
    });
    expect(errorCode(await attempt(shipmentId, true))).toBe('CONFLICT');
  });

  it('holds the parcel after the third failed attempt (PO): DELIVERY_FAILED and DeliveryFailed for customer service', async () => {
    const { request, shipmentId } = await dispatched();
    for (const n of [1, 2]) {
      const res = await attempt(shipmentId, false, `Nobody home (${n})`);
      expect(res.data.recordDeliveryAttempt).toMatchObject({ status: 'DISPATCHED', deliveryAttempts: n });
    }
    expect(await db.eventsFor(request.orderId, 'DeliveryFailed')).toEqual([]);
    const third = await attempt(shipmentId, false);
    expect(third.data.recordDeliveryAttempt).toMatchObject({ status: 'DELIVERY_FAILED', deliveryAttempts: 3 });
    expect(third.data.recordDeliveryAttempt.deliveryFailedAt).not.toBeNull();

    expect((await db.eventsFor(request.orderId, 'DeliveryAttemptFailed')).map((e) => e.payload)).toEqual([
      { orderId: request.orderId, shipmentId, attempt: 1, reason: 'Nobody home (1)' },
      { orderId: request.orderId, shipmentId, attempt: 2, reason: 'Nobody home (2)' },
      { orderId: request.orderId, shipmentId, attempt: 3, reason: 'Delivery attempt failed' },
    ]);
    expect(await db.eventsFor(request.orderId, 'DeliveryFailed')).toEqual([
      { type: 'DeliveryFailed', customerId: request.customerId, correlationId: request.orderId, payload: { orderId: request.orderId, shipmentId, attempts: 3 } },
    ]);

    // no fourth attempt; but the held parcel can still reach the customer once they are reached
    const fourth = await attempt(shipmentId, false);
    expect(errorCode(fourth)).toBe('CONFLICT');
    expect(fourth.errors![0]!.extensions).toMatchObject({ reason: 'DELIVERY_FAILED' });
    const delivered = await attempt(shipmentId, true, 'Collected at the depot');
    expect(delivered.data.recordDeliveryAttempt).toMatchObject({ status: 'DELIVERED', deliveryAttempts: 3 });
    expect(await db.eventsFor(request.orderId, 'ShipmentDelivered')).toHaveLength(1);
  });

  it('refuses an attempt on a parcel not yet dispatched (CONFLICT), bad input, and other roles', async () => {
    const { shipmentId } = await openShipment();
    const early = await attempt(shipmentId, true);
    expect(errorCode(early)).toBe('CONFLICT');
    expect(early.errors![0]!.extensions).toMatchObject({ reason: 'NOT_DISPATCHED', status: 'ASSIGNED' });

    const long = await attempt(shipmentId, false, 'x'.repeat(501));
    expect(errorCode(long)).toBe('BAD_USER_INPUT');
    expect(errorFields(long)).toEqual(['note']);
    expect(errorCode(await attempt('nope', false))).toBe('BAD_USER_INPUT');
    expect(errorCode(await attempt(shipmentId, true, undefined, tokens.CUSTOMER))).toBe('FORBIDDEN');
    expect(errorCode(await attempt(randomUUID(), true))).toBe('NOT_FOUND');
    expect((await readShipment(shipmentId)).status).toBe('ASSIGNED');
  });
});

describe('reading shipments', () => {
  it("shows an order's shipments to its customer and to staff only", async () => {
    const customerId = randomUUID();
    const { request, shipmentId } = await openShipment({ customerId });
    const owner = await stack.tokenFor('CUSTOMER', customerId);

    for (const token of [owner, tokens.CUSTOMER_SERVICE, tokens.WAREHOUSE, tokens.ADMIN]) {
      const res = await stack.request(ORDER_SHIPMENTS, { id: shipmentId }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data.shipment.order).toEqual({ id: request.orderId, shipments: [{ id: shipmentId, status: 'ASSIGNED' }] });
    }

    // someone else's shipment is not there at all
    const stranger = await stack.request(SHIPMENT, { id: shipmentId }, tokens.CUSTOMER);
    expect(stranger.errors).toBeUndefined();
    expect(stranger.data.shipment).toBeNull();
    expect(errorCode(await stack.request(SHIPMENT, { id: shipmentId }))).toBe('UNAUTHENTICATED');
    expect((await stack.request(SHIPMENT, { id: 'not-an-id' }, tokens.ADMIN)).data.shipment).toBeNull();
  });

  it("refuses Order.shipments to anyone but the order's customer and staff (FORBIDDEN)", async () => {
    const { request, shipmentId } = await openShipment();
    // through the graph a stranger never reaches the order (shipment is null for them): ask the subgraph as the gateway would
    const shipmentsOf = async (orderId: string, token?: string) => {
      const response = await fetch(stack.subgraphs.fulfillment!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...stack.asGateway, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({
          // a plain string: subgraph-only operations stay out of the client operation checks
          query: 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Order { shipments { id } } } }',
          variables: { representations: [{ __typename: 'Order', id: orderId }] },
        }),
      });
      const body = (await response.json()) as { data?: { _entities: unknown[] } | null; errors?: { extensions?: { code?: string } }[] };
      return body.errors ? body.errors[0]!.extensions?.code : body.data!._entities;
    };
    expect(await shipmentsOf(request.orderId, tokens.CUSTOMER)).toBe('FORBIDDEN');
    expect(await shipmentsOf(request.orderId, tokens.GUEST)).toBe('FORBIDDEN');
    expect(await shipmentsOf(request.orderId)).toBe('UNAUTHENTICATED');
    expect(await shipmentsOf(request.orderId, await stack.tokenFor('CUSTOMER', request.customerId))).toEqual([{ shipments: [{ id: shipmentId }] }]);
    expect(await shipmentsOf(request.orderId, tokens.CUSTOMER_SERVICE)).toEqual([{ shipments: [{ id: shipmentId }] }]);
    // an order fulfillment never heard of has no shipments, whoever asks
    expect(await shipmentsOf(randomUUID(), tokens.CUSTOMER)).toEqual([{ shipments: [] }]);
  });

  it('lists shipments for warehouse and customer service staff, oldest first, by status and warehouse, page by page', async () => {
    const warehouseId = 'OH-FC';
    const opened = [];
    for (let i = 0; i < 3; i++) opened.push(await openShipment({ warehouseId }));
    await dispatch(opened[1]!.shipmentId);

    const page = async (variables: Record<string, unknown>, token = tokens.WAREHOUSE) => {
      const res = await stack.request(SHIPMENTS, variables, token);
      expect(res.errors).toBeUndefined();
      return res.data.shipments as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ShipmentView[] };
    };
    const first = await page({ status: 'ASSIGNED', warehouseId: 'oh-fc', first: 1 });
    expect(first.totalCount).toBe(2);
    expect(first.nodes.map((n) => n.id)).toEqual([opened[0]!.shipmentId]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ status: 'ASSIGNED', warehouseId, first: 1, after: first.pageInfo.endCursor }, tokens.CUSTOMER_SERVICE);
    expect(second.nodes.map((n) => n.id)).toEqual([opened[2]!.shipmentId]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await page({ status: 'DISPATCHED', warehouseId })).nodes.map((n) => n.id)).toEqual([opened[1]!.shipmentId]);

    expect(errorCode(await stack.request(SHIPMENTS, {}, tokens.CUSTOMER))).toBe('FORBIDDEN');
    expect(errorCode(await stack.request(SHIPMENTS, {}, tokens.CATALOG_MANAGER))).toBe('FORBIDDEN');
    expect(errorCode(await stack.request(SHIPMENTS, {}))).toBe('UNAUTHENTICATED');
    const bad = await stack.request(SHIPMENTS, { first: 0, after: 'garbage!' }, tokens.WAREHOUSE);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(errorFields(bad)).toEqual(['after', 'first']);
  });
});
