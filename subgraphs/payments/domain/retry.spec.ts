import { describe, expect, it } from 'vitest';
import { PAYMENT_CALL_ATTEMPTS, backoffFor, callWithRetries, type AttemptReport, type CallFailure, type RetryPolicy } from './retry.js';

class Failure extends Error {
  constructor(readonly failure: CallFailure) {
    super(failure.message);
  }
}
const timeout: CallFailure = { kind: 'TIMEOUT', message: 'timed out', retriable: true };
const declined: CallFailure = { kind: 'DECLINED', message: 'card declined', retriable: false };
const classify = (err: unknown): CallFailure => (err instanceof Failure ? err.failure : { kind: 'UNAVAILABLE', message: String(err), retriable: true });

function harness(results: (CallFailure | 'ok')[]) {
  const slept: number[] = [];
  const reports: AttemptReport[] = [];
  const policy: RetryPolicy = { attempts: PAYMENT_CALL_ATTEMPTS, backoffMs: [100, 400], sleep: async (ms) => void slept.push(ms), now: () => new Date(0) };
  let calls = 0;
  const call = async () => {
    const result = results[calls++] ?? 'ok';
    if (result !== 'ok') throw new Failure(result);
    return 'done';
  };
  return { slept, reports, policy, call, calls: () => calls, run: () => callWithRetries(call, classify, policy, (r) => reports.push(r)) };
}

describe('the retry matrix for payment calls', () => {
  it('makes 3 attempts (PO)', () => {
    expect(PAYMENT_CALL_ATTEMPTS).toBe(3);
  });

  it('succeeds at once without sleeping', async () => {
    const h = harness(['ok']);
    expect(await h.run()).toEqual({ ok: true, value: 'done', attempts: 1 });
    expect(h.slept).toEqual([]);
    expect(h.reports.map((r) => r.failure)).toEqual([null]);
  });

  it('retries a transient failure after a back-off and reports both attempts', async () => {
    const h = harness([timeout, 'ok']);
    expect(await h.run()).toEqual({ ok: true, value: 'done', attempts: 2 });
    expect(h.slept).toEqual([100]);
    expect(h.reports.map((r) => [r.attempt, r.failure?.kind ?? 'ok'])).toEqual([
      [1, 'TIMEOUT'],
      [2, 'ok'],
    ]);
  });

  it('gives up after the third transient failure with growing back-off', async () => {
    const h = harness([timeout, timeout, timeout, 'ok']);
    expect(await h.run()).toEqual({ ok: false, failure: timeout, attempts: 3 });
    expect(h.calls()).toBe(3);
    expect(h.slept).toEqual([100, 400]);
    expect(h.reports).toHaveLength(3);
  });

  it('stops at once on a decline', async () => {
    const h = harness([declined, 'ok']);
    expect(await h.run()).toEqual({ ok: false, failure: declined, attempts: 1 });
    expect(h.calls()).toBe(1);
    expect(h.slept).toEqual([]);
  });

  it('treats unexpected errors as the classifier says', async () => {
    const policy: RetryPolicy = { attempts: 2, backoffMs: [1], sleep: async () => {}, now: () => new Date(0) };
    const outcome = await callWithRetries(async () => Promise.reject(new Error('boom')), classify, policy, () => {});
    expect(outcome).toMatchObject({ ok: false, attempts: 2, failure: { kind: 'UNAVAILABLE' } });
  });

  it('repeats the last back-off entry', () => {
    expect([1, 2, 3, 4].map((n) => backoffFor([100, 400], n))).toEqual([100, 400, 400, 400]);
    expect(backoffFor([], 1)).toBe(0);
  });
});
