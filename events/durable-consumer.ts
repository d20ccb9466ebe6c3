import { AckPolicy, DeliverPolicy, JetStreamApiError, ReplayPolicy, type ConsumerConfig } from '@nats-io/jetstream';
import { streamFor, subjectFor } from './contract.js';
import type { EventHandler } from './handler.js';
import type { Broker } from './nats.js';
import { ensureStream, nanos } from './streams.js';

/** JetStream's "consumer already exists" (servers ≥ 2.10 refuse a create that changes config). */
const CONSUMER_ALREADY_EXISTS = 10148;

export interface DurableConsumer {
  stream: string;
  name: string;
  config: Partial<ConsumerConfig> & { durable_name: string };
}

/**
 * One durable pull consumer per (consuming context, handler) on the producing context's
 * stream, shared by every replica of the consuming context.
 *
 * The handler retries with `nak(delay)` from its back-off list. The consumer's own `backoff`
 * only matters when a message is never answered (the process died mid-handler): the server
 * then uses `backoff[n]` as the n-th ack wait (and ignores `ack_wait`), so each entry is the
 * handler's ack wait plus that attempt's delay: a slow handler is never redelivered early.
 */
/**
 * Ends the description of a consumer whose handler declares some deliveries irrelevant (acked
 * without an inbox row): whoever audits "every event reached its handler" reads it there.
 */
export const SELECTIVE_CONSUMER = 'acks the deliveries its handler ignores without an inbox row';

export function durableConsumerFor(broker: Broker, context: string, handler: EventHandler): DurableConsumer {
  const { definition, options } = handler;
  const name = `${context}-${options.name}`;
  const redeliveries = Math.min(options.maxDeliver - 1, options.backoffMs.length);
  const backoff = Array.from({ length: redeliveries }, (_, i) => nanos(options.ackWaitMs + options.backoffMs[i]!));
  return {
    stream: streamFor(broker.namespace, definition.context).name,
    name,
    config: {
      durable_name: name,
      description: `${context} handles ${definition.type} v${definition.version} (${options.name})${options.relevant ? `; ${SELECTIVE_CONSUMER}` : ''}`,
      filter_subject: subjectFor(broker.namespace, definition),
      ack_policy: AckPolicy.Explicit,
      // Events published before this consumer first existed still concern it (e.g. seeds
      // published by a context that booted first); the inbox absorbs any overlap.
      deliver_policy: DeliverPolicy.All,
      replay_policy: ReplayPolicy.Instant,
      ack_wait: nanos(options.ackWaitMs),
      max_deliver: options.maxDeliver,
      ...(backoff.length ? { backoff } : {}),
    },
  };
}

/**
 * Creates or updates the durable consumer (idempotent; replicas race harmlessly). Also makes
 * sure the producing context's stream exists, so a consumer can start before its producer.
 */
export async function ensureDurableConsumer(broker: Broker, consumer: DurableConsumer, producingContext: string): Promise<void> {
  await ensureStream(broker, producingContext);
  try {
    await broker.jsm.consumers.add(consumer.stream, consumer.config);
  } catch (err) {
    if (!(err instanceof JetStreamApiError && err.code === CONSUMER_ALREADY_EXISTS)) throw err;
    const { ack_wait, max_deliver, backoff, description } = consumer.config;
    await broker.jsm.consumers.update(consumer.stream, consumer.name, { ack_wait, max_deliver, backoff: backoff ?? [], description });
  }
}
