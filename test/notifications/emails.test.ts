import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerProfileUpdated } from '../../events/contracts/customers/customer-profile-updated.event.js';
import { PasswordResetRequested } from '../../events/contracts/customers/password-reset-requested.event.js';
import { DeliveryFailed } from '../../events/contracts/fulfillment/delivery-failed.event.js';
import { ShipmentDispatched } from '../../events/contracts/fulfillment/shipment-dispatched.event.js';
import { PaymentCaptured } from '../../events/contracts/payments/payment-captured.event.js';
import { RefundCompleted } from '../../events/contracts/payments/refund-completed.event.js';
import { ReturnUpdated } from '../../events/contracts/returns/return-updated.event.js';
import type { PayloadOf } from '../../events/contract.js';
import type { ReceivedEmail } from '../../scripts/cluster/smtp-sink.js';
import { eventually } from '../support/config.js';
import { placedOrder, publishEvent, registeredCustomer, startNotifications, statusChanged, type NotificationsWorld } from './support.js';

/**
 * Every kind of e-mail, as it arrives at a real SMTP server: recipient, subject, the facts it
 * must carry, an HTML and a text part, customer text escaped.
 */
describe('customer e-mails', () => {
  let world: NotificationsWorld;

  beforeAll(async () => {
    world = await startNotifications({ STOREFRONT_URL_BASE: 'https://shop.example/' });
  });
  afterAll(async () => {
    await world?.stop();
  });

  const arrival = (to: string, subject: RegExp): Promise<ReceivedEmail> =>
    eventually(() => world.sink.to(to).find((email) => subject.test(email.subject)), { what: `an e-mail to ${to} about ${subject}`, timeoutMs: 20_000 });

  it('confirms an order with its number, items, formatted totals, shipping address, method and expected delivery', async () => {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId, { number: 'CS-100042' });
    await statusChanged(world, order, 'CONFIRMED');

    const email = await arrival(customer.email, /is confirmed/);
    expect(email.subject).toBe('Your CritterSupply order CS-100042 is confirmed');
    expect(email.from).toContain('orders@crittersupply.dev');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('Hi Alice,');
      expect(part).toContain('Dog food 5 kg');
      expect(part).toContain('$49.98'); // 2 × $24.99
      expect(part).toContain('$53.97');
      expect(part).toContain('$5.99');
      expect(part).toContain('$59.96');
      expect(part).toContain('12 Kibble Lane');
      expect(part).toContain('Portland, OR 97201');
      expect(part).toContain('Standard (5–7 days)');
      expect(part).toContain('Tuesday, December 8, 2026'); // placed Dec 1 + 7 days
      expect(part).toContain('CS-100042');
      expect(part).not.toContain('Discount'); // no coupon, no discount line
    }
    expect(email.html).toMatch(/<html[\s\S]*<table/); // MJML rendered, not raw
    expect(email.html).not.toContain('<mj-');
  });

  it('exports the delivery latency per kind on /metrics (event time → SMTP accepted)', async () => {
    const metricsUrl = new URL('/metrics', world.stack.subgraphs.notifications!.url);
    // one sample line of the histogram, whatever order prom-client writes the labels in
    const sample = async (series: string, labels: Record<string, string>): Promise<number> => {
      const text = await (await fetch(metricsUrl)).text();
      const line = text.split('\n').find((l) => l.startsWith(`${series}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
      return Number(line?.split(' ').at(-1) ?? 0);
    };
    const count = () => sample('notification_delivery_seconds_count', { kind: 'ORDER_CONFIRMED' });
    const before = await count();
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    await statusChanged(world, order, 'CONFIRMED');
    await arrival(customer.email, /is confirmed/);
    await eventually(async () => (await count()) === before + 1, { what: 'the histogram to count the e-mail' });
    expect(await sample('notification_delivery_seconds_bucket', { kind: 'ORDER_CONFIRMED', le: '+Inf' })).toBe(before + 1);
  });

  it('shows the coupon discount on the confirmation, the total as charged', async () => {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId, { number: 'CS-100043', discountCents: 540, couponCode: 'WOOF10', totalCents: 5456 });
    await statusChanged(world, order, 'CONFIRMED');
    const email = await arrival(customer.email, /CS-100043 is confirmed/);
    expect(email.text).toContain('Discount (WOOF10): −$5.40');
    expect(email.text).toContain('Total:    $54.56');
    expect(email.html).toContain('Discount (WOOF10)');
    expect(email.html).toContain('−$5.40');
  });

  it('names an order recorded before order numbers existed by the start of its id', async () => {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    await statusChanged(world, order, 'CONFIRMED');
    const email = await arrival(customer.email, /is confirmed/);
    expect(email.subject).toBe(`Your CritterSupply order ${order.orderId.slice(0, 8).toUpperCase()} is confirmed`);
  });

  it('escapes what customers typed: names and address lines never become markup', async () => {
    const customer = await registeredCustomer(world, { firstName: '<b>Eve</b>' });
    const order = await placedOrder(world, customer.customerId, {
      shippingAddress: { line1: '1 <script>alert(1)</script> St', line2: null, city: 'Salem', region: 'OR', postalCode: '97301', country: 'US' },
    });
    await statusChanged(world, order, 'CONFIRMED');
    const email = await arrival(customer.email, /is confirmed/);
    expect(email.html).toContain('Hi &lt;b&gt;Eve&lt;/b&gt;,');
    expect(email.html).toContain('1 &lt;script&gt;alert(1)&lt;/script&gt; St');
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('Hi <b>Eve</b>,'); // the text part is plain text: shown as typed
  });

  it('tells a declined card with what to do, and sends no cancellation e-mail besides', async () => {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    await statusChanged(world, order, 'CANCELLED', 'PAYMENT_DECLINED');
    const email = await arrival(customer.email, /card was declined/);
    for (const part of [email.html, email.text]) {
      expect(part).toContain('Your card was declined — use another card');
      expect(part).toContain('$59.96');
      expect(part).toContain('check out with another card');
    }
    // the storefront's reorder page (reorder(orderId)) rebuilds the cart from the order
    const reorderUrl = `https://shop.example/orders/${order.orderId}/reorder`;
    expect(email.text).toContain(`Put these items in my cart again: ${reorderUrl}`);
    expect(email.html).toContain(`href="${reorderUrl}"`);
    await eventually(async () => (await world.db.notificationsOf(order.orderId)).every((n) => n.status === 'SENT'), { what: 'the e-mail to be sent' });
    expect((await world.db.notificationsOf(order.orderId)).map((n) => n.kind)).toEqual(['PAYMENT_FAILED']);
  });

  it('tells a customer their order is on hold', async () => {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    await statusChanged(world, order, 'ON_HOLD', 'CONFIRMATION_TIMEOUT');
    const email = await arrival(customer.email, /is on hold/);
    expect(email.text).toContain('customer service team');
    expect(email.html).toContain('put it on hold');
  });

  it('tells why an order was cancelled and that nothing was charged when nothing was captured', async () => {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    await statusChanged(world, order, 'CANCELLED', 'OUT_OF_STOCK');
    const email = await arrival(customer.email, /was cancelled/);
    for (const part of [email.html, email.text]) {
      expect(part).toContain('some of the items are no longer in stock');
      expect(part).toContain('Nothing was charged');
    }
  });

  it('tells a cancelled customer the amount they paid is refunded', async () => {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    await publishEvent(world.stack, PaymentCaptured, { orderId: order.orderId, paymentId: randomUUID(), amountCents: 5996, currency: 'USD' });
    // the capture is projected before the cancellation is published, as in the saga
    await eventually(async () => (await world.db.capturedCents(order.orderId)) === 5996, { what: 'the capture to be projected' });
    await statusChanged(world, order, 'CANCELLED', 'Changed my mind & <ordered> elsewhere');
    const email = await arrival(customer.email, /was cancelled/);
    expect(email.text).toContain('was cancelled: Changed my mind & <ordered> elsewhere.');
    expect(email.html).toContain('Changed my mind &amp; &lt;ordered&gt; elsewhere');
    expect(email.text).toContain('The $59.96 you paid is being refunded to your card');
  });

  it('sends the shipment e-mail with the carrier, the tracking number and the tracking link', async () => {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    await publishEvent(world.stack, ShipmentDispatched, { orderId: order.orderId, shipmentId: randomUUID(), warehouseId: 'OH-FC', carrier: 'UPS', trackingNumber: '1Z999AA10123456784', dispatchedAt: new Date().toISOString() });
    const email = await arrival(customer.email, /on its way/);
    for (const part of [email.html, email.text]) {
      expect(part).toContain('UPS');
      expect(part).toContain('1Z999AA10123456784');
      expect(part).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    }
  });

  it('tells a customer their parcel could not be delivered', async () => {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    await publishEvent(world.stack, DeliveryFailed, { orderId: order.orderId, shipmentId: randomUUID(), attempts: 3 });
    const email = await arrival(customer.email, /could not deliver/);
    expect(email.text).toContain('tried 3 times');
    expect(email.html).toContain('held at the carrier');
  });

  it('tells the amount of a completed refund', async () => {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    await publishEvent(world.stack, RefundCompleted, { orderId: order.orderId, paymentId: randomUUID(), refundId: randomUUID(), amountCents: 2499, currency: 'USD' });
    const email = await arrival(customer.email, /refund of \$24\.99/);
    expect(email.text).toContain('We refunded $24.99');
    expect(email.html).toContain('We refunded $24.99');
  });

  it('sends the password reset link to the account', async () => {
    const customer = await registeredCustomer(world);
    const resetUrl = `https://shop.crittersupply.dev/reset-password?token=${randomUUID()}`;
    await publishEvent(
      world.stack,
      PasswordResetRequested,
      { customerId: customer.customerId, email: customer.email, firstName: customer.firstName, resetUrl, expiresAt: '2026-12-02T13:00:00.000Z' },
      { customerId: customer.customerId },
    );
    const email = await arrival(customer.email, /Reset your CritterSupply password/);
    expect(email.text).toContain(resetUrl);
    expect(email.html).toContain(`href="${resetUrl}"`);
  });

  it('follows profile changes: the next e-mail goes to the new address', async () => {
    const customer = await registeredCustomer(world);
    const newEmail = `moved.${randomUUID().slice(0, 8)}@critter.test`;
    await publishEvent(world.stack, CustomerProfileUpdated, { customerId: customer.customerId, email: newEmail, firstName: 'Alicia', lastName: 'Walker' }, { customerId: customer.customerId });
    await eventually(async () => (await world.db.recipientEmail(customer.customerId)) === newEmail, { what: 'the new address to be projected' });
    const order = await placedOrder(world, customer.customerId);
    await statusChanged(world, order, 'CONFIRMED');
    const email = await arrival(newEmail, /is confirmed/);
    expect(email.text).toContain('Hi Alicia,');
    expect(world.sink.to(customer.email).filter((e) => e.subject.includes(order.orderId.slice(0, 8).toUpperCase()))).toEqual([]);
  });

  describe('returns: one e-mail per step of a return (ReturnUpdated)', () => {
    const returnStep = (order: { orderId: string; customerId: string }, returnId: string, sequence: number, changes: Partial<PayloadOf<typeof ReturnUpdated>>): PayloadOf<typeof ReturnUpdated> => ({
      returnId,
      orderId: order.orderId,
      customerId: order.customerId,
      status: 'REQUESTED',
      previousStatus: null,
      sequence,
      open: true,
      items: [{ sku: 'DOG-FOOD-5KG', name: 'Dog food 5 kg', quantity: 2, reason: 'NO_LONGER_NEEDED', unitPriceCents: 2499, acceptedQuantity: null }],
      currency: 'USD',
      restockingFeeCents: 750,
      refundCents: 4248,
      label: null,
      rejectionReason: null,
      refund: null,
      occurredAt: new Date().toISOString(),
      ...changes,
    });
    const publishStep = (payload: PayloadOf<typeof ReturnUpdated>) => publishEvent(world.stack, ReturnUpdated, payload, { customerId: payload.customerId, correlationId: payload.orderId });

    it('tells an approved return with its items, refund, restocking fee and the prepaid label to print', async () => {
      const customer = await registeredCustomer(world);
      const order = await placedOrder(world, customer.customerId, { number: 'CS-100077' });
      const labelUrl = 'https://labels.example.test/return/EZ1000000001.png';
      await publishStep(
        returnStep(order, randomUUID(), 2, { status: 'APPROVED', previousStatus: 'REQUESTED', label: { carrier: 'USPS', trackingNumber: '9400100000000000000001', labelUrl } }),
      );
      const email = await arrival(customer.email, /return is approved/);
      expect(email.subject).toBe('Your return is approved (order CS-100077)');
      for (const part of [email.html, email.text]) {
        expect(part).toContain('Hi Alice,');
        expect(part).toContain('2 × Dog food 5 kg');
        expect(part).toContain('Refund: $42.48');
        expect(part).toContain('Restocking fee: $7.50');
        expect(part).toContain('USPS, tracking number 9400100000000000000001');
      }
      expect(email.text).toContain(`Print it: ${labelUrl}`);
      expect(email.html).toContain(`href="${labelUrl}"`);
    });

    it('tells a rejected return with the reason as staff wrote it, escaped, and no refund or label', async () => {
      const customer = await registeredCustomer(world);
      const order = await placedOrder(world, customer.customerId);
      await publishStep(returnStep(order, randomUUID(), 2, { status: 'REJECTED', previousStatus: 'REQUESTED', open: false, rejectionReason: 'Opened <food> bags cannot be returned' }));
      const email = await arrival(customer.email, /return was not accepted/);
      expect(email.text).toContain('Reason: Opened <food> bags cannot be returned');
      expect(email.html).toContain('Reason: Opened &lt;food&gt; bags cannot be returned');
      for (const part of [email.html, email.text]) {
        expect(part).not.toContain('Refund:');
        expect(part).not.toContain('Return label');
      }
    });

    it('sends each step once: requested, received (accepted units), refunded', async () => {
      const customer = await registeredCustomer(world);
      const order = await placedOrder(world, customer.customerId);
      const returnId = randomUUID();
      await publishStep(returnStep(order, returnId, 1, {}));
      await arrival(customer.email, /received your return request/);
      const inspected = [{ sku: 'DOG-FOOD-5KG', name: 'Dog food 5 kg', quantity: 2, reason: 'NO_LONGER_NEEDED' as const, unitPriceCents: 2499, acceptedQuantity: 1 }];
      await publishStep(returnStep(order, returnId, 3, { status: 'RECEIVED', previousStatus: 'APPROVED', items: inspected, refundCents: 2124, restockingFeeCents: 375 }));
      const received = await arrival(customer.email, /received your returned items/);
      expect(received.text).toContain('2 × Dog food 5 kg (1 accepted)');
      expect(received.text).toContain('Your refund of $21.24 is on its way');
      const refund = { refundId: randomUUID(), status: 'COMPLETED' as const, failureReason: null };
      await publishStep(returnStep(order, returnId, 4, { status: 'REFUNDED', previousStatus: 'RECEIVED', open: false, items: inspected, refundCents: 2124, restockingFeeCents: 375, refund }));
      const refunded = await arrival(customer.email, /return is refunded/);
      expect(refunded.html).toContain('We refunded $21.24');
      await eventually(async () => (await world.db.notificationsOf(order.orderId)).filter((n) => n.status === 'SENT').length === 3, { what: 'the three e-mails to be sent' });
      expect((await world.db.notificationsOf(order.orderId)).map((n) => n.kind)).toEqual(['RETURN_UPDATED', 'RETURN_UPDATED', 'RETURN_UPDATED']);
    });
  });
});
