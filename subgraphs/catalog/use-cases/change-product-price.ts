import { requireStaff } from '../../../platform/auth.js';
import { notFound } from '../../../platform/errors.js';
import { recordEvent } from '../../../events/outbox.js';
import { ProductPriceChanged } from '../../../events/contracts/catalog/index.js';
import { sameMoney, validatePrice, type MoneyInput } from '../domain/money.js';
import { normaliseSku } from '../domain/product.js';
import { editBlockedReason } from '../domain/product-status.js';
import { toProduct, type ProductRecord } from '../store/product.entity.js';
import { ProductRepository } from '../store/product.repository.js';
import { invalidInput, type CatalogDeps, type CatalogScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/** Every actual price change publishes old and new price (carts and checkouts detect drift with it). */
export async function changeProductPrice(deps: CatalogDeps, scope: CatalogScope, rawSku: string, input: MoneyInput): Promise<ProductRecord> {
  requireStaff(scope.caller, 'CATALOG_MANAGER');
  const price = validatePrice(input);
  if (!price.ok) throw invalidInput(price.errors);
  const sku = normaliseSku(rawSku);

  return inTransaction(scope.em, async (em) => {
    const record = await new ProductRepository(em).findBySkuForUpdate(sku);
    if (!record) throw notFound(`Product ${sku}`);
    const blocked = editBlockedReason(record.status);
    if (blocked) throw invalidInput({ sku: blocked });

    const previousPrice = toProduct(record).price;
    if (sameMoney(previousPrice, price.value)) return record;
    record.priceCents = price.value.cents;
    record.currency = price.value.currency;
    recordEvent(em, deps.eventNamespace, ProductPriceChanged, { sku, previousPrice, currentPrice: price.value });
    return record;
  });
}
