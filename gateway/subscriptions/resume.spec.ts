import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../events/contract.js';
import { EventQueue } from './event-queue.js';
import { resumeAfter } from './resume.js';

/** A change at `sequence` (undefined: an event recorded before changes were numbered). */
const change = (sequence: number | undefined, status = `S${sequence}`): Envelope<{ sequence?: number; status: string }> => ({
  id: `e${sequence}`,
  type: 'OrderStatusChanged',
  version: 1,
  occurredAt: new Date(0).toISOString(),
  correlationId: null,
  causationId: null,
  customerId: null,
  payload: { sequence, status },
});
const positionOf = (event: Envelope<any>) => event.payload.sequence ?? null;

/** The order's durable history; `reads` records where each read started. */
function history(committed: Envelope<any>[]) {
  const reads: number[] = [];
  return {
    reads,
    committed,
    read: async (after: number) => {
      reads.push(after);
      return committed.filter((e) => e.payload.sequence > after);
    },
  };
}

async function take(iterator: AsyncIterator<Envelope<any>>, n: number): Promise<number[]> {
  const seen: number[] = [];
  while (seen.length < n) seen.push((await iterator.next()).value.payload.sequence);
  return seen;
}

describe('resuming after a cursor', () => {
  it('sends the history after the cursor, then live changes, dropping live copies of what the history sent', async () => {
    const live = new EventQueue<Envelope<any>>();
    const store = history([change(1), change(2), change(3)]);
    // change 3 committed and was published while the subscriber was being set up: it is both in
    // the history and in the live queue (listening started first)
    live.push(change(3));
    const stream = resumeAfter(live, 1, store.read, positionOf);
    expect(await take(stream, 2)).toEqual([2, 3]);
    live.push(change(4));
    expect(await take(stream, 1)).toEqual([4]);
    expect(store.reads).toEqual([1]);
  });

  it('fills a gap in the live feed from the history, in order and once', async () => {
    const live = new EventQueue<Envelope<any>>();
    const store = history([change(1), change(2)]);
    const stream = resumeAfter(live, 1, store.read, positionOf);
    expect(await take(stream, 1)).toEqual([2]);
    // change 3 was lost by the live feed; 4 arrives: the history has both
    store.committed.push(change(3), change(4));
    live.push(change(4));
    expect(await take(stream, 2)).toEqual([3, 4]);
    live.push(change(4)); // a late copy
    live.push(change(5));
    store.committed.push(change(5));
    expect(await take(stream, 1)).toEqual([5]);
    expect(store.reads).toEqual([1, 2]);
  });

  it('reads the history when a live event carries no position', async () => {
    const live = new EventQueue<Envelope<any>>();
    const store = history([change(1), change(2)]);
    const stream = resumeAfter(live, 1, store.read, positionOf);
    expect(await take(stream, 1)).toEqual([2]);
    store.committed.push(change(3));
    live.push(change(undefined));
    expect(await take(stream, 1)).toEqual([3]);
    expect(store.reads).toEqual([1, 2]);
  });

  it('ends at once, and stops listening, when the client completes while waiting for live changes', async () => {
    const live = new EventQueue<Envelope<any>>();
    let listening = true;
    live.onClose(() => (listening = false));
    const stream = resumeAfter(live, 0, history([change(1)]).read, positionOf);
    expect(await take(stream, 1)).toEqual([1]);
    const waiting = stream.next();
    await stream.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(listening).toBe(false);
  });
});
