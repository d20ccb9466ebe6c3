import type { ShippingAddress } from '../address.js';
import type { Money } from '../money.js';
import type { ShippingMethod } from '../shipping.js';
import type { OrderStatus } from './order-status.js';

/**
 * What the order saga knows about one order: its status and, per participant, the facts learnt
 * from their answers and the requests already sent. Compensation is computed from these facts,
 * so answers that arrive late, twice or out of order are handled by looking at what is known.
 * Stored as JSON on the saga row; everything here is plain data.
 */
export interface SagaState {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  /** ISO 8601; the customer's cancellation window and the confirmation timeout count from it. */
  placedAt: string;
  total: Money;
  lines: { sku: string; quantity: number }[];
  shipping: { address: ShippingAddress; method: ShippingMethod };
  cancellationReason: string | null;
  inventory: InventoryFacts;
  payment: PaymentFacts;
  fulfillment: FulfillmentFacts;
  /** The token of each pending timeout; a timeout firing with another token is stale. */
  timeouts: Partial<Record<TimeoutKind, string>>;
  /** The order's returns as returns announced them, by return id (absent on sagas older than returns). */
  returns?: Record<string, ReturnFacts>;
  /** The return window ended while a return was open: the order closes when its returns end. */
  returnWindowEnded?: boolean;
}

/** What the saga knows of one return of the order (from ReturnUpdated). */
export interface ReturnFacts {
  status: ReturnStatus;
  /** The highest ReturnUpdated.sequence applied: older announcements change nothing. */
  sequence: number;
  open: boolean;
  refundStatus: 'REQUESTED' | 'COMPLETED' | 'FAILED' | null;
}

export type ReturnStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED';

export interface InventoryFacts {
  /** What inventory last told us about the order's reservation (REQUESTED: no answer yet). */
  reservation: 'REQUESTED' | 'RESERVED' | 'FAILED' | 'COMMITTED' | 'RELEASED' | 'EXPIRED';
  reservationId: string | null;
  warehouseId: string | null;
  commitRequested: boolean;
  /**
   * Whether we asked for a release, and whether we knew of a reservation then. A release sent
   * before the reservation was known is asked again when the reservation shows up late.
   */
  release: 'NONE' | 'REQUESTED_BEFORE_RESERVED' | 'REQUESTED';
}

export interface PaymentFacts {
  authorization: 'REQUESTED' | 'AUTHORIZED' | 'FAILED';
  paymentId: string | null;
  capture: 'NONE' | 'REQUESTED' | 'CAPTURED' | 'FAILED';
  capturedCents: number;
  /** As `InventoryFacts.release`, for voiding the authorization. */
  void: 'NONE' | 'REQUESTED_BEFORE_AUTHORIZED' | 'REQUESTED' | 'VOIDED';
  refunds: Refund[];
}

export interface Refund {
  refundId: string;
  amountCents: number;
  reason: string;
  status: 'REQUESTED' | 'COMPLETED' | 'FAILED';
}

export interface FulfillmentFacts {
  status: 'NONE' | 'REQUESTED' | 'ASSIGNED' | 'DISPATCHED' | 'DELIVERED' | 'DELIVERY_FAILED';
  shipmentId: string | null;
  /** The highest failed delivery attempt reported. */
  failedAttempts: number;
}

export type TimeoutKind = 'CONFIRMATION' | 'RETURN_WINDOW';

/** What the saga reacts to: the participants' answers, its own timeouts and cancellation. */
export type SagaEvent =
  // inventory
  | { type: 'InventoryReserved'; reservationId: string; warehouseId: string }
  | { type: 'InventoryReservationFailed'; reason: string; detail?: string }
  | { type: 'ReservationCommitted'; reservationId: string }
  | { type: 'ReservationReleased'; reservationId: string | null; previousStatus: 'RESERVED' | 'COMMITTED' | null }
  | { type: 'ReservationExpired'; reservationId: string }
  | { type: 'ReservationChangeRejected'; requested: 'COMMIT' | 'SHIP' | 'RELEASE'; reason: string }
  // payments
  | { type: 'PaymentAuthorized'; paymentId: string; amountCents: number }
  | { type: 'PaymentAuthorizationFailed'; paymentId: string; reason: string; retriable: boolean }
  | { type: 'PaymentCaptured'; paymentId: string; amountCents: number }
  | { type: 'PaymentCaptureFailed'; paymentId: string; reason: string }
  | { type: 'PaymentVoided'; paymentId: string; authorized?: boolean }
  | { type: 'RefundCompleted'; refundId: string; amountCents: number }
  | { type: 'RefundFailed'; refundId: string; reason: string; attempts: number }
  // fulfillment
  | { type: 'ShipmentAssigned'; shipmentId: string; warehouseId: string }
  | { type: 'ShipmentDispatched'; shipmentId: string; carrier: string; trackingNumber: string; dispatchedAt: string }
  | { type: 'DeliveryAttemptFailed'; shipmentId: string; attempt: number; reason: string }
  | { type: 'ShipmentDelivered'; shipmentId: string; deliveredAt: string }
  | { type: 'DeliveryFailed'; shipmentId: string; attempts: number }
  // returns
  | {
      type: 'ReturnUpdated';
      returnId: string;
      status: ReturnStatus;
      sequence: number;
      open: boolean;
      units: number;
      refundCents: number;
      label: { carrier: string; trackingNumber: string } | null;
      rejectionReason: string | null;
      refund: { refundId: string; status: 'REQUESTED' | 'COMPLETED' | 'FAILED'; failureReason: string | null } | null;
    }
  // the saga's own
  | { type: 'TimeoutFired'; kind: TimeoutKind; token: string }
  | { type: 'CancellationRequested'; by: 'CUSTOMER' | 'STAFF'; reason: string };

/** Requests to the other contexts; the shell turns each into an integration event. */
export type SagaCommand =
  | { type: 'RequestReservation'; lines: { sku: string; quantity: number }[]; region: string; country: string }
  | { type: 'RequestAuthorization'; amount: Money }
  | { type: 'RequestCapture'; amount: Money }
  | { type: 'RequestCommit' }
  | { type: 'RequestRelease'; reason: string }
  | { type: 'RequestVoid'; reason: string }
  | { type: 'RequestRefund'; refundId: string; amount: Money; reason: string }
  | { type: 'RequestFulfillment'; warehouseId: string; reservationId: string };

/** What the saga records about the order itself. */
export type SagaRecord =
  | { type: 'StatusChanged'; from: OrderStatus | null; to: OrderStatus; reason: string | null }
  | { type: 'TimelineEntry'; entry: string; detail: string | null }
  | { type: 'AlertRaised'; kind: AlertKind; detail: string };

export type AlertKind = 'ORDER_ON_HOLD' | 'REFUND_ESCALATED' | 'DELIVERY_FAILED' | 'PAYMENT_CAPTURE_FAILED' | 'LATE_EVENT_COMPENSATED' | 'COMPENSATION_FAILED';

export type TimeoutInstruction = { type: 'Schedule'; kind: TimeoutKind; token: string; dueAt: Date } | { type: 'Cancel'; kind: TimeoutKind };

/** Time, ids and the (configurable) periods: everything the decider needs from outside. */
export interface SagaEnvironment {
  now: Date;
  newId: () => string;
  policy: SagaPolicy;
}

export interface SagaPolicy {
  /** PO: 5 min. */
  confirmationTimeoutMs: number;
  /** 30 days after delivery. */
  returnWindowMs: number;
  /** PO: 2 h after placement. */
  customerCancelWindowMs: number;
}

export interface SagaOutcome {
  /** False when the event changed nothing (a duplicate, a stale timeout): nothing is written. */
  changed: boolean;
  state: SagaState;
  commands: SagaCommand[];
  records: SagaRecord[];
  timeouts: TimeoutInstruction[];
}

export type SagaDecision = ({ ok: true } & SagaOutcome) | { ok: false; rejection: { code: 'CONFLICT'; message: string } };
