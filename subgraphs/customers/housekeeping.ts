import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../platform/database.js';
import { runPeriodically, type PeriodicJob } from '../../platform/jobs.js';
import type { Logger } from '../../platform/logger.js';
import { LoginThrottleRepository } from './store/login-throttle.repository.js';
import { AddressInUseRepository } from './store/address-in-use.repository.js';

/** Rows of checkouts that ended this long ago can no longer be contradicted by a late event. */
const ENDED_CHECKOUT_RETENTION_MS = 30 * 24 * 3600_000;
const EVERY_MS = 10 * 60_000;

/**
 * Purges sign-in failures that left the throttle window and projection rows of long-ended
 * checkouts. Idempotent deletes, so every replica may run it.
 */
export function startHousekeeping(options: { orm: Orm; loginWindowMs: number; log: Logger; everyMs?: number }): PeriodicJob {
  return runPeriodically(
    'customers housekeeping',
    options.everyMs ?? EVERY_MS,
    async () => {
      const em = options.orm.em.fork() as EntityManager;
      const failures = await new LoginThrottleRepository(em).purgeOlderThan(options.loginWindowMs);
      const checkouts = await new AddressInUseRepository(em).purgeEndedBefore(new Date(Date.now() - ENDED_CHECKOUT_RETENTION_MS));
      if (failures || checkouts) options.log.info({ failures, checkouts }, 'purged expired rows');
    },
    options.log,
  );
}
