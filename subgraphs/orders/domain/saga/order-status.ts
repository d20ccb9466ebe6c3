/**
 * The order's statuses and the moves between them (SPEC §6), as a transition table: the saga
 * may only move an order along these edges; anything else is a bug, not a business outcome.
 */
export const ORDER_STATUSES = ['PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CLOSED', 'CANCELLED', 'ON_HOLD'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  // reserved + paid + committed → CONFIRMED; a final failure → CANCELLED; not confirmed in time → ON_HOLD
  PLACED: ['CONFIRMED', 'CANCELLED', 'ON_HOLD'],
  // a delivery reported before its dispatch skips SHIPPED
  CONFIRMED: ['SHIPPED', 'DELIVERED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  // the return window ended
  DELIVERED: ['CLOSED'],
  // staff review it and close it as CANCELLED
  ON_HOLD: ['CANCELLED'],
  CANCELLED: [],
  CLOSED: [],
};

export const canMove = (from: OrderStatus, to: OrderStatus): boolean => TRANSITIONS[from].includes(to);

/** Compensation is under way or done: late answers are compensated, never acted on. */
export const isCompensating = (status: OrderStatus): boolean => status === 'CANCELLED' || status === 'ON_HOLD';

/** Not yet handed to a carrier: cancellation is still possible. */
export const isUnshipped = (status: OrderStatus): boolean => status === 'PLACED' || status === 'CONFIRMED' || status === 'ON_HOLD';
