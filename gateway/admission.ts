/**
 * An admission gate: at most `maxInFlight` holders at once; later arrivals wait, at most
 * `maxQueue` of them and each at most `maxWaitMs`. A freed slot goes straight to the first waiter,
 * never to a newcomer, so under a burst the early arrivals finish early instead of every request
 * sharing the CPU until all finish together (docs/performance.md, "Admission control"). Waiters
 * are ordered by their place (`Place`): checkout steps before everything else, then the earliest
 * priority — the arrival time unless the caller gives an earlier one (the start of the shopper's
 * session or checkout, see admission-control.ts) — then arrival.
 *
 * Order has two exceptions, both so that a wait does not become an error. A newcomer's request (a
 * shopper who has not started yet) that has waited half of `maxWaitMs` goes before every other
 * waiter, oldest first: past that point the journeys in progress have had their head start, and
 * under a burst larger than the machine serves in a client's patience the late arrivals were
 * otherwise all passed over until their wait was nearly spent and then timed out behind each
 * other. And any request that has waited two thirds of `maxWaitMs` goes next, oldest first: with
 * checkout steps first, a journey's cart steps were otherwise passed over until the client gave up
 * (the shoppers profile's opening minute on a saturated machine).
 */
export interface AdmissionSettings {
  /** 0: no limit (nobody waits). */
  maxInFlight: number;
  maxQueue: number;
  maxWaitMs: number;
}

export type RefusalReason = 'queue_full' | 'timed_out' | 'abandoned';

/** Where a request queues (all optional: by default, in arrival order). */
export interface Place {
  /** Smaller goes first; never later than the arrival time. */
  priority?: number;
  /** A shopper's first request: goes first once it has waited half of `maxWaitMs`. */
  newcomer?: boolean;
  /** A checkout step (checkout-steps.ts): before every waiter that is not one. */
  checkout?: boolean;
}

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
  /** Admitted, refused or abandoned: no longer in `waiting` (the arrival lines drop it lazily). */
  gone: boolean;
  checkout: boolean;
  /** Smaller goes first; ties in arrival order. */
  priority: number;
  seq: number;
  admit(ticket: Ticket): void;
  refuse(reason: RefusalReason): void;
}

export class AdmissionGate {
  private holders = 0;
  /** Waiters by place (checkout step, priority, arrival): a sorted array — bounded by maxQueue, and inserts are a binary search and one move. */
  private readonly waiting: Waiter[] = [];
  /** The same waiters in arrival order, and the newcomers among them. */
  private readonly everyone = new ArrivalLine();
  private readonly newcomers = new ArrivalLine();
  private arrivals = 0;

  constructor(
    private readonly settings: AdmissionSettings,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get inFlight(): number {
    return this.holders;
  }

  get queueLength(): number {
    return this.waiting.length;
  }

  /**
   * A slot now, or once every waiter before its place has had one — or once it has waited half of
   * `maxWaitMs` (a newcomer) or two thirds of it (anyone). Rejects with AdmissionRefused when the
   * queue is full, after `maxWaitMs`, or when `signal` aborts first.
   */
  admit(signal?: AbortSignal, { priority, newcomer = false, checkout = false }: Place = {}): Promise<Ticket> {
    if (signal?.aborted) return Promise.reject(new AdmissionRefused('abandoned'));
    const unlimited = this.settings.maxInFlight <= 0;
    if (unlimited || (this.holders < this.settings.maxInFlight && this.waiting.length === 0)) return Promise.resolve(this.ticket(0));
    if (this.waiting.length >= this.settings.maxQueue) return Promise.reject(new AdmissionRefused('queue_full'));
    return new Promise<Ticket>((resolve, reject) => {
      const leave = () => {
        waiter.gone = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
      };
      const since = this.now();
      const waiter: Waiter = {
        since,
        gone: false,
        checkout,
        priority: Math.min(priority ?? since, since),
        seq: this.arrivals++,
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
      this.enqueue(waiter);
      this.everyone.push(waiter);
      if (newcomer) this.newcomers.push(waiter);
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

  private enqueue(waiter: Waiter): void {
    const before = (a: Waiter, b: Waiter) =>
      a.checkout !== b.checkout ? a.checkout : a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq);
    let low = 0;
    let high = this.waiting.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(this.waiting[mid]!, waiter)) low = mid + 1;
      else high = mid;
    }
    this.waiting.splice(low, 0, waiter);
  }

  /**
   * Free slots go to the first waiters: a newcomer that has waited half the maximum wait; else any
   * waiter that has waited two thirds of it, oldest first; else by place.
   */
  private handOver(): void {
    const { maxInFlight, maxWaitMs } = this.settings;
    while (this.holders < maxInFlight) {
      const now = this.now();
      const newcomer = this.newcomers.oldest();
      const oldest = this.everyone.oldest();
      const next =
        newcomer && now - newcomer.since >= maxWaitMs / 2 ? newcomer
        : oldest && now - oldest.since >= (maxWaitMs * 2) / 3 ? oldest
        : this.waiting[0];
      if (!next) return;
      next.admit(this.ticket(now - next.since));
    }
  }
}

/** Waiters in arrival order; those gone (admitted, refused, abandoned) are dropped lazily. */
class ArrivalLine {
  private line: Waiter[] = [];
  private head = 0;

  push(waiter: Waiter): void {
    this.line.push(waiter);
  }

  oldest(): Waiter | undefined {
    while (this.head < this.line.length && this.line[this.head]!.gone) this.head++;
    // drop the gone prefix now and then, not on every admission
    if (this.head > 1024 && this.head * 2 > this.line.length) {
      this.line = this.line.slice(this.head);
      this.head = 0;
    }
    return this.line[this.head];
  }
}
