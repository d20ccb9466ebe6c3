import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { DeliverPolicy } from '@nats-io/jetstream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { defineEvent, streamFor, type Envelope } from '../../events/contract.js';
import { recordEvent } from '../../events/outbox.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import { ensureStream } from '../../events/streams.js';
import { startOutboxRelay, type OutboxRelay } from '../../events/relay.js';
import { startConsumers, type ConsumerGroup } from '../../events/consumer.js';
import { durableConsumerFor, retireReplacedConsumers } from '../../events/durable-consumer.js';
import { replayDeadLetter } from '../../events/dead-letters.js';
import { handle, type EventHandler } from '../../events/handler.js';
import type { Orm } from '../../platform/database.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../support/config.js';
import { countEffects, createKitContext, recordEffect } from './kit-context.js';

/**
 * Two selective handlers merged into one (HandlerOptions.replaces): the merged consumer starts
 * where the slower of the two had got to, not at the stream's beginning, so what both had handled
 * is not handled again; the old consumers go once nobody pulls from them; their dead letters
 * replay through the merged handler.
 */
const ShapeSeen = defineEvent({ context: 'kitmerge', type: 'ShapeSeen', version: 1, schema: z.object({ shape: z.enum(['circle', 'square', 'line']) }) });
type Shape = 'circle' | 'square' | 'line';

describe('a handler that replaces others', () => {
  let env: TestEnvironment;
  let orm: Orm;
  let broker: Broker;
  let relay: OutboxRelay;
  const stream = () => streamFor(env.namespace, 'kitmerge').name;

  const only = (name: string, shape: Shape): EventHandler =>
    handle(ShapeSeen, { name, relevant: (p) => p.shape === shape }, async (event, { em }) => recordEffect(em, event.id, name));
  const merged: EventHandler = handle(ShapeSeen, { name: 'shapes', relevant: (p) => p.shape !== 'line', replaces: ['circles', 'squares'] }, async (event, { em }) =>
    recordEffect(em, event.id, 'shapes'),
  );

  const see = async (...shapes: Shape[]): Promise<Envelope[]> => {
    const events: Envelope[] = [];
    for (const shape of shapes) events.push(await (orm.em.fork() as EntityManager).transactional(async (em) => recordEvent(em, env.namespace, ShapeSeen, { shape })));
    await relay.drain();
    return events;
  };
  const effects = (events: Envelope[], handler: string) => Promise.all(events.map((e) => countEffects(orm, e.id, handler)));
  const run = (handlers: EventHandler[]): Promise<ConsumerGroup> => startConsumers({ context: 'kitmerge', orm, broker, handlers, log: env.log });
  const exists = (name: string) =>
    broker.jsm.consumers.info(stream(), name).then(
      () => true,
      () => false,
    );

  beforeAll(async () => {
    env = await createTestEnvironment();
    orm = await createKitContext(env, 'kitmerge');
    broker = await connectBroker(env.config.nats, env.log);
    await ensureStream(broker, 'kitmerge');
    relay = startOutboxRelay({ context: 'kitmerge', databaseUrl: env.databaseUrl, broker, log: env.log, pollIntervalMs: 200 });
  });

  afterAll(async () => {
    await relay?.stop();
    await broker?.jsm.streams.delete(stream()).catch(() => undefined);
    await broker?.close();
    await orm?.close();
    await env?.cleanup();
  });

  it('starts where the slowest replaced consumer had got to, retires them once unused, and replays their dead letters', { timeout: 90_000 }, async () => {
    // the release before the merge: both handlers keep up …
    const early = await see('circle', 'square', 'line', 'circle');
    const before = await run([only('circles', 'circle'), only('squares', 'square')]);
    await eventually(async () => (await effects(early, 'circles')).join() === '1,0,0,1' && (await effects(early, 'squares')).join() === '0,1,0,0', { what: 'both old handlers done' });
    await before.stop();
    // … then only the circles' replicas ran for a while: the squares' consumer is behind
    const onlyCircles = await run([only('circles', 'circle')]);
    const late = await see('square', 'circle', 'line');
    await eventually(async () => (await effects(late, 'circles')).join() === '0,1,0', { what: 'the circles handler done' });
    await onlyCircles.stop();
    const squaresFloor = (await broker.jsm.consumers.info(stream(), 'kitmerge-squares')).ack_floor.stream_seq;

    // the release with the merged handler, while a replica of the old release still runs the circles
    const stillOld = await run([only('circles', 'circle')]);
    const after = await run([merged]);
    try {
      const config = (await broker.jsm.consumers.info(stream(), 'kitmerge-shapes')).config;
      expect(config).toMatchObject({ deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: squaresFloor + 1 });
      // the late square reaches a handler for the first time; the late circle comes again (absorbed by the handler's own key in real use)
      await eventually(async () => (await effects(late, 'shapes')).join() === '1,1,0', { what: 'the merged handler to take over' });
      const next = await see('square', 'line', 'circle');
      await eventually(async () => (await effects(next, 'shapes')).join() === '1,0,1', { what: 'new events to reach the merged handler' });
      expect(await effects(early, 'shapes')).toEqual([0, 0, 0, 0]);

      // the old consumers go once nobody pulls from them: the squares' at once, the circles' after the old replica stopped
      const successor = durableConsumerFor(broker, 'kitmerge', merged);
      await eventually(async () => !(await exists('kitmerge-squares')), { what: 'the unused old consumer retired' });
      expect(await retireReplacedConsumers(broker, successor)).toEqual({ retired: [], inUse: ['kitmerge-circles'] });
      await stillOld.stop();
      await eventually(async () => (await retireReplacedConsumers(broker, successor)).inUse.length === 0, { what: 'the old consumers unused', timeoutMs: 45_000, intervalMs: 1_000 });
      expect([await exists('kitmerge-circles'), await exists('kitmerge-squares'), await exists('kitmerge-shapes')]).toEqual([false, false, true]);
    } finally {
      await stillOld.stop();
      await after.stop();
    }

    // a later start keeps the merged consumer where it is (its start position is history)
    const again = await run([merged]);
    const more = await see('circle');
    await eventually(async () => (await effects(more, 'shapes')).join() === '1', { what: 'the restarted merged handler' });
    await again.stop();
    expect(await effects(early, 'shapes')).toEqual([0, 0, 0, 0]);

    // a dead letter the squares' handler left replays through the merged handler
    const [orphan] = await see('square');
    const schema = orm.config.get('schema');
    const deadLetterId = uuidv7();
    await orm.em
      .fork()
      .execute(`insert into "${schema}".dead_letter (id, message_id, handler, subject, envelope, raw_data, error, deliveries) values (?, ?, 'squares', 'kitmerge', ?, null, 'gave up', 5)`, [
        deadLetterId,
        orphan!.id,
        JSON.stringify(orphan),
      ]);
    expect(await replayDeadLetter(orm, [merged], deadLetterId, { context: 'kitmerge', namespace: env.namespace }, env.log)).toBe('processed');
    expect(await countEffects(orm, orphan!.id, 'shapes')).toBe(1);
  });

  it('refuses handlers that run or are replaced twice', async () => {
    const twice = handle(ShapeSeen, { name: 'also-squares', replaces: ['squares'] }, async () => undefined);
    await expect(run([merged, twice])).rejects.toThrow(/"squares" .* replaced/);
    await expect(run([merged, only('circles', 'circle')])).rejects.toThrow(/"circles" .* replaced/);
    expect(() => handle(ShapeSeen, { name: 'self', replaces: ['self'] }, async () => undefined)).toThrow(/replaces must name other handlers/);
  });
});
