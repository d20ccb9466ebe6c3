import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';

export interface Broker {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  namespace: string;
  streamReplicas: number;
  isClosed(): boolean;
  close(): Promise<void>;
}

export interface BrokerOptions {
  /** Production refuses brokers older than {@link MIN_PRODUCTION_SERVER} (durability settings, R3). */
  production?: boolean;
  /** Shown in the server's connection list (`nats server report connections`). */
  name?: string;
}

/** Production brokers run with `sync_interval: always` and R3 streams, which need 2.11+. */
export const MIN_PRODUCTION_SERVER = '2.11.0';

/** How long `close()` lets in-flight messages flush before it gives up and closes hard. */
const DRAIN_TIMEOUT_MS = 5_000;

/**
 * Connects to NATS and JetStream. The connection reconnects forever: a broker restart must
 * pause messaging, never end the process. The server version is checked once, at start.
 */
export async function connectBroker(nats: Config['nats'], log: Logger, options: BrokerOptions = {}): Promise<Broker> {
  const nc = await connect({
    servers: nats.url,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // otherwise every request (each JetStream publish waits for its ack) builds an Error up front,
    // only to name the caller should it time out: ~1 % of a publishing context's CPU. Our own
    // logs say which publish or pull failed.
    noAsyncTraces: true,
  });
  try {
    const version = nc.info?.version ?? '0.0.0';
    checkServerVersion(version, options.production ?? false);
    log.info({ natsVersion: version, server: nc.getServer() }, 'connected to NATS');
    if (!isAtLeast(version, MIN_PRODUCTION_SERVER)) {
      log.warn({ natsVersion: version }, `nats-server < ${MIN_PRODUCTION_SERVER}: fine for development, not for production`);
    }
  } catch (err) {
    await nc.close();
    throw err;
  }
  const jsm = await jetstreamManager(nc);
  const js = jsm.jetstream();
  void logConnectionChanges(nc, log);

  return {
    nc,
    js,
    jsm,
    namespace: nats.namespace,
    streamReplicas: nats.streamReplicas,
    isClosed: () => nc.isClosed(),
    async close() {
      if (nc.isClosed()) return;
      // Drain lets acks and publishes already handed to the client reach the server.
      const drained = nc.drain().then(
        () => true,
        () => false,
      );
      const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS).unref());
      if (!(await Promise.race([drained, timeout]))) await nc.close();
    },
  };
}

/** Throws when a production process would run on a broker that lacks what it relies on. */
export function checkServerVersion(version: string, production: boolean): void {
  if (production && !isAtLeast(version, MIN_PRODUCTION_SERVER)) {
    throw new Error(`nats-server ${version} is too old for production; ${MIN_PRODUCTION_SERVER} or newer is required`);
  }
}

export function isAtLeast(version: string, minimum: string): boolean {
  const parse = (v: string) => v.replace(/^v/, '').split(/[.-]/).slice(0, 3).map((p) => Number.parseInt(p, 10) || 0);
  const [a, b] = [parse(version), parse(minimum)];
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

async function logConnectionChanges(nc: NatsConnection, log: Logger): Promise<void> {
  for await (const status of nc.status()) {
    switch (status.type) {
      case 'disconnect':
        log.warn({ server: status.server }, 'NATS disconnected; reconnecting');
        break;
      case 'reconnect':
        log.info({ server: status.server }, 'NATS reconnected');
        break;
      case 'error':
        log.error({ err: status.error }, 'NATS connection error');
        break;
      case 'ldm':
        log.warn({ server: status.server }, 'NATS server entering lame-duck mode');
        break;
      default:
      // pings, reconnect attempts and cluster updates are too chatty to log
    }
  }
}
