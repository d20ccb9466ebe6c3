import type { EntityManager } from '@mikro-orm/postgresql';
import { applyProductFacts, type EventVersion, type ProductFacts } from '../domain/projections.js';
import { normaliseSku } from '../domain/sku.js';
import { ProjectionRepository, toProductProjection } from '../store/projection.repository.js';

/**
 * Applies what one catalog event says about a product to the cart's projection (inside the
 * handler's transaction). Older facts than the stored ones are ignored (see domain/projections.ts).
 */
export async function projectProductFacts(em: EntityManager, rawSku: string, facts: ProductFacts, version: EventVersion): Promise<void> {
  const record = await new ProjectionRepository(em).lockProduct(normaliseSku(rawSku));
  const next = applyProductFacts(toProductProjection(record), facts, version);
  record.name = next.name;
  record.priceCents = next.price?.cents ?? null;
  record.currency = next.price?.currency ?? null;
  record.status = next.status;
  record.detailsVersion = next.detailsVersion;
  record.priceVersion = next.priceVersion;
  record.statusVersion = next.statusVersion;
}
