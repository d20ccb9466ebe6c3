import { handle, type EventHandler } from '../../../events/handler.js';
import { ProductCreated, ProductPriceChanged, ProductStatusChanged, ProductUpdated } from '../../../events/contracts/catalog/index.js';
import { eventVersion } from '../domain/projections.js';
import { projectProductFacts } from '../use-cases/project-catalog.js';

/** Catalog's product events → the cart's product projection (name, price, status per SKU). */
export function catalogProjectionHandlers(): EventHandler[] {
  return [
    handle(ProductCreated, { name: 'product-projection-on-product-created' }, (event, { em }) =>
      projectProductFacts(em, event.payload.sku, { name: event.payload.name, price: event.payload.price, status: event.payload.status }, eventVersion(event.occurredAt, event.id)),
    ),
    // the snapshot is the product after the change, price and status included
    handle(ProductUpdated, { name: 'product-projection-on-product-updated' }, (event, { em }) => {
      const { product } = event.payload;
      return projectProductFacts(em, event.payload.sku, { name: product.name, price: product.price, status: product.status }, eventVersion(event.occurredAt, event.id));
    }),
    handle(ProductPriceChanged, { name: 'product-projection-on-product-price-changed' }, (event, { em }) =>
      projectProductFacts(em, event.payload.sku, { price: event.payload.currentPrice }, eventVersion(event.occurredAt, event.id)),
    ),
    handle(ProductStatusChanged, { name: 'product-projection-on-product-status-changed' }, (event, { em }) =>
      projectProductFacts(em, event.payload.sku, { status: event.payload.status }, eventVersion(event.occurredAt, event.id)),
    ),
  ];
}
