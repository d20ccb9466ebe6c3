import type { ShippingAddress } from '../address.js';
import { formatMoney, type Money } from '../money.js';
import type { ShippingMethod } from '../shipping.js';
import { Step } from './step.js';
import type { SagaEnvironment, SagaOutcome, SagaState } from './types.js';

export interface PlacedOrder {
  orderId: string;
  customerId: string;
  total: Money;
  lines: { sku: string; quantity: number }[];
  shippingAddress: ShippingAddress;
  shippingMethod: ShippingMethod;
}

/**
 * Step 1 of the happy path: a placed order asks inventory to reserve and payments to authorize
 * the total, in parallel, and starts the confirmation clock (PO: ON_HOLD if not CONFIRMED in time).
 */
export function startSaga(order: PlacedOrder, env: SagaEnvironment): SagaOutcome {
  const placedAt = env.now.toISOString();
  const initial: SagaState = {
    orderId: order.orderId,
    customerId: order.customerId,
    status: 'PLACED',
    placedAt,
    total: { ...order.total },
    lines: order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    shipping: { address: { ...order.shippingAddress }, method: order.shippingMethod },
    cancellationReason: null,
    inventory: { reservation: 'REQUESTED', reservationId: null, warehouseId: null, commitRequested: false, release: 'NONE' },
    payment: { authorization: 'REQUESTED', paymentId: null, capture: 'NONE', capturedCents: 0, void: 'NONE', refunds: [] },
    fulfillment: { status: 'NONE', shipmentId: null, failedAttempts: 0 },
    timeouts: {},
  };
  const step = new Step(initial, env);
  step.state.status = 'PLACED';
  step.timeline('PLACED', `${order.lines.reduce((n, l) => n + l.quantity, 0)} item(s), total ${formatMoney(order.total)}`);
  step.request({ type: 'RequestReservation', lines: initial.lines, region: order.shippingAddress.region, country: order.shippingAddress.country });
  step.timeline('RESERVATION_REQUESTED');
  step.request({ type: 'RequestAuthorization', amount: { ...order.total } });
  step.timeline('PAYMENT_AUTHORIZATION_REQUESTED', formatMoney(order.total));
  step.schedule('CONFIRMATION', new Date(env.now.getTime() + env.policy.confirmationTimeoutMs));
  const outcome = step.finish();
  // the first status has no predecessor
  return { ...outcome, records: [{ type: 'StatusChanged', from: null, to: 'PLACED', reason: null }, ...outcome.records] };
}
