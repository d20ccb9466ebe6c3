import type { Logger } from './logger.js';

export interface PeriodicJob {
  /** Stops the timer and waits for a run in flight, so shutdown never cuts one in half. */
  stop(): Promise<void>;
}

/**
 * Runs `work` every `everyMs`, never two at once (a tick while a run is in flight is skipped);
 * failures are logged and retried at the next tick. The work is durable state in PostgreSQL, so a
 * missed tick loses nothing, and every replica may run the same job. The one periodic-job helper of
 * every context (expiry sweeps, timeout pollers, purges, schedules).
 */
export function runPeriodically(
  name: string,
  everyMs: number,
  work: () => Promise<unknown>,
  log: Logger,
  options: { runAtStart?: boolean } = {},
): PeriodicJob {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = work()
      .then(
        () => undefined,
        (err: unknown) => log.warn({ err, job: name }, `${name} failed; will retry`),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  if (options.runAtStart) tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
