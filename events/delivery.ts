import type { EntityManager } from '@mikro-orm/postgresql';
import type { Envelope } from './contract.js';
import type { EventHandler } from './handler.js';
import { decodeEvent } from './decode.js';
import { recordDeadLetter, type DeadLetterEntry, type DeadLetterOrigin } from './dead-letters.js';
import { handleBatchOnce, handleOnce, type HandlingOutcome } from './inbox.js';
import { describeError } from './relay-batch.js';
import { backoffDelay } from './wakeup.js';
import type { Orm } from '../platform/database.js';
import type { Logger } from '../platform/logger.js';

/**
 * What the kit needs from a received message. JetStream's `JsMsg` fits as is; keeping the
 * surface this small keeps the transport at the edge.
 */
export interface InboundMessage {
  subject: string;
  data: Uint8Array;
  seq: number;
  info: { deliveryCount: number };
  headers?: { get(key: string): string } | undefined;
  ack(): void;
  nak(delayMs?: number): void;
  term(): void;
  working(): void;
}

export interface HandlerStats {
  processed: number;
  /** Deliveries the broker made again (delivery count > 1): after a nak, an ack timeout or a broker restart. */
  redelivered: number;
  duplicates: number;
  /** Handler failures answered with `nak(delay)`. */
  retried: number;
  /** Messages given up on after `maxDeliver` failed deliveries. */
  deadLettered: number;
  /** Messages that failed validation (dead-lettered on first sight). */
  poison: number;
  /** Valid messages the handler declared not relevant to it (acknowledged, no transaction). */
  ignored: number;
  /** Transactions that handled several waiting deliveries at once (handlers with `batchSize` > 1). */
  batches: number;
  /** Batches rolled back and handled message by message (a handler failed, a deadlock). */
  batchesSplit: number;
}

export const emptyHandlerStats = (): HandlerStats => ({ processed: 0, redelivered: 0, duplicates: 0, retried: 0, deadLettered: 0, poison: 0, ignored: 0, batches: 0, batchesSplit: 0 });

export interface DeliveryDeps {
  orm: Orm;
  handler: EventHandler;
  log: Logger;
  stats: HandlerStats;
  isStopping(): boolean;
  /** The consuming context: its outbox announces the dead letters (MessageDeadLettered). */
  origin: DeadLetterOrigin;
}

/**
 * Handles one delivery end to end and answers the broker exactly once:
 * - invalid message → dead letter, then `term()`;
 * - valid but not relevant to the handler → `ack()`, nothing written;
 * - valid → inbox row + handler in one transaction, commit, then `ack()` (duplicates: ack, skip);
 * - handler threw → `nak(delay)` from the back-off list, or after the last allowed delivery
 *   dead letter, then `term()`.
 * Never throws.
 */
export async function processDelivery(msg: InboundMessage, deps: DeliveryDeps): Promise<void> {
  const accepted = await accept(msg, deps);
  if (accepted) await handleAlone(accepted, deps);
}

/**
 * As processDelivery for several deliveries that were waiting together: the ones to handle are
 * handled in ONE transaction (one inbox insert for all, one commit), then all acknowledged. If
 * the batch fails — one handler threw, a deadlock, a lost connection — it is rolled back and each
 * message is handled alone, so the failure is retried (or dead-lettered) for that message only.
 * Never throws.
 */
export async function processDeliveries(msgs: InboundMessage[], deps: DeliveryDeps): Promise<void> {
  if (msgs.length === 1) return processDelivery(msgs[0]!, deps);
  const accepted = (await Promise.all(msgs.map((msg) => accept(msg, deps)))).filter((a): a is Accepted => a !== undefined);
  if (accepted.length <= 1) {
    for (const one of accepted) await handleAlone(one, deps);
    return;
  }
  const { stats } = deps;
  const inProgress = keepInProgress(accepted.map((a) => a.msg), deps.handler.options.ackWaitMs);
  const started = Date.now();
  let outcomes: HandlingOutcome[] | undefined;
  try {
    outcomes = await handleBatchOnce(deps.orm, deps.handler, accepted.map(({ envelope, log, msg }) => ({ envelope, log, deliveryCount: msg.info.deliveryCount })));
  } catch (err) {
    stats.batchesSplit++;
    deps.log.warn({ err, handler: deps.handler.options.name, messages: accepted.length }, 'batch failed and was rolled back; handling its messages one by one');
  } finally {
    clearInterval(inProgress);
  }
  if (!outcomes) {
    for (const one of accepted) await handleAlone(one, deps);
    return;
  }
  for (const [i, { msg }] of accepted.entries()) {
    msg.ack();
    if (outcomes[i] === 'duplicate') stats.duplicates++;
    else stats.processed++;
  }
  stats.batches++;
  deps.log.debug({ handler: deps.handler.options.name, messages: accepted.length, durationMs: Date.now() - started }, 'batch of events handled');
}

/** A delivery worth handling: valid and relevant. */
interface Accepted {
  msg: InboundMessage;
  envelope: Envelope;
  eventId: string;
  log: Logger;
}

/** Counts, validates and sorts out one delivery; answers the broker itself for poison and for messages the handler ignores. */
async function accept(msg: InboundMessage, deps: DeliveryDeps): Promise<Accepted | undefined> {
  const { handler, stats } = deps;
  const deliveryCount = msg.info.deliveryCount;
  if (deliveryCount > 1) stats.redelivered++;
  const decoded = decodeEvent(handler.definition, msg.data);
  const eventId = decoded.ok ? decoded.envelope.id : (decoded.messageId ?? msg.headers?.get('Nats-Msg-Id') ?? `stream-seq:${msg.seq}`);
  const log = deps.log.child({ handler: handler.options.name, eventId, subject: msg.subject, deliveryCount });

  if (!decoded.ok) {
    const entry = { messageId: eventId, handler: handler.options.name, subject: msg.subject, envelope: decoded.envelope, rawData: decoded.raw, error: decoded.reason, deliveries: deliveryCount };
    if (await deadLetterThenTerm(msg, entry, deps, log)) {
      stats.poison++;
      log.error({ reason: decoded.reason }, 'poison message dead-lettered');
    }
    return undefined;
  }

  if (!concerns(handler, decoded.envelope.payload)) {
    msg.ack();
    stats.ignored++;
    return undefined;
  }
  return { msg, envelope: decoded.envelope, eventId, log };
}

/** One accepted delivery in a transaction of its own, with the retry and dead-letter rules. */
async function handleAlone({ msg, envelope, eventId, log }: Accepted, deps: DeliveryDeps): Promise<void> {
  const { handler, stats } = deps;
  const { name, maxDeliver, ackWaitMs } = handler.options;
  const deliveryCount = msg.info.deliveryCount;
  const inProgress = keepInProgress([msg], ackWaitMs);
  const started = Date.now();
  try {
    const outcome = await handleOnce(deps.orm, handler, envelope, { log, deliveryCount });
    msg.ack();
    if (outcome === 'duplicate') {
      stats.duplicates++;
      log.info('duplicate delivery skipped (already in the inbox)');
    } else {
      stats.processed++;
      log.info({ durationMs: Date.now() - started }, 'event handled');
    }
  } catch (err) {
    if (deliveryCount >= maxDeliver) {
      const entry = { messageId: eventId, handler: name, subject: msg.subject, envelope: envelope as Record<string, unknown>, rawData: null, error: describeError(err), deliveries: deliveryCount };
      if (await deadLetterThenTerm(msg, entry, deps, log)) {
        stats.deadLettered++;
        log.error({ err }, `handler failed on the last of ${maxDeliver} deliveries; dead-lettered`);
      }
    } else {
      const retryInMs = retryDelay(handler.options.backoffMs, deliveryCount);
      msg.nak(retryInMs); // plain nak() would redeliver at once: the consumer's backoff only applies to ack timeouts
      stats.retried++;
      log.warn({ err, retryInMs }, 'handler failed; will retry');
    }
  } finally {
    clearInterval(inProgress);
  }
}

/**
 * Long handlers tell the server they are alive, so it does not hand the message to another
 * replica mid-transaction; a crash stops these signals and the message is redelivered.
 */
function keepInProgress(msgs: InboundMessage[], ackWaitMs: number): ReturnType<typeof setInterval> {
  return setInterval(() => msgs.forEach((msg) => msg.working()), Math.max(50, Math.floor(ackWaitMs / 2)));
}

/** Whether the handler acts on this payload; a predicate that throws is answered "yes" (the handler then runs and its failure is retried and seen). */
function concerns(handler: EventHandler, payload: unknown): boolean {
  try {
    return handler.options.relevant?.(payload) ?? true;
  } catch {
    return true;
  }
}

/** The delay before delivery `deliveryCount + 1`; the last entry repeats. */
export function retryDelay(backoffMs: readonly number[], deliveryCount: number): number {
  return backoffMs[Math.min(deliveryCount, backoffMs.length) - 1] ?? backoffMs[backoffMs.length - 1] ?? 1_000;
}

/**
 * Copies first, then terminates. If the copy fails (PostgreSQL down) the message is kept in
 * progress and the copy retried: terminating without it would lose the message, and on its
 * last delivery a nak would not bring it back either. On shutdown it is left unanswered, so
 * the server redelivers it once the ack wait passes (if deliveries remain).
 */
async function deadLetterThenTerm(msg: InboundMessage, entry: DeadLetterEntry, deps: DeliveryDeps, log: Logger): Promise<boolean> {
  for (let failures = 1; ; failures++) {
    try {
      await recordDeadLetter(deps.orm.em.fork() as EntityManager, entry, deps.origin);
      msg.term();
      return true;
    } catch (err) {
      if (deps.isStopping()) {
        log.error({ err }, 'could not store dead letter before shutdown; leaving the message for redelivery');
        return false;
      }
      const retryInMs = Math.min(backoffDelay(failures, 250, 10_000), Math.max(50, deps.handler.options.ackWaitMs / 2));
      log.error({ err, retryInMs }, 'could not store dead letter; retrying');
      msg.working();
      await new Promise((resolve) => setTimeout(resolve, retryInMs));
    }
  }
}
