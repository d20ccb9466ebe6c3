import type { EntityManager } from '@mikro-orm/postgresql';
import { isNewer, type EventVersion } from '../domain/projections.js';
import type { Money } from '../domain/money.js';
import { ProjectionRepository } from '../store/projection.repository.js';

/** A catalog event's price of a SKU → orders' price projection, unless a newer one is stored. */
export async function projectPrice(em: EntityManager, rawSku: string, price: Money, version: EventVersion): Promise<void> {
  const record = await new ProjectionRepository(em).lockPrice(rawSku.trim().toUpperCase());
  if (!isNewer(version, record.version)) return;
  record.priceCents = price.cents;
  record.currency = price.currency;
  record.version = version;
}
