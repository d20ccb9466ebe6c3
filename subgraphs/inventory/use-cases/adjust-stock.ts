import { requireStaff } from '../../../platform/auth.js';
import { badInput, notFound } from '../../../platform/errors.js';
import { validateAdjustment, type AdjustmentInput } from '../domain/stock-adjustment.js';
import { applyDelta, EMPTY_BUCKETS, type StockLevel } from '../domain/stock-level.js';
import { WAREHOUSE_IDS, findWarehouse } from '../domain/warehouses.js';
import { StockRepository } from '../store/stock.repository.js';
import { StockChanges } from './stock-changes.js';
import { invalidInput, type InventoryDeps, type InventoryScope } from './scope.js';

/**
 * WAREHOUSE/ADMIN: corrects a warehouse's available units with a reason (count, damage, loss).
 * Units reserved or committed for orders are out of reach: available never goes below zero.
 */
export async function adjustStock(deps: InventoryDeps, scope: InventoryScope, input: AdjustmentInput): Promise<StockLevel> {
  const staff = requireStaff(scope.caller, 'WAREHOUSE');
  const checked = validateAdjustment(input);
  if (!checked.ok) throw invalidInput(checked.errors);
  const adjustment = checked.value;
  if (!findWarehouse(adjustment.warehouseId)) throw notFound(`Warehouse ${adjustment.warehouseId}`);

  return scope.em.transactional(async (em) => {
    const stock = new StockRepository(em);
    // a removal needs existing rows; opening zero rows for it would be pointless, so only add them for additions
    if (adjustment.delta > 0) await stock.ensureRows([adjustment.sku], WAREHOUSE_IDS);
    const changes = new StockChanges(stock);
    await changes.lock([adjustment.sku]);
    const current = changes.level(adjustment.sku, adjustment.warehouseId) ?? EMPTY_BUCKETS;
    if (!applyDelta(current, { available: adjustment.delta }).ok) {
      throw badInput(`Only ${current.available} available at ${adjustment.warehouseId}: the adjustment would take stock below zero`, {
        delta: `must be at least -${current.available}`,
      });
    }
    const row = await changes.apply(adjustment.sku, adjustment.warehouseId, { available: adjustment.delta }, {
      kind: 'ADJUSTED',
      actor: staff.subject,
      reason: adjustment.reason,
      reference: null,
    });
    changes.recordSignals(em, deps.eventNamespace, {});
    return row;
  });
}
