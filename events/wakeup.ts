/**
 * An interruptible pause for background loops: `wait(ms)` ends early when `notify()` is
 * called (a NOTIFY arrived, a drain was requested, the loop is stopping). A notify that comes
 * while nobody waits is remembered, so a wake-up that races with the work is never lost.
 */
export class Wakeup {
  private pending = false;
  private release: (() => void) | undefined;

  notify(): void {
    if (this.release) this.release();
    else this.pending = true;
  }

  /** Resolves true when notified, false when `ms` passed without a notification. */
  wait(ms: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const self = this;
      const timer = setTimeout(() => done(false), ms);
      function done(notified: boolean) {
        clearTimeout(timer);
        self.release = undefined;
        resolve(notified);
      }
      this.release = () => done(true);
    });
  }
}

/** Exponential back-off for retry loops: 1×, 2×, 4× … the base, capped. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}
