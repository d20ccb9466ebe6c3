import type { ReturnStatus } from './return-rules.js';

/**
 * The return's states and moves:
 *
 *   requested ─(reason OTHER)→ REQUESTED ─approve→ APPROVED ─receive→ RECEIVED ─refund completed→ REFUNDED
 *           └─(otherwise, at once)────────────────→ APPROVED              └─(nothing to refund)───→ REFUNDED
 *                              REQUESTED ─reject→ REJECTED
 *
 * A refund that fails leaves the return RECEIVED (escalated to staff); a later RefundCompleted
 * for it (staff retried it) still moves it to REFUNDED.
 */
export type ReturnCommand = 'APPROVE' | 'REJECT' | 'RECEIVE' | 'COMPLETE_REFUND';

const MOVES: Record<ReturnCommand, { from: ReturnStatus; to: ReturnStatus }> = {
  APPROVE: { from: 'REQUESTED', to: 'APPROVED' },
  REJECT: { from: 'REQUESTED', to: 'REJECTED' },
  RECEIVE: { from: 'APPROVED', to: 'RECEIVED' },
  COMPLETE_REFUND: { from: 'RECEIVED', to: 'REFUNDED' },
};

export type Move = { kind: 'move'; to: ReturnStatus } | { kind: 'reject'; message: string };

const VERB: Record<ReturnCommand, string> = { APPROVE: 'approved', REJECT: 'rejected', RECEIVE: 'received', COMPLETE_REFUND: 'refunded' };

export function move(status: ReturnStatus, command: ReturnCommand): Move {
  const { from, to } = MOVES[command];
  if (status === from) return { kind: 'move', to };
  return { kind: 'reject', message: `The return is ${status} and cannot be ${VERB[command]}` };
}
