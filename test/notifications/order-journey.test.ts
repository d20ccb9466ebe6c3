import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink, type ReceivedEmail } from '../../scripts/cluster/smtp-sink.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { notificationsSubgraph } from '../../subgraphs/notifications/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { checkoutCart, completeCheckout, ok, orderWhen, placeOrder, REGISTER } from '../orders/support.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';

const ORDER_NOTIFICATIONS = /* GraphQL */ `
  query NotificationsOfOrder($id: ID!) {
    order(id: $id) {
      id
      notifications {
        kind
        to
        status
        attempts
        sentAt
      }
    }
  }
`;

/**
 * The whole system with a real SMTP server: a customer checks out through the gateway, orders
 * confirms the order, and the confirmation e-mail arrives with what the order says — fed only by
 * events (customers' registration, orders' placement and confirmation).
 */
describe('order e-mails, end to end', () => {
  let stack: Stack;
  const sink = new SmtpSink();

  beforeAll(async () => {
    await sink.start(0);
    stack = await startStack(
      [customersSubgraph, catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph, paymentsSubgraph, fulfillmentSubgraph, notificationsSubgraph],
      { SMTP_URL: sink.url, NOTIFICATION_POLL_MS: '100', CARRIER_SIMULATION: 'false' },
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await sink.stop();
  });

  async function customer() {
    const email = `journey.${randomUUID().slice(0, 8)}@critter.test`;
    const session = ok(await stack.request(REGISTER, { input: { email, password: 'journey-test-password', firstName: 'Jo', lastName: 'Urney' } })).registerCustomer;
    return { email, token: session.token as string, customerId: session.customer.id as string };
  }

  const arrival = (to: string, subject: RegExp): Promise<ReceivedEmail> =>
    eventually(() => sink.to(to).find((email) => subject.test(email.subject)), { what: `an e-mail to ${to} about ${subject}`, timeoutMs: 30_000 });

  it('e-mails the confirmation of a placed order to its customer, visible on the order to them only', async () => {
    const shopper = await customer();
    const { response } = await checkoutCart(stack, shopper.token, [['DOG-BOWL-001', 2]]);
    const checkoutId = ok(response).checkoutCart.id as string;
    await completeCheckout(stack, shopper.token, checkoutId, { method: 'EXPRESS' });
    const placed = await placeOrder(stack, shopper.token, checkoutId);
    const order = await orderWhen(stack, shopper.token, placed.id, (o) => o.status === 'CONFIRMED', 'the order to be confirmed');

    const email = await arrival(shopper.email, /is confirmed/);
    for (const part of [email.html, email.text]) {
      expect(part).toContain('Hi Jo,');
      expect(part).toContain(order.total.formatted);
      expect(part).toContain('1 Main St');
      expect(part).toContain('Express (2–3 days)');
    }

    const seen = await eventually(async () => {
      const res = ok(await stack.request(ORDER_NOTIFICATIONS, { id: placed.id }, shopper.token));
      return res.order.notifications.find((n: { status: string }) => n.status === 'SENT') && res.order.notifications;
    }, { what: 'the e-mail on the order' });
    expect(seen).toEqual([expect.objectContaining({ kind: 'ORDER_CONFIRMED', to: shopper.email, status: 'SENT', attempts: 1 })]);

    const other = await customer();
    const res = await stack.request(ORDER_NOTIFICATIONS, { id: placed.id }, other.token);
    expect(res.data?.order ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toContain(shopper.email);
  });

  it('tells a customer whose card was declined, once, and nothing else', async () => {
    const shopper = await customer();
    const { response } = await checkoutCart(stack, shopper.token, [['DOG-BOWL-001', 1]]);
    const checkoutId = ok(response).checkoutCart.id as string;
    await completeCheckout(stack, shopper.token, checkoutId, { paymentToken: 'tok_decline_insufficient_funds' });
    const placed = await placeOrder(stack, shopper.token, checkoutId);
    await orderWhen(stack, shopper.token, placed.id, (o) => o.status === 'CANCELLED', 'the order to be cancelled');

    const email = await arrival(shopper.email, /card was declined/);
    expect(email.text).toContain('use another card');
    const seen = await eventually(async () => {
      const notifications = ok(await stack.request(ORDER_NOTIFICATIONS, { id: placed.id }, shopper.token)).order.notifications as { kind: string; status: string }[];
      return notifications.every((n) => n.status === 'SENT') && notifications.length > 0 && notifications;
    }, { what: 'the e-mail to be sent' });
    expect(seen.map((n) => n.kind)).toEqual(['PAYMENT_FAILED']);
    expect(sink.to(shopper.email)).toHaveLength(1);
  });
});
