import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handle } from '../../events/consumer.js';
import { defineEvent, subjectFor } from '../../events/contract.js';
import { FulfillmentRequested } from '../../events/contracts/orders/fulfillment-requested.event.js';
import { connectBroker } from '../../events/nats.js';
import type { SubgraphSpec } from '../../platform/subgraph-runtime.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { operationsSubgraph } from '../../subgraphs/operations/subgraph.js';
import { EventPublisher } from '../orders/support.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { Subscriber, wsClient } from '../support/ws.js';
import { alertWhen, errorCode, ok } from './support.js';

/**
 * SPEC §10 dead letters, across contexts: fulfillment's kit dead-letters a message (a handler with
 * a bug, and a poisoned message), announces it through its outbox; operations lists it for ADMIN
 * and raises an alert; replayDeadLetter asks fulfillment to hand the message to its handler again
 * through the inbox — failing again while the bug is there, processed once it is fixed, and a
 * no-op the second time.
 */

const ProbeSent = defineEvent({ context: 'fulfillment', type: 'ProbeSent', version: 1, schema: z.object({ probeId: z.string().uuid() }) });

let bugFixed = false;
const handled: string[] = [];

/** fulfillment with one more handler, whose "bug" fails every delivery until the test fixes it. */
const fulfillmentWithBug: SubgraphSpec<any> = {
  ...fulfillmentSubgraph,
  async build(runtime) {
    const parts = await fulfillmentSubgraph.build(runtime);
    const buggy = handle(ProbeSent, { name: 'handle-probe', maxDeliver: 1 }, async (event) => {
      if (!bugFixed) throw new Error('TypeError: probe.widget is undefined');
      handled.push(event.payload.probeId);
    });
    return { ...parts, handlers: [...(parts.handlers ?? []), buggy] };
  },
};

const DEAD_LETTERS = /* GraphQL */ `
  query OperationsDeadLetters($context: String, $first: Int, $after: String) {
    deadLetters(context: $context, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        context
        handler
        subject
        eventId
        error
        attempts
        failedAt
        payload
        replayedAt
        replayRequestedAt
      }
    }
  }
`;

const REPLAY = /* GraphQL */ `
  mutation OperationsReplay($id: ID!) {
    replayDeadLetter(id: $id) {
      id
      replayedAt
      replayRequestedAt
    }
  }
`;

// orders is not in this stack: the payload stays within operations
const ALERT_RAISED = /* GraphQL */ `
  subscription OperationsDeadLetterAlerts {
    alertRaised {
      id
      kind
      status
      subject
    }
  }
`;

let stack: Stack;
let events: EventPublisher;
let admin: string;
let subscriber: Subscriber<{ alertRaised: any }>;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startStack([fulfillmentWithBug, operationsSubgraph]);
  events = await EventPublisher.connect(stack);
  admin = await stack.tokenFor('ADMIN');
  const client = wsClient(stack.wsUrl, admin);
  clients.push(client);
  subscriber = new Subscriber(client, ALERT_RAISED);
  await eventually(() => { if (subscriber.error) throw new Error(JSON.stringify(subscriber.error)); return stack.gateway.subscriptions!.stats().subscriptions === 1; }, { what: 'the admin subscription' });
}, 120_000);

afterAll(async () => {
  subscriber?.stop();
  for (const client of clients) await client.dispose();
  await events?.close();
  await stack?.stop();
});

interface DeadLetterView {
  id: string;
  context: string;
  handler: string;
  subject: string;
  eventId: string;
  error: string;
  attempts: number;
  failedAt: string;
  payload: string;
  replayedAt: string | null;
  replayRequestedAt: string | null;
}

async function deadLetterOf(eventId: string, probe: (d: DeadLetterView) => boolean = () => true, what = 'the dead letter'): Promise<DeadLetterView> {
  return eventually(async () => (ok(await stack.request(DEAD_LETTERS, { context: 'fulfillment', first: 100 }, admin)).deadLetters.nodes as DeadLetterView[]).find((d) => d.eventId === eventId && probe(d)), {
    what,
    timeoutMs: 20_000,
  });
}

describe('a message whose handler has a bug', () => {
  it('is dead-lettered, listed for ADMIN with payload, error and attempts, alerted, and replayed once the bug is fixed', async () => {
    const probeId = randomUUID();
    const event = await events.publish(ProbeSent, { probeId });

    const letter = await deadLetterOf(event.id);
    expect(letter).toMatchObject({ context: 'fulfillment', handler: 'handle-probe', subject: subjectFor(stack.env.namespace, ProbeSent), attempts: 1, replayedAt: null });
    expect(letter.error).toContain('probe.widget is undefined');
    expect(JSON.parse(letter.payload)).toMatchObject({ id: event.id, type: 'ProbeSent', payload: { probeId } });

    const subject = `dead-letter:fulfillment:${letter.id}`;
    const live = await eventually(() => subscriber.results.map((r) => r.data?.alertRaised).find((a) => a?.subject === subject), { what: 'the dead-letter alert' });
    expect(live).toMatchObject({ kind: 'MESSAGE_DEAD_LETTERED', status: 'OPEN' });

    // replayed before the fix: it fails again, the copy says so, nothing was handled
    expect(ok(await stack.request(REPLAY, { id: letter.id }, admin)).replayDeadLetter).toMatchObject({ id: letter.id, replayedAt: null });
    const again = await deadLetterOf(event.id, (d) => d.attempts === 2, 'the failed replay');
    expect(again.replayedAt).toBeNull();
    expect(handled).toEqual([]);
    expect((await alertWhen(stack, admin, subject, () => true, 'the alert')).status).toBe('OPEN');

    bugFixed = true;
    ok(await stack.request(REPLAY, { id: letter.id }, admin));
    const replayed = await deadLetterOf(event.id, (d) => d.replayedAt != null, 'the replay');
    expect(replayed.replayRequestedAt).not.toBeNull();
    expect(handled).toEqual([probeId]);
    expect(await alertWhen(stack, admin, subject, (a) => a.status === 'RESOLVED', 'the alert to resolve')).toMatchObject({ resolvedBy: 'system', resolution: 'replayed (processed)' });

    // a second replay finds the message in the handler's inbox: nothing changes
    const before = replayed.replayedAt!;
    ok(await stack.request(REPLAY, { id: letter.id }, admin));
    await deadLetterOf(event.id, (d) => d.replayedAt != null && d.replayedAt > before, 'the second replay');
    expect(handled).toEqual([probeId]);
  });
});

describe('a poisoned message', () => {
  it('is dead-lettered on first sight with what was received, and alerted', async () => {
    const broker = await connectBroker(stack.env.config.nats, stack.env.log);
    const eventId = randomUUID();
    try {
      // a FulfillmentRequested whose payload breaks the contract
      const envelope = { id: eventId, type: 'FulfillmentRequested', version: 1, occurredAt: new Date().toISOString(), correlationId: null, causationId: null, customerId: null, payload: { orderId: 'not-a-uuid' } };
      await broker.js.publish(subjectFor(stack.env.namespace, FulfillmentRequested), JSON.stringify(envelope), { msgID: eventId });
    } finally {
      await broker.close();
    }
    const letter = await deadLetterOf(eventId);
    expect(letter).toMatchObject({ handler: 'open-shipment-on-fulfillment-requested', attempts: 1 });
    expect(JSON.parse(letter.payload)).toMatchObject({ payload: { orderId: 'not-a-uuid' } });
    await alertWhen(stack, admin, `dead-letter:fulfillment:${letter.id}`, (a) => a.kind === 'MESSAGE_DEAD_LETTERED', 'the poison alert');
  });
});

describe('who may see and replay dead letters', () => {
  it('is ADMIN only; unknown ids are NOT_FOUND', async () => {
    for (const role of ['CUSTOMER_SERVICE', 'WAREHOUSE', 'CUSTOMER'] as const) {
      const token = await stack.tokenFor(role);
      expect(errorCode(await stack.request(DEAD_LETTERS, {}, token)), role).toBe('FORBIDDEN');
      expect(errorCode(await stack.request(REPLAY, { id: randomUUID() }, token)), role).toBe('FORBIDDEN');
    }
    expect(errorCode(await stack.request(REPLAY, { id: randomUUID() }, admin))).toBe('NOT_FOUND');
    expect(errorCode(await stack.request(DEAD_LETTERS, { after: 'nope' }, admin))).toBe('BAD_USER_INPUT');
  });
});
