import { handle, type EventHandler } from '../../../events/handler.js';
import { ReturnReceived } from '../../../events/contracts/returns/index.js';
import { restockReturnedUnits } from '../use-cases/restock-returned-units.js';
import type { InventoryDeps } from '../use-cases/scope.js';

/** Returns' receipts → returned units back on the shelf. */
export function returnHandlers(deps: InventoryDeps): EventHandler[] {
  return [
    handle(ReturnReceived, { name: 'restock-on-return-received', maxDeliver: 5, backoffMs: [500, 2_000, 10_000, 30_000] }, async (event, { em, log }) => {
      const outcome = await restockReturnedUnits(deps, em, event.payload, { causationId: event.id, customerId: event.customerId });
      log.info({ orderId: event.payload.orderId, returnId: event.payload.returnId, outcome }, 'return received');
    }),
  ];
}
