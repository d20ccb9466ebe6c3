import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdmissionGate, AdmissionRefused, type Ticket } from './admission.js';
import { SESSION_HEAD_START_MS, SessionStarts } from './admission-control.js';

/** Settles pending promise callbacks (no timers involved). */
const settled = async <T>(promise: Promise<T>): Promise<'pending' | 'resolved' | 'rejected'> => {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await vi.advanceTimersByTimeAsync(0);
  return state;
};

describe('AdmissionGate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const gate = (maxInFlight: number, maxQueue = 10, maxWaitMs = 1_000) => new AdmissionGate({ maxInFlight, maxQueue, maxWaitMs }, () => Date.now());

  it('admits up to the limit at once, then queues', async () => {
    const g = gate(2);
    await g.admit();
    await g.admit();
    const third = g.admit();
    expect(await settled(third)).toBe('pending');
    expect([g.inFlight, g.queueLength]).toEqual([2, 1]);
  });

  it('hands freed slots to waiters in arrival order, and to no newcomer before them', async () => {
    const g = gate(1);
    const first = await g.admit();
    const order: string[] = [];
    const waiters = ['a', 'b', 'c'].map((name) => g.admit().then((ticket) => (order.push(name), ticket)));
    first.release();
    const newcomer = g.admit().then((ticket) => (order.push('late'), ticket));
    let holder: Ticket = await waiters[0]!;
    for (const next of [waiters[1]!, waiters[2]!, newcomer]) {
      expect(await settled(next)).toBe('pending');
      holder.release();
      holder = await next;
    }
    expect(order).toEqual(['a', 'b', 'c', 'late']);
    holder.release();
    expect([g.inFlight, g.queueLength]).toEqual([0, 0]);
  });

  it('lets a waiter with an earlier priority (its session started first) go before earlier arrivals', async () => {
    const g = gate(1);
    const first = await g.admit();
    const order: string[] = [];
    const start = Date.now();
    await vi.advanceTimersByTimeAsync(100);
    const newSession = g.admit(undefined, { priority: Date.now() }).then((ticket) => (order.push('new session'), ticket));
    const alsoNew = g.admit().then((ticket) => (order.push('no session'), ticket));
    const oldSession = g.admit(undefined, { priority: start }).then((ticket) => (order.push('old session'), ticket));
    first.release();
    (await oldSession).release();
    (await newSession).release();
    (await alsoNew).release();
    expect(order).toEqual(['old session', 'new session', 'no session']);
  });

  it("lets a newcomer's request that has waited half the maximum wait go before the others, whatever their priority", async () => {
    const g = gate(1, 10, 1_000);
    let holder = await g.admit();
    const order: string[] = [];
    const started = Date.now() - 60_000; // a session that started a minute ago
    const newcomer = g.admit(undefined, { priority: Date.now(), newcomer: true }).then((ticket) => (order.push('newcomer'), ticket));
    await vi.advanceTimersByTimeAsync(100);
    const first = g.admit(undefined, { priority: started }).then((ticket) => (order.push('old session 1'), ticket));
    await vi.advanceTimersByTimeAsync(100);
    holder.release(); // the newcomer has waited 200 ms: priority decides
    holder = await first;
    await vi.advanceTimersByTimeAsync(300);
    const second = g.admit(undefined, { priority: started }).then((ticket) => (order.push('old session 2'), ticket));
    holder.release(); // the newcomer has waited 500 ms, half the maximum: it goes first
    holder = await newcomer;
    holder.release();
    (await second).release();
    expect(order).toEqual(['old session 1', 'newcomer', 'old session 2']);
  });

  it("keeps a journey's request in its place until it has waited two thirds of the maximum wait, then lets it go first", async () => {
    const g = gate(1, 10, 900);
    let holder = await g.admit();
    const order: string[] = [];
    const started = Date.now() - 60_000;
    const later = g.admit(undefined, { priority: Date.now() }).then((ticket) => (order.push('later session'), ticket));
    await vi.advanceTimersByTimeAsync(500);
    const earlier = g.admit(undefined, { priority: started }).then((ticket) => (order.push('earlier session'), ticket));
    holder.release(); // the later session's request has waited 500 ms, not a newcomer's: it keeps its place
    holder = await earlier;
    const checkout = g.admit(undefined, { priority: started, checkout: true }).then((ticket) => (order.push('checkout step'), ticket));
    const earlierAgain = g.admit(undefined, { priority: started }).then((ticket) => (order.push('earlier session again'), ticket));
    await vi.advanceTimersByTimeAsync(100);
    holder.release(); // 600 ms, two thirds of 900: passed over any further, it would only time out
    holder = await later;
    holder.release();
    (await checkout).release();
    (await earlierAgain).release();
    expect(order).toEqual(['earlier session', 'later session', 'checkout step', 'earlier session again']);
  });

  it('lets a checkout step go before every other waiter, however early its session started, and checkout steps among themselves by place', async () => {
    const g = gate(1);
    const holder = await g.admit();
    const order: string[] = [];
    const started = Date.now() - 20_000; // a session that started 20 s ago
    const queued = (name: string, place: Parameters<AdmissionGate['admit']>[1]) => g.admit(undefined, place).then((ticket) => (order.push(name), ticket));
    const cartChange = queued('earlier session, cart change', { priority: started });
    await vi.advanceTimersByTimeAsync(100);
    const laterCheckout = queued('later session, checkout step', { priority: Date.now() - 1_000, checkout: true });
    const earlierCheckout = queued('earlier session, checkout step', { priority: started, checkout: true });
    holder.release();
    for (const next of [earlierCheckout, laterCheckout, cartChange]) (await next).release();
    expect(order).toEqual(['earlier session, checkout step', 'later session, checkout step', 'earlier session, cart change']);
  });

  it("lets a newcomer's request that has waited half the maximum wait go before a checkout step too", async () => {
    const g = gate(1, 10, 1_000);
    const holder = await g.admit();
    const order: string[] = [];
    const newcomer = g.admit(undefined, { newcomer: true }).then((ticket) => (order.push('newcomer'), ticket));
    await vi.advanceTimersByTimeAsync(500);
    const checkout = g.admit(undefined, { priority: Date.now() - 60_000, checkout: true }).then((ticket) => (order.push('checkout step'), ticket));
    holder.release();
    (await newcomer).release();
    (await checkout).release();
    expect(order).toEqual(['newcomer', 'checkout step']);
  });

  it('tells how long a waiter waited', async () => {
    const g = gate(1);
    const first = await g.admit();
    const second = g.admit();
    await vi.advanceTimersByTimeAsync(250);
    first.release();
    expect((await second).waitedMs).toBe(250);
  });

  it('refuses at once when the queue is full', async () => {
    const g = gate(1, 1);
    await g.admit();
    void g.admit().catch(() => undefined);
    await expect(g.admit()).rejects.toMatchObject({ reason: 'queue_full' });
    expect(g.queueLength).toBe(1);
  });

  it('refuses a waiter after the maximum wait and frees its place in the queue', async () => {
    const g = gate(1, 1, 500);
    const first = await g.admit();
    const waiting = g.admit();
    const outcome = waiting.catch((err: unknown) => err);
    await vi.advanceTimersByTimeAsync(499);
    expect(await settled(waiting)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(AdmissionRefused);
    expect(((await outcome) as AdmissionRefused).reason).toBe('timed_out');
    expect(g.queueLength).toBe(0);
    // the slot it never got goes to the next waiter
    const next = g.admit();
    first.release();
    expect(await settled(next)).toBe('resolved');
  });

  it('drops a waiter whose caller gave up, without using a slot', async () => {
    const g = gate(1);
    const first = await g.admit();
    const gaveUp = new AbortController();
    const abandoned = g.admit(gaveUp.signal).catch((err: AdmissionRefused) => err.reason);
    const patient = g.admit();
    gaveUp.abort();
    expect(await abandoned).toBe('abandoned');
    first.release();
    expect(await settled(patient)).toBe('resolved');
    expect(g.inFlight).toBe(1);
  });

  it('counts a double release once', async () => {
    const g = gate(1);
    const ticket = await g.admit();
    ticket.release();
    ticket.release();
    expect(g.inFlight).toBe(0);
  });

  it('never queues with no limit (0)', async () => {
    const g = gate(0, 0);
    const tickets = await Promise.all(Array.from({ length: 100 }, () => g.admit()));
    expect([g.inFlight, g.queueLength]).toEqual([100, 0]);
    tickets.forEach((t) => t.release());
    expect(g.inFlight).toBe(0);
  });
});

describe('SessionStarts', () => {
  it('orders a session by its first request and caps its head start', () => {
    let now = 1_000_000;
    const sessions = new SessionStarts(() => now);
    expect(sessions.place('Bearer a')).toEqual({ priority: 1_000_000, newcomer: true, checkout: false });
    now += 5_000;
    expect(sessions.place('Bearer a')).toEqual({ priority: 1_000_000, newcomer: false, checkout: false });
    expect(sessions.place('Bearer b')).toEqual({ priority: 1_005_000, newcomer: true, checkout: false });
    // without a token every request is a newcomer's, in arrival order
    expect(sessions.place(undefined)).toEqual({ priority: 1_005_000, newcomer: true, checkout: false });
    now += SESSION_HEAD_START_MS; // 'a' kept asking: its head start is capped
    expect(sessions.place('Bearer a')).toEqual({ priority: now - SESSION_HEAD_START_MS, newcomer: false, checkout: false });
  });

  it("ranks a checkout's steps by the checkout's start, not the session's", () => {
    let now = 1_000_000;
    const sessions = new SessionStarts(() => now);
    sessions.place('Bearer early');
    now += 2_000;
    sessions.place('Bearer late');
    now += 1_000;
    // the later session reaches checkout first: its steps now go before the earlier session's
    expect(sessions.place('Bearer late', 'first')).toEqual({ priority: 1_003_000, newcomer: false, checkout: true });
    now += 1_000;
    expect(sessions.place('Bearer early', 'first')).toEqual({ priority: 1_004_000, newcomer: false, checkout: true });
    now += 1_000;
    expect(sessions.place('Bearer late', 'later')).toEqual({ priority: 1_003_000, newcomer: false, checkout: true });
    expect(sessions.place('Bearer early', 'later')).toEqual({ priority: 1_004_000, newcomer: false, checkout: true });
    // a step of a checkout this process has not seen start (another gateway replica's) ranks from now
    expect(sessions.place('Bearer other', 'later')).toEqual({ priority: now, newcomer: true, checkout: true });
    // without a token no checkout step can succeed: it is not put first
    expect(sessions.place(undefined, 'later')).toEqual({ priority: now, newcomer: true, checkout: false });
    // the head start is capped as the session's is
    now += SESSION_HEAD_START_MS;
    expect(sessions.place('Bearer late', 'later')).toEqual({ priority: now - SESSION_HEAD_START_MS, newcomer: false, checkout: true });
  });

  describe('with the gate', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('admits a later session\'s first request once it has waited half the admission wait, however steadily an earlier session keeps asking', async () => {
      // one slot, and the default GATEWAY_ADMISSION_WAIT_MS: a waiter passed over for longer is refused
      const g = new AdmissionGate({ maxInFlight: 1, maxQueue: 10, maxWaitMs: 30_000 }, () => Date.now());
      const sessions = new SessionStarts(() => Date.now());
      const ask = (token: string) => {
        return g.admit(undefined, sessions.place(token));
      };
      sessions.place('Bearer early');
      await vi.advanceTimersByTimeAsync(1_000);
      let holder = await ask('Bearer early');
      const arrived = Date.now();
      const late = ask('Bearer late');
      late.catch(() => undefined);
      const early: Promise<Ticket>[] = [];
      // every second the early shopper asks again and the slot frees up
      while ((await settled(late)) === 'pending') {
        await vi.advanceTimersByTimeAsync(1_000);
        early.push(ask('Bearer early'));
        early.at(-1)!.catch(() => undefined);
        holder.release();
        if ((await settled(late)) !== 'pending') break;
        holder = await early.shift()!;
      }
      const waited = Date.now() - arrived;
      await expect(late).resolves.toBeDefined();
      // passed over while it could still be served in time (journeys go first), then first: at half
      // the admission wait, before the early session's head start would have let it in
      expect(waited).toBeGreaterThanOrEqual(15_000 - 1_000);
      expect(waited).toBeLessThan(Math.min(SESSION_HEAD_START_MS, 15_000 + 1_000));
      (await late).release();
      for (const next of early) (await next).release();
    });
  });
});
