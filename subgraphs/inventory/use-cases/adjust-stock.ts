import { requireStaff } from '../../../platform/auth.js';
import { badInput } from '../../../platform/errors.js';
import { validateAdjustment, type AdjustmentInput } from '../domain/stock-adjustment.js';
import { applyDelta, type StockLevel } from '../domain/stock-level.js';
import { writeInventory } from '../store/inventory-write.statement.js';
import { StockRepository } from '../store/stock.repository.js';
import { lockStockRow } from './stock-row.js';
import { StockChanges } from './stock-changes.js';
import { invalidInput, type InventoryDeps, type InventoryScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * WAREHOUSE/ADMIN: corrects a warehouse's available units with a reason (count, damage, loss).
 * Units reserved or committed for orders are out of reach: available never goes below zero.
 * The check runs on the locked row, so a reservation taking units at the same moment is seen.
 */
export async function adjustStock(deps: InventoryDeps, scope: InventoryScope, input: AdjustmentInput): Promise<StockLevel> {
  const staff = requireStaff(scope.caller, 'WAREHOUSE');
  const checked = validateAdjustment(input);
  if (!checked.ok) throw invalidInput(checked.errors);
  const adjustment = checked.value;

  return inTransaction(scope.em, async (em) => {
    const changes = new StockChanges(new StockRepository(em));
    const current = await lockStockRow(changes, adjustment.sku, adjustment.warehouseId);
    if (!applyDelta(current, { available: adjustment.delta }).ok) {
      throw badInput(`Only ${current.available} available at ${adjustment.warehouseId}: the adjustment would take stock below zero`, {
        delta: `must be at least -${current.available}`,
      });
    }
    const row = changes.apply(adjustment.sku, adjustment.warehouseId, { available: adjustment.delta }, {
      kind: 'ADJUSTED',
      actor: staff.subject,
      reason: adjustment.reason,
      reference: null,
    });
    await writeInventory(em, { stock: changes.rowChanges, movements: changes.movements, outbox: changes.signals(deps.eventNamespace, {}) });
    return row;
  });
}
