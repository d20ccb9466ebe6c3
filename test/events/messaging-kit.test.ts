import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEnvelope, defineEvent, streamFor, subjectFor, type EventDefinition, type PayloadOf } from '../../events/contract.js';
import { handleBatchOnce, handleOnce } from '../../events/inbox.js';
import { outboxInsert, outboxRow, recordEvent } from '../../events/outbox.js';
import { ringRelayOnOutboxCommits } from '../../events/outbox-signal.js';
import { CombinedStatement } from '../../platform/combined-statement.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import { ensureStream } from '../../events/streams.js';
import { startOutboxRelay, type OutboxRelay } from '../../events/relay.js';
import { startConsumers, type ConsumerGroup } from '../../events/consumer.js';
import { handle, project, type EventHandler } from '../../events/handler.js';
import { listDeadLetters, replayDeadLetter } from '../../events/dead-letters.js';
import type { DeadLetterRow } from '../../events/store.js';
import type { Orm } from '../../platform/database.js';
import { lockForTransaction } from '../../platform/advisory-locks.js';
import { installSqlCounter, sqlCounts } from '../../platform/sql-counter.js';
import { executeAndCommit } from '../../platform/postgres-driver.js';
import { queriesDuring } from '../support/queries.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../support/config.js';
import { NoteEntity, countEffects, createKitContext, recordEffect, startKitRelay, type KitRelayWorld } from './kit-context.js';

const NoteWritten = defineEvent({ context: 'kit', type: 'NoteWritten', version: 1, schema: z.object({ noteId: z.string().uuid(), text: z.string() }) });
const ChargeRequested = defineEvent({ context: 'kit', type: 'ChargeRequested', version: 1, schema: z.object({ amountCents: z.number().int() }) });
const ThingCounted = defineEvent({ context: 'kit', type: 'ThingCounted', version: 1, schema: z.object({ count: z.number().int() }) });
const NoteDiscarded = defineEvent({ context: 'kit', type: 'NoteDiscarded', version: 1, schema: z.object({ noteId: z.string().uuid() }) });
const SizeMeasured = defineEvent({ context: 'kit', type: 'SizeMeasured', version: 1, schema: z.object({ size: z.number().int() }) });
const SlowWorkRequested = defineEvent({ context: 'kit', type: 'SlowWorkRequested', version: 1, schema: z.object({}) });
const StepTaken = defineEvent({ context: 'kit', type: 'StepTaken', version: 1, schema: z.object({ writes: z.boolean() }) });
const VisitCounted = defineEvent({ context: 'kit', type: 'VisitCounted', version: 1, schema: z.object({ page: z.string(), valid: z.boolean() }) });
const EntryLogged = defineEvent({ context: 'kit', type: 'EntryLogged', version: 1, schema: z.object({ text: z.string() }) });
const ParcelScanned = defineEvent({ context: 'kit', type: 'ParcelScanned', version: 1, schema: z.object({ parcel: z.string() }) });
const CrateLoaded = defineEvent({ context: 'kit', type: 'CrateLoaded', version: 1, schema: z.object({ crate: z.string() }) });

describe('messaging kit (PostgreSQL + JetStream)', () => {
  let env: TestEnvironment;
  let orm: Orm;
  let broker: Broker;
  let relay: OutboxRelay;
  let consumers: ConsumerGroup;

  /** Which deliveries the charge handler saw, per event; it fails while `chargeFails`. */
  const chargeDeliveries = new Map<string, number[]>();
  let chargeFails = true;
  const strictCounterCalls: string[] = [];

  const handlers: EventHandler[] = [
    handle(NoteWritten, { name: 'note-effects' }, async (event, { em }) => recordEffect(em, event.id, 'note-effects')),
    handle(ChargeRequested, { name: 'charge', maxDeliver: 3, backoffMs: [100, 200], ackWaitMs: 2_000 }, async (event, { em, deliveryCount }) => {
      chargeDeliveries.set(event.id, [...(chargeDeliveries.get(event.id) ?? []), deliveryCount]);
      if (chargeFails) throw new Error('card processor unavailable');
      await recordEffect(em, event.id, 'charge');
    }),
    handle(ThingCounted, { name: 'strict-counter' }, async (event) => {
      strictCounterCalls.push(event.id);
    }),
    handle(SizeMeasured, { name: 'big-sizes-only', relevant: (p) => p.size >= 100 }, async (event, { em }) => recordEffect(em, event.id, 'big-sizes-only')),
    // the inbox row travels in the handler's own write when it writes; the kit adds it when not
    handle(StepTaken, { name: 'step-with-inbox', inboxInWrite: true }, async (event, { em, inbox }) => {
      if (!event.payload.writes) return;
      const row = inbox!.take();
      const schema = em.config.get('schema');
      await em.execute(`with effect as (insert into "${schema}".effect (event_id, handler) values (?, ?)), inbox as (${row.sql}) select 1 as done`, [event.id, 'step-with-inbox', ...row.params]);
    }),
    // an invalid visit's statement breaks the effect table's not-null rule
    project(VisitCounted, { name: 'visit-projection', maxDeliver: 1 }, (event, schema) => ({
      sql: `insert into "${schema}".effect (event_id, handler) values (?, ?)`,
      params: [event.id, event.payload.valid ? 'visit-projection' : null],
    })),
  ];

  const record = <D extends EventDefinition>(em: EntityManager, definition: D, payload: PayloadOf<D>) => recordEvent(em, env.namespace, definition, payload);

  /** The producer's use case: a state change and its event, committed together. */
  const writeNote = (text: string) =>
    (orm.em.fork() as EntityManager).transactional(async (em) => {
      const note = em.create(NoteEntity, { id: uuidv7(), text });
      return record(em, NoteWritten, { noteId: note.id, text });
    });

  const requestCharge = () => (orm.em.fork() as EntityManager).transactional(async (em) => record(em, ChargeRequested, { amountCents: 1_250 }));

  const deadLetterFor = async (messageId: string, handler: string): Promise<DeadLetterRow | undefined> =>
    (await listDeadLetters(orm.em.fork() as EntityManager, { limit: 100 })).find((d) => d.messageId === messageId && d.handler === handler);

  const messagesOnSubject = async (subject: string): Promise<number> => {
    const info = await broker.jsm.streams.info(streamFor(env.namespace, 'kit').name, { subjects_filter: subject });
    return info.state.subjects?.[subject] ?? 0;
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    orm = await createKitContext(env, 'kit');
    broker = await connectBroker(env.config.nats, env.log);
    await ensureStream(broker, 'kit');
    ringRelayOnOutboxCommits(orm, broker, 'kit');
    relay = startOutboxRelay({ context: 'kit', databaseUrl: env.databaseUrl, broker, log: env.log, pollIntervalMs: 200 });
    consumers = await startConsumers({ context: 'kit', orm, broker, handlers, log: env.log });
  });

  afterAll(async () => {
    await consumers?.stop();
    await relay?.stop();
    await broker?.jsm.streams.delete(streamFor(env.namespace, 'kit').name).catch(() => undefined);
    await broker?.close();
    await orm?.close();
    await env?.cleanup();
  });

  it('delivers an event committed with its state change exactly once, even when re-published and redelivered', async () => {
    const event = await writeNote('hello');
    await relay.drain();
    await eventually(async () => (await countEffects(orm, event.id, 'note-effects')) === 1, { what: 'first handling' });
    const [first] = await orm.em.fork().execute<{ stream_seq: string }[]>(`select stream_seq from "kit".outbox where id = ?`, [event.id]);

    // The relay crashed between publish and commit: the row is pending again and is re-sent
    // with the same msgID, which JetStream drops as a duplicate.
    const duplicatesBefore = relay.stats().duplicates;
    await orm.em.fork().execute(`update "kit".outbox set published_at = null where id = ?`, [event.id], 'run');
    await relay.drain();
    expect(relay.stats().duplicates).toBe(duplicatesBefore + 1);
    const [again] = await orm.em.fork().execute<{ stream_seq: string; published_at: Date | null }[]>(
      `select stream_seq, published_at from "kit".outbox where id = ?`,
      [event.id],
    );
    expect(again?.published_at).not.toBeNull();
    expect(again?.stream_seq).toBe(first?.stream_seq);

    // The same envelope arrives again under another msgID (JetStream cannot tell): the inbox does.
    const skippedBefore = consumers.stats()['note-effects']!.duplicates;
    await broker.js.publish(subjectFor(env.namespace, NoteWritten), JSON.stringify(event), { msgID: `copy-of-${event.id}` });
    await eventually(() => consumers.stats()['note-effects']!.duplicates === skippedBefore + 1, { what: 'the copy to be skipped' });

    expect(await messagesOnSubject(subjectFor(env.namespace, NoteWritten))).toBe(2); // original + the hand-made copy
    expect(await countEffects(orm, event.id, 'note-effects')).toBe(1);
  });

  it('acknowledges the events a selective handler declares irrelevant without a transaction, and handles the others once', async () => {
    const ignoredBefore = consumers.stats()['big-sizes-only']!.ignored;
    const small = await (orm.em.fork() as EntityManager).transactional(async (em) => record(em, SizeMeasured, { size: 3 }));
    const big = await (orm.em.fork() as EntityManager).transactional(async (em) => record(em, SizeMeasured, { size: 300 }));
    await relay.drain();
    await eventually(async () => (await countEffects(orm, big.id, 'big-sizes-only')) === 1, { what: 'the relevant event handled' });
    await eventually(() => consumers.stats()['big-sizes-only']!.ignored === ignoredBefore + 1, { what: 'the irrelevant event acknowledged' });
    const inbox = await orm.em.fork().execute<{ message_id: string }[]>(`select message_id from "kit".inbox where handler = 'big-sizes-only' and message_id in (?, ?)`, [small.id, big.id]);
    expect(inbox.map((row) => row.message_id)).toEqual([big.id]);
    expect(await countEffects(orm, small.id, 'big-sizes-only')).toBe(0);
    // nothing left for the consumer: the ignored delivery was acked, not left to time out (the ack
    // is published without waiting, so the server may take a moment; far less than the ack wait)
    const consumerInfo = () => broker.jsm.consumers.info(streamFor(env.namespace, 'kit').name, 'kit-big-sizes-only');
    await eventually(async () => {
      const info = await consumerInfo();
      return info.num_ack_pending + info.num_pending === 0;
    }, { what: 'the ignored delivery acknowledged at the server' });
    expect((await consumerInfo()).config.description).toMatch(/ignores without an inbox row$/);
  });

  it('handles a one-statement projection once with its inbox row, skips a copy, and writes neither when the statement fails', async () => {
    const inboxRows = async (id: string) => Number((await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "kit".inbox where message_id = ?`, [id]))[0]!.n);
    const visit = await (orm.em.fork() as EntityManager).transactional(async (em) => record(em, VisitCounted, { page: '/cats', valid: true }));
    await relay.drain();
    await eventually(async () => (await countEffects(orm, visit.id, 'visit-projection')) === 1, { what: 'the projection' });
    expect(await inboxRows(visit.id)).toBe(1);

    const skippedBefore = consumers.stats()['visit-projection']!.duplicates;
    await broker.js.publish(subjectFor(env.namespace, VisitCounted), JSON.stringify(visit), { msgID: `copy-of-${visit.id}` });
    await eventually(() => consumers.stats()['visit-projection']!.duplicates === skippedBefore + 1, { what: 'the copy to be skipped' });
    expect(await countEffects(orm, visit.id, 'visit-projection')).toBe(1);

    const invalid = await (orm.em.fork() as EntityManager).transactional(async (em) => record(em, VisitCounted, { page: '/dogs', valid: false }));
    await relay.drain();
    await eventually(async () => (await deadLetterFor(invalid.id, 'visit-projection')) !== undefined, { what: 'the failing statement to be dead-lettered' });
    expect(await inboxRows(invalid.id)).toBe(0);
    expect(await countEffects(orm, invalid.id, 'visit-projection')).toBe(0);
  });

  it('fails a one-statement projection that must change a row when it changes none, writing nothing, and handles it once the row is there', async () => {
    const inboxRows = async (id: string) => Number((await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "kit".inbox where message_id = ?`, [id]))[0]!.n);
    // a visit's page names the effect row it updates (as PaymentCaptured names the order summary OrderPlaced makes)
    const touch = project(VisitCounted, { name: 'touch-effect' }, (event, schema) => ({
      sql: `update "${schema}".effect set handler = handler where event_id = ? returning event_id`,
      params: [event.payload.page],
      failsWhenNoRow: `effect ${event.payload.page} is not there yet; retrying`,
    }));
    const target = uuidv7();
    const early = createEnvelope(VisitCounted, { page: target, valid: true });
    const deliver = (envelope: typeof early) => handleOnce(orm, touch, envelope, { log: env.log, deliveryCount: 1 });

    await expect(deliver(early)).rejects.toThrow(`effect ${target} is not there yet; retrying`);
    await expect(handleBatchOnce(orm, touch, [{ envelope: early, log: env.log, deliveryCount: 1 }])).rejects.toThrow(`effect ${target} is not there yet; retrying`);
    expect(await inboxRows(early.id)).toBe(0);

    await recordEffect(orm.em.fork() as EntityManager, target, 'seeded');
    expect(await deliver(early)).toBe('processed');
    expect(await deliver(early)).toBe('duplicate');
    expect(await inboxRows(early.id)).toBe(1);
    const later = createEnvelope(VisitCounted, { page: target, valid: true });
    expect(await handleBatchOnce(orm, touch, [{ envelope: later, log: env.log, deliveryCount: 1 }])).toEqual(['processed']);
  });

  it("hands a one-statement projection's returned rows on once they are committed — alone and in a batch — and nothing for a copy or a failure", async () => {
    const seen: { page: unknown; handler: unknown }[] = [];
    let committedWhileOpen: boolean | undefined;
    const remembering = project(VisitCounted, { name: 'remembering-visit' }, (event, schema) => ({
      sql: `insert into "${schema}".effect (event_id, handler) values (?, ?) returning event_id as page, handler`,
      params: [event.id, event.payload.valid ? 'remembering-visit' : null],
      committed: (rows, em) => {
        seen.push(...rows.map((row) => ({ page: row.page, handler: row.handler })));
        committedWhileOpen = em.isInTransaction();
      },
    }));
    const deliver = (envelope: ReturnType<typeof createEnvelope<typeof VisitCounted>>) => handleOnce(orm, remembering, envelope, { log: env.log, deliveryCount: 1 });

    const alone = createEnvelope(VisitCounted, { page: '/cats', valid: true });
    expect(await deliver(alone)).toBe('processed');
    expect(seen).toEqual([{ page: alone.id, handler: 'remembering-visit' }]);
    expect(committedWhileOpen).toBe(false);
    expect(await countEffects(orm, alone.id, 'remembering-visit')).toBe(1);

    // a copy: the inbox refuses it, the statement writes nothing, nothing is handed on
    expect(await deliver(alone)).toBe('duplicate');
    // a failing statement (not-null): nothing committed, nothing handed on
    await expect(deliver(createEnvelope(VisitCounted, { page: '/cats', valid: false }))).rejects.toThrow(/null value/);
    expect(seen).toHaveLength(1);

    // in a batch, the statement runs in the kit's transaction: handed on after that commits
    const [first, second] = [createEnvelope(VisitCounted, { page: '/a', valid: true }), createEnvelope(VisitCounted, { page: '/b', valid: true })];
    expect(await handleBatchOnce(orm, remembering, [first, second].map((envelope) => ({ envelope, log: env.log, deliveryCount: 1 })))).toEqual(['processed', 'processed']);
    expect(seen.slice(1)).toEqual([
      { page: first.id, handler: 'remembering-visit' },
      { page: second.id, handler: 'remembering-visit' },
    ]);
    expect(committedWhileOpen).toBe(false);
    // a batch that fails commits nothing and hands nothing on
    const [third, broken] = [createEnvelope(VisitCounted, { page: '/c', valid: true }), createEnvelope(VisitCounted, { page: '/d', valid: false })];
    await expect(handleBatchOnce(orm, remembering, [third, broken].map((envelope) => ({ envelope, log: env.log, deliveryCount: 1 })))).rejects.toThrow(/null value/);
    expect(seen).toHaveLength(3);
    expect(await countEffects(orm, third.id, 'remembering-visit')).toBe(0);
  });

  it("sends a batch's projection statements with its COMMIT: two messages whatever the batch's size, and a failing one rolls the batch back", async () => {
    const batched = project(VisitCounted, { name: 'visit-batched', batchSize: 10 }, (event, schema) => ({
      sql: `insert into "${schema}".effect (event_id, handler) values (?, ?)`,
      params: [event.id, event.payload.valid ? 'visit-batched' : null],
    }));
    const batch = (envelopes: ReturnType<typeof createEnvelope<typeof VisitCounted>>[]) =>
      handleBatchOnce(orm, batched, envelopes.map((envelope) => ({ envelope, log: env.log, deliveryCount: 1 })));
    const visits = ['/a', '/b', '/c'].map((page) => createEnvelope(VisitCounted, { page, valid: true }));
    // the messages that name one of the batch's events: the inbox rows, then the statements with the COMMIT
    const messages = await queriesDuring(
      async () => expect(await batch(visits)).toEqual(['processed', 'processed', 'processed']),
      (text) => visits.some((visit) => text.includes(visit.id)),
    );
    expect(messages).toBe(2);
    for (const visit of visits) expect(await countEffects(orm, visit.id, 'visit-batched')).toBe(1);

    const [good, broken] = [createEnvelope(VisitCounted, { page: '/d', valid: true }), createEnvelope(VisitCounted, { page: '/e', valid: false })];
    await expect(batch([good, broken])).rejects.toThrow(/null value/);
    expect(await countEffects(orm, good.id, 'visit-batched')).toBe(0);
    expect(Number((await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "kit".inbox where message_id in (?, ?)`, [good.id, broken.id]))[0]!.n)).toBe(0);
  });

  it('replays a dead letter whose statement fails again in its savepoint: the replay reports it, the dead letter keeps the new error', async () => {
    const invalid = await (orm.em.fork() as EntityManager).transactional(async (em) => record(em, VisitCounted, { page: '/replayed', valid: false }));
    await relay.drain();
    const deadLetter = await eventually(() => deadLetterFor(invalid.id, 'visit-projection'), { what: 'the failing statement to be dead-lettered' });
    const origin = { context: 'kit', namespace: env.namespace };
    await expect(replayDeadLetter(orm, handlers, deadLetter.id, origin, env.log)).rejects.toThrow(/failed again/);
    const after = await deadLetterFor(invalid.id, 'visit-projection');
    expect(after).toMatchObject({ deliveries: deadLetter.deliveries + 1, replayedAt: null });
    expect(after!.error).toMatch(/null value/);
    expect(await countEffects(orm, invalid.id, 'visit-projection')).toBe(0);
  });

  it("takes a handler's lockKey with the inbox row: held from the handler's first statement on, and a copy is skipped", async () => {
    const text = uuidv7();
    let heldForOthers: boolean | undefined;
    const locked = handle(EntryLogged, { name: 'locked-entry', lockKey: (p) => `kit-lock:${p.text}` }, async (event, { em }) => {
      // the inbox row and the lock travel with the handler's first statement
      await em.execute('select 1');
      // another session cannot take the lock while this transaction holds it
      const [probe] = await orm.em.fork().execute<{ taken: boolean }[]>('select pg_try_advisory_xact_lock(hashtextextended(?, 0)) as taken', [`kit-lock:${text}`]);
      heldForOthers = probe!.taken === false;
      await lockForTransaction(em, `kit-lock:${event.payload.text}`); // the repository's ask: already held
      await recordEffect(em, event.id, 'locked-entry');
    });
    const entry = createEnvelope(EntryLogged, { text });
    expect(await handleOnce(orm, locked, entry, { log: env.log, deliveryCount: 1 })).toBe('processed');
    expect(heldForOthers).toBe(true);
    expect(await handleOnce(orm, locked, entry, { log: env.log, deliveryCount: 1 })).toBe('duplicate');
    expect(await countEffects(orm, entry.id, 'locked-entry')).toBe(1);
    expect(() => handle(EntryLogged, { name: 'locked-batch', lockKey: (p) => p.text, batchSize: 5 }, async () => undefined)).toThrow(/lockKey is for handlers that handle each delivery alone/);
    expect(() => project(EntryLogged, { name: 'locked-projection', lockKey: (p) => p.text }, () => ({ sql: 'select 1', params: [] }))).toThrow(/cannot take a lockKey/);
  });

  it("sends a delivery's inbox row in the handler's first message, counted, and a copy commits nothing, whatever the handler does first", async () => {
    const schema = orm.config.get('schema');
    installSqlCounter(); // as every process's /metrics does
    const handlers = {
      // a raw statement first: the row travels with it
      raw: handle(EntryLogged, { name: 'first-raw' }, async (event, { em }) => recordEffect(em, event.id, 'first-raw')),
      // the unit of work first (through knex): the row goes just before it
      orm: handle(EntryLogged, { name: 'first-orm' }, async (event, { em }) => {
        await em.find(NoteEntity, { text: event.payload.text });
        em.create(NoteEntity, { id: uuidv7(), text: event.payload.text });
      }),
      // no statement at all: the row goes with the COMMIT
      none: handle(EntryLogged, { name: 'first-none' }, async () => undefined),
    };
    /** pg.Client#query calls during `work` (lazy BEGIN's is answered without a message), and what the SQL counter counted. */
    const measured = async (work: () => Promise<unknown>) => {
      const before = sqlCounts().statements;
      let outcome: unknown;
      const calls = await queriesDuring(async () => {
        outcome = await work();
      });
      return { outcome, calls, statements: sqlCounts().statements - before };
    };
    const inboxRows = async (id: string) => Number((await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "${schema}".inbox where message_id = ?`, [id]))[0]!.n);

    const entry = createEnvelope(EntryLogged, { text: uuidv7() });
    await inboxRows(entry.id); // a pooled connection set up before measuring
    const deliver = (handler: EventHandler) => measured(() => handleOnce(orm, handler, entry, { log: env.log, deliveryCount: 1 }));
    // BEGIN, the handler's insert (with the inbox row), COMMIT: no call of the row's own; counted as four statements
    expect(await deliver(handlers.raw)).toEqual({ outcome: 'processed', calls: 3, statements: 4 });
    expect(await deliver(handlers.raw)).toEqual({ outcome: 'duplicate', calls: 3, statements: 4 }); // BEGIN, the row;insert (fails on the row), ROLLBACK
    expect(await countEffects(orm, entry.id, 'first-raw')).toBe(1);

    expect((await deliver(handlers.orm)).outcome).toBe('processed');
    expect(await deliver(handlers.orm)).toMatchObject({ outcome: 'duplicate' });
    expect(await orm.em.fork().count(NoteEntity, { text: entry.payload.text })).toBe(1);

    expect(await deliver(handlers.none)).toEqual({ outcome: 'processed', calls: 2, statements: 3 }); // BEGIN, the row;COMMIT
    expect((await deliver(handlers.none)).outcome).toBe('duplicate');
    expect(await inboxRows(entry.id)).toBe(3); // one per handler
  });

  it("handles a batch of a projection's new events with its statement for many, once, in delivery order, skipping what the inbox holds", async () => {
    const calls: string[][] = [];
    const single = (event: { id: string }, schema: string) => ({ sql: `insert into "${schema}".effect (event_id, handler) values (?, 'visit-many')`, params: [event.id] });
    const many = project(VisitCounted, { name: 'visit-many', batchSize: 10 }, single, (events, schema) => {
      calls.push(events.map((e) => e.id));
      return { sql: `insert into "${schema}".effect (event_id, handler) values ${events.map(() => "(?, 'visit-many')").join(', ')}`, params: events.map((e) => e.id) };
    });
    const [a, b, c] = ['/a', '/b', '/c'].map((page) => createEnvelope(VisitCounted, { page, valid: true }));
    const delivery = (envelope: typeof a) => ({ envelope: envelope!, log: env.log, deliveryCount: 1 });

    expect(await handleOnce(orm, many, a!, { log: env.log, deliveryCount: 1 })).toBe('processed'); // alone: the single statement
    expect(calls).toEqual([]);
    expect(await handleBatchOnce(orm, many, [delivery(c), delivery(a), delivery(b)])).toEqual(['processed', 'duplicate', 'processed']);
    expect(calls).toEqual([[c!.id, b!.id]]);
    expect(await handleBatchOnce(orm, many, [delivery(b), delivery(c)])).toEqual(['duplicate', 'duplicate']);
    expect(calls).toHaveLength(1); // nothing new: no statement
    for (const event of [a, b, c]) expect(await countEffects(orm, event!.id, 'visit-many')).toBe(1);
  });

  it("writes the inbox row in an inboxInWrite handler's own statement, or after it when it writes nothing, and skips copies of both", async () => {
    const inboxRows = async (id: string) => Number((await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "kit".inbox where message_id = ?`, [id]))[0]!.n);
    const writing = await (orm.em.fork() as EntityManager).transactional(async (em) => record(em, StepTaken, { writes: true }));
    const idle = await (orm.em.fork() as EntityManager).transactional(async (em) => record(em, StepTaken, { writes: false }));
    await relay.drain();
    await eventually(async () => (await countEffects(orm, writing.id, 'step-with-inbox')) === 1 && (await inboxRows(idle.id)) === 1, { what: 'both handled' });
    expect(await inboxRows(writing.id)).toBe(1);

    const skippedBefore = consumers.stats()['step-with-inbox']!.duplicates;
    for (const copy of [writing, idle]) await broker.js.publish(subjectFor(env.namespace, StepTaken), JSON.stringify(copy), { msgID: `copy-of-${copy.id}` });
    await eventually(() => consumers.stats()['step-with-inbox']!.duplicates === skippedBefore + 2, { what: 'both copies to be skipped' });
    expect(await countEffects(orm, writing.id, 'step-with-inbox')).toBe(1);
    expect(await inboxRows(writing.id)).toBe(1);
    expect(await inboxRows(idle.id)).toBe(1);
  });

  it("hands an inboxInWrite batch's inbox rows to its handler for many, for its one committing write; a copy among them rolls the batch back", async () => {
    const schema = orm.config.get('schema');
    const inboxRows = async (id: string) => Number((await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "${schema}".inbox where message_id = ? and handler = 'steps-many'`, [id]))[0]!.n);
    const many = handle(
      StepTaken,
      { name: 'steps-many', inboxInWrite: true, batchSize: 10 },
      async () => {
        throw new Error('a delivery alone is not part of this test');
      },
      async (events, { em, inbox }) => {
        const writing = events.filter((event) => event.payload.writes);
        if (!writing.length) return;
        // the rows end the transaction: the write carries the COMMIT
        const rows = inbox!.take();
        await executeAndCommit(em, `with effect as (insert into "${schema}".effect (event_id, handler) values ${writing.map(() => "(?, 'steps-many')").join(', ')}), inbox as (${rows.sql}) select 1 as done`, [
          ...writing.map((event) => event.id),
          ...rows.params,
        ]);
      },
    );
    const step = (writes: boolean) => createEnvelope(StepTaken, { writes });
    const batch = (envelopes: ReturnType<typeof step>[]) => handleBatchOnce(orm, many, envelopes.map((envelope) => ({ envelope, log: env.log, deliveryCount: 1 })));
    const [a, b, c] = [step(true), step(true), step(false)];
    await inboxRows(a.id); // a pooled connection set up before measuring

    // BEGIN (lazy: it travels with the next statement), then the handler's write with the rows and the COMMIT
    let outcomes: unknown;
    const calls = await queriesDuring(async () => {
      outcomes = await batch([a, b, c]);
    });
    expect(outcomes).toEqual(['processed', 'processed', 'processed']);
    expect(calls).toBe(2);
    for (const event of [a, b, c]) expect(await inboxRows(event.id)).toBe(1);
    expect([await countEffects(orm, a.id, 'steps-many'), await countEffects(orm, b.id, 'steps-many'), await countEffects(orm, c.id, 'steps-many')]).toEqual([1, 1, 0]);

    // the handler wrote nothing: the kit writes the rows with the COMMIT
    const [d, e] = [step(false), step(false)];
    expect(await batch([d, e])).toEqual(['processed', 'processed']);
    expect([await inboxRows(d.id), await inboxRows(e.id)]).toEqual([1, 1]);

    // a copy of a handled message: the whole batch writes nothing (the caller then goes one by one)
    const f = step(true);
    await expect(batch([f, a])).rejects.toThrow(/inbox_pkey/);
    expect([await inboxRows(f.id), await countEffects(orm, f.id, 'steps-many'), await countEffects(orm, a.id, 'steps-many')]).toEqual([0, 0, 1]);

    // the same message twice in one batch: handled once
    expect(await batch([f, f])).toEqual(['processed', 'duplicate']);
    expect([await inboxRows(f.id), await countEffects(orm, f.id, 'steps-many')]).toEqual([1, 1]);
  });

  it('retries a failing handler with nak(delay) and dead-letters the message after maxDeliver', async () => {
    chargeFails = true;
    const event = await requestCharge();
    const retriedBefore = consumers.stats().charge!.retried;
    await relay.drain();

    const deadLetter = await eventually(() => deadLetterFor(event.id, 'charge'), { what: 'the dead letter' });
    expect(chargeDeliveries.get(event.id)).toEqual([1, 2, 3]);
    expect(consumers.stats().charge!.retried - retriedBefore).toBe(2);
    expect(deadLetter).toMatchObject({ handler: 'charge', deliveries: 3, subject: subjectFor(env.namespace, ChargeRequested), replayedAt: null });
    expect(deadLetter.error).toContain('card processor unavailable');
    expect(deadLetter.envelope).toMatchObject({ id: event.id, type: 'ChargeRequested', payload: { amountCents: 1_250 } });
    expect(await countEffects(orm, event.id, 'charge')).toBe(0);
    // term() after the copy: nothing is left waiting for an ack or a redelivery.
    await eventually(async () => (await broker.jsm.consumers.info(streamFor(env.namespace, 'kit').name, 'kit-charge')).num_ack_pending === 0);
  });

  it('replays a dead letter through its handler exactly once', async () => {
    chargeFails = true;
    const event = await requestCharge();
    await relay.drain();
    const deadLetter = await eventually(() => deadLetterFor(event.id, 'charge'), { what: 'the dead letter' });

    chargeFails = false;
    const origin = { context: 'kit', namespace: env.namespace };
    expect(await replayDeadLetter(orm, handlers, deadLetter.id, origin, env.log)).toBe('processed');
    expect(await replayDeadLetter(orm, handlers, deadLetter.id, origin, env.log)).toBe('duplicate');

    expect(await countEffects(orm, event.id, 'charge')).toBe(1);
    expect((await deadLetterFor(event.id, 'charge'))?.replayedAt).toBeInstanceOf(Date);
    expect((await listDeadLetters(orm.em.fork() as EntityManager, { pendingOnly: true })).some((d) => d.id === deadLetter.id)).toBe(false);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const discarded = subjectFor(env.namespace, NoteDiscarded);
    await expect(
      (orm.em.fork() as EntityManager).transactional(async (em) => {
        record(em, NoteDiscarded, { noteId: uuidv7() });
        await em.flush();
        throw new Error('use case failed after writing its event');
      }),
    ).rejects.toThrow('use case failed');
    const committed = await (orm.em.fork() as EntityManager).transactional(async (em) => record(em, NoteDiscarded, { noteId: uuidv7() }));
    await relay.drain();

    expect(await messagesOnSubject(discarded)).toBe(1);
    const stored = await broker.jsm.streams.getMessage(streamFor(env.namespace, 'kit').name, { last_by_subj: discarded });
    expect(stored?.json<{ id: string }>().id).toBe(committed.id);
    const rows = await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "kit".outbox where type = 'NoteDiscarded'`);
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('sends schema-invalid and unparseable messages straight to the dead letters', async () => {
    const subject = subjectFor(env.namespace, ThingCounted);
    const badPayload = { ...(await requestEnvelope(ThingCounted, { count: 1 })), payload: { count: 'many' } };
    await broker.js.publish(subject, JSON.stringify(badPayload), { msgID: badPayload.id });
    await broker.js.publish(subject, 'not json at all', { msgID: 'garbage-1' });

    const invalid = await eventually(() => deadLetterFor(badPayload.id, 'strict-counter'), { what: 'the invalid payload dead letter' });
    const garbage = await eventually(() => deadLetterFor('garbage-1', 'strict-counter'), { what: 'the unparseable dead letter' });
    expect(invalid).toMatchObject({ deliveries: 1, envelope: { id: badPayload.id } });
    expect(invalid.error).toContain('invalid ThingCounted payload');
    expect(garbage).toMatchObject({ deliveries: 1, envelope: null, rawData: 'not json at all' });
    expect(garbage.error).toContain('not JSON');
    expect(strictCounterCalls).toEqual([]);
    // The counters move after the dead-letter row commits (then the message is termed), so poll.
    await eventually(() => consumers.stats()['strict-counter'].poison === 2, { what: 'both poison messages counted' });
    expect(consumers.stats()['strict-counter']).toMatchObject({ poison: 2, retried: 0 });
    await eventually(async () => (await broker.jsm.consumers.info(streamFor(env.namespace, 'kit').name, 'kit-strict-counter')).num_ack_pending === 0);
  });

  it('reconnects the relay after its PostgreSQL connection is killed', async () => {
    const errorsBefore = relay.stats().errors;
    await orm.em
      .fork()
      .execute(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'outbox-relay:kit' and datname = current_database()`);
    const event = await writeNote('after the relay lost its connection');
    await relay.drain();
    await eventually(async () => (await countEffects(orm, event.id, 'note-effects')) === 1, { what: 'handling after reconnect' });
    expect(relay.stats().errors).toBeGreaterThan(errorsBefore);
  });

  it('answers a drain the relay took just before its connection died, once it is back', async () => {
    // Hold the outbox so the relay's next read waits on the lock, with the drain request taken.
    const holder = new pg.Client({ connectionString: env.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table "kit".outbox in access exclusive mode');
      const drained = relay.drain();
      let settled = false;
      void drained.then(() => (settled = true), () => (settled = true));
      const relayBackend = () =>
        holder.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = 'outbox-relay:kit' and wait_event_type = 'Lock' and datname = current_database()`);
      const { pid } = await eventually(async () => (await relayBackend()).rows[0], { what: 'the relay waiting for the outbox' });
      await holder.query('select pg_terminate_backend($1)', [pid]);
      await holder.query('commit');
      await eventually(() => settled, { what: 'the drain to be answered' });
      await drained;
    } finally {
      await holder.end();
    }
  });

  it('publishes a row nobody rang the relay for at its next poll', async () => {
    const em = orm.em.fork();
    const envelope = { id: uuidv7(), type: 'NoteWritten', version: 1, occurredAt: new Date().toISOString(), correlationId: null, causationId: null, customerId: null, payload: { noteId: uuidv7(), text: 'inserted by hand' } };
    // outside the ORM and outboxInsert: no commit rings for it
    await em.execute(`insert into "kit".outbox (id, subject, type, envelope) values (?, ?, ?, ?::jsonb)`, [envelope.id, subjectFor(env.namespace, NoteWritten), 'NoteWritten', JSON.stringify(envelope)], 'run');
    await eventually(async () => (await countEffects(orm, envelope.id, 'note-effects')) === 1, { what: 'handling after a poll' });
  });

  it('waits for the handler in flight when consumers stop', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    const slow = handle(SlowWorkRequested, { name: 'slow-work' }, async (event, { em }) => {
      entered = true;
      await gate;
      await recordEffect(em, event.id, 'slow-work');
    });
    const group = await startConsumers({ context: 'kit', orm, broker, handlers: [slow], log: env.log });
    const event = await (orm.em.fork() as EntityManager).transactional(async (em) => record(em, SlowWorkRequested, {}));
    await relay.drain();
    await eventually(() => entered, { what: 'the handler to start' });

    const stopped = group.stop();
    release();
    await stopped;
    expect(await countEffects(orm, event.id, 'slow-work')).toBe(1);
    expect(group.stats()['slow-work']).toMatchObject({ processed: 1 });
  });

  describe('a handler with batchSize', () => {
    /** "gate" holds the only slot until released, so what follows waits in the buffer and forms one batch; "boom" fails its first delivery. */
    let release: () => void = () => undefined;
    let gateEntered = false;
    const boomDeliveries = new Map<string, number>();
    const batched = handle(EntryLogged, { name: 'entries', batchSize: 20, concurrency: 1, backoffMs: [100] }, async (event, { em, deliveryCount }) => {
      if (event.payload.text === 'gate') {
        gateEntered = true;
        await new Promise<void>((resolve) => (release = resolve));
      }
      if (event.payload.text === 'boom') {
        boomDeliveries.set(event.id, deliveryCount);
        if (deliveryCount === 1) throw new Error('boom on first delivery');
      }
      await recordEffect(em, event.id, 'entries');
    });
    let group: ConsumerGroup;

    beforeAll(async () => {
      group = await startConsumers({ context: 'kit', orm, broker, handlers: [batched], log: env.log });
    });
    afterAll(async () => {
      release();
      await group?.stop();
    });

    const logEntries = (texts: string[]) => (orm.em.fork() as EntityManager).transactional(async (em) => texts.map((text) => record(em, EntryLogged, { text })));

    /** Holds the handler on a "gate" entry, lets `texts` arrive and wait behind it, then opens the gate. */
    async function behindTheGate(texts: string[], meanwhile?: (events: Awaited<ReturnType<typeof logEntries>>) => Promise<void>) {
      gateEntered = false;
      const [gate] = await logEntries(['gate']);
      await relay.drain();
      await eventually(() => gateEntered, { what: 'the gate entry to hold the slot' });
      const events = await logEntries(texts);
      await meanwhile?.(events);
      await relay.drain();
      const waiting = texts.length + (meanwhile ? 1 : 0);
      await eventually(async () => (await broker.jsm.consumers.info(streamFor(env.namespace, 'kit').name, 'kit-entries')).num_ack_pending === 1 + waiting, { what: 'the entries delivered and waiting' });
      release();
      return { gate: gate!, events };
    }

    it('handles the deliveries waiting together in one transaction, each once, a copy among them skipped', async () => {
      const before = { ...group.stats().entries! };
      const { gate, events } = await behindTheGate(['a', 'b', 'c', 'd', 'e'], async ([first]) => {
        await broker.js.publish(subjectFor(env.namespace, EntryLogged), JSON.stringify(first), { msgID: `copy-of-${first!.id}` });
      });
      for (const event of [gate, ...events]) await eventually(async () => (await countEffects(orm, event.id, 'entries')) === 1, { what: `entry ${event.payload.text}` });
      await eventually(() => group.stats().entries!.duplicates === before.duplicates + 1, { what: 'the copy to be skipped' });
      const after = group.stats().entries!;
      expect(after.batches - before.batches).toBe(1);
      expect(after.processed - before.processed).toBe(6);
      expect(after.batchesSplit).toBe(before.batchesSplit);
      for (const event of events) expect(await countEffects(orm, event.id, 'entries')).toBe(1);
    });

    it('rolls a failed batch back and handles its messages one by one: only the failing one is retried', async () => {
      const before = { ...group.stats().entries! };
      const { events } = await behindTheGate(['f', 'boom', 'g', 'h']);
      for (const event of events) await eventually(async () => (await countEffects(orm, event.id, 'entries')) === 1, { what: `entry ${event.payload.text}` });
      const after = group.stats().entries!;
      expect(after.batchesSplit - before.batchesSplit).toBe(1);
      expect(after.retried - before.retried).toBe(1);
      expect(boomDeliveries.get(events[1]!.id)).toBe(2);
      expect(after.processed - before.processed).toBe(5); // the gate, three at once after the split, then boom's retry
      for (const event of events) expect(await countEffects(orm, event.id, 'entries')).toBe(1);
    });
  });

  describe('a batching handler with lingerMs', () => {
    /** Up to ten scans a batch; one that comes alone waits three seconds for company. */
    const scans = handle(ParcelScanned, { name: 'scans', batchSize: 10, concurrency: 1, lingerMs: 3_000 }, async (event, { em }) => recordEffect(em, event.id, 'scans'));
    /** Three crates make a full batch; fewer would wait ten seconds. */
    const crates = handle(CrateLoaded, { name: 'crates', batchSize: 3, concurrency: 1, lingerMs: 10_000 }, async (event, { em }) => recordEffect(em, event.id, 'crates'));
    let group: ConsumerGroup;

    beforeAll(async () => {
      group = await startConsumers({ context: 'kit', orm, broker, handlers: [scans, crates], log: env.log });
    });
    afterAll(async () => {
      await group?.stop();
    });

    /** Records one event in a commit of its own and has the relay publish it. */
    async function publishAlone<D extends EventDefinition>(definition: D, payload: PayloadOf<D>) {
      const event = await (orm.em.fork() as EntityManager).transactional(async (em) => record(em, definition, payload));
      await relay.drain();
      return event;
    }
    const deliveredAndWaiting = (consumer: string, n: number) =>
      eventually(async () => (await broker.jsm.consumers.info(streamFor(env.namespace, 'kit').name, consumer)).num_ack_pending === n, { what: `${n} deliveries to ${consumer} waiting` });

    it('holds a delivery that finds the slot free for company, then handles what came meanwhile in one transaction', async () => {
      const before = { ...group.stats().scans! };
      const first = await publishAlone(ParcelScanned, { parcel: 'P-1' });
      await deliveredAndWaiting('kit-scans', 1);
      const second = await publishAlone(ParcelScanned, { parcel: 'P-2' });
      await deliveredAndWaiting('kit-scans', 2);
      // both delivered, the slot free, and neither handled yet: they linger
      expect(await countEffects(orm, first.id, 'scans')).toBe(0);
      for (const event of [first, second]) await eventually(async () => (await countEffects(orm, event.id, 'scans')) === 1, { what: `scan ${event.payload.parcel}` });
      const after = group.stats().scans!;
      expect(after.batches - before.batches).toBe(1);
      expect(after.processed - before.processed).toBe(2);
    });

    it('starts a full batch at once instead of lingering', async () => {
      const before = { ...group.stats().crates! };
      const loaded = [await publishAlone(CrateLoaded, { crate: 'C-1' }), await publishAlone(CrateLoaded, { crate: 'C-2' }), await publishAlone(CrateLoaded, { crate: 'C-3' })];
      // well inside the first crate's ten seconds
      for (const event of loaded) await eventually(async () => (await countEffects(orm, event.id, 'crates')) === 1, { what: `crate ${event.payload.crate}`, timeoutMs: 5_000 });
      const after = group.stats().crates!;
      expect(after.batches - before.batches).toBe(1);
      expect(after.processed - before.processed).toBe(3);
    });

    it('refuses a linger on a handler that takes deliveries one at a time', () => {
      expect(() => handle(CrateLoaded, { name: 'lone-crates', lingerMs: 100 }, async () => undefined)).toThrow(/lingerMs is for batching handlers/);
      expect(() => handle(CrateLoaded, { name: 'slow-crates', batchSize: 5, lingerMs: 20_000 }, async () => undefined)).toThrow(/lingerMs must be an integer from 0 to half the ack wait/);
    });
  });

  /** A valid envelope built the way producers build them, without touching the outbox. */
  async function requestEnvelope<D extends EventDefinition>(definition: D, payload: PayloadOf<D>) {
    const em = orm.em.fork() as EntityManager;
    const envelope = record(em, definition, payload);
    em.clear(); // never flushed: only the envelope is wanted
    return envelope;
  }
});

describe('outbox relay leadership', () => {
  let env: TestEnvironment;
  let orm: Orm;
  let broker: Broker;
  const relays: OutboxRelay[] = [];
  const Pinged = defineEvent({ context: 'kitrelay', type: 'Pinged', version: 1, schema: z.object({ n: z.number() }) });

  beforeAll(async () => {
    env = await createTestEnvironment();
    orm = await createKitContext(env, 'kitrelay');
    broker = await connectBroker(env.config.nats, env.log);
    await ensureStream(broker, 'kitrelay');
  });

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await broker?.jsm.streams.delete(streamFor(env.namespace, 'kitrelay').name).catch(() => undefined);
    await broker?.close();
    await orm?.close();
    await env?.cleanup();
  });

  const startRelay = () => {
    const relay = startOutboxRelay({ context: 'kitrelay', databaseUrl: env.databaseUrl, broker, log: env.log, pollIntervalMs: 200, lockRetryMs: 100 });
    relays.push(relay);
    return relay;
  };
  const ping = (n: number) => (orm.em.fork() as EntityManager).transactional(async (em) => recordEvent(em, env.namespace, Pinged, { n }));
  const streamMessages = async () => (await broker.jsm.streams.info(streamFor(env.namespace, 'kitrelay').name)).state.messages;

  it('keeps a second relay on standby and lets it take over when the active one stops', async () => {
    const first = startRelay();
    await eventually(() => first.isActive(), { what: 'the first relay to take the lock' });
    const second = startRelay();
    await second.drain(); // answered by the standby itself, after it failed to take the lock

    await ping(1);
    await first.drain();
    expect(second.isActive()).toBe(false);
    expect(first.stats().published).toBe(1);
    expect(second.stats().published).toBe(0);

    await first.stop();
    await eventually(() => second.isActive(), { what: 'the standby to take over' });
    await ping(2);
    await second.drain();
    expect(second.stats().published).toBe(1);
    expect(await streamMessages()).toBe(2);
  });

  it('publishes more rows than a batch holds in outbox order, every batch after the first read by the statement that marked the one before it', async () => {
    await Promise.all(relays.map((r) => r.stop())); // the lock is this one's
    const relay = startOutboxRelay({ context: 'kitrelay', databaseUrl: env.databaseUrl, broker, log: env.log, pollIntervalMs: 200, batchSize: 3 });
    try {
      await eventually(() => relay.isActive(), { what: 'the relay to take the lock' });
      const before = await streamMessages();
      await (orm.em.fork() as EntityManager).transactional(async (em) => {
        for (let n = 100; n < 110; n++) recordEvent(em, env.namespace, Pinged, { n });
      });
      await relay.drain();
      expect(await streamMessages()).toBe(before + 10);
      const stream = streamFor(env.namespace, 'kitrelay').name;
      const published: number[] = [];
      for (let seq = before + 1; seq <= before + 10; seq++) {
        const message = await broker.jsm.streams.getMessage(stream, { seq });
        published.push((message!.json() as { payload: { n: number } }).payload.n);
      }
      expect(published).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
      const unmarked = (await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "kitrelay".outbox where published_at is null`))[0]!.n;
      expect(Number(unmarked)).toBe(0);
    } finally {
      await relay.stop();
    }
  });
});

describe('waking the outbox relay', () => {
  let world: KitRelayWorld;
  let env: TestEnvironment;
  let orm: Orm;
  let broker: Broker;
  let relay: OutboxRelay;
  const Rang = defineEvent({ context: 'kitring', type: 'Rang', version: 1, schema: z.object({ n: z.number() }) });
  /** Far longer than any wait below: only a ring can explain a prompt publication. */
  const POLL_MS = 120_000;

  beforeAll(async () => {
    ({ env, orm, broker, relay } = world = await startKitRelay('kitring', { pollIntervalMs: POLL_MS, handOver: false }));
  });

  afterAll(async () => {
    await world?.stop();
  });

  const published = async () => relay.stats().published;

  it('publishes at once what a transaction recorded through the unit of work, when it commits', async () => {
    const before = await published();
    await (orm.em.fork() as EntityManager).transactional(async (em) => {
      recordEvent(em, env.namespace, Rang, { n: 1 });
    });
    await eventually(async () => (await published()) === before + 1, { what: 'the relay, rung by the commit, to publish', timeoutMs: 10_000 });
  });

  it('publishes at once what a flush outside a transaction recorded', async () => {
    const before = await published();
    const em = orm.em.fork() as EntityManager;
    recordEvent(em, env.namespace, Rang, { n: 2 });
    await em.flush();
    await eventually(async () => (await published()) === before + 1, { what: 'the relay, rung by the flush, to publish', timeoutMs: 10_000 });
  });

  it('publishes at once what a statement of its own inserted (outboxInsert), and nothing of a rolled-back one', async () => {
    const before = await published();
    const insert = (em: EntityManager, n: number) => {
      const rows = outboxInsert(em, [outboxRow(env.namespace, Rang, { n })]);
      return new CombinedStatement().add(rows.sql, rows.params).run(em);
    };
    await expect(
      (orm.em.fork() as EntityManager).transactional(async (em) => {
        await insert(em, 3);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await (orm.em.fork() as EntityManager).transactional((em) => insert(em, 4));
    await eventually(async () => (await published()) === before + 1, { what: 'the relay, rung by the commit, to publish', timeoutMs: 10_000 });
    const info = await broker.jsm.streams.info(streamFor(env.namespace, 'kitring').name);
    expect(info.state.messages).toBe(before + 1);
  });

  it('marks what a batch published with the statement that reads the next batch: one statement per batch', async () => {
    const relayStatement = (text: string) => text.includes('"kitring".outbox') && text.includes('published_at is null');
    const isMarked = async (id: string) =>
      (await orm.em.fork().execute<{ marked: boolean }[]>(`select published_at is not null as marked from "kitring".outbox where id = ?`, [id]))[0]!.marked;
    const commit = (n: number) => (orm.em.fork() as EntityManager).transactional(async (em) => recordEvent(em, env.namespace, Rang, { n }));
    const before = await published();
    const statements = await queriesDuring(async () => {
      const first = await commit(10);
      await eventually(async () => (await published()) === before + 1, { what: 'the relay, rung by the commit, to publish', timeoutMs: 10_000 });
      // nothing else wakes the relay (its poll is two minutes away): the mark waits for the next read
      expect(await isMarked(first.id)).toBe(false);
      const second = await commit(11);
      await eventually(async () => (await published()) === before + 2, { what: 'the relay, rung again, to publish', timeoutMs: 10_000 });
      expect(await isMarked(first.id)).toBe(true);
      expect(await isMarked(second.id)).toBe(false);
      await relay.drain(); // a drain is answered once everything is marked
      expect(await isMarked(second.id)).toBe(true);
    }, relayStatement);
    // two batches and the drain's check: a read each, the marks travelling with them
    expect(statements).toBe(3);
  });

  it('a ring that cannot be sent (a draining connection refuses publishes) does not fail the commit', async () => {
    // a second ORM on the context, ringing only through a connection that refuses to publish
    const replica = await createKitContext(env, 'kitring');
    try {
      const draining = { namespace: env.namespace, isClosed: () => false, nc: { publish: () => { throw new Error('connection draining'); } } } as unknown as Broker;
      ringRelayOnOutboxCommits(replica, draining, 'kitring');
      const before = await published();
      await expect((replica.em.fork() as EntityManager).transactional(async (em) => void recordEvent(em, env.namespace, Rang, { n: 5 }))).resolves.toBeUndefined();
      await relay.drain(); // no ring reached the relay: its next check finds the committed row
      expect(await published()).toBe(before + 1);
    } finally {
      await replica.close();
    }
  });
});

describe('handing committed rows to this process\'s relay', () => {
  let world: KitRelayWorld;
  let env: TestEnvironment;
  let orm: Orm;
  let broker: Broker;
  let relay: OutboxRelay;
  const Handed = defineEvent({ context: 'kithand', type: 'Handed', version: 1, schema: z.object({ n: z.number() }) });
  /** Far longer than any wait below: only a hand-over or a ring can explain a prompt publication. */
  const POLL_MS = 120_000;
  const stream = () => world.stream;
  /** The relay's reads of the pending rows (each carries the marks it holds). */
  const isRelayRead = (text: string) => text.includes('"kithand".outbox') && text.includes('published_at is null');

  beforeAll(async () => {
    ({ env, orm, broker, relay } = world = await startKitRelay('kithand', { pollIntervalMs: POLL_MS, handOver: true }));
  });

  afterAll(async () => {
    await world?.stop();
  });

  const published = () => relay.stats().published;
  const isMarked = async (id: string) => (await orm.em.fork().execute<{ marked: boolean }[]>(`select published_at is not null as marked from "kithand".outbox where id = ?`, [id]))[0]!.marked;
  const insert = (em: EntityManager, n: number) => {
    const rows = outboxInsert(em, [outboxRow(env.namespace, Handed, { n })]);
    return new CombinedStatement().add(rows.sql, rows.params).run(em);
  };
  /** The payloads the stream holds after `seq`, in order. */
  const storedAfter = async (seq: number): Promise<number[]> => {
    const { state } = await broker.jsm.streams.info(stream());
    const payloads: number[] = [];
    for (let at = seq + 1; at <= state.last_seq; at++) payloads.push(((await broker.jsm.streams.getMessage(stream(), { seq: at }))!.json() as { payload: { n: number } }).payload.n);
    return payloads;
  };

  it('publishes what a commit here wrote without reading the outbox, and marks it with its next read', async () => {
    const before = published();
    const { state } = await broker.jsm.streams.info(stream());
    let envelope!: ReturnType<typeof recordEvent>;
    const reads = await queriesDuring(async () => {
      envelope = await (orm.em.fork() as EntityManager).transactional(async (em) => recordEvent(em, env.namespace, Handed, { n: 1 }));
      await eventually(() => published() === before + 1, { what: 'the relay, handed the row, to publish it', timeoutMs: 10_000 });
      expect(await isMarked(envelope.id)).toBe(false);
    }, isRelayRead);
    expect(reads).toBe(0);
    // what the stream holds is the envelope the outbox holds, under its id
    const stored = await broker.jsm.streams.getMessage(stream(), { seq: state.last_seq + 1 });
    expect(stored!.header?.get('Nats-Msg-Id')).toBe(envelope.id);
    expect(stored!.json()).toEqual(JSON.parse(JSON.stringify(envelope)));

    const drained = await queriesDuring(() => relay.drain(), isRelayRead);
    expect(drained).toBe(1);
    expect(await isMarked(envelope.id)).toBe(true);
  });

  it('hands over what a statement of its own wrote (outboxInsert), in commit order, and nothing of a rolled-back transaction', async () => {
    const { state } = await broker.jsm.streams.info(stream());
    const before = published();
    await expect(
      (orm.em.fork() as EntityManager).transactional(async (em) => {
        await insert(em, 2);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    for (const n of [3, 4, 5]) await (orm.em.fork() as EntityManager).transactional((em) => insert(em, n));
    await eventually(() => published() === before + 3, { what: 'the relay to publish the three commits', timeoutMs: 10_000 });
    expect(await storedAfter(state.last_seq)).toEqual([3, 4, 5]);
    await relay.drain();
  });

  it('leaves rows written inside a savepoint to its read: one rolled back with its savepoint is never published', async () => {
    const { state } = await broker.jsm.streams.info(stream());
    const before = published();
    const reads = await queriesDuring(async () => {
      await (orm.em.fork() as EntityManager).transactional(async (em) => {
        await insert(em, 6);
        await em
          .transactional(async (inner) => {
            await insert(inner, 7);
            throw new Error('undo the savepoint');
          })
          .catch(() => undefined);
      });
      await eventually(() => published() === before + 1, { what: 'the relay, rung, to read and publish', timeoutMs: 10_000 });
    }, isRelayRead);
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(await storedAfter(state.last_seq)).toEqual([6]);

    // a savepoint released, in a transaction that then rolls back: nothing was committed, nothing goes out
    await expect(
      (orm.em.fork() as EntityManager).transactional(async (em) => {
        await em.transactional((inner) => insert(inner, 8));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await relay.drain();
    expect(await storedAfter(state.last_seq)).toEqual([6]);
  });

  it('takes nothing while it is not the active relay: that replica\'s commits ring the active one instead', async () => {
    const replica = await createKitContext(env, 'kithand');
    const standby = startOutboxRelay({ context: 'kithand', databaseUrl: env.databaseUrl, broker, log: env.log, pollIntervalMs: POLL_MS, lockRetryMs: 100 });
    try {
      ringRelayOnOutboxCommits(replica, broker, 'kithand').attach(standby);
      expect(standby.isActive()).toBe(false);
      expect(standby.handOver([{ id: uuidv7(), subject: subjectFor(env.namespace, Handed), data: '{}' }])).toBe(false);
      const { state } = await broker.jsm.streams.info(stream());
      const before = published();
      await (replica.em.fork() as EntityManager).transactional((em) => insert(em, 9));
      await eventually(() => published() === before + 1, { what: 'the active relay, rung, to read and publish', timeoutMs: 10_000 });
      expect(await storedAfter(state.last_seq)).toEqual([9]);
      expect(standby.stats().published).toBe(0);
    } finally {
      await standby.stop();
      await replica.close();
    }
  });
});
