import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../platform/auth.js';
import { FulfillmentRequested } from '../../events/contracts/orders/fulfillment-requested.event.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { DISPATCH, FulfillmentDb, fulfillmentRequest, publishEvent, SHIPMENT, type ShipmentView } from './support.js';

/** The stub carrier's delivery simulation (CARRIER_SIMULATION), as the dev stack runs it. */

let stack: Stack;
let db: FulfillmentDb;
let warehouse: string;

beforeAll(async () => {
  stack = await startStack([fulfillmentSubgraph], { CARRIER_SIMULATION: 'true', CARRIER_SIMULATION_STEP_MS: '150' });
  db = new FulfillmentDb(stack.env.databaseUrl);
  await db.connect();
  warehouse = await stack.tokenFor('WAREHOUSE' satisfies Role);
});

afterAll(async () => {
  await db?.close();
  await stack?.stop();
});

async function dispatchedTo(line1: string) {
  const request = fulfillmentRequest({ shippingAddress: { line1, city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' } });
  await publishEvent(stack, FulfillmentRequested, request, { customerId: request.customerId });
  const shipmentId = await eventually(() => db.shipmentIdOf(request.orderId), { what: 'the shipment to open' });
  const res = await stack.request(DISPATCH, { shipmentId }, warehouse);
  expect(res.errors).toBeUndefined();
  return { request, shipmentId };
}

const statusOf = async (id: string): Promise<ShipmentView> => (await stack.request(SHIPMENT, { id }, warehouse)).data.shipment;

it('delivers a dispatched parcel by itself', async () => {
  const { request, shipmentId } = await dispatchedTo('1 Main St');
  await eventually(async () => (await statusOf(shipmentId)).status === 'DELIVERED', { what: 'the simulated delivery' });
  expect((await db.eventsFor(request.orderId)).map((e) => e.type)).toEqual(['ShipmentAssigned', 'ReservationShipRequested', 'ShipmentDispatched', 'ShipmentDelivered']);
});

it('fails three attempts at an undeliverable address, then holds the parcel', async () => {
  const { request, shipmentId } = await dispatchedTo('Undeliverable Lane 9');
  await eventually(async () => (await statusOf(shipmentId)).status === 'DELIVERY_FAILED', { what: 'the simulated attempts' });
  const shipment = await statusOf(shipmentId);
  expect(shipment.deliveryAttempts).toBe(3);
  expect((await db.eventsFor(request.orderId)).map((e) => e.type)).toEqual([
    'ShipmentAssigned',
    'ReservationShipRequested',
    'ShipmentDispatched',
    'DeliveryAttemptFailed',
    'DeliveryAttemptFailed',
    'DeliveryAttemptFailed',
    'DeliveryFailed',
  ]);
});
