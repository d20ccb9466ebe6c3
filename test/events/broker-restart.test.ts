import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/postgresql';
import { defineEvent, streamFor } from '../../events/contract.js';
import { recordEvent } from '../../events/outbox.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import { ensureStream } from '../../events/streams.js';
import { startOutboxRelay, type OutboxRelay } from '../../events/relay.js';
import { startConsumers, type ConsumerGroup } from '../../events/consumer.js';
import { handle } from '../../events/handler.js';
import type { Orm } from '../../platform/database.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../support/config.js';
import { NoteEntity, createKitContext, recordEffect } from './kit-context.js';
import { PrivateNats } from '../../scripts/cluster/nats-server.js';
import { freePort } from '../../scripts/cluster/ports.js';

/**
 * Chaos, bounded and loopback only: a private nats-server (its own port and store) is killed
 * with SIGKILL while events flow, then restarted on the same store. Every event must still be
 * handled exactly once, with no outbox backlog and nothing dead-lettered.
 */
const NoteWritten = defineEvent({ context: 'kitchaos', type: 'NoteWritten', version: 1, schema: z.object({ noteId: z.string().uuid() }) });

describe('messaging kit across a broker crash', () => {
  let env: TestEnvironment;
  let orm: Orm;
  let broker: Broker;
  let relay: OutboxRelay;
  let consumers: ConsumerGroup;
  let nats: PrivateNats;


  beforeAll(async () => {
    nats = new PrivateNats(mkdtempSync(join(tmpdir(), 'kit-nats-')), await freePort());
    await nats.start();
    env = await createTestEnvironment({ NATS_URL: nats.url });
    orm = await createKitContext(env, 'kitchaos');
    broker = await connectBroker(env.config.nats, env.log);
    await ensureStream(broker, 'kitchaos');
    relay = startOutboxRelay({ context: 'kitchaos', databaseUrl: env.databaseUrl, broker, log: env.log, pollIntervalMs: 200, publishTimeoutMs: 1_000 });
    consumers = await startConsumers({
      context: 'kitchaos',
      orm,
      broker,
      log: env.log,
      handlers: [handle(NoteWritten, { name: 'note-effects', ackWaitMs: 2_000, backoffMs: [200] }, async (event, { em }) => recordEffect(em, event.id, 'note-effects'))],
    });
  });

  afterAll(async () => {
    await consumers?.stop();
    await relay?.stop();
    if (nats?.pid) await broker?.jsm.streams.delete(streamFor(env.namespace, 'kitchaos').name).catch(() => undefined);
    await broker?.close();
    await nats?.remove();
    await orm?.close();
    await env?.cleanup();
  });

  const writeNote = () =>
    (orm.em.fork() as EntityManager).transactional(async (em) => {
      const note = em.create(NoteEntity, { id: uuidv7(), text: 'chaos' });
      return recordEvent(em, env.namespace, NoteWritten, { noteId: note.id });
    });

  const sql = async (query: string) => Number((await orm.em.fork().execute<{ n: string }[]>(query))[0]?.n);

  it('handles every event exactly once when nats-server is killed and restarted mid-flow', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await writeNote()).id);
    await relay.drain();

    await nats.kill();
    for (let i = 0; i < 10; i++) ids.push((await writeNote()).id); // committed while the broker is down
    await nats.start();
    for (let i = 0; i < 10; i++) ids.push((await writeNote()).id);

    await relay.drain();
    await eventually(async () => (await sql(`select count(distinct event_id) as n from "kitchaos".effect`)) === ids.length, {
      timeoutMs: 30_000,
      what: 'every event to be handled',
    });
    expect(await sql(`select count(*) as n from "kitchaos".effect`)).toBe(ids.length);
    expect(await sql(`select count(*) as n from "kitchaos".outbox where published_at is null`)).toBe(0);
    expect(await sql(`select count(*) as n from "kitchaos".dead_letter`)).toBe(0);
    expect((await broker.jsm.streams.info(streamFor(env.namespace, 'kitchaos').name)).state.messages).toBe(ids.length);
  });

  it('re-creates the stream and consumer when the broker comes back without its store', async () => {
    const before = (await writeNote()).id;
    await relay.drain();
    await nats.kill();
    nats.wipeStore();
    const during = (await writeNote()).id;
    await nats.start();
    const after = (await writeNote()).id;

    await relay.drain();
    for (const id of [before, during, after]) {
      await eventually(async () => (await sql(`select count(*) as n from "kitchaos".effect where event_id = '${id}'`)) === 1, {
        timeoutMs: 30_000,
        what: `event ${id} to be handled`,
      });
    }
    expect(await sql(`select count(*) as n from "kitchaos".dead_letter`)).toBe(0);
  });
});
