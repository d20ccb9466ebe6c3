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
    await listeningAgain();
  });

  /** Once a notification sent now reaches the listener. */
  const listeningAgain = () =>
    eventually(async () => {
      const expected = listener.expect('ping');
      await orm.em.fork().transactional((em) => announceArrival(em, channel, 'ping'));
      const woke = await Promise.race([expected.arrived.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 200))]);
      expected.cancel();
      return woke;
    }, { what: 'the listener to LISTEN' });

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

  it('when every writer announces, reads again only at the deadline while nothing can have been missed', async () => {
    const id = crypto.randomUUID();
    let reads = 0;
    const found = await waitFor(async () => (reads++, noteById(id)()), 1_500, { arrival: { arrivals: listener, key: id, everyWriterAnnounces: true }, fallbackMs: 200 });
    expect(found).toBeNull();
    expect(reads).toBe(2); // before waiting and at the deadline; without the flag, every 200 ms
  });

  it('when every writer announces, goes back to the slow re-read once the listener lost its connection', async () => {
    const id = crypto.randomUUID();
    const waiting = waitFor(noteById(id), 10_000, { arrival: { arrivals: listener, key: id, everyWriterAnnounces: true }, fallbackMs: 200 });
    await eventually(() => listener.waiters === 1, { what: 'the wait to begin' });
    const sql = orm.em.fork().getConnection();
    await sql.execute(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ? and datname = current_database() and pid <> pg_backend_pid()`, [`arrivals:${channel}`]);
    // written without an announcement, while the listener is away: only a re-read can find it
    await sql.execute('insert into kit.note (id, text) values (?, ?)', [id, 'unannounced']);
    const started = Date.now();
    expect(await waiting).toEqual({ id });
    expect(Date.now() - started).toBeLessThan(5_000);
    await listeningAgain();
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
