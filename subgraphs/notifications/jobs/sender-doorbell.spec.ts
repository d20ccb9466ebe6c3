import { describe, expect, it } from 'vitest';
import { Wakeup } from '../../../events/wakeup.js';
import { SenderDoorbell } from './sender.job.js';

/** Resolves to whether `wait` ended before the others had a chance to (a notify, not the timer). */
const wokenAtOnce = async (waiting: Promise<void>): Promise<boolean> => Promise.race([waiting.then(() => true), new Promise<boolean>((resolve) => setImmediate(() => resolve(false)))]);

describe('the sender doorbell', () => {
  it('wakes a waiting worker rather than a busy one', async () => {
    const busy = new Wakeup();
    const idle = new Wakeup();
    const doorbell = new SenderDoorbell();
    doorbell.attach(busy); // first in turn: the old round robin rang it
    doorbell.attach(idle);
    const paused = idle.wait(60_000);

    doorbell.ring();

    expect(await wokenAtOnce(paused)).toBe(true);
    // the busy worker was not told to look again after its own e-mail
    expect(await wokenAtOnce(busy.wait(60_000).then(() => undefined))).toBe(false);
    busy.notify();
  });

  it('with every worker busy, one remembers the ring, and the next one after it', async () => {
    const first = new Wakeup();
    const second = new Wakeup();
    const doorbell = new SenderDoorbell();
    doorbell.attach(first);
    doorbell.attach(second);

    doorbell.ring();
    doorbell.ring();

    expect(await wokenAtOnce(first.wait(60_000))).toBe(true);
    expect(await wokenAtOnce(second.wait(60_000))).toBe(true);
  });
});

describe('a wake-up', () => {
  it('forgets a remembered notify when told to: the look about to start covers it', async () => {
    const wakeup = new Wakeup();
    wakeup.notify();
    wakeup.forget();
    const paused = wakeup.wait(60_000);
    expect(await wokenAtOnce(paused)).toBe(false);
    expect(wakeup.waiting).toBe(true);
    wakeup.notify();
    expect(await wokenAtOnce(paused)).toBe(true);
    expect(wakeup.waiting).toBe(false);
  });
});
