import { handle, BACKGROUND_PROJECTION_BATCH, type EventHandler } from '../../../events/handler.js';
import type { Envelope, PayloadOf } from '../../../events/contract.js';
import { DeliveryFailed } from '../../../events/contracts/fulfillment/delivery-failed.event.js';
import { LowStockDetected } from '../../../events/contracts/inventory/low-stock-detected.event.js';
import { StockLevelChanged } from '../../../events/contracts/inventory/stock-level-changed.event.js';
import { StockLevelsChanged } from '../../../events/contracts/inventory/stock-levels-changed.event.js';
import { NotificationFailed } from '../../../events/contracts/notifications/notification-failed.event.js';
import { OrderAlertRaised } from '../../../events/contracts/orders/order-alert-raised.event.js';
import { OrderStatusChanged } from '../../../events/contracts/orders/order-status-changed.event.js';
import { RefundCompleted } from '../../../events/contracts/payments/refund-completed.event.js';
import { RefundFailed } from '../../../events/contracts/payments/refund-failed.event.js';
import * as causes from '../domain/alert-causes.js';
import { SkuStockRepository, skuStockLockKey } from '../store/sku-stock.repository.js';
import { observeStockLevels, raiseAlert, resolveCause } from '../use-cases/alerts.js';
import type { OperationsDeps } from '../use-cases/scope.js';

/**
 * Integration events → alerts (SPEC §10). Each runs in the kit's transaction with its inbox row
 * and the AlertRaised it may record, so a redelivered message changes nothing, and a second event
 * about the same subject finds its alert open and changes nothing either.
 */
export function alertHandlers(deps: Pick<OperationsDeps, 'eventNamespace'>): EventHandler[] {
  return [
    // orders also alerts on refunds and deliveries; those come straight from payments and
    // fulfillment below (one alert per refund or shipment, resolved by their own events)
    handle(OrderAlertRaised, { name: 'alert-on-order-on-hold', relevant: (p) => p.kind === 'ORDER_ON_HOLD' }, async (event, { em, log }) => {
      const outcome = await raiseAlert(deps, em, causes.orderOnHold(event.payload), event.id);
      log.info({ orderId: event.payload.orderId, outcome }, 'order on hold');
    }),
    handle(OrderStatusChanged, { name: 'resolve-on-hold-alert-when-order-moves-on', relevant: (p) => causes.onHoldOver(p) !== null }, async (event, { em, log }) => {
      const over = causes.onHoldOver(event.payload)!;
      const outcome = await resolveCause(em, over.kind, over.subject, over.why);
      log.info({ orderId: event.payload.orderId, status: event.payload.status, outcome }, 'order left ON_HOLD');
    }),
    handle(RefundFailed, { name: 'alert-on-refund-failed' }, async (event, { em, log }) => {
      const outcome = await raiseAlert(deps, em, causes.refundEscalated(event.payload), event.id);
      log.info({ refundId: event.payload.refundId, outcome }, 'refund escalated');
    }),
    handle(RefundCompleted, { name: 'resolve-refund-alert-on-refund-completed' }, async (event, { em }) => {
      await resolveCause(em, 'REFUND_ESCALATED', causes.subjects.refund(event.payload.refundId), 'the refund completed');
    }),
    handle(DeliveryFailed, { name: 'alert-on-delivery-failed' }, async (event, { em, log }) => {
      const outcome = await raiseAlert(deps, em, causes.deliveryFailed(event.payload), event.id);
      log.info({ shipmentId: event.payload.shipmentId, outcome }, 'delivery failed');
    }),
    handle(LowStockDetected, { name: 'alert-on-low-stock', lockKey: (p) => skuStockLockKey(p.sku) }, async (event, { em, log }) => {
      // handled in any order with the stock levels: a recovery seen after this event wins (the
      // SKU's lock makes one recorded meanwhile wait until this alert is committed, then resolve it)
      const later = await new SkuStockRepository(em).seenAfter(event.payload.sku, new Date(event.occurredAt));
      if (later != null && causes.stockRecovered(later)) return;
      const outcome = await raiseAlert(deps, em, causes.lowStock(event.payload), event.id);
      log.info({ sku: event.payload.sku, outcome }, 'low stock');
    }),
    // a batch is judged as a whole: two statements for it, not two per event
    handle(
      StockLevelsChanged,
      { name: 'resolve-low-stock-alert-on-stock-levels', ...BACKGROUND_PROJECTION_BATCH },
      async (event, { em }) => void (await observeStockLevels(em, observedLevels(event))),
      async (events, { em }) => void (await observeStockLevels(em, events.flatMap(observedLevels))),
    ),
    // the one-per-SKU events inventory recorded before StockLevelsChanged (still in the stream)
    handle(
      StockLevelChanged,
      { name: 'resolve-low-stock-alert-on-stock-level', ...BACKGROUND_PROJECTION_BATCH },
      async (event, { em }) => void (await observeStockLevels(em, [observed(event.payload, event)])),
      async (events, { em }) => void (await observeStockLevels(em, events.map((event) => observed(event.payload, event)))),
    ),
    handle(NotificationFailed, { name: 'alert-on-notification-failed' }, async (event, { em, log }) => {
      const outcome = await raiseAlert(deps, em, causes.notificationFailed(event.payload), event.id);
      log.info({ notificationId: event.payload.notificationId, outcome }, 'notification failed');
    }),
  ];
}

const observed = (level: { sku: string; totalAvailable: number }, event: Envelope): causes.ObservedStock => ({
  sku: level.sku,
  totalAvailable: level.totalAvailable,
  observedAt: new Date(event.occurredAt),
});

const observedLevels = (event: Envelope<PayloadOf<typeof StockLevelsChanged>>): causes.ObservedStock[] => event.payload.levels.map((level) => observed(level, event));
