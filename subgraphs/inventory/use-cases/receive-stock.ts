import { requireStaff } from '../../../platform/auth.js';
import { notFound } from '../../../platform/errors.js';
import { validateReceipt, type ReceiptInput } from '../domain/stock-adjustment.js';
import type { StockLevel } from '../domain/stock-level.js';
import { WAREHOUSE_IDS, findWarehouse } from '../domain/warehouses.js';
import { StockRepository } from '../store/stock.repository.js';
import { StockChanges } from './stock-changes.js';
import { invalidInput, type InventoryDeps, type InventoryScope } from './scope.js';

/** WAREHOUSE/ADMIN: units arrive at a warehouse. A SKU seen for the first time gets its rows. */
export async function receiveStock(deps: InventoryDeps, scope: InventoryScope, input: ReceiptInput): Promise<StockLevel> {
  const staff = requireStaff(scope.caller, 'WAREHOUSE');
  const checked = validateReceipt(input);
  if (!checked.ok) throw invalidInput(checked.errors);
  const receipt = checked.value;
  if (!findWarehouse(receipt.warehouseId)) throw notFound(`Warehouse ${receipt.warehouseId}`);

  return scope.em.transactional(async (em) => {
    const stock = new StockRepository(em);
    await stock.ensureRows([receipt.sku], WAREHOUSE_IDS);
    const changes = new StockChanges(stock);
    await changes.lock([receipt.sku]);
    const row = await changes.apply(receipt.sku, receipt.warehouseId, { available: receipt.quantity }, {
      kind: 'RECEIVED',
      actor: staff.subject,
      reason: 'received',
      reference: receipt.reference,
    });
    changes.recordSignals(em, deps.eventNamespace, {});
    return row;
  });
}
