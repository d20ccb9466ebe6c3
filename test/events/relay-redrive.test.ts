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
import { startConsumers } from '../../events/consumer.js';
import { handle } from '../../events/handler.js';
import type { Orm } from '../../platform/database.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../support/config.js';
import { NoteEntity, createKitContext, recordEffect } from './kit-context.js';
import { PrivateNats } from '../../scripts/cluster/nats-server.js';
import { freePort } from '../../scripts/cluster/ports.js';

/**
 * The outbox re-drive: a broker that comes back with less than it acknowledged (its store wiped,
 * the stream deleted and re-created) gets the lost events again from the outbox, so consumers
 * that had not read them yet still do. A private nats-server (own port and store) is restarted.
 */
const NoteFiled = defineEvent({ context: 'kitredrive', type: 'NoteFiled', version: 1, schema: z.object({ noteId: z.string().uuid() }) });

describe('outbox relay after broker data loss', () => {
  let env: TestEnvironment;
  let orm: Orm;
  let broker: Broker;
  let relay: OutboxRelay;
  let nats: PrivateNats;
  const stream = () => streamFor(env.namespace, 'kitredrive').name;


  beforeAll(async () => {
    nats = new PrivateNats(mkdtempSync(join(tmpdir(), 'kit-redrive-')), await freePort());
    await nats.start();
    env = await createTestEnvironment({ NATS_URL: nats.url });
    orm = await createKitContext(env, 'kitredrive');
    broker = await connectBroker(env.config.nats, env.log);
    await ensureStream(broker, 'kitredrive');
    relay = startOutboxRelay({ context: 'kitredrive', databaseUrl: env.databaseUrl, broker, log: env.log, pollIntervalMs: 200, publishTimeoutMs: 1_000 });
  });

  afterAll(async () => {
    await relay?.stop();
    await broker?.close();
    await nats?.remove();
    await orm?.close();
    await env?.cleanup();
  });

  const fileNote = () =>
    (orm.em.fork() as EntityManager).transactional(async (em) => {
      const note = em.create(NoteEntity, { id: uuidv7(), text: 'redrive' });
      return recordEvent(em, env.namespace, NoteFiled, { noteId: note.id });
    });
  const sql = async (query: string) => Number((await orm.em.fork().execute<{ n: string }[]>(query))[0]?.n);
  const outboxRows = () => sql(`select count(*) as n from "kitredrive".outbox`);
  const streamMessages = async () => (await broker.jsm.streams.info(stream())).state.messages;
  /** Every outbox row is in the stream exactly once (msgID = row id; the duplicate window drops copies). */
  const streamMatchesOutbox = async () => (await streamMessages()) === (await outboxRows()) && (await sql(`select count(*) as n from "kitredrive".outbox where published_at is null`)) === 0;

  it('re-sends nothing after a clean restart that kept the store', async () => {
    for (let i = 0; i < 3; i++) await fileNote();
    await relay.drain();
    await nats.stop(); // SIGTERM: a clean shutdown that keeps the store
    await nats.start();
    await fileNote();
    await relay.drain();
    await eventually(streamMatchesOutbox, { timeoutMs: 20_000, what: 'the stream to hold every outbox row' });
    expect(relay.stats().redriven).toBe(0);
    expect(await streamMessages()).toBe(4);
  });

  it('re-sends every event when the broker comes back without its store, so a late consumer still gets them', async () => {
    for (let i = 0; i < 5; i++) await fileNote();
    await relay.drain();
    const before = await outboxRows();
    expect(await streamMessages()).toBe(before);

    await nats.kill();
    nats.wipeStore();
    await nats.start();
    await fileNote();

    await eventually(streamMatchesOutbox, { timeoutMs: 30_000, what: 'the stream to hold every outbox row again' });
    expect(relay.stats().redriven).toBe(before);

    // A consumer that never read them before the loss handles each exactly once.
    const consumers = await startConsumers({
      context: 'kitredrive',
      orm,
      broker,
      log: env.log,
      handlers: [handle(NoteFiled, { name: 'note-filed', ackWaitMs: 2_000, backoffMs: [200] }, async (event, { em }) => recordEffect(em, event.id, 'note-filed'))],
    });
    try {
      const all = await outboxRows();
      await eventually(async () => (await sql(`select count(*) as n from "kitredrive".effect`)) === all, { timeoutMs: 30_000, what: 'every event to be handled' });
      expect(await sql(`select count(distinct event_id) as n from "kitredrive".effect`)).toBe(all);
      expect(await sql(`select count(*) as n from "kitredrive".outbox o where not exists (select 1 from "kitredrive".effect e where e.event_id = o.id::text)`)).toBe(0);
    } finally {
      await consumers.stop();
    }
  });

  it('notices a stream re-created behind its back (no reconnect) at the next publish', async () => {
    const redrivenBefore = relay.stats().redriven;
    await broker.jsm.streams.delete(stream());
    await ensureStream(broker, 'kitredrive');
    const lost = await outboxRows();
    await fileNote(); // lands at sequence 1, which the outbox already recorded: the stream went backwards

    await eventually(streamMatchesOutbox, { timeoutMs: 30_000, what: 'the stream to hold every outbox row again' });
    expect(relay.stats().redriven - redrivenBefore).toBe(lost);
  });
});
