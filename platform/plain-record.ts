import type { EntityManager, EntitySchema } from '@mikro-orm/postgresql';

/**
 * A row read by hand, as the entity's record (columns to properties, values converted as the ORM
 * converts them: dates, JSON), but NOT put in the identity map. For code that writes its own
 * statements: a managed entity it changed would be written a second time by the unit of work.
 */
export function plainRecord<T extends object>(em: EntityManager, entity: EntitySchema<T>, row: Record<string, unknown>): T {
  return em.getDriver().mapResult(row as never, em.getMetadata().get<T>(entity.meta.className)) as T;
}
