import type { Config } from '../config.js';
import { createOutboundPolicy, type BreakerState, type OutboundPolicy, type OutboundPolicyOptions } from './outbound-policy.js';

/** What an adapter says about its provider; the rest of the policy comes from the settings. */
export type ClientPolicyOptions = Pick<OutboundPolicyOptions, 'name' | 'timeoutMs' | 'retries' | 'isTransient'>;

/**
 * The outbound clients of one process: adapters get their policy here (breaker, bulkhead and
 * retry delay from OUTBOUND_* settings), and /metrics and /ready read every breaker from here.
 */
export class OutboundClients {
  private readonly policies = new Map<string, OutboundPolicy>();

  constructor(private readonly settings: Config['outbound']) {}

  policy(options: ClientPolicyOptions): OutboundPolicy {
    if (this.policies.has(options.name)) throw new Error(`outbound client ${options.name} registered twice`);
    const policy = createOutboundPolicy({
      ...options,
      retryDelayMs: this.settings.retryDelayMs,
      breaker: { consecutiveFailures: this.settings.breakerFailures, halfOpenAfterMs: this.settings.breakerHalfOpenMs },
      bulkhead: { maxConcurrent: this.settings.maxConcurrent, maxQueued: this.settings.maxQueued },
    });
    this.policies.set(options.name, policy);
    return policy;
  }

  list(): OutboundPolicy[] {
    return [...this.policies.values()];
  }

  /**
   * For /ready: every breaker's state and the open ones. An open breaker does not make the
   * replica unready — the provider is down for every replica alike, and taking them all out of
   * service would turn a degraded checkout (UNVERIFIED addresses, payments retried by the saga)
   * into no checkout at all.
   */
  readiness(): { outbound: Record<string, BreakerState>; openCircuits: string[] } {
    const outbound = Object.fromEntries(this.list().map((p) => [p.name, p.state]));
    return { outbound, openCircuits: this.list().filter((p) => p.state === 'open').map((p) => p.name) };
  }
}
