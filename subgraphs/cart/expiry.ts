import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../platform/database.js';
import type { Logger } from '../../platform/logger.js';
import { abandonExpiredCarts } from './use-cases/abandon-expired-carts.js';

/**
 * The guest-cart expiry job: every `everyMs`, abandons the guest carts whose last change is
 * older than `guestTtlMs` by the database clock. A cart therefore turns ABANDONED between its
 * `expiresAt` and one sweep interval later. Safe on every replica (claims skip locked rows).
 */
export function startCartExpiry(options: { orm: Orm; eventNamespace: string; guestTtlMs: number; everyMs: number; log: Logger }): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const sweep = async () => {
    try {
      const abandoned = await abandonExpiredCarts(options.orm.em.fork() as EntityManager, options);
      if (abandoned) options.log.info({ abandoned }, 'abandoned expired guest carts');
    } catch (err) {
      options.log.warn({ err }, 'guest cart expiry sweep failed; will retry');
    }
  };
  const timer = setInterval(() => {
    if (!running) running = sweep().finally(() => (running = undefined));
  }, options.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
