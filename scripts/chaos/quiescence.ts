import { sleep } from '../cluster/ports.js';
import type { SystemProbe } from './system-probe.js';

/** What still moves: while any of it is non-zero the system has not settled. */
export interface Activity {
  /** Orders the saga has not brought to a resting state (PLACED). */
  placed: number;
  /** Parcels with the (simulated) carrier. */
  inTransit: number;
  /** Refunds payments has not finished. */
  pendingRefunds: number;
  /** Unpublished outbox rows per schema. */
  pendingOutbox: Record<string, number>;
  /** Durable consumers with messages not yet delivered or not yet acknowledged. */
  busyConsumers: string[];
  /** E-mails waiting for their first or next attempt. */
  queuedEmails: number;
}

export async function activity(probe: SystemProbe): Promise<Activity> {
  const [placed, inTransit, pendingRefunds, pendingOutbox, consumers, queuedEmails] = await Promise.all([
    probe.count(`select count(*) as n from orders.customer_order where status = 'PLACED'`),
    probe.count(`select count(*) as n from fulfillment.shipment where status = 'DISPATCHED'`),
    probe.count(`select count(*) as n from payments.refund where status = 'PENDING'`),
    probe.pendingOutbox(),
    probe.consumers(),
    probe.count(`select count(*) as n from notifications.notification where status = 'QUEUED'`),
  ]);
  const busyConsumers = consumers.filter((c) => c.pending > 0 || c.ackPending > 0).map((c) => `${c.name} (${c.pending} pending, ${c.ackPending} unacked)`);
  return { placed, inTransit, pendingRefunds, pendingOutbox, busyConsumers, queuedEmails };
}

export const isQuiet = (a: Activity): boolean =>
  a.placed === 0 && a.inTransit === 0 && a.pendingRefunds === 0 && Object.keys(a.pendingOutbox).length === 0 && a.busyConsumers.length === 0 && a.queuedEmails === 0;

export const describeActivity = (a: Activity): string =>
  [
    a.placed && `${a.placed} PLACED`,
    a.inTransit && `${a.inTransit} in transit`,
    a.pendingRefunds && `${a.pendingRefunds} refunds pending`,
    a.queuedEmails && `${a.queuedEmails} e-mails queued`,
    Object.keys(a.pendingOutbox).length && `outbox pending ${JSON.stringify(a.pendingOutbox)}`,
    a.busyConsumers.length && `busy consumers: ${a.busyConsumers.slice(0, 4).join(', ')}${a.busyConsumers.length > 4 ? ', …' : ''}`,
  ]
    .filter(Boolean)
    .join('; ') || 'nothing';

/**
 * Waits (bounded) until nothing moves: no order is PLACED, no parcel in transit, no refund
 * pending, no e-mail queued, no outbox row unpublished and every durable consumer drained and acknowledged — seen
 * twice in a row, a second apart. Resolves with the last observation (quiet or not).
 */
export async function waitForQuiescence(probe: SystemProbe, options: { timeoutMs: number; say: (line: string) => void; clock: () => number }): Promise<{ quiet: boolean; waitedS: number; last: Activity | undefined }> {
  const started = Date.now();
  let last: Activity | undefined;
  let quietBefore = false;
  let lastReport = 0;
  while (Date.now() - started < options.timeoutMs) {
    try {
      last = await activity(probe);
      const quiet = isQuiet(last);
      if (quiet && quietBefore) return { quiet: true, waitedS: (Date.now() - started) / 1000, last };
      quietBefore = quiet;
    } catch {
      quietBefore = false; // the probe itself hit a fault; look again
    }
    if (Date.now() - lastReport > 15_000 && last) {
      lastReport = Date.now();
      options.say(`+${options.clock().toFixed(1)}s  waiting for quiescence: ${describeActivity(last)}`);
    }
    await sleep(1_000);
  }
  return { quiet: false, waitedS: (Date.now() - started) / 1000, last };
}
