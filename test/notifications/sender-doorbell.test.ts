import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/config.js';
import { placedOrder, registeredCustomer, startNotifications, statusChanged, type NotificationsWorld } from './support.js';

/**
 * The sender does not wait for its poll to send a freshly queued e-mail: the handler that queued it
 * rings the sender once its transaction committed. The poll here is ten minutes, so only the
 * doorbell can explain a prompt e-mail.
 */
describe('the sender wakes when an e-mail is queued', () => {
  let world: NotificationsWorld;

  beforeAll(async () => {
    world = await startNotifications({ NOTIFICATION_POLL_MS: '600000' });
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('sends a confirmation long before the next poll', async () => {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    await statusChanged(world, order, 'CONFIRMED');
    await eventually(() => world.sink.to(customer.email).length === 1, { what: 'the confirmation at the SMTP server', timeoutMs: 20_000 });
    const [row] = await world.db.notificationsOf(order.orderId);
    expect(row).toMatchObject({ kind: 'ORDER_CONFIRMED', status: 'SENT', attempts: 1 });
  });
});
