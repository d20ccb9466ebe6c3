import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/config.js';
import { placedOrder, registeredCustomer, startNotifications, statusChanged, type NotificationsWorld } from './support.js';

const MY_NOTIFICATIONS = /* GraphQL */ `
  query NotificationsMine($first: Int, $after: String) {
    myNotifications(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        to
        subject
        status
        attempts
        createdAt
        sentAt
        order {
          id
        }
      }
    }
  }
`;

const STAFF_NOTIFICATIONS = /* GraphQL */ `
  query NotificationsForStaff($status: NotificationStatus, $orderId: ID, $first: Int) {
    notifications(status: $status, orderId: $orderId, first: $first) {
      totalCount
      nodes {
        kind
        to
        status
        order {
          id
        }
      }
    }
  }
`;

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; kind: string; to: string; subject: string; status: string; order: { id: string } | null }[] };

/** Who may read which e-mails: their customer and customer service, nobody else, guests included. */
describe('reading notifications', () => {
  let world: NotificationsWorld;
  let alice: { customerId: string; email: string; token: string; orderId: string };
  let bob: { customerId: string; email: string; token: string; orderId: string };

  async function customerWithTwoEmails() {
    const customer = await registeredCustomer(world);
    const order = await placedOrder(world, customer.customerId);
    await statusChanged(world, order, 'CONFIRMED');
    // "newest first" is the order the e-mails were queued in: the cancellation's only once the confirmation's is there
    // (two events published back to back may be handled in either order when one is retried)
    await eventually(async () => (await world.db.notificationsOf(order.orderId)).length === 1, { what: 'the confirmation e-mail to be queued' });
    await statusChanged(world, order, 'CANCELLED', 'changed my mind');
    await eventually(async () => (await world.db.notificationsOf(order.orderId)).filter((n) => n.status === 'SENT').length === 2, { what: 'both e-mails to be sent' });
    return { customerId: customer.customerId, email: customer.email, token: await world.stack.tokenFor('CUSTOMER', customer.customerId), orderId: order.orderId };
  }

  beforeAll(async () => {
    world = await startNotifications();
    alice = await customerWithTwoEmails();
    bob = await customerWithTwoEmails();
  });
  afterAll(async () => {
    await world?.stop();
  });

  const orderNotifications = async (orderId: string, token?: string) => {
    // as the query planner asks notifications for Order.notifications (orders owns the order)
    const response = await fetch(world.stack.subgraphs.notifications!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...world.stack.asGateway, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({
        // a plain string: subgraph-only operations stay out of the client operation checks
        query: 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Order { notifications { kind to } } } }',
        variables: { representations: [{ __typename: 'Order', id: orderId }] },
      }),
    });
    const body = (await response.json()) as { data?: { _entities: unknown[] } | null; errors?: { extensions?: { code?: string } }[] };
    return body.errors ? body.errors[0]!.extensions?.code : body.data!._entities;
  };

  it('gives customers their own e-mails, newest first, page by page', async () => {
    const first = await world.stack.request<{ myNotifications: Page }>(MY_NOTIFICATIONS, { first: 1 }, alice.token);
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.myNotifications;
    expect(page1.totalCount).toBe(2);
    expect(page1.nodes.map((n) => [n.kind, n.to, n.status, n.order?.id])).toEqual([['ORDER_CANCELLED', alice.email, 'SENT', alice.orderId]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);

    const second = await world.stack.request<{ myNotifications: Page }>(MY_NOTIFICATIONS, { first: 1, after: page1.pageInfo.endCursor }, alice.token);
    expect(second.data!.myNotifications.nodes.map((n) => n.kind)).toEqual(['ORDER_CONFIRMED']);
    expect(second.data!.myNotifications.pageInfo.hasNextPage).toBe(false);
  });

  it('never shows one customer another customer’s e-mails, through any field', async () => {
    const mine = await world.stack.request<{ myNotifications: Page }>(MY_NOTIFICATIONS, { first: 50 }, bob.token);
    expect(mine.data!.myNotifications.nodes.every((n) => n.to === bob.email && n.order?.id === bob.orderId)).toBe(true);

    expect(await orderNotifications(alice.orderId, bob.token)).toBe('FORBIDDEN');
    expect(await orderNotifications(alice.orderId, alice.token)).toEqual([{ notifications: [{ kind: 'ORDER_CANCELLED', to: alice.email }, { kind: 'ORDER_CONFIRMED', to: alice.email }] }]);

    const staffOnly = await world.stack.request(STAFF_NOTIFICATIONS, { orderId: alice.orderId }, bob.token);
    expect(staffOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows guests and signed-out callers nothing', async () => {
    const guest = await world.stack.tokenFor('GUEST', alice.customerId); // even a guest id equal to a customer's
    expect((await world.stack.request(MY_NOTIFICATIONS, {}, guest)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await world.stack.request(MY_NOTIFICATIONS, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await orderNotifications(alice.orderId, guest)).toBe('FORBIDDEN');
    expect(await orderNotifications(alice.orderId)).toBe('UNAUTHENTICATED');
    // an order notifications never heard of has no e-mails, whoever asks
    expect(await orderNotifications(randomUUID(), bob.token)).toEqual([{ notifications: [] }]);
  });

  it('lets customer service find e-mails by order and status', async () => {
    const cs = await world.stack.tokenFor('CUSTOMER_SERVICE');
    const byOrder = await world.stack.request<{ notifications: Page }>(STAFF_NOTIFICATIONS, { orderId: alice.orderId }, cs);
    expect(byOrder.data!.notifications.nodes.map((n) => n.kind)).toEqual(['ORDER_CANCELLED', 'ORDER_CONFIRMED']);
    const sent = await world.stack.request<{ notifications: Page }>(STAFF_NOTIFICATIONS, { status: 'SENT', first: 100 }, cs);
    expect(sent.data!.notifications.totalCount).toBe(4);
    const failed = await world.stack.request<{ notifications: Page }>(STAFF_NOTIFICATIONS, { status: 'FAILED' }, cs);
    expect(failed.data!.notifications).toEqual({ totalCount: 0, nodes: [] });
    expect(await orderNotifications(alice.orderId, cs)).toEqual([{ notifications: [{ kind: 'ORDER_CANCELLED', to: alice.email }, { kind: 'ORDER_CONFIRMED', to: alice.email }] }]);

    const warehouse = await world.stack.tokenFor('WAREHOUSE');
    expect((await world.stack.request(STAFF_NOTIFICATIONS, {}, warehouse)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await world.stack.request(STAFF_NOTIFICATIONS, { orderId: 'not-an-id' }, cs)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { orderId: expect.any(String) } });
  });
});
