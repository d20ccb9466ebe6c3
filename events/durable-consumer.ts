import { AckPolicy, DeliverPolicy, JetStreamApiError, ReplayPolicy, type ConsumerConfig, type ConsumerInfo } from '@nats-io/jetstream';
import { streamFor, subjectFor } from './contract.js';
import type { EventHandler } from './handler.js';
import type { Broker } from './nats.js';
import { ensureStream, nanos } from './streams.js';

/** JetStream's "consumer already exists" (servers ≥ 2.10 refuse a create that changes config). */
const CONSUMER_ALREADY_EXISTS = 10148;
/** JetStream's "consumer not found". */
const CONSUMER_NOT_FOUND = 10014;

export interface DurableConsumer {
  stream: string;
  name: string;
  config: Partial<ConsumerConfig> & { durable_name: string };
  /** The consumers (same stream) this one took over from: its handler's `replaces`. */
  replaces: string[];
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
    replaces: options.replaces.map((replaced) => `${context}-${replaced}`),
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
 *
 * A consumer that replaces others and does not exist yet starts where the slowest of them had
 * got to (the lowest ack floor, + 1) instead of at the stream's beginning, so events they had
 * all handled are not handled again; with none of them left it starts at the beginning like any
 * new consumer. Its start position is then history: later starts only update what may change.
 */
export async function ensureDurableConsumer(broker: Broker, consumer: DurableConsumer, producingContext: string): Promise<void> {
  await ensureStream(broker, producingContext);
  if (consumer.replaces.length && (await infoOf(broker, consumer.stream, consumer.name))) return updateConsumer(broker, consumer);
  const start = consumer.replaces.length ? await takeOverPosition(broker, consumer) : null;
  const config = start === null ? consumer.config : { ...consumer.config, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: start };
  try {
    await broker.jsm.consumers.add(consumer.stream, config);
  } catch (err) {
    const exists = err instanceof JetStreamApiError && err.code === CONSUMER_ALREADY_EXISTS;
    // another replica created the successor first, from a position read a moment apart
    if (!exists && !(consumer.replaces.length && (await infoOf(broker, consumer.stream, consumer.name)))) throw err;
    await updateConsumer(broker, consumer);
  }
}

async function updateConsumer(broker: Broker, consumer: DurableConsumer): Promise<void> {
  const { ack_wait, max_deliver, backoff, description } = consumer.config;
  await broker.jsm.consumers.update(consumer.stream, consumer.name, { ack_wait, max_deliver, backoff: backoff ?? [], description });
}

async function infoOf(broker: Broker, stream: string, name: string): Promise<ConsumerInfo | null> {
  try {
    return await broker.jsm.consumers.info(stream, name);
  } catch (err) {
    if (err instanceof JetStreamApiError && err.code === CONSUMER_NOT_FOUND) return null;
    throw err;
  }
}

/** The first stream sequence some replaced consumer has not acknowledged; null when none of them is left. */
async function takeOverPosition(broker: Broker, consumer: DurableConsumer): Promise<number | null> {
  const floors: number[] = [];
  for (const name of consumer.replaces) {
    const info = await infoOf(broker, consumer.stream, name);
    if (info) floors.push(info.ack_floor.stream_seq + 1);
  }
  return floors.length ? Math.min(...floors) : null;
}

/**
 * Deletes the consumers `consumer` replaces that nobody pulls from or works on any more; says which
 * it deleted and which are still in use. While a replica of the release before the merge runs, its consumers stay:
 * deleted under it, its consume loop would create them again from the stream's beginning. Both
 * handle new events meanwhile, which the successor's handler absorbs (see HandlerOptions.replaces).
 * Call only once the successor exists (ensureDurableConsumer), so nothing falls between them.
 */
export async function retireReplacedConsumers(broker: Broker, consumer: DurableConsumer): Promise<{ retired: string[]; inUse: string[] }> {
  const retired: string[] = [];
  const inUse: string[] = [];
  for (const name of consumer.replaces) {
    const info = await infoOf(broker, consumer.stream, name);
    if (!info) continue;
    // a pull waiting, or messages delivered and not acknowledged yet (a busy replica may have no pull open)
    if (info.num_waiting > 0 || info.num_ack_pending > 0) {
      inUse.push(name);
      continue;
    }
    await broker.jsm.consumers.delete(consumer.stream, name).catch((err: unknown) => {
      if (!(err instanceof JetStreamApiError && err.code === CONSUMER_NOT_FOUND)) throw err; // another replica was first
    });
    retired.push(name);
  }
  return { retired, inUse };
}
