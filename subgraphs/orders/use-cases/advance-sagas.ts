import { OptimisticLockError, type EntityManager } from '@mikro-orm/postgresql';
import type { SqlStatement } from '../../../platform/combined-statement.js';
import type { Logger } from '../../../platform/logger.js';
import { commitsWithStatement } from '../../../platform/postgres-driver.js';
import { decide } from '../domain/saga/decide.js';
import type { SagaDecision, SagaEvent } from '../domain/saga/types.js';
import { OrderRepository } from '../store/order.repository.js';
import { writeSagaSteps, type SagaStepWrite } from '../store/saga-step.statement.js';
import type { KnownSaga } from './recent-sagas.js';
import { sagaEnvironment, sagaStepWrite } from './saga-step.js';
import { isUuid, type OrdersDeps } from './scope.js';

export type AdvanceResult = 'UNKNOWN_ORDER' | 'UNCHANGED' | 'ADVANCED';

/** One answer of a batch: the order it names, what the saga reacts to, and the message it came in. */
export interface SagaStepRequest {
  orderId: string;
  event: SagaEvent;
  causationId: string | null;
}

type Deps = Pick<OrdersDeps, 'eventNamespace' | 'clock' | 'saga' | 'recentSagas'>;

/**
 * A handler's saga steps — a batch of its deliveries (several orders' answers of one kind), or one
 * delivery alone (advanceSaga) — in the kit's transaction, whose last write carries the inbox rows
 * and commits: one transaction and, when the process remembers every saga, one round trip.
 *
 * Each saga is decided on the copy this process remembers (as a step alone does) or, when there
 * is none or it changes nothing there, on its row read under the lock — those reads first, in
 * order-id order. The writes go as one statement per round: an order's first answer in the
 * first, its second (ReturnUpdated can come twice) decided on the first's result in the next, and
 * so on; every saga's version is checked in its statement. A version that has moved fails the
 * batch as a whole: nothing is written, the copies of its orders are forgotten, and the kit
 * handles its messages one by one (from the database). The orders' steps in this process queue
 * behind and ahead of the batch, as a step alone does.
 */
export async function advanceSagas(
  em: EntityManager,
  deps: Deps,
  steps: readonly SagaStepRequest[],
  log: Logger,
  inbox: { take(): SqlStatement },
): Promise<AdvanceResult[]> {
  // the copies may be remembered only if the last write commits as it returns
  if (!commitsWithStatement(em)) throw new Error("a batch of saga steps must run in the kit's own transaction");
  const orderIds = steps.map((step) => step.orderId).filter(isUuid);
  return deps.recentSagas.oneAtATimeEach(orderIds, async () => {
    const batch = new SagaBatch(em, deps, log);
    const results: AdvanceResult[] = [];
    for (const round of rounds(steps)) for (const i of round) results[i] = await batch.decide(steps[i]!);
    try {
      await batch.write(inbox);
    } catch (err) {
      for (const orderId of orderIds) deps.recentSagas.forget(orderId);
      if (err instanceof OptimisticLockError) log.info({ orderIds, events: steps.map((step) => step.event.type) }, 'a saga moved past the version this process remembered; the steps are handled again from the database');
      throw err;
    }
    batch.rememberAll();
    return results;
  });
}

/**
 * The steps' indexes by round: an order's first step in the first round, its second in the
 * next…; within a round, in order-id order (the order its row locks are taken in).
 */
function rounds(steps: readonly SagaStepRequest[]): number[][] {
  const seen = new Map<string, number>();
  const byRound: number[][] = [];
  steps.forEach((step, i) => {
    const round = seen.get(step.orderId) ?? 0;
    seen.set(step.orderId, round + 1);
    (byRound[round] ??= []).push(i);
  });
  // Array#sort is stable: an order appears once per round, so ties keep delivery order anyway
  return byRound.map((indexes) => indexes.sort((a, b) => compare(steps[a]!.orderId, steps[b]!.orderId)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The sagas of one batch as its transaction leaves them, and the writes by round. */
class SagaBatch {
  /** Each saga as this transaction leaves it: read under the lock here, or as the batch's pending write leaves it. */
  private readonly current = new Map<string, KnownSaga>();
  private readonly unknown = new Set<string>();
  private readonly writesByRound: SagaStepWrite[][] = [];
  /** Round of each order's next write. */
  private readonly nextRound = new Map<string, number>();
  /** What each write records once it is done (sagaStepWrite). */
  private readonly written: (() => void)[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly deps: Deps,
    private readonly log: Logger,
  ) {}

  async decide({ orderId, event, causationId }: SagaStepRequest): Promise<AdvanceResult> {
    if (!isUuid(orderId) || this.unknown.has(orderId)) return 'UNKNOWN_ORDER';
    const decided = await this.decideOn(orderId, event);
    if (!decided) return 'UNKNOWN_ORDER';
    const { base, decision } = decided;
    // only cancellation can be refused, and it never comes through here
    if (!decision.ok) throw new Error(`Order ${orderId}: ${event.type} refused: ${decision.rejection.message}`);
    if (!decision.changed) return 'UNCHANGED';
    const { write, order, written } = sagaStepWrite(this.deps.eventNamespace, base, decision, { causationId }, this.log);
    this.written.push(written);
    const round = this.nextRound.get(orderId) ?? 0;
    this.nextRound.set(orderId, round + 1);
    (this.writesByRound[round] ??= []).push(write);
    this.current.set(orderId, { saga: { orderId, state: decision.state, version: base.saga.version + 1, updatedAt: write.saga.updatedAt }, order });
    return 'ADVANCED';
  }

  /**
   * The saga to decide on and the decision: as this batch leaves it; else the remembered copy, when
   * the event changes it; else read under the lock. Null for an order that does not exist.
   */
  private async decideOn(orderId: string, event: SagaEvent): Promise<{ base: KnownSaga; decision: SagaDecision } | null> {
    const env = sagaEnvironment(this.deps);
    const current = this.current.get(orderId);
    if (current) return { base: current, decision: decide(current.saga.state, event, env) };
    const known = this.deps.recentSagas.get(orderId);
    const onCopy = known && decide(known.saga.state, event, env);
    // "nothing to do" is only believed of the saga as it is now
    if (known && onCopy?.ok && onCopy.changed) return { base: known, decision: onCopy };
    const locked = await new OrderRepository(this.em).lockSaga(orderId);
    if (!locked) {
      this.unknown.add(orderId);
      this.log.warn({ orderId, event: event.type }, 'event for an unknown order ignored');
      return null;
    }
    this.current.set(orderId, locked);
    return { base: locked, decision: decide(locked.saga.state, event, env) };
  }

  /** The rounds' statements: all but the last deferred, the last with the inbox rows and the COMMIT (none: the kit commits the rows). */
  async write(inbox: { take(): SqlStatement }): Promise<void> {
    const rounds = this.writesByRound.filter((writes) => writes.length);
    for (const [i, writes] of rounds.entries()) {
      const last = i === rounds.length - 1;
      await writeSagaSteps(this.em, writes, last ? { also: [inbox.take()], last } : { last });
    }
  }

  /** Once committed: what was read under the lock or written is each saga's newest committed version. */
  rememberAll(): void {
    for (const known of this.current.values()) this.deps.recentSagas.remember(known);
    for (const written of this.written) written();
  }
}
