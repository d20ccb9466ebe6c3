import { describe, expect, it } from 'vitest';
import { createOutboundPolicy, OutboundUnavailableError, type OutboundPolicyOptions } from './outbound-policy.js';

class ProviderDown extends Error {}
class ProviderSaidNo extends Error {}

const policyWith = (change: Partial<OutboundPolicyOptions> = {}) =>
  createOutboundPolicy({
    name: 'provider',
    timeoutMs: 1_000,
    retries: 2,
    retryDelayMs: 1,
    breaker: { consecutiveFailures: 5, halfOpenAfterMs: 60_000 },
    bulkhead: { maxConcurrent: 10, maxQueued: 0 },
    isTransient: (err) => err instanceof ProviderDown,
    ...change,
  });

/** A call that fails `failures` times with `error`, then answers "ok"; counts attempts. */
function flaky(failures: number, error: () => Error = () => new ProviderDown('503')) {
  const call = async () => {
    call.attempts++;
    if (call.attempts <= failures) throw error();
    return 'ok';
  };
  call.attempts = 0;
  return call;
}

const hanging = (signal: AbortSignal) =>
  new Promise<string>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));

describe('the outbound resilience policy', () => {
  it('retries an idempotent call twice after transient failures (retry matrix: HTTP 2x)', async () => {
    const policy = policyWith();
    const call = flaky(2);
    expect(await policy.execute(call, { idempotent: true })).toBe('ok');
    expect(call.attempts).toBe(3);
    expect(policy.stats()).toMatchObject({ retries: 2, calls: { success: 1 } });
  });

  it('gives up after the two retries with the provider\'s own error', async () => {
    const call = flaky(10);
    await expect(policyWith().execute(call, { idempotent: true })).rejects.toBeInstanceOf(ProviderDown);
    expect(call.attempts).toBe(3);
  });

  it('does not retry a call that is not idempotent', async () => {
    const call = flaky(1);
    await expect(policyWith().execute(call)).rejects.toBeInstanceOf(ProviderDown);
    expect(call.attempts).toBe(1);
  });

  it('neither retries nor counts against the breaker a refusal by a healthy provider', async () => {
    const policy = policyWith({ breaker: { consecutiveFailures: 1, halfOpenAfterMs: 60_000 } });
    const call = flaky(10, () => new ProviderSaidNo('422'));
    await expect(policy.execute(call, { idempotent: true })).rejects.toBeInstanceOf(ProviderSaidNo);
    await expect(policy.execute(call, { idempotent: true })).rejects.toBeInstanceOf(ProviderSaidNo);
    expect(call.attempts).toBe(2);
    expect(policy.state).toBe('closed');
    expect(policy.stats().calls.refused).toBe(2);
  });

  it('opens after consecutive failures and then refuses calls without making them', async () => {
    const policy = policyWith({ retries: 0, breaker: { consecutiveFailures: 3, halfOpenAfterMs: 60_000 } });
    const call = flaky(100);
    for (let i = 0; i < 3; i++) await expect(policy.execute(call)).rejects.toBeInstanceOf(ProviderDown);
    expect(policy.state).toBe('open');
    await expect(policy.execute(call)).rejects.toMatchObject({ reason: 'CIRCUIT_OPEN', client: 'provider' });
    expect(call.attempts).toBe(3);
    expect(policy.stats()).toMatchObject({ breakerOpened: 1, calls: { failure: 3, short_circuited: 1 } });
  });

  it('does not retry into an open breaker', async () => {
    const policy = policyWith({ retries: 2, breaker: { consecutiveFailures: 1, halfOpenAfterMs: 60_000 } });
    const call = flaky(100);
    await expect(policy.execute(call, { idempotent: true })).rejects.toBeInstanceOf(OutboundUnavailableError);
    expect(call.attempts).toBe(1);
  });

  it('lets one probe through after the half-open delay and closes when it succeeds', async () => {
    const policy = policyWith({ retries: 0, breaker: { consecutiveFailures: 1, halfOpenAfterMs: 20 } });
    await expect(policy.execute(flaky(1))).rejects.toBeInstanceOf(ProviderDown);
    expect(policy.state).toBe('open');
    let probe: string | undefined;
    for (const deadline = Date.now() + 2_000; !probe && Date.now() < deadline; ) {
      probe = await policy.execute(async () => 'ok').catch(() => undefined);
      if (!probe) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(probe).toBe('ok');
    expect(policy.state).toBe('closed');
  });

  it('times out a call, aborting its signal, and counts it as a provider failure', async () => {
    const policy = policyWith({ timeoutMs: 20, retries: 0, breaker: { consecutiveFailures: 1, halfOpenAfterMs: 60_000 } });
    let aborted = false;
    const call = (signal: AbortSignal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return hanging(signal);
    };
    await expect(policy.execute(call)).rejects.toMatchObject({ reason: 'TIMEOUT' });
    expect(aborted).toBe(true);
    expect(policy.state).toBe('open');
  });

  it('refuses calls beyond the bulkhead at once, so a slow provider cannot hold every request', async () => {
    const policy = policyWith({ bulkhead: { maxConcurrent: 2, maxQueued: 1 }, timeoutMs: 60_000 });
    const caller = new AbortController();
    const slow = [1, 2, 3].map(() => policy.execute(hanging, { signal: caller.signal }).catch((err: unknown) => err));
    await expect(policy.execute(async () => 'ok')).rejects.toMatchObject({ reason: 'BULKHEAD_FULL' });
    expect(policy.stats().calls.bulkhead_rejected).toBe(1);
    caller.abort();
    await Promise.all(slow);
    // the slots are free again
    expect(await policy.execute(async () => 'ok')).toBe('ok');
  });
});
