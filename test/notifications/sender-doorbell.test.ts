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
    // the SMTP server accepts before the sender commits the row's outcome: wait for both
    const row = await eventually(async () => (await world.db.notificationsOf(order.orderId)).find((n) => n.status === 'SENT'), { what: 'the confirmation sent', timeoutMs: 20_000 });
    expect(row).toMatchObject({ kind: 'ORDER_CONFIRMED', status: 'SENT', attempts: 1 });
    expect(world.sink.to(customer.email)).toHaveLength(1);
  });
});
