import { handle, type EventHandler } from '../../../events/handler.js';
import { ProductCreated } from '../../../events/contracts/catalog/index.js';
import { openStockRows } from '../use-cases/open-stock-rows.js';

/** Catalog's products → inventory's stock rows (one per warehouse, empty until staff receive units). */
export function catalogHandlers(): EventHandler[] {
  return [
    handle(ProductCreated, { name: 'stock-rows-on-product-created' }, async (event, { em, log }) => {
      const opened = await openStockRows(em, event.payload.sku);
      log.debug({ sku: event.payload.sku, opened }, 'stock rows opened');
    }),
  ];
}
