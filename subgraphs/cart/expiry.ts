import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../platform/database.js';
import { runPeriodically, type PeriodicJob } from '../../platform/jobs.js';
import type { Logger } from '../../platform/logger.js';
import { abandonExpiredCarts } from './use-cases/abandon-expired-carts.js';

/**
 * The guest-cart expiry job: every `everyMs`, abandons the guest carts whose last change is
 * older than `guestTtlMs` by the database clock. A cart therefore turns ABANDONED between its
 * `expiresAt` and one sweep interval later. Safe on every replica (claims skip locked rows).
 */
export function startCartExpiry(options: { orm: Orm; eventNamespace: string; guestTtlMs: number; everyMs: number; log: Logger }): PeriodicJob {
  return runPeriodically(
    'guest cart expiry sweep',
    options.everyMs,
    async () => {
      const abandoned = await abandonExpiredCarts(options.orm.em.fork() as EntityManager, options);
      if (abandoned) options.log.info({ abandoned }, 'abandoned expired guest carts');
    },
    options.log,
  );
}
