import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { envelopeSchema, subjectFor, type Envelope, type EventDefinition } from '../../events/contract.js';
import type { Logger } from '../../platform/logger.js';

type Listener = (event: Envelope) => void;

/**
 * Live integration events for the subscription edge. One plain (core NATS) subscription per
 * event type per gateway process, fanned out in memory to the local subscribers: every replica
 * sees every event, so any replica can serve any customer. Live notifications need no
 * durability — the durable copy stays in the stream for the contexts that consume it.
 */
export class EventFeed {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: string,
    private readonly log: Logger,
  ) {}

  /** Returns the function that stops listening. */
  listen(definition: EventDefinition, listener: Listener): () => void {
    const subject = subjectFor(this.namespace, definition);
    let set = this.listeners.get(subject);
    if (!set) {
      set = new Set();
      this.listeners.set(subject, set);
      this.subscribe(subject, definition, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  close(): void {
    for (const sub of this.subscriptions.values()) sub.unsubscribe();
    this.subscriptions.clear();
    this.listeners.clear();
  }

  private subscribe(subject: string, definition: EventDefinition, set: Set<Listener>): void {
    const sub = this.nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err) return this.log.warn({ err, subject }, 'event feed subscription error');
        const parsed = envelopeSchema.safeParse(safeJson(msg.string()));
        const payload = parsed.success ? definition.schema.safeParse(parsed.data.payload) : undefined;
        if (!parsed.success || !payload?.success) return this.log.warn({ subject }, 'event feed dropped an invalid event');
        const event = { ...parsed.data, payload: payload.data } as Envelope;
        for (const listener of set) listener(event);
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
