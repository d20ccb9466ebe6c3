import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import { defineEvent, streamFor } from '../../events/contract.js';
import { recordEvent } from '../../events/outbox.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import { ensureStream } from '../../events/streams.js';
import { startOutboxRelay, type OutboxRelay } from '../../events/relay.js';
import { startConsumers } from '../../events/consumer.js';
import { handle, type EventHandler } from '../../events/handler.js';
import type { Orm } from '../../platform/database.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../support/config.js';
import { countEffects, createKitContext, recordEffect } from './kit-context.js';

/**
 * A restart (rolling deploy) must not strand messages: those a consumer had fetched but not
 * started when it stopped go back to the stream and reach the next consumer within seconds,
 * not after their ack wait.
 */
const WorkRequested = defineEvent({ context: 'kitstop', type: 'WorkRequested', version: 1, schema: z.object({ n: z.number().int() }) });
const ACK_WAIT_MS = 60_000;
const CONCURRENCY = 2;

describe('consumers stopping with messages fetched', () => {
  let env: TestEnvironment;
  let orm: Orm;
  let broker: Broker;
  let relay: OutboxRelay;

  beforeAll(async () => {
    env = await createTestEnvironment();
    orm = await createKitContext(env, 'kitstop');
    broker = await connectBroker(env.config.nats, env.log);
    await ensureStream(broker, 'kitstop');
    relay = startOutboxRelay({ context: 'kitstop', databaseUrl: env.databaseUrl, broker, log: env.log, pollIntervalMs: 200 });
  });

  afterAll(async () => {
    await relay?.stop();
    await broker?.jsm.streams.delete(streamFor(env.namespace, 'kitstop').name).catch(() => undefined);
    await broker?.close();
    await orm?.close();
    await env?.cleanup();
  });

  it('hands the messages it fetched but never started to the restarted consumer long before the ack wait', { timeout: 60_000 }, async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = 0;
    const worker = (waitFor?: Promise<void>): EventHandler =>
      handle(WorkRequested, { name: 'work', concurrency: CONCURRENCY, ackWaitMs: ACK_WAIT_MS }, async (event, { em }) => {
        entered++;
        await waitFor;
        await recordEffect(em, event.id, 'work');
      });
    const ids: string[] = [];
    for (let n = 0; n < 8; n++) ids.push((await (orm.em.fork() as EntityManager).transactional(async (em) => recordEvent(em, env.namespace, WorkRequested, { n }))).id);
    await relay.drain();

    // the first process: its handlers are busy, and it has fetched more than it can start
    const first = await startConsumers({ context: 'kitstop', orm, broker, handlers: [worker(gate)], log: env.log });
    const durable = `kitstop-work`;
    const stream = streamFor(env.namespace, 'kitstop').name;
    await eventually(async () => entered === CONCURRENCY && (await broker.jsm.consumers.info(stream, durable)).num_ack_pending > CONCURRENCY, {
      what: 'messages fetched beyond the busy handlers',
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // whatever the server sent has arrived
    const stopped = first.stop();
    release();
    await stopped;

    // the next process
    const second = await startConsumers({ context: 'kitstop', orm, broker, handlers: [worker()], log: env.log });
    try {
      await eventually(async () => (await Promise.all(ids.map((id) => countEffects(orm, id, 'work')))).every((n) => n === 1), {
        what: 'every message handled once, well within the ack wait',
        timeoutMs: 10_000,
        intervalMs: 100,
      });
    } finally {
      await second.stop();
    }
    expect(await Promise.all(ids.map((id) => countEffects(orm, id, 'work')))).toEqual(ids.map(() => 1));
  });
});
