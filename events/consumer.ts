import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConsumerMessages } from '@nats-io/jetstream';
import type { Envelope, EventDefinition, PayloadOf } from './contract.js';
import { processDelivery, emptyHandlerStats, type HandlerStats } from './delivery.js';
import { durableConsumerFor, ensureDurableConsumer, type DurableConsumer } from './durable-consumer.js';
import type { Broker } from './nats.js';
import { Slots, Wakeup, backoffDelay } from './wakeup.js';
import type { Orm } from '../platform/database.js';
import type { Logger } from '../platform/logger.js';

export type { HandlerStats } from './delivery.js';

export interface HandlerContext {
  /** A fork inside the handler's transaction: inbox row, state changes and outbox rows commit together. */
  em: EntityManager;
  log: Logger;
  deliveryCount: number;
}

export interface HandlerOptions {
  /** Unique within the context; names the durable consumer and the inbox rows. */
  name: string;
  maxDeliver?: number;
  /** Delays between attempts; the last repeats. */
  backoffMs?: number[];
  concurrency?: number;
  ackWaitMs?: number;
}

export interface EventHandler {
  definition: EventDefinition;
  options: Required<HandlerOptions>;
  handle(event: Envelope, ctx: HandlerContext): Promise<void>;
}

export const HANDLER_DEFAULTS = {
  maxDeliver: 5,
  backoffMs: [1_000, 5_000, 30_000, 120_000],
  concurrency: 8,
  ackWaitMs: 30_000,
} as const;

/**
 * Declares how a context reacts to an integration event. The kit validates the message, gives
 * `impl` a typed payload, a child logger and an EntityManager inside the handler's transaction,
 * and guarantees `impl` commits at most once per message.
 */
export function handle<D extends EventDefinition>(
  definition: D,
  options: HandlerOptions,
  impl: (event: Envelope<PayloadOf<D>>, ctx: HandlerContext) => Promise<void>,
): EventHandler {
  const resolved: Required<HandlerOptions> = {
    name: options.name,
    maxDeliver: options.maxDeliver ?? HANDLER_DEFAULTS.maxDeliver,
    backoffMs: [...(options.backoffMs ?? HANDLER_DEFAULTS.backoffMs)],
    concurrency: options.concurrency ?? HANDLER_DEFAULTS.concurrency,
    ackWaitMs: options.ackWaitMs ?? HANDLER_DEFAULTS.ackWaitMs,
  };
  const problems = [
    !/^[A-Za-z0-9_-]+$/.test(resolved.name) && 'name must be letters, digits, "-" or "_" (it names a JetStream consumer)',
    !(Number.isInteger(resolved.maxDeliver) && resolved.maxDeliver >= 1) && 'maxDeliver must be a positive integer',
    !(resolved.backoffMs.length > 0 && resolved.backoffMs.every((d) => Number.isInteger(d) && d > 0)) && 'backoffMs must be positive integers',
    !(Number.isInteger(resolved.concurrency) && resolved.concurrency >= 1) && 'concurrency must be a positive integer',
    !(Number.isInteger(resolved.ackWaitMs) && resolved.ackWaitMs >= 100) && 'ackWaitMs must be an integer ≥ 100',
  ].filter(Boolean);
  if (problems.length) throw new Error(`Invalid handler "${options.name}" for ${definition.type}: ${problems.join('; ')}`);
  return { definition, options: resolved, handle: impl as EventHandler['handle'] };
}

export interface ConsumerGroup {
  /** Stops taking messages, then waits for the handlers in flight. */
  stop(): Promise<void>;
  /** Counters per handler name, since start. */
  stats(): Record<string, HandlerStats>;
}

/**
 * Starts one supervised consume loop per handler. Durable consumers are created or updated
 * first, so a misconfigured handler fails the boot instead of failing silently later.
 */
export async function startConsumers(options: { context: string; orm: Orm; broker: Broker; handlers: EventHandler[]; log: Logger }): Promise<ConsumerGroup> {
  const { context, orm, broker, handlers, log } = options;
  const names = handlers.map((h) => h.options.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`Two handlers in ${context} are named "${duplicate}"; names key the consumer and the inbox`);

  const durables = handlers.map((handler) => durableConsumerFor(broker, context, handler));
  for (const [i, handler] of handlers.entries()) await ensureDurableConsumer(broker, durables[i]!, handler.definition.context);

  const loops = handlers.map((handler, i) => new ConsumeLoop(context, orm, broker, handler, durables[i]!, log.child({ consumer: durables[i]!.name })));
  loops.forEach((loop) => loop.start());
  return {
    async stop() {
      await Promise.all(loops.map((loop) => loop.stop()));
    },
    stats: () => Object.fromEntries(loops.map((loop) => [loop.handler.options.name, { ...loop.stats }])),
  };
}

/**
 * Delay of the nak for messages fetched but not started when consumers stop. A plain nak makes
 * the message deliverable at once, and the server may hand it straight back to this consumer's
 * own pull request, still registered though the client has closed it: the message is then lost
 * until its ack wait (30 s by default) passes. A short delay lets the server drop that request.
 */
export const SHUTDOWN_NAK_DELAY_MS = 1_000;

/** Missed heartbeats in a row after which the pull is abandoned and `consume()` restarted. */
const HEARTBEATS_BEFORE_RESTART = 4;

/**
 * Pulls messages for one handler and runs up to `concurrency` of them at once. `consume()`
 * already rides out reconnects; this loop restarts it (with back-off, re-ensuring the durable
 * consumer) when it ends anyway: consumer or stream deleted, heartbeats lost, errors.
 */
class ConsumeLoop {
  readonly stats = emptyHandlerStats();
  private readonly slots: Slots;
  private readonly wakeup = new Wakeup();
  private readonly inFlight = new Set<Promise<void>>();
  private messages: ConsumerMessages | undefined;
  private stopping = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: string,
    private readonly orm: Orm,
    private readonly broker: Broker,
    readonly handler: EventHandler,
    private readonly durable: DurableConsumer,
    private readonly log: Logger,
  ) {
    this.slots = new Slots(handler.options.concurrency);
  }

  start(): void {
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeup.notify();
    void this.messages?.close();
    await this.running;
    await Promise.allSettled([...this.inFlight]);
  }

  private async run(): Promise<void> {
    const deps = { orm: this.orm, handler: this.handler, log: this.log, stats: this.stats, isStopping: () => this.stopping, origin: { context: this.context, namespace: this.broker.namespace } };
    let failures = 0;
    while (!this.stopping) {
      try {
        if (failures) await ensureDurableConsumer(this.broker, this.durable, this.handler.definition.context);
        const consumer = await this.broker.js.consumers.get(this.durable.stream, this.durable.name);
        const messages = await consumer.consume({ max_messages: this.handler.options.concurrency, abort_on_missing_resource: true });
        this.messages = messages;
        if (this.stopping) void messages.close();
        void this.watch(messages);
        this.log.info({ stream: this.durable.stream, restarts: failures }, 'consuming');

        for await (const msg of messages) {
          if (!(await this.takeSlot())) {
            // fetched but not started before shutdown: another replica (or this one, restarted)
            // takes it after a short pause, not after the ack wait
            msg.nak(SHUTDOWN_NAK_DELAY_MS);
            continue;
          }
          failures = 0;
          const delivery: Promise<void> = processDelivery(msg, deps).finally(() => {
            this.slots.release();
            this.inFlight.delete(delivery);
          });
          this.inFlight.add(delivery);
        }
        const err = await messages.closed();
        if (!this.stopping) throw err ?? new Error('consume() ended');
      } catch (err) {
        if (this.stopping) break;
        failures++;
        const retryInMs = backoffDelay(failures, 500, 10_000);
        this.log.warn({ err, retryInMs }, 'consumer stopped unexpectedly; restarting');
        await this.wakeup.wait(retryInMs);
      }
    }
  }

  private async takeSlot(): Promise<boolean> {
    if (this.stopping) return false;
    await this.slots.acquire();
    if (!this.stopping) return true;
    this.slots.release();
    return false;
  }

  /** Logs what the pull reports; gives up on a pull whose heartbeats stay missing. */
  private async watch(messages: ConsumerMessages): Promise<void> {
    for await (const status of messages.status()) {
      switch (status.type) {
        case 'heartbeats_missed':
          this.log.warn({ missed: status.count }, 'consumer heartbeats missed');
          if (status.count >= HEARTBEATS_BEFORE_RESTART) void messages.close();
          break;
        case 'consumer_deleted':
        case 'consumer_not_found':
        case 'stream_not_found':
        case 'exceeded_limits':
          this.log.warn({ status }, `consumer status: ${status.type}`);
          break;
        default:
        // heartbeats, pull requests and debug notices are routine
      }
    }
  }
}
