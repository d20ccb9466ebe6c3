import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth.js';
import { loadConfig } from '../../platform/config.js';
import { OutboundClients } from '../../platform/outbound/outbound-clients.js';
import { FulfillmentRequested } from '../../events/contracts/orders/fulfillment-requested.event.js';
import { createCarrierAdapter } from '../../subgraphs/fulfillment/carrier/create-carrier.js';
import { EasyPostCarrier, easyPostPolicy } from '../../subgraphs/fulfillment/carrier/easypost-carrier.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { eventually } from '../support/config.js';
import { FakeEasyPost, signed, trackerEvent, type TrackingDetail } from '../support/fake-easypost.js';
import { startStack, type Stack } from '../support/stack.js';
import { DISPATCH, errorCode, FulfillmentDb, fulfillmentRequest, publishEvent, SHIPMENT, type FulfillmentRequest, type ShipmentView } from './support.js';

/**
 * Fulfillment with CARRIER_ADAPTER=easypost against a local fake of EasyPost's API
 * (https://docs.easypost.com/docs/shipments: create, buy, retrieve by reference; trackers and
 * Events, https://docs.easypost.com/docs/trackers, https://docs.easypost.com/docs/events; webhook
 * signatures, https://docs.easypost.com/guides/webhooks-guide): labels bought at dispatch, tracker
 * webhooks to delivered and to failed, signatures, replays, and EasyPost being down.
 */

const WEBHOOK_SECRET = 'easypost-webhook-secret-for-tests';
const FROM = { name: 'CritterSupply NJ', street1: '100 Warehouse Way', city: 'Newark', state: 'NJ', zip: '07105', country: 'US', phone: '9735550100' };

let easypost: FakeEasyPost;
let stack: Stack;
let db: FulfillmentDb;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  easypost = await FakeEasyPost.start();
  stack = await startStack([fulfillmentSubgraph], {
    CARRIER_ADAPTER: 'easypost',
    EASYPOST_API_KEY: easypost.apiKey,
    EASYPOST_API_BASE: easypost.url,
    EASYPOST_WEBHOOK_SECRET: WEBHOOK_SECRET,
    EASYPOST_FROM_ADDRESS: JSON.stringify(FROM),
    // a label booking is 3–4 calls: the breaker opens after 3 failures in a row, probes again after 5 s
    OUTBOUND_BREAKER_FAILURES: '3',
    OUTBOUND_BREAKER_HALF_OPEN_MS: '5000',
    OUTBOUND_RETRY_DELAY_MS: '10',
  });
  db = new FulfillmentDb(stack.env.databaseUrl);
  await db.connect();
  tokens.WAREHOUSE = await stack.tokenFor('WAREHOUSE');
});
afterAll(async () => {
  await db?.close();
  await stack?.stop();
  await easypost?.stop();
});
beforeEach(() => easypost.recover());

async function openShipment(overrides: Partial<FulfillmentRequest> = {}) {
  const request = fulfillmentRequest(overrides);
  await publishEvent(stack, FulfillmentRequested, request, { customerId: request.customerId, correlationId: request.orderId });
  const shipmentId = await eventually(() => db.shipmentIdOf(request.orderId), { what: 'the shipment to open' });
  return { request, shipmentId: shipmentId! };
}

async function dispatch(shipmentId: string, carrier?: string): Promise<ShipmentView> {
  const res = await stack.request(DISPATCH, { shipmentId, carrier }, tokens.WAREHOUSE);
  expect(res.errors).toBeUndefined();
  return res.data.dispatchShipment;
}

async function readShipment(id: string): Promise<ShipmentView> {
  const res = await stack.request(SHIPMENT, { id }, tokens.WAREHOUSE);
  expect(res.errors).toBeUndefined();
  return res.data.shipment;
}

const easyPostShipmentOf = (shipmentId: string) => [...easypost.shipments.values()].find((s) => s.reference === shipmentId);

async function postWebhook(body: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL('/webhooks/easypost', stack.subgraphs.fulfillment!.url), { method: 'POST', headers, body });
  return { status: response.status, body: await response.json() };
}

const sendTracker = (shipmentId: string, status: TrackingDetail['status'], details: TrackingDetail[]) => {
  const { body, headers } = signed(trackerEvent(easyPostShipmentOf(shipmentId), status, details), WEBHOOK_SECRET);
  return postWebhook(body, headers);
};

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

describe('buying the label at dispatch', () => {
  it("creates the EasyPost shipment, buys the cheapest rate for the shipping method and keeps the tracking code and EasyPost's tracking page", async () => {
    const { shipmentId, request } = await openShipment({ shippingMethod: 'STANDARD' });
    const shipment = await dispatch(shipmentId);

    const [create] = easypost.requestsTo('POST', /^\/v2\/shipments$/).filter((r) => r.body.shipment.reference === shipmentId);
    expect(create!.authorization).toBe(`Basic ${Buffer.from(`${easypost.apiKey}:`).toString('base64')}`);
    expect(create!.body.shipment).toMatchObject({
      reference: shipmentId,
      to_address: { street1: '1 Main St', city: 'Newark', state: 'NJ', zip: '07102', country: 'US' },
      from_address: FROM,
      parcel: { length: 12, width: 9, height: 6, weight: 32 },
    });
    const bought = easyPostShipmentOf(shipmentId);
    expect(easypost.requestsTo('POST', new RegExp(`^/v2/shipments/${bought.id}/buy$`)).map((r) => r.body)).toEqual([{ rate: { id: bought.selected_rate.id } }]);
    expect(bought.selected_rate).toMatchObject({ carrier: 'USPS', service: 'GroundAdvantage' });

    expect(shipment).toMatchObject({ status: 'DISPATCHED', carrier: 'USPS', trackingNumber: bought.tracking_code, trackingUrl: bought.tracker.public_url });
    expect(shipment.trackingUrl).toMatch(/^https:\/\/track\.easypost\.com\//);
    const [dispatched] = await db.eventsFor(request.orderId, 'ShipmentDispatched');
    expect(dispatched!.payload).toMatchObject({ carrier: 'USPS', trackingNumber: bought.tracking_code });
  });

  it.each([
    ['EXPRESS', undefined, 'USPS', 'Priority'],
    ['NEXT_DAY', undefined, 'FEDEX', 'STANDARD_OVERNIGHT'],
    ['STANDARD', 'UPS', 'UPS', 'Ground'],
  ] as const)('buys %s (carrier %s) with %s %s', async (shippingMethod, chosen, carrier, service) => {
    const { shipmentId } = await openShipment({ shippingMethod });
    expect((await dispatch(shipmentId, chosen)).carrier).toBe(carrier);
    expect(easyPostShipmentOf(shipmentId).selected_rate.service).toBe(service);
  });
});

describe('EasyPost tracker webhooks', () => {
  it('follows the parcel to delivered: scans join the timeline, the delivery delivers it', async () => {
    const { shipmentId, request } = await openShipment();
    await dispatch(shipmentId);
    const inTransit: TrackingDetail = { status: 'in_transit', message: 'Arrived at USPS Regional Facility', datetime: at(60) };

    expect(await sendTracker(shipmentId, 'in_transit', [inTransit])).toMatchObject({ status: 200, body: { outcome: 'APPLIED' } });
    expect((await readShipment(shipmentId)).timeline.map((e) => e.type)).toContain('IN_TRANSIT');

    const delivered: TrackingDetail = { status: 'delivered', message: 'Delivered, In/At Mailbox', datetime: at(5) };
    expect(await sendTracker(shipmentId, 'delivered', [inTransit, delivered])).toMatchObject({ status: 200, body: { outcome: 'APPLIED' } });
    const shipment = await readShipment(shipmentId);
    expect(shipment).toMatchObject({ status: 'DELIVERED', deliveredAt: new Date(delivered.datetime).toISOString() });
    expect(await db.eventsFor(request.orderId, 'ShipmentDelivered')).toHaveLength(1);
  });

  it('counts each failed attempt once however often EasyPost re-sends it; the third holds the parcel (DELIVERY_FAILED)', async () => {
    const { shipmentId, request } = await openShipment();
    await dispatch(shipmentId);
    const [first, second, third] = [300, 200, 100].map((minutesAgo): TrackingDetail => ({ status: 'failure', message: 'Notice Left (No Authorized Recipient Available)', datetime: at(minutesAgo) }));

    await sendTracker(shipmentId, 'failure', [first!]);
    await sendTracker(shipmentId, 'failure', [first!, second!]);
    expect(await readShipment(shipmentId)).toMatchObject({ status: 'DISPATCHED', deliveryAttempts: 2 });
    expect(await sendTracker(shipmentId, 'failure', [first!, second!, third!])).toMatchObject({ status: 200, body: { outcome: 'APPLIED' } });

    expect(await readShipment(shipmentId)).toMatchObject({ status: 'DELIVERY_FAILED', deliveryAttempts: 3 });
    expect(await db.eventsFor(request.orderId, 'DeliveryAttemptFailed')).toHaveLength(3);
    expect(await db.eventsFor(request.orderId, 'DeliveryFailed')).toHaveLength(1);
  });

  it('refuses unsigned and badly signed events (401) and changes nothing', async () => {
    const { shipmentId } = await openShipment();
    await dispatch(shipmentId);
    const event = trackerEvent(easyPostShipmentOf(shipmentId), 'delivered', [{ status: 'delivered', message: 'Delivered', datetime: at(1) }]);
    const good = signed(event, WEBHOOK_SECRET);

    expect((await postWebhook(good.body, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await postWebhook(good.body, signed(event, 'another-secret-entirely-wrong').headers)).status).toBe(401);
    // the right signature over another body: tampered in transit
    expect((await postWebhook(good.body.replace('Delivered', 'Delivered!'), good.headers)).status).toBe(401);
    expect((await readShipment(shipmentId)).status).toBe('DISPATCHED');

    expect(await postWebhook(good.body, good.headers)).toMatchObject({ status: 200, body: { outcome: 'APPLIED' } });
    expect((await readShipment(shipmentId)).status).toBe('DELIVERED');
  });

  it('answers a replayed event DUPLICATE and changes nothing', async () => {
    const { shipmentId, request } = await openShipment();
    await dispatch(shipmentId);
    const { body, headers } = signed(trackerEvent(easyPostShipmentOf(shipmentId), 'failure', [{ status: 'failure', message: 'No access to delivery location', datetime: at(30) }]), WEBHOOK_SECRET);

    expect(await postWebhook(body, headers)).toMatchObject({ status: 200, body: { outcome: 'APPLIED' } });
    const replays = await Promise.all([postWebhook(body, headers), postWebhook(body, headers)]);
    expect(replays.map((r) => [r.status, r.body.outcome])).toEqual([
      [200, 'DUPLICATE'],
      [200, 'DUPLICATE'],
    ]);
    expect(await readShipment(shipmentId)).toMatchObject({ status: 'DISPATCHED', deliveryAttempts: 1 });
    expect(await db.eventsFor(request.orderId, 'DeliveryAttemptFailed')).toHaveLength(1);
  });

  it('acknowledges events that are not about trackers, and answers 404 for a tracker of no shipment of ours', async () => {
    const notTracker = signed({ id: 'evt_x', object: 'Event', description: 'batch.updated', result: { object: 'Batch', id: 'batch_1' } }, WEBHOOK_SECRET);
    expect(await postWebhook(notTracker.body, notTracker.headers)).toMatchObject({ status: 200, body: { outcome: 'IGNORED' } });
    const stranger = { tracker: { object: 'Tracker', id: 'trk_unknown', tracking_code: 'EZ9999999999', carrier: 'USPS', public_url: 'https://track.easypost.com/x' } };
    const unknown = signed(trackerEvent(stranger, 'in_transit', [{ status: 'in_transit', message: 'Accepted', datetime: at(1) }]), WEBHOOK_SECRET);
    expect((await postWebhook(unknown.body, unknown.headers)).status).toBe(404);
  });
});

describe('EasyPost down', () => {
  it('refuses the dispatch clearly and changes nothing; the breaker opens and later dispatches fail fast; EasyPost back: the label is bought', async () => {
    const ready = async () => (await fetch(stack.subgraphs.fulfillment!.url.replace(/\/graphql$/, '/ready'))).json();
    const { shipmentId } = await openShipment();
    easypost.outage(503);

    const refused = await stack.request(DISPATCH, { shipmentId }, tokens.WAREHOUSE);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'CARRIER_UNAVAILABLE' } });
    expect(refused.errors?.[0]?.message).toMatch(/carrier cannot book a label right now/);
    expect((await readShipment(shipmentId)).status).toBe('ASSIGNED');
    expect(await ready()).toMatchObject({ outbound: { easypost: 'open' }, openCircuits: ['easypost'] });

    const reached = easypost.requests.length;
    expect(errorCode(await stack.request(DISPATCH, { shipmentId }, tokens.WAREHOUSE))).toBe('INTERNAL_SERVER_ERROR');
    expect(easypost.requests).toHaveLength(reached);

    easypost.recover();
    const shipment = await eventually(
      async () => {
        const res = await stack.request(DISPATCH, { shipmentId }, tokens.WAREHOUSE);
        return !res.errors && (res.data.dispatchShipment as ShipmentView);
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'the dispatch to go through after EasyPost came back' },
    );
    expect(shipment).toMatchObject({ status: 'DISPATCHED', trackingNumber: easyPostShipmentOf(shipmentId).tracking_code });
    expect(await ready()).toMatchObject({ outbound: { easypost: 'closed' }, openCircuits: [] });
  });
});

describe('the EasyPost adapter', () => {
  const adapter = () =>
    new EasyPostCarrier({
      apiKey: easypost.apiKey,
      apiBase: easypost.url,
      fromAddress: FROM,
      timeoutMs: 2_000,
      policy: easyPostPolicy(new OutboundClients({ ...loadConfig({}).outbound, retryDelayMs: 5 }), 2_000),
    });
  const address = { nickname: 'Home', line1: '1 Main St', line2: 'Apt 2', city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' };

  it('gives the same label when asked again for the same shipment, buying it once (EasyPost finds it by reference)', async () => {
    const request = { shipmentId: randomUUID(), orderId: randomUUID(), warehouseId: 'NJ-FC', shippingAddress: address, shippingMethod: 'STANDARD' as const, carrier: null };
    const first = await adapter().createLabel(request);
    const again = await adapter().createLabel(request);
    expect(again).toEqual(first);
    expect(easypost.requestsTo('POST', /\/buy$/).filter((r) => r.path.includes(easyPostShipmentOf(request.shipmentId).id))).toHaveLength(1);
  });

  it('books return labels as EasyPost return shipments (is_return), once per return', async () => {
    const returnId = randomUUID();
    const request = { returnId, orderId: randomUUID(), warehouseId: 'NJ-FC', customerAddress: address, carrier: null };
    const label = await adapter().createReturnLabel(request);
    const created = easypost.requestsTo('POST', /^\/v2\/shipments$/).filter((r) => r.body.shipment.reference === `return-${returnId}`);
    expect(created).toHaveLength(1);
    expect(created[0]!.body.shipment).toMatchObject({ is_return: true, to_address: { street1: '1 Main St', street2: 'Apt 2' }, from_address: FROM });
    expect(label).toMatchObject({ carrier: 'USPS', trackingNumber: expect.stringMatching(/^EZ/), trackingUrl: expect.stringMatching(/^https:\/\/track\.easypost\.com\//), labelUrl: expect.stringMatching(/\.pdf$/) });
    expect(await adapter().createReturnLabel(request)).toEqual(label);
  });

  it('retries a failed EasyPost call twice (HTTP 2x) before giving up', async () => {
    easypost.outage(502);
    const request = { shipmentId: randomUUID(), orderId: randomUUID(), warehouseId: 'NJ-FC', shippingAddress: address, shippingMethod: 'STANDARD' as const, carrier: null };
    const before = easypost.requests.length;
    await expect(adapter().createLabel(request)).rejects.toThrow(/EasyPost unavailable/);
    expect(easypost.requests.length - before).toBe(3);
  });
});

describe('choosing the carrier by configuration', () => {
  const build = (env: Record<string, string>) => {
    const config = loadConfig(env);
    return createCarrierAdapter({ config, outbound: new OutboundClients(config.outbound), log: stack.env.log });
  };
  const production = () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return {
      NODE_ENV: 'production',
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      STAFF_ACCOUNTS: JSON.stringify([{ email: 'boss@shop.example', role: 'ADMIN', password: 'a-strong-password' }]),
      SUBGRAPH_SHARED_SECRET: 'a-production-subgraph-secret',
    };
  };
  const easypostEnv = { CARRIER_ADAPTER: 'easypost', EASYPOST_API_KEY: 'EZAK_live', EASYPOST_FROM_ADDRESS: JSON.stringify(FROM) };

  it('uses the stub by default outside production, EasyPost when CARRIER_ADAPTER=easypost', () => {
    expect(build({}).name).toBe('stub');
    expect(build(easypostEnv).name).toBe('easypost');
  });

  it('needs the API key and the sender address for EasyPost, and a webhook secret in production', () => {
    expect(() => loadConfig({ CARRIER_ADAPTER: 'easypost' })).toThrow(/EASYPOST_API_KEY is required[\s\S]*EASYPOST_FROM_ADDRESS is required/);
    expect(() => loadConfig({ ...easypostEnv, EASYPOST_FROM_ADDRESS: '{"name":"x"}' })).toThrow(/EASYPOST_FROM_ADDRESS/);
    expect(() => loadConfig({ ...production(), ...easypostEnv })).toThrow(/EASYPOST_WEBHOOK_SECRET is required in production/);
  });

  it('has no default in production: fulfillment refuses to start without CARRIER_ADAPTER, takes the stub only when chosen', () => {
    expect(() => build(production())).toThrow(/CARRIER_ADAPTER must be set in production/);
    expect(build({ ...production(), CARRIER_ADAPTER: 'stub' }).name).toBe('stub');
    expect(build({ ...production(), ...easypostEnv, EASYPOST_WEBHOOK_SECRET: WEBHOOK_SECRET }).name).toBe('easypost');
  });
});
