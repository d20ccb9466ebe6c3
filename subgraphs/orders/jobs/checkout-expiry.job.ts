import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../../platform/database.js';
import type { Logger } from '../../../platform/logger.js';
import { abandonExpiredCheckouts } from '../use-cases/abandon-checkouts.js';
import { runPeriodically } from '../../../platform/periodic.js';

/**
 * Abandons checkouts untouched for CHECKOUT_TTL_MS (15 min) by the database clock, every
 * `everyMs`. Until the sweep gets to one, reads already show it ABANDONED and steps refuse it.
 */
export function startCheckoutExpiry(options: { orm: Orm; eventNamespace: string; ttlMs: number; everyMs: number; log: Logger }) {
  return runPeriodically(
    'checkout expiry sweep',
    options.everyMs,
    async () => {
      const abandoned = await abandonExpiredCheckouts(options.orm.em.fork() as EntityManager, options);
      if (abandoned) options.log.info({ abandoned }, 'abandoned checkouts left untouched');
    },
    options.log,
  );
}
