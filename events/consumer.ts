import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { EventHandler } from './handler.js';
import { processDeliveries, emptyHandlerStats, type DeliveryDeps, type HandlerStats } from './delivery.js';
import { durableConsumerFor, ensureDurableConsumer, retireReplacedConsumers, type DurableConsumer } from './durable-consumer.js';
import type { Broker } from './nats.js';
import { Wakeup, backoffDelay } from './wakeup.js';
import type { Orm } from '../platform/database.js';
import { runPeriodically, type PeriodicJob } from '../platform/jobs.js';
import type { Logger } from '../platform/logger.js';

export type { HandlerStats } from './delivery.js';

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
  const replaced = handlers.flatMap((h) => h.options.replaces);
  const clash = replaced.find((n, i) => names.includes(n) || replaced.indexOf(n) !== i);
  if (clash) throw new Error(`Handler "${clash}" in ${context} is replaced, so it can neither run nor be replaced twice`);

  const durables = handlers.map((handler) => durableConsumerFor(broker, context, handler));
  for (const [i, handler] of handlers.entries()) await ensureDurableConsumer(broker, durables[i]!, handler.definition.context);
  const retiring = retireReplaced(broker, durables, log);

  const loops = handlers.map((handler, i) => new ConsumeLoop(context, orm, broker, handler, durables[i]!, log.child({ consumer: durables[i]!.name })));
  loops.forEach((loop) => loop.start());
  return {
    async stop() {
      await Promise.all([retiring?.stop(), ...loops.map((loop) => loop.stop())]);
    },
    stats: () => Object.fromEntries(loops.map((loop) => [loop.handler.options.name, { ...loop.stats }])),
  };
}

/** How often the consumers merged into others are looked at, until every one is gone. */
const RETIRE_CHECK_MS = 30_000;

/**
 * Deletes, at start and then every RETIRE_CHECK_MS, the consumers these handlers replace once
 * nobody uses them (a replica of the release before the merge may still run; pull requests of a
 * process that stopped linger until they expire). Null when nothing is replaced.
 */
function retireReplaced(broker: Broker, durables: DurableConsumer[], log: Logger): PeriodicJob | null {
  let successors = durables.filter((d) => d.replaces.length);
  if (!successors.length) return null;
  return runPeriodically(
    'retire replaced consumers',
    RETIRE_CHECK_MS,
    async () => {
      const left: DurableConsumer[] = [];
      for (const successor of successors) {
        const { retired, inUse } = await retireReplacedConsumers(broker, successor);
        if (retired.length) log.info({ consumer: successor.name, retired, inUse }, 'replaced consumers retired');
        if (inUse.length) left.push(successor);
      }
      successors = left;
    },
    log,
    { runAtStart: true },
  );
}

/**
 * Delay of the nak for messages fetched but not started when consumers stop. A plain nak makes
 * the message deliverable at once, and the server may hand it straight back to this consumer's
 * own pull request, still registered though the client has closed it: the message is then lost
 * until its ack wait (30 s by default) passes. A short delay lets the server drop that request.
 */
export const SHUTDOWN_NAK_DELAY_MS = 1_000;

/** A bound on the messages a batching handler's pull keeps waiting in the client (each is unacknowledged meanwhile). */
const MAX_BUFFERED = 500;

/** Missed heartbeats in a row after which the pull is abandoned and `consume()` restarted. */
const HEARTBEATS_BEFORE_RESTART = 4;

/**
 * Pulls messages for one handler and runs up to `concurrency` deliveries (or batches of them,
 * see `batchSize`) at once. `consume()` already rides out reconnects; this loop restarts it (with
 * back-off, re-ensuring the durable consumer) when it ends anyway: consumer or stream deleted,
 * heartbeats lost, errors.
 */
class ConsumeLoop {
  readonly stats = emptyHandlerStats();
  /** Messages received and not yet started (every slot was busy, or they linger for a batch), with when each came. */
  private readonly waiting: { msg: JsMsg; receivedAt: number }[] = [];
  /** Starts the lingering batch when its first message has waited `lingerMs`. */
  private lingerTimer: NodeJS.Timeout | undefined;
  private busy = 0;
  private freed: (() => void) | undefined;
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
  ) {}

  start(): void {
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeup.notify();
    this.returnWaiting();
    void this.messages?.close();
    await this.running;
    this.returnWaiting();
    await Promise.allSettled([...this.inFlight]);
  }

  private async run(): Promise<void> {
    const deps: DeliveryDeps = { orm: this.orm, handler: this.handler, log: this.log, stats: this.stats, isStopping: () => this.stopping, origin: { context: this.context, namespace: this.broker.namespace } };
    let failures = 0;
    while (!this.stopping) {
      try {
        if (failures) await ensureDurableConsumer(this.broker, this.durable, this.handler.definition.context);
        const consumer = await this.broker.js.consumers.get(this.durable.stream, this.durable.name);
        const { concurrency, batchSize } = this.handler.options;
        // batching handlers keep more in the client's buffer: what waits there forms the next batch
        const messages = await consumer.consume({ max_messages: Math.min(concurrency * batchSize, MAX_BUFFERED), abort_on_missing_resource: true });
        this.messages = messages;
        if (this.stopping) void messages.close();
        void this.watch(messages);
        this.log.info({ stream: this.durable.stream, restarts: failures }, 'consuming');

        for await (const msg of messages) {
          if (this.stopping) {
            // fetched but not started before shutdown: another replica (or this one, restarted)
            // takes it after a short pause, not after the ack wait
            msg.nak(SHUTDOWN_NAK_DELAY_MS);
            continue;
          }
          failures = 0;
          this.waiting.push({ msg, receivedAt: Date.now() });
          this.dispatch(deps);
          // every slot busy: take no more from the pull until a batch's worth can start
          while (this.waiting.length >= batchSize && !this.stopping) await this.slotFreed();
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

  /**
   * Starts the waiting messages while slots are free, up to `batchSize` per slot. A message that
   * finds a slot free starts at once, alone — or, with `lingerMs`, once that long has passed
   * since it came or a full batch waits; those that arrive while every slot is busy wait here and
   * start together when one frees up (handlers with batchSize 1 start them one by one).
   */
  private dispatch(deps: DeliveryDeps): void {
    const { concurrency, batchSize, lingerMs } = this.handler.options;
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    while (this.waiting.length && this.busy < concurrency && !this.stopping) {
      const lingered = Date.now() - this.waiting[0]!.receivedAt;
      if (this.waiting.length < batchSize && lingered < lingerMs) {
        this.lingerTimer = setTimeout(() => this.dispatch(deps), lingerMs - lingered);
        return;
      }
      this.busy++;
      const batch = this.waiting.splice(0, batchSize).map((waiting) => waiting.msg);
      const delivery: Promise<void> = processDeliveries(batch, deps).finally(() => {
        this.busy--;
        this.inFlight.delete(delivery);
        this.dispatch(deps);
        this.freed?.();
      });
      this.inFlight.add(delivery);
    }
  }

  private slotFreed(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.freed = () => {
        this.freed = undefined;
        resolve();
      };
    });
  }

  /** On shutdown: what waited for a slot goes back to the server (see SHUTDOWN_NAK_DELAY_MS). */
  private returnWaiting(): void {
    clearTimeout(this.lingerTimer);
    for (const { msg } of this.waiting.splice(0)) msg.nak(SHUTDOWN_NAK_DELAY_MS);
    this.freed?.();
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
