import mjml2html from 'mjml';
import { describe, expect, it } from 'vitest';
import { emailDocument, renderEmail } from './render.js';
import type { DataOf, NotificationKind } from './index.js';

/** Customer text that markup must never see raw, and that must not be mistaken for a slot. */
const TRICKY = `Zoë <b>"O'Hara"</b> & co \uE0000\uE001`;
const address = { line1: '1 Main St', line2: TRICKY, city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' };

const samples: { [K in NotificationKind]: DataOf<K>[] } = {
  ORDER_CONFIRMED: [1, 3].flatMap((itemCount) =>
    [0, 250].map((discountCents) => ({
      firstName: TRICKY,
      orderLabel: `CS-10004${itemCount}`,
      items: Array.from({ length: itemCount }, (_, i) => ({ name: `${TRICKY} ${i}`, sku: `SKU-${i}`, quantity: i + 1, unitPriceCents: 1_299 + i })),
      subtotalCents: 5_000,
      discountCents,
      couponCode: discountCents ? 'WOOF<10>' : null,
      shippingCents: 599,
      totalCents: 5_599 - discountCents,
      currency: 'USD',
      shippingAddress: itemCount === 1 ? { ...address, line2: null } : address,
      shippingMethod: 'STANDARD',
      expectedBy: new Date('2026-12-10T00:00:00Z'),
    })),
  ),
  PAYMENT_FAILED: [{ firstName: 'Ann', orderLabel: 'CS-1', totalCents: 1_000, currency: 'USD', reorderUrl: 'https://shop.test/reorder?o=1&x="2"' }],
  ORDER_ON_HOLD: [{ firstName: TRICKY, orderLabel: 'CS-2' }],
  ORDER_CANCELLED: [
    { firstName: 'Ann', orderLabel: 'CS-3', reason: TRICKY, refundCents: 1_250, currency: 'EUR' },
    { firstName: 'Ann', orderLabel: 'CS-3', reason: null, refundCents: 0, currency: 'USD' },
  ],
  SHIPMENT_DISPATCHED: [
    { firstName: 'Ann', orderLabel: 'CS-4', carrier: 'UPS', trackingNumber: '1Z<9>', trackingUrl: 'https://ups.test/t?n=1Z&y=2' },
    { firstName: 'Ann', orderLabel: 'CS-4', carrier: 'OTHER', trackingNumber: 'X1', trackingUrl: null },
  ],
  DELIVERY_FAILED: [{ firstName: 'Ann', orderLabel: 'CS-5', attempts: 3 }],
  REFUND_COMPLETED: [{ firstName: 'Ann', orderLabel: 'CS-6', amountCents: 999, currency: 'USD' }],
  PASSWORD_RESET: [{ firstName: TRICKY, resetUrl: 'https://shop.test/reset?token=a&b="c"', expiresAt: new Date('2026-12-03T10:00:00Z') }],
  RETURN_UPDATED: (['REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'REFUNDED'] as const).map((status) => ({
    firstName: 'Ann',
    orderLabel: 'CS-7',
    status,
    refundFailed: status === 'RECEIVED',
    items: [{ name: TRICKY, quantity: 2, acceptedQuantity: status === 'REFUNDED' ? 1 : null }],
    currency: 'USD',
    refundCents: 1_000,
    restockingFeeCents: 150,
    label: status === 'APPROVED' ? { carrier: 'UPS', trackingNumber: '1Z', labelUrl: 'https://labels.test/1?a=1&b=2' } : null,
    rejectionReason: status === 'REJECTED' ? TRICKY : null,
  })),
};

describe('e-mail rendering', () => {
  for (const kind of Object.keys(samples) as NotificationKind[]) {
    it(`renders ${kind} exactly as MJML renders the whole document, from the shape it rendered once`, async () => {
      for (const data of samples[kind] as DataOf<typeof kind>[]) {
        const first = await renderEmail(kind, data);
        const again = await renderEmail(kind, data); // from the cache
        expect(again).toEqual(first);
        const direct = await mjml2html(emailDocument(kind, data).document.source, { validationLevel: 'strict' });
        expect(direct.errors).toEqual([]);
        expect(first.html).toBe(direct.html);
        expect(first.html).not.toMatch(/[\uE000\uE001]/);
        expect(first.html).not.toContain('<b>"O');
      }
    });
  }
});
