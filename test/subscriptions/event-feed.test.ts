import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, subjectFor, type Envelope } from '../../events/contract.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import { OrderStatusChanged } from '../../events/contracts/orders/order-status-changed.event.js';
import { EventFeed } from '../../gateway/subscriptions/event-feed.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../support/config.js';

/** The gateway's live feed on a real NATS server: who hears which event. */

let env: TestEnvironment;
let broker: Broker;
let feed: EventFeed;
beforeAll(async () => {
  env = await createTestEnvironment();
  broker = await connectBroker(env.config.nats, env.log);
  feed = new EventFeed(broker.nc, env.namespace, env.log);
});
afterAll(async () => {
  feed?.close();
  await broker?.close();
  await env?.cleanup();
});

const publishStatus = (customerId: string) => {
  const event = createEnvelope(
    OrderStatusChanged,
    { orderId: randomUUID(), customerId, status: 'PLACED', previousStatus: null, occurredAt: new Date().toISOString(), sequence: 1 },
    { customerId },
  );
  broker.nc.publish(subjectFor(env.namespace, OrderStatusChanged), JSON.stringify(event));
  return event.id;
};

const heard = () => {
  const events: Envelope[] = [];
  return { events, listener: (event: Envelope) => void events.push(event), ids: () => events.map((e) => e.id) };
};

describe('the live event feed', () => {
  it("hands a customer's listener only that customer's events, and a listener for anyone every event", async () => {
    const alice = heard();
    const bob = heard();
    const staff = heard();
    const stopAlice = feed.listen(OrderStatusChanged, alice.listener, 'alice');
    feed.listen(OrderStatusChanged, bob.listener, 'bob');
    feed.listen(OrderStatusChanged, staff.listener, null);
    await broker.nc.flush(); // the feed's subscription is registered with the server

    const sent = [publishStatus('alice'), publishStatus('bob'), publishStatus('carol'), publishStatus('alice')];
    // one subscription delivers in order, each event to all its listeners at once: once the
    // listener for anyone has the last event, every listener has had what it will get
    await eventually(() => staff.events.length === sent.length, { what: 'every event at the listener for anyone' });
    expect(staff.ids()).toEqual(sent);
    expect(alice.ids()).toEqual([sent[0], sent[3]]);
    expect(bob.ids()).toEqual([sent[1]]);
    expect(feed.listenerCount()).toBe(3);

    stopAlice();
    expect(feed.listenerCount()).toBe(2);
    const after = publishStatus('alice');
    await eventually(() => staff.events.length === sent.length + 1, { what: 'the event after alice stopped' });
    expect(staff.ids().at(-1)).toBe(after);
    expect(alice.ids()).toEqual([sent[0], sent[3]]);
  });
});
