export { ProductCreated } from './product-created.event.js';
export { ProductUpdated, updatableProductFieldSchema } from './product-updated.event.js';
export { ProductPriceChanged } from './product-price-changed.event.js';
export { ProductStatusChanged } from './product-status-changed.event.js';
export { productSnapshotSchema, productStatusSchema, moneySchema, type ProductSnapshot } from './product-snapshot.js';
