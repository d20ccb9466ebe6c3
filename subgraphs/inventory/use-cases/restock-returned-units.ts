import type { EntityManager } from '@mikro-orm/postgresql';
import type { PayloadOf } from '../../../events/contract.js';
import type { ReturnReceived } from '../../../events/contracts/returns/index.js';
import { moveUnits } from '../domain/stock-level.js';
import { writeInventory } from '../store/inventory-write.statement.js';
import { StockRepository } from '../store/stock.repository.js';
import { StockChanges } from './stock-changes.js';
import { SYSTEM_ACTOR, type Cause, type InventoryDeps } from './scope.js';

export type RestockOutcome = 'RESTOCKED' | 'NOTHING_ACCEPTED' | 'ALREADY_RESTOCKED';

/**
 * ReturnReceived (inside the handler's transaction): the units that passed inspection go back
 * from shipped to available at the warehouse that shipped them (movement RETURNED, reference =
 * the return id), so every unit is still counted once: received = available + reserved +
 * committed + shipped. Written-off units stay counted as shipped (they left for good).
 */
export async function restockReturnedUnits(deps: InventoryDeps, em: EntityManager, received: PayloadOf<typeof ReturnReceived>, cause: Cause): Promise<RestockOutcome> {
  const accepted = received.items.filter((item) => item.acceptedQuantity > 0);
  if (accepted.length === 0) return 'NOTHING_ACCEPTED';
  const stock = new StockRepository(em);
  const changes = new StockChanges(stock);
  await changes.lock(accepted.map((item) => item.sku));
  if (await stock.hasReturnMovement(received.returnId)) return 'ALREADY_RESTOCKED';
  for (const item of accepted) {
    changes.apply(item.sku, received.warehouseId, moveUnits('shipped', 'available', item.acceptedQuantity), {
      kind: 'RETURNED',
      actor: SYSTEM_ACTOR,
      reason: `returned by the customer (order ${received.orderId})`,
      reference: received.returnId,
    });
  }
  await writeInventory(em, {
    stock: changes.rowChanges,
    movements: changes.movements,
    outbox: changes.signals(deps.eventNamespace, { causationId: cause.causationId, correlationId: received.orderId }),
  });
  return 'RESTOCKED';
}
