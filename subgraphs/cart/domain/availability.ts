/**
 * Stock warnings (PO): out-of-stock and low-stock SKUs can be added, with a warning that they
 * may not be available at checkout. Availability never blocks a cart; inventory decides at
 * reservation time.
 */

/** What the cart's projection of inventory knows about a SKU (StockLevelChanged). */
export interface StockLevel {
  totalAvailable: number;
  lowStock: boolean;
  inStock: boolean;
}

export type CartWarningCode = 'OUT_OF_STOCK' | 'LOW_STOCK' | 'NOT_AVAILABLE';

export interface CartWarning {
  sku: string;
  code: CartWarningCode;
  message: string;
}

/**
 * The warning for `quantity` units of `sku` in a cart. No stock level known means inventory
 * never announced any units for the SKU (it announces every change of the total), so: out of
 * stock. Wanting more units than are available is as risky as low stock.
 */
export function availabilityWarning(sku: string, quantity: number, stock: StockLevel | null): CartWarning | null {
  if (!stock || !stock.inStock || stock.totalAvailable <= 0) {
    return { sku, code: 'OUT_OF_STOCK', message: `${sku} is out of stock and may not be available at checkout` };
  }
  if (stock.lowStock || quantity > stock.totalAvailable) {
    return { sku, code: 'LOW_STOCK', message: `${sku} is low on stock and may not be available at checkout` };
  }
  return null;
}

/** An item `reorder` left out: the product is not for sale now (or a cart limit kept it out). */
export const notAvailableWarning = (sku: string, reason: string): CartWarning => ({ sku, code: 'NOT_AVAILABLE', message: `${sku} was not added: ${reason}` });
