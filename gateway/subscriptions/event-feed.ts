import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { envelopeSchema, subjectFor, type Envelope, type EventDefinition } from '../../events/contract.js';
import type { Logger } from '../../platform/logger.js';

type Listener = (event: Envelope) => void;

/**
 * One subject's listeners: those that want anyone's events (staff), and those that want one
 * customer's (by the envelope's customerId). An event reaches only its own customer's listeners,
 * so a feed with thousands of shoppers' sockets does not call every one of them for each event.
 */
class Listeners {
  readonly everyone = new Set<Listener>();
  readonly byCustomer = new Map<string, Set<Listener>>();

  add(listener: Listener, customerId: string | null): () => void {
    if (customerId === null) {
      this.everyone.add(listener);
      return () => void this.everyone.delete(listener);
    }
    let own = this.byCustomer.get(customerId);
    if (!own) this.byCustomer.set(customerId, (own = new Set()));
    own.add(listener);
    return () => {
      own.delete(listener);
      if (own.size === 0 && this.byCustomer.get(customerId) === own) this.byCustomer.delete(customerId);
    };
  }

  wants(customerId: unknown): boolean {
    return this.everyone.size > 0 || (typeof customerId === 'string' && this.byCustomer.has(customerId));
  }

  deliver(event: Envelope): void {
    for (const listener of this.everyone) listener(event);
    if (event.customerId === null) return;
    const own = this.byCustomer.get(event.customerId);
    if (own) for (const listener of own) listener(event);
  }

  get size(): number {
    let n = this.everyone.size;
    for (const own of this.byCustomer.values()) n += own.size;
    return n;
  }
}

/**
 * Live integration events for the subscription edge. One plain (core NATS) subscription per
 * event type per gateway process, fanned out in memory to the local subscribers: every replica
 * sees every event, so any replica can serve any customer. Live notifications need no
 * durability — the durable copy stays in the stream for the contexts that consume it.
 */
export class EventFeed {
  private readonly listeners = new Map<string, Listeners>();
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: string,
    private readonly log: Logger,
  ) {}

  /**
   * `customerId`: only events whose envelope names this customer reach the listener; null: every
   * event of the type. Returns the function that stops listening.
   */
  listen(definition: EventDefinition, listener: Listener, customerId: string | null): () => void {
    const subject = subjectFor(this.namespace, definition);
    let listeners = this.listeners.get(subject);
    if (!listeners) {
      listeners = new Listeners();
      this.listeners.set(subject, listeners);
      this.subscribe(subject, definition, listeners);
    }
    return listeners.add(listener, customerId);
  }

  listenerCount(): number {
    let n = 0;
    for (const listeners of this.listeners.values()) n += listeners.size;
    return n;
  }

  close(): void {
    for (const sub of this.subscriptions.values()) sub.unsubscribe();
    this.subscriptions.clear();
    this.listeners.clear();
  }

  private subscribe(subject: string, definition: EventDefinition, listeners: Listeners): void {
    const sub = this.nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err) return this.log.warn({ err, subject }, 'event feed subscription error');
        const json = safeJson(msg.string());
        // an event nobody here listens for is not worth validating
        if (!listeners.wants((json as { customerId?: unknown } | undefined)?.customerId)) return;
        const parsed = envelopeSchema.safeParse(json);
        const payload = parsed.success ? definition.schema.safeParse(parsed.data.payload) : undefined;
        if (!parsed.success || !payload?.success) return this.log.warn({ subject }, 'event feed dropped an invalid event');
        listeners.deliver({ ...parsed.data, payload: payload.data } as Envelope);
      },
    });
    this.subscriptions.set(subject, sub);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
