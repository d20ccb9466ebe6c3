import type { OrderResolvers, ShipmentEventResolvers, ShipmentItemResolvers, ShipmentResolvers } from '../__generated__/resolvers-types.js';
import { publicTrackingUrl } from '../carrier/public-tracking-url.js';
import type { FulfillmentUseCases } from '../use-cases/index.js';

export const createOrderResolvers = (useCases: FulfillmentUseCases): OrderResolvers => ({
  // any order id resolves: an order fulfillment never heard of simply has no shipments
  __resolveReference: (reference) => ({ id: reference.id }),
  shipments: async (order, _args, ctx) => useCases.visibleOrderShipments(ctx.caller, await ctx.loaders.shipmentsByOrder.load(order.id)),
});

export const shipmentResolvers: ShipmentResolvers = {
  order: (shipment) => ({ id: shipment.orderId }),
  warehouse: (shipment) => ({ id: shipment.warehouseId }),
  timeline: (shipment, _args, ctx) => ctx.loaders.historyByShipment.load(shipment.id),
  trackingUrl: (shipment) => shipment.trackingUrl ?? publicTrackingUrl(shipment.carrier, shipment.trackingNumber),
};

export const shipmentItemResolvers: ShipmentItemResolvers = {
  product: (item) => ({ sku: item.sku }),
};

export const shipmentEventResolvers: ShipmentEventResolvers = {
  type: (event) => event.kind,
};
