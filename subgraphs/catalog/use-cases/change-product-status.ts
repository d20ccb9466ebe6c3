import { requireStaff } from '../../../platform/auth.js';
import { notFound } from '../../../platform/errors.js';
import { recordEvent } from '../../../events/outbox.js';
import { ProductStatusChanged } from '../../../events/contracts/catalog/index.js';
import { normaliseSku, type ProductStatus } from '../domain/product.js';
import { decideStatusChange } from '../domain/product-status.js';
import type { ProductRecord } from '../store/product.entity.js';
import { ProductRepository } from '../store/product.repository.js';
import { invalidInput, type CatalogDeps, type CatalogScope } from './scope.js';
import { inTransaction } from '../../../platform/database.js';

export const MAX_STATUS_REASON_LENGTH = 500;

export async function changeProductStatus(
  deps: CatalogDeps,
  scope: CatalogScope,
  rawSku: string,
  status: ProductStatus,
  rawReason?: string | null,
): Promise<ProductRecord> {
  const staff = requireStaff(scope.caller, 'CATALOG_MANAGER');
  const reason = rawReason?.trim() || null;
  if (reason && reason.length > MAX_STATUS_REASON_LENGTH) throw invalidInput({ reason: `must be at most ${MAX_STATUS_REASON_LENGTH} characters` });
  const sku = normaliseSku(rawSku);

  return inTransaction(scope.em, async (em) => {
    const record = await new ProductRepository(em).findBySkuForUpdate(sku);
    if (!record) throw notFound(`Product ${sku}`);

    const decision = decideStatusChange(record.status, status, { isAdmin: staff.role === 'ADMIN' });
    if (decision.kind === 'rejected') throw invalidInput({ status: decision.message });
    if (decision.kind === 'unchanged') return record;
    record.status = decision.to;
    recordEvent(em, deps.eventNamespace, ProductStatusChanged, { sku, previousStatus: decision.from, status: decision.to, reason });
    return record;
  });
}
