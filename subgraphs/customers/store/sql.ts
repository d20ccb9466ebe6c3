import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A table of this context's schema, quoted, for the repositories' hand-written SQL (entities
 * get their schema from the ORM config; raw SQL does not go through the search path).
 */
export function qualified(em: EntityManager, table: string): string {
  const schema = em.config.get('schema') ?? 'public';
  return `"${schema.replace(/"/g, '""')}"."${table}"`;
}
