import { moveUnits, type Bucket, type StockDelta } from './stock-level.js';

/**
 * A reservation's life (SPEC §4), one per order:
 *
 *   RESERVED ──commit (payment captured)──▶ COMMITTED ──ship (dispatched)──▶ SHIPPED
 *      │  ╲                                    │
 *      │   ╲──expire (30 min, uncommitted)──▶ EXPIRED
 *      └──release (compensation)──▶ RELEASED ◀─┘ release (cancelled before shipping)
 *
 * FAILED records an out-of-stock outcome, so a repeated request re-announces it. Every move is
 * also a move of units between stock buckets: the bucket a status holds its units in.
 */
export type ReservationStatus = 'RESERVED' | 'COMMITTED' | 'SHIPPED' | 'RELEASED' | 'EXPIRED' | 'FAILED';
export type ReservationAction = 'COMMIT' | 'SHIP' | 'RELEASE' | 'EXPIRE';

/** Why a requested move cannot happen; the requester learns it from ReservationChangeRejected. */
export type RejectionReason = 'NOT_FOUND' | 'NOT_COMMITTED' | 'ALREADY_SHIPPED' | 'RELEASED' | 'EXPIRED' | 'OUT_OF_STOCK';

export type Transition =
  | { kind: 'move'; to: ReservationStatus }
  /** Already there or past it: a duplicate or late request, nothing to do. */
  | { kind: 'noop' }
  | { kind: 'reject'; reason: RejectionReason };

const move = (to: ReservationStatus): Transition => ({ kind: 'move', to });
const noop: Transition = { kind: 'noop' };
const reject = (reason: RejectionReason): Transition => ({ kind: 'reject', reason });

const TRANSITIONS: Record<ReservationStatus, Record<ReservationAction, Transition>> = {
  RESERVED: { COMMIT: move('COMMITTED'), SHIP: reject('NOT_COMMITTED'), RELEASE: move('RELEASED'), EXPIRE: move('EXPIRED') },
  // committed stock is paid for: it no longer expires, but a cancellation before shipping frees it
  COMMITTED: { COMMIT: noop, SHIP: move('SHIPPED'), RELEASE: move('RELEASED'), EXPIRE: noop },
  // shipped units have left the building; returns are a later phase
  SHIPPED: { COMMIT: noop, SHIP: noop, RELEASE: reject('ALREADY_SHIPPED'), EXPIRE: noop },
  RELEASED: { COMMIT: reject('RELEASED'), SHIP: reject('RELEASED'), RELEASE: noop, EXPIRE: noop },
  EXPIRED: { COMMIT: reject('EXPIRED'), SHIP: reject('EXPIRED'), RELEASE: noop, EXPIRE: noop },
  FAILED: { COMMIT: reject('OUT_OF_STOCK'), SHIP: reject('OUT_OF_STOCK'), RELEASE: noop, EXPIRE: noop },
};

/**
 * What an action does to a reservation in a status. `undefined` is an order inventory has never
 * seen: commit and ship are rejected; a release leaves a RELEASED marker (the release overtook
 * the reservation request, which must then not take stock any more).
 */
export function transition(status: ReservationStatus | undefined, action: ReservationAction): Transition {
  if (status === undefined) return action === 'RELEASE' ? move('RELEASED') : action === 'EXPIRE' ? noop : reject('NOT_FOUND');
  return TRANSITIONS[status][action];
}

/** Where a status keeps its units; RELEASED, EXPIRED and FAILED hold none (they are available). */
export function bucketOf(status: ReservationStatus): Bucket {
  switch (status) {
    case 'RESERVED':
      return 'reserved';
    case 'COMMITTED':
      return 'committed';
    case 'SHIPPED':
      return 'shipped';
    default:
      return 'available';
  }
}

/** The stock movement of one line when its reservation goes from `from` to `to`. */
export const lineDelta = (from: ReservationStatus | 'NEW', to: ReservationStatus, quantity: number): StockDelta =>
  moveUnits(from === 'NEW' ? 'available' : bucketOf(from), bucketOf(to), quantity);

// ---------------------------------------------------------------- repeated requests

/**
 * What a reservation request for an order gets. The first one reserves (or fails); a repeated one
 * (a new message for the same order: the saga retrying, a replay) takes no stock and re-announces
 * where the order stands: InventoryReserved while units are held or gone out (COMMITTED, SHIPPED
 * included), the same failure, the release, or the expiry.
 */
export type RequestAnswer = { kind: 'reserve' } | { kind: 'repeat'; announce: 'RESERVED' | 'FAILED' | 'RELEASED' | 'EXPIRED' };

export function answerRequest(status: ReservationStatus | undefined): RequestAnswer {
  switch (status) {
    case undefined:
      return { kind: 'reserve' };
    case 'RESERVED':
    case 'COMMITTED':
    case 'SHIPPED':
      return { kind: 'repeat', announce: 'RESERVED' };
    default:
      return { kind: 'repeat', announce: status };
  }
}

/**
 * A commit, ship or release that finds its work already done (`noop`) re-announces its outcome,
 * so a requester that missed the first answer, or asked twice, always hears one. Expiry is the
 * clock's, not a request: nothing to answer.
 */
export function repeatAnnouncement(action: ReservationAction): 'COMMITTED' | 'SHIPPED' | 'RELEASED' | null {
  switch (action) {
    case 'COMMIT':
      return 'COMMITTED';
    case 'SHIP':
      return 'SHIPPED';
    case 'RELEASE':
      return 'RELEASED';
    case 'EXPIRE':
      return null;
  }
}
