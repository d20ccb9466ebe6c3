import { requireStaff } from '../../../platform/auth.js';
import { validateReceipt, type ReceiptInput } from '../domain/stock-adjustment.js';
import type { StockLevel } from '../domain/stock-level.js';
import { writeInventory } from '../store/inventory-write.statement.js';
import { StockRepository } from '../store/stock.repository.js';
import { lockStockRow } from './stock-row.js';
import { StockChanges } from './stock-changes.js';
import { invalidInput, type InventoryDeps, type InventoryScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * WAREHOUSE/ADMIN: units arrive at a warehouse (a supplier delivery, a return to stock). The SKU
 * must be a catalogue product (inventory opens its rows on ProductCreated), else NOT_FOUND.
 */
export async function receiveStock(deps: InventoryDeps, scope: InventoryScope, input: ReceiptInput): Promise<StockLevel> {
  const staff = requireStaff(scope.caller, 'WAREHOUSE');
  const checked = validateReceipt(input);
  if (!checked.ok) throw invalidInput(checked.errors);
  const receipt = checked.value;

  return inTransaction(scope.em, async (em) => {
    const changes = new StockChanges(new StockRepository(em));
    await lockStockRow(changes, receipt.sku, receipt.warehouseId);
    const row = changes.apply(receipt.sku, receipt.warehouseId, { available: receipt.quantity }, {
      kind: 'RECEIVED',
      actor: staff.subject,
      reason: 'received',
      reference: receipt.reference,
    });
    await writeInventory(em, { stock: changes.rowChanges, movements: changes.movements, outbox: changes.signals(deps.eventNamespace, {}) });
    return row;
  });
}
