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

  /** Whether a loop is paused in `wait` now (a notify would wake it at once). */
  get waiting(): boolean {
    return this.release !== undefined;
  }

  /**
   * Drops a remembered notify: for a loop about to look at everything the notify was about (a
   * read that starts after it), so the notify costs no second look that finds nothing.
   */
  forget(): void {
    this.pending = false;
  }

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.release = undefined;
        resolve();
      }
      this.release = done;
    });
  }
}

/** Exponential back-off for retry loops: 1×, 2×, 4× … the base, capped. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}
