import { describe, expect, it } from 'vitest';
import { StubCarrier } from './stub-carrier.js';

const request = {
  shipmentId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  orderId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c',
  warehouseId: 'NJ-FC',
  shippingAddress: { line1: '1 Main St', city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' },
  shippingMethod: 'STANDARD' as const,
  carrier: null,
};

describe('stub carrier', () => {
  it('gives the same label for the same shipment every time', async () => {
    const carrier = new StubCarrier();
    expect(await carrier.createLabel(request)).toEqual(await carrier.createLabel(request));
    expect(await carrier.createLabel(request)).not.toEqual(await carrier.createLabel({ ...request, shipmentId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d' }));
  });

  it.each([
    ['STANDARD', null, 'USPS', /^9400\d{18}$/],
    ['EXPRESS', null, 'UPS', /^1Z[0-9A-F]{16}$/],
    ['NEXT_DAY', null, 'FEDEX', /^\d{12}$/],
    ['STANDARD', 'DHL', 'DHL', /^\d{10}$/],
  ] as const)('books %s shipments (carrier %s) with %s', async (shippingMethod, chosen, carrier, format) => {
    const label = await new StubCarrier().createLabel({ ...request, shippingMethod, carrier: chosen });
    expect(label.carrier).toBe(carrier);
    expect(label.trackingNumber).toMatch(format);
  });

  it("gives each label the carrier's public tracking page", async () => {
    const label = await new StubCarrier().createLabel({ ...request, shippingMethod: 'EXPRESS' });
    expect(label.trackingUrl).toBe(`https://www.ups.com/track?tracknum=${label.trackingNumber}`);
  });

  it('books return labels, the same one per return, by USPS unless told otherwise', async () => {
    const carrier = new StubCarrier();
    const returnRequest = { returnId: 'ret-1', orderId: request.orderId, warehouseId: 'NJ-FC', customerAddress: request.shippingAddress, carrier: null };
    const label = await carrier.createReturnLabel(returnRequest);
    expect(label).toEqual(await carrier.createReturnLabel(returnRequest));
    expect(label).toMatchObject({ carrier: 'USPS', trackingNumber: expect.stringMatching(/^9400\d{18}$/), labelUrl: expect.stringMatching(/ret-1/) });
    expect(label.trackingNumber).not.toBe((await carrier.createLabel(request)).trackingNumber);
  });

  it('simulates a delivery, or failed attempts at an undeliverable address', () => {
    const carrier = new StubCarrier();
    const parcel = { shipmentId: request.shipmentId, carrier: 'UPS', trackingNumber: '1Z', shippingAddress: request.shippingAddress, attempt: 1 };
    expect(carrier.nextOutcome(parcel)).toEqual({ type: 'delivered' });
    expect(carrier.nextOutcome({ ...parcel, shippingAddress: { ...request.shippingAddress, line2: 'UNDELIVERABLE test' } })).toEqual({
      type: 'delivery_attempt_failed',
      reason: 'Recipient not available',
    });
  });
});
