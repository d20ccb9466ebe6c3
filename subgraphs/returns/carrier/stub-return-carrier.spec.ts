import { describe, expect, it } from 'vitest';
import { StubReturnCarrier } from './stub-return-carrier.js';

describe('the stub return carrier', () => {
  const request = (returnId: string) => ({ returnId, orderId: '0195a000-0000-7000-8000-000000000001', fromAddress: null, warehouseId: 'NJ-FC' });

  it('gives the same label every time it is asked for one return', async () => {
    const carrier = new StubReturnCarrier();
    const first = await carrier.createReturnLabel(request('0195a000-0000-7000-8000-0000000000a1'));
    expect(await carrier.createReturnLabel(request('0195a000-0000-7000-8000-0000000000a1'))).toEqual(first);
    expect(first).toMatchObject({ carrier: 'USPS', trackingNumber: expect.stringMatching(/^9202\d{18}$/) });
    expect(first.labelUrl).toContain('0195a000-0000-7000-8000-0000000000a1');
  });

  it('gives different returns different tracking numbers', async () => {
    const carrier = new StubReturnCarrier();
    const a = await carrier.createReturnLabel(request('0195a000-0000-7000-8000-0000000000a1'));
    const b = await carrier.createReturnLabel(request('0195a000-0000-7000-8000-0000000000a2'));
    expect(a.trackingNumber).not.toBe(b.trackingNumber);
  });
});
