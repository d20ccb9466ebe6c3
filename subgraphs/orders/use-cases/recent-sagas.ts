import { CommittedVersions } from '../../../platform/committed-versions.js';
import type { OrderRecord } from '../store/order.entity.js';
import type { OrderSagaRecord } from '../store/order-saga.entity.js';

/** A saga and its order as one committed version left them. */
export interface KnownSaga {
  saga: OrderSagaRecord;
  order: OrderRecord;
}

/**
 * The sagas this process last saw committed, by order id: what its own steps read under the
 * saga's lock or wrote with their commit. A step of a saga found here decides on this copy and
 * writes over its version without reading first (use-cases/advance-saga.ts): one round trip and no
 * row locks instead of a locking read, then the write.
 *
 * A copy may be behind — another replica, a cancellation or a timeout moved the saga — but never
 * wrong (platform/committed-versions.ts): a saga's (order, version) is written once. A write over
 * a version that has moved changes nothing (the step's statement checks the version) and the step
 * is handled again from the database.
 *
 * Also keeps the handlers' steps of one order in this process one after the other (only theirs:
 * advance-saga.ts says why): the reservation's and
 * the authorization's answers often arrive together, and the second then decides on the first's
 * result instead of on the same copy (which would lose on the version and be redelivered).
 */
export class RecentSagas {
  private readonly known: CommittedVersions<KnownSaga>;
  private readonly queues = new Map<string, Promise<void>>();

  /** `capacity`: orders remembered; a confirmed order's last checkout step follows within seconds. */
  constructor(capacity = 5_000) {
    this.known = new CommittedVersions((known) => known.saga.version, capacity);
  }

  get(orderId: string): KnownSaga | undefined {
    return this.known.get(orderId);
  }

  /** A committed version (read under the lock, or written with the commit); an older one never replaces a newer. */
  remember(known: KnownSaga): void {
    this.known.remember(known.saga.orderId, known);
  }

  /** The saga moves (or moved) in a way this process will not see committed. */
  forget(orderId: string): void {
    this.known.forget(orderId);
  }

  /**
   * Runs `step` (a batch's steps) after the steps of each of these orders that this process
   * started before it. The orders are queued for in one order (sorted), so two batches sharing
   * orders never wait for each other in a circle.
   */
  oneAtATimeEach<T>(orderIds: readonly string[], step: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(orderIds)].sort();
    const queued = sorted.reduceRight<() => Promise<T>>((inner, orderId) => () => this.oneAtATime(orderId, inner), step);
    return queued();
  }

  /** Runs `step` after the steps of the same order this process started before it. */
  private async oneAtATime<T>(orderId: string, step: () => Promise<T>): Promise<T> {
    const before = this.queues.get(orderId);
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = before ? before.then(() => mine) : mine;
    this.queues.set(orderId, tail);
    try {
      if (before) await before;
      return await step();
    } finally {
      done();
      if (this.queues.get(orderId) === tail) this.queues.delete(orderId);
    }
  }
}
