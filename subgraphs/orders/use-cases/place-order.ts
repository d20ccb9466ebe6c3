import { v7 as uuidv7 } from 'uuid';
import { outboxRow } from '../../../events/outbox.js';
import { OrderPlaced } from '../../../events/contracts/orders/index.js';
import { orderNumberOf } from '../domain/order-number.js';
import { startSaga } from '../domain/saga/start.js';
import type { OrderRecord } from '../store/order.entity.js';
import { OrderRepository } from '../store/order.repository.js';
import { placementInputsOf, placementInputsStatement, writeOrderPlacement } from '../store/order-placement.statement.js';
import { withOwnCheckoutLocked } from './checkout-access.js';
import { addressHoldRow, decideChange } from './checkout-changes.js';
import { sagaEnvironment, sagaStepWrite } from './saga-step.js';
import { couponRedemptionOf, redeemCheckoutCoupon, sameCustomerRace } from './checkout-coupon.js';
import { toCheckout } from '../store/checkout.entity.js';
import type { OrdersDeps, OrdersScope } from './scope.js';

/**
 * `placeOrder` (SPEC §6 step 4): a complete checkout becomes an order and the saga starts, in
 * one transaction — the order, the saga row, the checkout COMPLETED, and the events (OrderPlaced,
 * the reservation and authorization requests, OrderStatusChanged, CheckoutAddressReleased).
 * Price drift against orders' projection of the catalog fails with PRICE_CHANGED unless
 * acknowledged. Placing the same checkout again returns the order placed the first time: the
 * checkout row is locked, so concurrent calls queue and the second finds it COMPLETED. The
 * writes go in one statement (store/order-placement.statement.ts); nothing is left to the unit
 * of work, whose flush at commit would write managed rows a second time.
 */
export async function placeOrder(deps: OrdersDeps, scope: OrdersScope, checkoutId: string, acknowledgePriceChanges: boolean): Promise<OrderRecord> {
  const placed = await withOwnCheckoutLocked(deps, scope, checkoutId, async (em, locked, inputs) => {
    if (locked.status === 'COMPLETED' && locked.orderId) {
      const placed = await new OrderRepository(em).find(locked.orderId);
      if (placed) return { order: placed, saga: null };
    }
    // OrderPlaced carries the number: it is drawn with the prices, in the lock's message, before the one statement that writes the order
    const { currentPrices, sequenceValue } = placementInputsOf(inputs);
    const coupon = toCheckout(locked).coupon;
    const couponVerdict = coupon && locked.status === 'IN_PROGRESS' ? await redeemCheckoutCoupon(em, coupon, locked.customerId, deps.clock()) : null;
    const decision = decideChange(deps, locked, { type: 'Place', orderId: uuidv7(), currentPrices, acknowledgePriceChanges, coupon: couponVerdict });
    const draft = decision.order!;
    // only a checkout in progress is placed, and for one the number was drawn
    if (sequenceValue === null) throw new Error(`checkout ${locked.id} was placed without an order number drawn`);
    const env = sagaEnvironment(deps);
    const number = orderNumberOf(sequenceValue);
    const placedOrder: OrderRecord = {
      id: draft.orderId,
      number,
      customerId: locked.customerId,
      checkoutId: locked.id,
      status: 'PLACED',
      lines: draft.lines,
      shippingAddress: draft.shippingAddress,
      shippingMethod: draft.shippingMethod,
      subtotalCents: draft.subtotal.cents,
      discountCents: draft.discount.cents,
      couponCode: draft.couponCode,
      shippingCents: draft.shippingCost.cents,
      totalCents: draft.total.cents,
      currency: draft.total.currency,
      cancellationReason: null,
      placedAt: env.now,
      updatedAt: env.now,
      statusChanges: 0,
    };
    const placedEvent = outboxRow(
      deps.eventNamespace,
      OrderPlaced,
      {
        orderId: placedOrder.id,
        number,
        customerId: placedOrder.customerId,
        checkoutId: locked.id,
        items: draft.lines.map((line) => ({ sku: line.sku, name: line.name, quantity: line.quantity, unitPriceCents: line.unitPrice.cents })),
        subtotalCents: draft.subtotal.cents,
        ...(draft.couponCode ? { discountCents: draft.discount.cents, couponCode: draft.couponCode } : {}),
        shippingCents: draft.shippingCost.cents,
        totalCents: draft.total.cents,
        currency: draft.total.currency,
        shippingAddress: draft.shippingAddress,
        shippingMethod: draft.shippingMethod,
        placedAt: env.now.toISOString(),
      },
      { customerId: placedOrder.customerId, correlationId: placedOrder.id },
    );
    const outcome = startSaga(
      { orderId: placedOrder.id, customerId: placedOrder.customerId, total: draft.total, lines: draft.lines, shippingAddress: draft.shippingAddress, shippingMethod: draft.shippingMethod },
      env,
    );
    const { write: saga, order, written } = sagaStepWrite(deps.eventNamespace, { order: placedOrder, saga: null }, outcome, { paymentToken: draft.paymentToken }, scope.log);
    const redeemed = couponRedemptionOf(deps.eventNamespace, order, draft, env.now);
    const released = addressHoldRow(deps.eventNamespace, locked, decision);
    // published in the order they were recorded before they shared one statement
    saga.outbox = [...(released ? [released] : []), placedEvent, ...saga.outbox, ...(redeemed ? [redeemed.event] : [])];
    const { sagaVersion } = await writeOrderPlacement(em, { checkout: decision.checkout, checkoutVersion: locked.version, order, couponRedemption: redeemed?.redemption ?? null, saga });
    return { order, saga: { orderId: order.id, state: outcome.state, version: sagaVersion, updatedAt: saga.saga.updatedAt }, written };
  }, (em, customerId) => placementInputsStatement(em, checkoutId, customerId)).catch(sameCustomerRace);
  if (placed.saga) {
    // completed: no step will change it again
    deps.recentCheckouts.forget(checkoutId);
    // committed: the saga's first answers are decided on this copy (recent-sagas.ts)
    deps.recentSagas.remember({ saga: placed.saga, order: placed.order });
    scope.log.info({ orderId: placed.order.id, checkoutId, totalCents: placed.order.totalCents }, 'order placed');
    placed.written();
  }
  return placed.order;
}
