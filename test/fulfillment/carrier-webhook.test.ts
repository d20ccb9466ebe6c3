import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth.js';
import { DEV_CARRIER_WEBHOOK_SECRET } from '../../platform/config.js';
import { FulfillmentRequested } from '../../events/contracts/orders/fulfillment-requested.event.js';
import { signCarrierWebhook } from '../../subgraphs/fulfillment/carrier/webhook-signature.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { DISPATCH, FulfillmentDb, fulfillmentRequest, postCarrierEvent, publishEvent, SHIPMENT, type FulfillmentRequest, type ShipmentView } from './support.js';

/** Carrier reports on the signed webhook (POST /webhooks/carrier of the fulfillment subgraph). */

let stack: Stack;
let db: FulfillmentDb;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  stack = await startStack([fulfillmentSubgraph]);
  db = new FulfillmentDb(stack.env.databaseUrl);
  await db.connect();
  for (const role of ['WAREHOUSE'] as const) tokens[role] = await stack.tokenFor(role);
});

afterAll(async () => {
  await db?.close();
  await stack?.stop();
});

async function openShipment(overrides: Partial<FulfillmentRequest> = {}) {
  const request = fulfillmentRequest(overrides);
  await publishEvent(stack, FulfillmentRequested, request, { customerId: request.customerId, correlationId: request.orderId });
  const shipmentId = await eventually(() => db.shipmentIdOf(request.orderId), { what: 'the shipment to open' });
  return { request, shipmentId };
}

async function dispatched(overrides: Partial<FulfillmentRequest> = {}) {
  const opened = await openShipment(overrides);
  const res = await stack.request(DISPATCH, { shipmentId: opened.shipmentId, carrier: 'UPS' }, tokens.WAREHOUSE);
  expect(res.errors).toBeUndefined();
  return { ...opened, trackingNumber: res.data.dispatchShipment.trackingNumber as string };
}

async function readShipment(id: string): Promise<ShipmentView> {
  const res = await stack.request(SHIPMENT, { id }, tokens.WAREHOUSE);
  expect(res.errors).toBeUndefined();
  return res.data.shipment;
}

const report = (shipmentId: string, type: string, extra: Record<string, unknown> = {}) => ({ eventId: `evt_${randomUUID()}`, type, shipmentId, ...extra });

describe('signatures', () => {
  const sixMinutesAgo = () => Math.floor(Date.now() / 1000) - 6 * 60;
  const sixMinutesAhead = () => Math.floor(Date.now() / 1000) + 6 * 60;

  it.each([
    ['unsigned', { unsigned: true }],
    ['signed with another secret', { secret: 'not-the-carrier-webhook-secret' }],
    ['with a malformed signature', { signature: 'sha256=xyz' }],
    ['signed more than 5 minutes ago', { timestamp: sixMinutesAgo() }],
    ['dated more than 5 minutes ahead', { timestamp: sixMinutesAhead() }],
  ])('refuses a report %s (401) and changes nothing', async (_what, call) => {
    const { request, shipmentId } = await dispatched();
    const before = await readShipment(shipmentId);
    const res = await postCarrierEvent(stack, { body: report(shipmentId, 'delivered'), ...call });
    expect(res.status).toBe(401);
    expect(await readShipment(shipmentId)).toEqual(before);
    expect(await db.eventsFor(request.orderId, 'ShipmentDelivered')).toEqual([]);
  });

  it('refuses a body changed after signing (401)', async () => {
    const { shipmentId } = await dispatched();
    const timestamp = Math.floor(Date.now() / 1000);
    const signedBody = JSON.stringify(report(shipmentId, 'in_transit'));
    const signature = signCarrierWebhook(DEV_CARRIER_WEBHOOK_SECRET, timestamp, signedBody);
    const res = await postCarrierEvent(stack, { body: JSON.stringify(report(shipmentId, 'delivered')), timestamp, signature });
    expect(res.status).toBe(401);
    expect((await readShipment(shipmentId)).status).toBe('DISPATCHED');
  });

  it('answers 400 to a signed body that is not a carrier event, 404 to an unknown shipment', async () => {
    expect((await postCarrierEvent(stack, { body: '{not json' })).status).toBe(400);
    expect((await postCarrierEvent(stack, { body: { eventId: 'e1', type: 'teleported', shipmentId: randomUUID() } })).status).toBe(400);
    expect((await postCarrierEvent(stack, { body: report(randomUUID(), 'delivered') })).status).toBe(404);
  });
});

describe('carrier reports', () => {
  it('delivers the parcel once per carrier event id: ShipmentDelivered, a repeat is acknowledged and ignored', async () => {
    const { request, shipmentId, trackingNumber } = await dispatched();
    const delivered = report(shipmentId, 'delivered', { carrier: 'UPS', trackingNumber, occurredAt: '2025-03-01T10:15:00.000Z' });
    const first = await postCarrierEvent(stack, { body: delivered });
    expect(first).toEqual({ status: 200, body: { outcome: 'APPLIED' } });

    const shipment = await readShipment(shipmentId);
    expect(shipment).toMatchObject({ status: 'DELIVERED', deliveredAt: '2025-03-01T10:15:00.000Z' });
    expect(shipment.timeline.at(-1)).toMatchObject({ type: 'DELIVERED', occurredAt: '2025-03-01T10:15:00.000Z' });
    expect((await db.eventsFor(request.orderId, 'ShipmentDelivered')).map((e) => ({ customerId: e.customerId, payload: e.payload }))).toEqual([
      { customerId: request.customerId, payload: { orderId: request.orderId, shipmentId, deliveredAt: '2025-03-01T10:15:00.000Z' } },
    ]);

    const again = await postCarrierEvent(stack, { body: delivered });
    expect(again).toEqual({ status: 200, body: { outcome: 'DUPLICATE' } });
    // a new report of the same delivery is stale: acknowledged, nothing changes
    const late = await postCarrierEvent(stack, { body: report(shipmentId, 'delivered') });
    expect(late).toEqual({ status: 200, body: { outcome: 'IGNORED', reason: 'ALREADY_DELIVERED' } });
    expect(await readShipment(shipmentId)).toEqual(shipment);
    expect(await db.eventsFor(request.orderId, 'ShipmentDelivered')).toHaveLength(1);
  });

  it('adds in-transit scans to the history without moving the shipment', async () => {
    const { request, shipmentId } = await dispatched();
    const res = await postCarrierEvent(stack, { body: report(shipmentId, 'in_transit', { reason: 'Arrived at Secaucus hub' }) });
    expect(res).toEqual({ status: 200, body: { outcome: 'APPLIED' } });
    const shipment = await readShipment(shipmentId);
    expect(shipment.status).toBe('DISPATCHED');
    expect(shipment.timeline.at(-1)).toMatchObject({ type: 'IN_TRANSIT', detail: 'Arrived at Secaucus hub' });
    expect((await db.eventsFor(request.orderId)).map((e) => e.type)).toEqual(['ShipmentAssigned', 'ReservationShipRequested', 'ShipmentDispatched']);
  });

  it('holds the parcel after three failed attempts (PO): DELIVERY_FAILED and DeliveryFailed', async () => {
    const { request, shipmentId } = await dispatched();
    const reasons = ['Nobody home', 'Business closed', 'Access code needed'];
    for (const reason of reasons) {
      const res = await postCarrierEvent(stack, { body: report(shipmentId, 'delivery_attempt_failed', { reason }) });
      expect(res).toEqual({ status: 200, body: { outcome: 'APPLIED' } });
    }
    expect(await readShipment(shipmentId)).toMatchObject({ status: 'DELIVERY_FAILED', deliveryAttempts: 3 });
    expect((await db.eventsFor(request.orderId, 'DeliveryAttemptFailed')).map((e) => [e.payload.attempt, e.payload.reason])).toEqual([
      [1, 'Nobody home'],
      [2, 'Business closed'],
      [3, 'Access code needed'],
    ]);
    expect(await db.eventsFor(request.orderId, 'DeliveryFailed')).toEqual([
      { type: 'DeliveryFailed', customerId: request.customerId, correlationId: request.orderId, payload: { orderId: request.orderId, shipmentId, attempts: 3 } },
    ]);
    // a fourth report finds the parcel held: acknowledged, nothing changes
    const fourth = await postCarrierEvent(stack, { body: report(shipmentId, 'delivery_attempt_failed') });
    expect(fourth).toEqual({ status: 200, body: { outcome: 'IGNORED', reason: 'DELIVERY_FAILED' } });
    expect(await db.eventsFor(request.orderId, 'DeliveryAttemptFailed')).toHaveLength(3);
  });

  it("dispatches an ASSIGNED shipment on the carrier's pick-up scan, with the carrier's label", async () => {
    const { request, shipmentId } = await openShipment();
    const noLabel = await postCarrierEvent(stack, { body: report(shipmentId, 'in_transit') });
    expect(noLabel.status).toBe(422);
    const res = await postCarrierEvent(stack, { body: report(shipmentId, 'in_transit', { carrier: 'usps', trackingNumber: '9400111899223197428490' }) });
    expect(res).toEqual({ status: 200, body: { outcome: 'APPLIED' } });
    expect(await readShipment(shipmentId)).toMatchObject({ status: 'DISPATCHED', carrier: 'USPS', trackingNumber: '9400111899223197428490' });
    expect((await db.eventsFor(request.orderId)).map((e) => e.type)).toEqual(['ShipmentAssigned', 'ReservationShipRequested', 'ShipmentDispatched']);
    // a report naming another parcel's tracking number is refused
    const other = await postCarrierEvent(stack, { body: report(shipmentId, 'delivered', { trackingNumber: '1ZFFFFFFFFFFFFFFFF' }) });
    expect(other.status).toBe(422);
    expect((await readShipment(shipmentId)).status).toBe('DISPATCHED');
  });

  it('asks the carrier to send a delivery of a parcel not yet dispatched again later (409), and applies it then', async () => {
    const { shipmentId } = await openShipment();
    const delivered = report(shipmentId, 'delivered');
    const early = await postCarrierEvent(stack, { body: delivered });
    expect(early).toEqual({ status: 409, body: { outcome: 'EARLY', reason: 'NOT_DISPATCHED' } });
    expect((await readShipment(shipmentId)).status).toBe('ASSIGNED');

    await stack.request(DISPATCH, { shipmentId }, tokens.WAREHOUSE);
    expect(await postCarrierEvent(stack, { body: delivered })).toEqual({ status: 200, body: { outcome: 'APPLIED' } });
    expect((await readShipment(shipmentId)).status).toBe('DELIVERED');
  });

  it('applies a report once when the carrier sends it twice at the same moment', async () => {
    const { request, shipmentId } = await dispatched();
    const failed = report(shipmentId, 'delivery_attempt_failed');
    const results = await Promise.all([postCarrierEvent(stack, { body: failed }), postCarrierEvent(stack, { body: failed })]);
    expect(results.map((r) => r.body.outcome).sort()).toEqual(['APPLIED', 'DUPLICATE']);
    expect(await readShipment(shipmentId)).toMatchObject({ deliveryAttempts: 1 });
    expect(await db.eventsFor(request.orderId, 'DeliveryAttemptFailed')).toHaveLength(1);
  });
});
