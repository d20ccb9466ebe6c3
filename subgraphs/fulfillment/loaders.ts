import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ShipmentHistoryRecord } from './store/shipment-history.entity.js';
import type { ShipmentRecord } from './store/shipment.entity.js';
import { historyOfShipments, shipmentsOfOrders } from './use-cases/read-shipments.js';

export interface FulfillmentLoaders {
  /** Each order's shipments; one query per tick for all the orders of a response. */
  shipmentsByOrder: DataLoader<string, ShipmentRecord[]>;
  historyByShipment: DataLoader<string, ShipmentHistoryRecord[]>;
}

/** Created per request: the cache must never outlive the request. */
export function createFulfillmentLoaders(em: EntityManager): FulfillmentLoaders {
  return {
    shipmentsByOrder: new DataLoader((orderIds) => shipmentsOfOrders(em, orderIds), { maxBatchSize: 500 }),
    historyByShipment: new DataLoader((shipmentIds) => historyOfShipments(em, shipmentIds), { maxBatchSize: 500 }),
  };
}
