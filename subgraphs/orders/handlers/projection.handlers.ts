import { handle, type EventHandler } from '../../../events/handler.js';
import { ProductCreated, ProductPriceChanged, ProductUpdated } from '../../../events/contracts/catalog/index.js';
import { CustomerAddressAdded, CustomerAddressRemoved, CustomerAddressUpdated } from '../../../events/contracts/customers/index.js';
import { announceArrival } from '../../../platform/arrivals.js';
import { eventVersion } from '../domain/projections.js';
import { projectAddress, projectAddressRemoval } from '../use-cases/project-addresses.js';
import { projectPrice } from '../use-cases/project-catalog.js';
import { ORDERS_ARRIVALS_CHANNEL } from '../use-cases/scope.js';

/** Catalog's prices → price drift at placeOrder. */
export function catalogProjectionHandlers(): EventHandler[] {
  return [
    handle(ProductCreated, { name: 'price-projection-on-product-created' }, (event, { em }) =>
      projectPrice(em, event.payload.sku, event.payload.price, eventVersion(event.occurredAt, event.id)),
    ),
    // the snapshot is the product after the change, price included
    handle(ProductUpdated, { name: 'price-projection-on-product-updated' }, (event, { em }) =>
      projectPrice(em, event.payload.sku, event.payload.product.price, eventVersion(event.occurredAt, event.id)),
    ),
    handle(ProductPriceChanged, { name: 'price-projection-on-product-price-changed' }, (event, { em }) =>
      projectPrice(em, event.payload.sku, event.payload.currentPrice, eventVersion(event.occurredAt, event.id)),
    ),
  ];
}

/** Customers' address books → saved addresses a checkout may use. */
export function addressProjectionHandlers(): EventHandler[] {
  return [
    handle(CustomerAddressAdded, { name: 'address-projection-on-address-added' }, async (event, { em }) => {
      await projectAddress(em, event.payload.customerId, event.payload.address, eventVersion(event.occurredAt, event.id));
      // a checkout step naming this address may be waiting for it
      await announceArrival(em, ORDERS_ARRIVALS_CHANNEL, event.payload.address.id);
    }),
    handle(CustomerAddressUpdated, { name: 'address-projection-on-address-updated' }, (event, { em }) =>
      projectAddress(em, event.payload.customerId, event.payload.address, eventVersion(event.occurredAt, event.id)),
    ),
    handle(CustomerAddressRemoved, { name: 'address-projection-on-address-removed' }, (event, { em }) =>
      projectAddressRemoval(em, event.payload.customerId, event.payload.addressId, eventVersion(event.occurredAt, event.id)),
    ),
  ];
}
