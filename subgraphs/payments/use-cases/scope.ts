import type { PaymentGateway } from '../adapters/payment-gateway/payment-gateway.js';
import type { RetryPolicy } from '../domain/retry.js';

/** Process-wide dependencies, wired once in subgraph.ts. */
export interface PaymentsDeps {
  /** Subject namespace of integration events (config.nats.namespace). */
  eventNamespace: string;
  gateway: PaymentGateway;
  /** The retry matrix for provider calls (3 attempts, back-off from configuration). */
  retry: RetryPolicy;
  /** Authorization times and expiry are read from it (tests move it forward). */
  clock: () => Date;
}

/** The request (an integration event) a use case acts on, for the envelopes it records. */
export interface Cause {
  /** Null for a staff member's request (no integration event caused it). */
  causationId: string | null;
  /** The customer the request's envelope names, if any (kept on the answers' envelopes). */
  customerId: string | null;
}
