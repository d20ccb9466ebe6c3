import type { Logger } from './logger.js';

/**
 * Runs `work` every `everyMs`, never two at once; failures are logged and retried at the next
 * tick (the work is durable state in PostgreSQL, so a missed tick loses nothing).
 */
export function runPeriodically(name: string, everyMs: number, work: () => Promise<unknown>, log: Logger): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = work()
      .then(
        () => undefined,
        (err: unknown) => log.warn({ err }, `${name} failed; will retry`),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
