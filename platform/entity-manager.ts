import { SqlEntityManager } from '@mikro-orm/knex';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';

/**
 * Whether `em`'s unit of work has nothing a flush would look at: no entity loaded (a loaded one
 * may have been changed), none persisted, none removed. The hot paths write with statements of
 * their own and leave it so.
 */
export function holdsNoEntities(em: EntityManager): boolean {
  const uow = em.getUnitOfWork();
  return uow.getIdentityMap().values().length === 0 && uow.getPersistStack().size === 0 && uow.getRemoveStack().size === 0;
}

/**
 * MikroORM's EntityManager, except that flushing a unit of work that holds nothing returns at
 * once (every commit flushes first). MikroORM runs each flush inside an AsyncLocalStorage context,
 * and on Node 20 entering one turns a promise hook on for the rest of the process: every promise
 * and async resource created after it pays for the hook, 2–5 % of a context's CPU
 * (docs/performance.md). An empty flush would only have dispatched flush events without change
 * sets, which nothing here acts on (events/outbox-signal.ts reads change sets; commit events
 * come from the connection, not the flush). A context that flushes entities still turns the hook
 * on, from its first such flush.
 */
export class ContextEntityManager extends SqlEntityManager<PostgreSqlDriver> {
  override async flush(): Promise<void> {
    if (holdsNoEntities(this as unknown as EntityManager)) return;
    await super.flush();
  }
}
