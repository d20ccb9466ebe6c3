import { requireStaff } from '../../../platform/auth.js';
import { notFound } from '../../../platform/errors.js';
import { recordEvent } from '../../../events/outbox.js';
import { ProductUpdated } from '../../../events/contracts/catalog/index.js';
import { changedFields, normaliseSku, validateProductChanges, type ProductChangesInput } from '../domain/product.js';
import { editBlockedReason } from '../domain/product-status.js';
import { toProduct, type ProductRecord } from '../store/product.entity.js';
import { ProductRepository } from '../store/product.repository.js';
import { invalidInput, type CatalogDeps, type CatalogScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

/** Changes descriptive fields; an update that changes nothing records no event. */
export async function updateProduct(deps: CatalogDeps, scope: CatalogScope, rawSku: string, input: ProductChangesInput): Promise<ProductRecord> {
  requireStaff(scope.caller, 'CATALOG_MANAGER');
  const checked = validateProductChanges(input);
  if (!checked.ok) throw invalidInput(checked.errors);
  const changes = checked.value;
  const sku = normaliseSku(rawSku);

  return inTransaction(scope.em, async (em) => {
    const record = await new ProductRepository(em).findBySkuForUpdate(sku);
    if (!record) throw notFound(`Product ${sku}`);
    const blocked = editBlockedReason(record.status);
    if (blocked) throw invalidInput({ sku: blocked });

    const fields = changedFields(toProduct(record), changes);
    if (!fields.length) return record;
    for (const field of fields) Object.assign(record, { [field]: changes[field] });
    recordEvent(em, deps.eventNamespace, ProductUpdated, { sku, changedFields: fields, product: toProduct(record) });
    return record;
  });
}
