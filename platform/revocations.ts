import { DeliverPolicy } from '@nats-io/jetstream';
import type { Broker } from '../events/nats.js';
import { envelopeSchema, streamFor, subjectFor, type PayloadOf } from '../events/contract.js';
import { SessionRevoked } from '../events/contracts/customers/session-revoked.event.js';
import type { RevocationCheck, SessionClaims } from './auth.js';
import type { Logger } from './logger.js';

type Revocation = PayloadOf<typeof SessionRevoked>;

/**
 * Revoked sessions, in memory, in every process that verifies tokens (gateway, subscription edge,
 * subgraphs): checking a token costs a map lookup, not a round trip to customers. Entries are
 * dropped once every token they concern has expired.
 */
export class RevocationList implements RevocationCheck {
  private readonly sessions = new Map<string, number>();
  private readonly cutoffs = new Map<string, { beforeMs: number; except: string | null; expiresMs: number }[]>();
  private readonly listeners = new Set<(revocation: Revocation) => void>();

  add(revocation: Revocation): void {
    const expiresMs = Date.parse(revocation.expiresAt);
    if (revocation.sessionId) this.sessions.set(revocation.sessionId, expiresMs);
    if (revocation.issuedBefore) {
      const list = this.cutoffs.get(revocation.subject) ?? [];
      list.push({ beforeMs: Date.parse(revocation.issuedBefore), except: revocation.exceptSessionId, expiresMs });
      this.cutoffs.set(revocation.subject, list);
    }
    for (const listener of this.listeners) listener(revocation);
  }

  isRevoked(session: { subject: string } & SessionClaims): boolean {
    this.prune();
    if (session.sessionId && this.sessions.has(session.sessionId)) return true;
    const issuedMs = (session.issuedAt ?? 0) * 1000;
    return (this.cutoffs.get(session.subject) ?? []).some((c) => issuedMs < c.beforeMs && c.except !== session.sessionId);
  }

  /** Called for each revocation as it arrives (the subscription edge closes the sockets concerned). */
  onRevoked(listener: (revocation: Revocation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, expiresMs] of this.sessions) if (expiresMs <= now) this.sessions.delete(id);
    for (const [subject, list] of this.cutoffs) {
      const live = list.filter((c) => c.expiresMs > now);
      if (live.length) this.cutoffs.set(subject, live);
      else this.cutoffs.delete(subject);
    }
  }
}

/**
 * Feeds `list` from customers' stream: an ordered (ephemeral, per-process) consumer over
 * SessionRevoked from the start of the stream, so a process that starts late still learns every
 * revocation the stream retains, then each new one within milliseconds. Retries until the stream
 * exists (customers creates it). Returns the stop function.
 */
export function followRevocations(broker: Broker, list: RevocationList, log: Logger): () => void {
  let stopped = false;
  let stopConsuming: (() => void) | undefined;
  const subject = subjectFor(broker.namespace, SessionRevoked);
  const stream = streamFor(broker.namespace, 'customers').name;
  const run = async () => {
    while (!stopped) {
      try {
        // one subject as a string: a list needs nats-server 2.10, and 2.9 is supported
        const consumer = await broker.js.consumers.get(stream, { filter_subjects: subject, deliver_policy: DeliverPolicy.All });
        const messages = await consumer.consume();
        stopConsuming = () => void messages.stop();
        if (stopped) messages.stop();
        for await (const message of messages) {
          const envelope = envelopeSchema.safeParse(message.json());
          const payload = envelope.success ? SessionRevoked.schema.safeParse(envelope.data.payload) : undefined;
          if (payload?.success) list.add(payload.data);
          else log.warn({ subject }, 'ignored an invalid SessionRevoked');
        }
      } catch (err) {
        if (!stopped) log.debug({ err }, 'revocation feed not available yet; retrying');
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, 1_000).unref());
    }
  };
  void run();
  return () => {
    stopped = true;
    stopConsuming?.();
  };
}
