/**
 * A FIFO admission gate: at most `maxInFlight` holders at once; later arrivals wait in arrival
 * order, at most `maxQueue` of them and each at most `maxWaitMs`. A freed slot goes straight to
 * the oldest waiter, never to a newcomer, so under a burst the early arrivals finish early
 * instead of every request sharing the CPU until all finish together (docs/performance.md,
 * "Admission control").
 */
export interface AdmissionSettings {
  /** 0: no limit (nobody waits). */
  maxInFlight: number;
  maxQueue: number;
  maxWaitMs: number;
}

export type RefusalReason = 'queue_full' | 'timed_out' | 'abandoned';

/** Why a request was not admitted: the queue was full, it waited too long, or its caller gave up. */
export class AdmissionRefused extends Error {
  constructor(readonly reason: RefusalReason) {
    super(reason === 'queue_full' ? 'admission queue full' : reason === 'timed_out' ? 'waited too long for admission' : 'abandoned while waiting for admission');
  }
}

/** A held slot; `release()` frees it (idempotent). */
export interface Ticket {
  /** How long the holder waited for its slot, in milliseconds. */
  waitedMs: number;
  release(): void;
}

interface Waiter {
  since: number;
  admit(ticket: Ticket): void;
  refuse(reason: RefusalReason): void;
}

export class AdmissionGate {
  private holders = 0;
  /** Waiters in arrival order (a Set keeps insertion order and removes a timed-out one in O(1)). */
  private readonly waiting = new Set<Waiter>();

  constructor(
    private readonly settings: AdmissionSettings,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get inFlight(): number {
    return this.holders;
  }

  get queueLength(): number {
    return this.waiting.size;
  }

  /**
   * A slot now, or once every earlier waiter has had one. Rejects with AdmissionRefused when the
   * queue is full, after `maxWaitMs`, or when `signal` aborts first.
   */
  admit(signal?: AbortSignal): Promise<Ticket> {
    if (signal?.aborted) return Promise.reject(new AdmissionRefused('abandoned'));
    const unlimited = this.settings.maxInFlight <= 0;
    if (unlimited || (this.holders < this.settings.maxInFlight && this.waiting.size === 0)) return Promise.resolve(this.ticket(0));
    if (this.waiting.size >= this.settings.maxQueue) return Promise.reject(new AdmissionRefused('queue_full'));
    return new Promise<Ticket>((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.waiting.delete(waiter);
      };
      const waiter: Waiter = {
        since: this.now(),
        admit: (ticket) => {
          leave();
          resolve(ticket);
        },
        refuse: (reason) => {
          leave();
          reject(new AdmissionRefused(reason));
        },
      };
      const onAbort = () => waiter.refuse('abandoned');
      const timer = setTimeout(() => waiter.refuse('timed_out'), this.settings.maxWaitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.add(waiter);
    });
  }

  private ticket(waitedMs: number): Ticket {
    this.holders++;
    let released = false;
    return {
      waitedMs,
      release: () => {
        if (released) return;
        released = true;
        this.holders--;
        this.handOver();
      },
    };
  }

  /** Free slots go to the oldest waiters. */
  private handOver(): void {
    while (this.holders < this.settings.maxInFlight) {
      const next = this.waiting.values().next();
      if (next.done) return;
      next.value.admit(this.ticket(this.now() - next.value.since));
    }
  }
}
