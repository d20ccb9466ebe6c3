import type { Orm } from '../../../platform/database.js';
import type { Logger } from '../../../platform/logger.js';
import { expireDueReservations } from '../use-cases/expire-reservations.js';
import type { InventoryDeps } from '../use-cases/scope.js';

/**
 * The 30-minute expiry as a durable job: the deadline is a column of the reservation row (set by
 * the database clock when reserving), so nothing is lost on restart; this poller, in every
 * replica, claims due rows with SKIP LOCKED every `pollMs`. Ticks never overlap.
 */
export function startReservationExpiry(options: { orm: Orm; deps: InventoryDeps; pollMs: number; log: Logger }): { stop(): Promise<void> } {
  const { orm, deps, pollMs, log } = options;
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = expireDueReservations(deps, orm)
      .then(
        (expired) => {
          if (expired) log.info({ expired }, 'reservations expired');
        },
        (err: unknown) => log.error({ err }, 'reservation expiry failed; will try again at the next tick'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
