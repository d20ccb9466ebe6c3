import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArrivalListener, announceArrival, waitFor } from '../../platform/arrivals.js';
import type { Orm } from '../../platform/database.js';
import { createKitContext } from '../events/kit-context.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../support/config.js';

/**
 * Requests that wait for something an event will create (a checkout, a saved address) are woken by
 * the handler's commit, on any replica, rather than polling — and still find it if the wake-up is lost.
 */
describe('arrivals: waiting for a row another replica is about to commit', () => {
  let env: TestEnvironment;
  let orm: Orm;
  let listener: ArrivalListener;
  let listening: { stop(): Promise<void> };
  const channel = 'kit_arrivals';

  beforeAll(async () => {
    env = await createTestEnvironment();
    orm = await createKitContext(env, 'kit');
    listener = new ArrivalListener(env.databaseUrl, channel, env.log);
    listening = listener.start();
    // listening once a notification sent now reaches it
    await eventually(async () => {
      const expected = listener.expect('ping');
      await orm.em.fork().transactional((em) => announceArrival(em, channel, 'ping'));
      const woke = await Promise.race([expected.arrived.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 200))]);
      expected.cancel();
      return woke;
    }, { what: 'the listener to LISTEN' });
  });

  afterAll(async () => {
    await listening?.stop();
    await orm?.close();
    await env?.cleanup();
  });

  const noteById = (id: string) => async () => (await orm.em.fork().getConnection().execute<{ id: string }[]>('select id from kit.note where id = ?', [id]))[0] ?? null;
  const insertAndAnnounce = (id: string) =>
    orm.em.fork().transactional(async (em) => {
      await em.execute('insert into kit.note (id, text) values (?, ?)', [id, 'arrived'], 'run');
      await announceArrival(em, channel, id);
    });

  it('finds the row as soon as the announcing transaction commits, long before the fallback re-read', async () => {
    const id = crypto.randomUUID();
    let reads = 0;
    const started = Date.now();
    const waiting = waitFor(async () => (reads++, noteById(id)()), 10_000, { arrival: { arrivals: listener, key: id }, fallbackMs: 5_000 });
    setTimeout(() => void insertAndAnnounce(id), 300);
    expect(await waiting).toEqual({ id });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(reads).toBe(2); // once before, once after the wake-up: no polling in between
    expect(listener.waiters).toBe(0);
  });

  it('is not woken by a transaction that rolled back, and answers null at the deadline', async () => {
    const id = crypto.randomUUID();
    const waiting = waitFor(noteById(id), 1_500, { arrival: { arrivals: listener, key: id }, fallbackMs: 500 });
    await orm.em
      .fork()
      .transactional(async (em) => {
        await em.execute('insert into kit.note (id, text) values (?, ?)', [id, 'rolled back'], 'run');
        await announceArrival(em, channel, id);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await waiting).toBeNull();
    expect(listener.waiters).toBe(0);
  });

  it('still finds a row whose announcement it never heard (the slow re-read)', async () => {
    const id = crypto.randomUUID();
    const waiting = waitFor(noteById(id), 5_000, { arrival: { arrivals: listener, key: id }, fallbackMs: 200 });
    await orm.em.fork().getConnection().execute('insert into kit.note (id, text) values (?, ?)', [id, 'no announcement']);
    expect(await waiting).toEqual({ id });
  });

  it('wakes only the waiters of the announced key', async () => {
    const mine = listener.expect('mine');
    const other = listener.expect('other');
    let otherWoke = false;
    void other.arrived.then(() => (otherWoke = true));
    await orm.em.fork().transactional((em) => announceArrival(em, channel, 'mine'));
    await mine.arrived;
    expect(otherWoke).toBe(false);
    other.cancel();
    expect(listener.waiters).toBe(0);
  });
});
