import { DiscardPolicy, JetStreamApiError, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { streamFor } from './contract.js';
import type { Broker } from './nats.js';

/**
 * How long JetStream remembers a `Nats-Msg-Id`. The relay may re-publish a row after a crash
 * between publish and commit; anything re-sent inside this window is dropped as a duplicate
 * (and the consumers' inbox covers whatever comes later).
 */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

/** JetStream's "stream name already in use with a different configuration". */
const STREAM_NAME_IN_USE = 10058;

export const nanos = (ms: number): number => ms * 1_000_000;

/**
 * Creates or updates the context's stream (idempotent at start). Limits retention, not
 * work-queue: every interested context reads the same events through its own consumer.
 * Replicas at start race harmlessly: creating an identical stream is a no-op, and a changed
 * configuration is applied as an update.
 */
export async function ensureStream(broker: Broker, context: string): Promise<void> {
  const { name, subjects } = streamFor(broker.namespace, context);
  const config: Partial<StreamConfig> & { name: string } = {
    name,
    subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    num_replicas: broker.streamReplicas,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
  try {
    await broker.jsm.streams.add(config);
  } catch (err) {
    if (!(err instanceof JetStreamApiError && err.code === STREAM_NAME_IN_USE)) throw err;
    const { retention: _retention, storage: _storage, ...updatable } = config;
    await broker.jsm.streams.update(name, updatable);
  }
}
