import type { EntityManager } from '@mikro-orm/postgresql';
import { Wakeup, backoffDelay } from '../../../events/wakeup.js';
import type { Orm } from '../../../platform/database.js';
import type { Logger } from '../../../platform/logger.js';
import { sendDue, type SenderDeps } from '../use-cases/send-due-notifications.js';

/**
 * Rings the sender when an e-mail was queued (after its transaction committed): one worker looks
 * at once instead of at its next poll. Created before the handlers and the sender that share it.
 */
export class SenderDoorbell {
  private readonly wakeups: Wakeup[] = [];
  private next = 0;

  /** For startSender: one per worker. */
  attach(wakeup: Wakeup): void {
    this.wakeups.push(wakeup);
  }

  /**
   * Wakes a worker that is waiting, if one is: a busy one would leave the e-mail for after its own
   * SMTP conversation. With every worker busy, one of them in turn remembers the ring and looks
   * again when done — unless a look it starts before then already covers the ring (startSender).
   */
  ring(): void {
    if (!this.wakeups.length) return;
    const idle = this.wakeups.find((wakeup) => wakeup.waiting);
    (idle ?? this.wakeups[this.next++ % this.wakeups.length]!).notify();
  }
}

/**
 * The sender: `workers` loops that each send due e-mails, a batch at a time, until none is due,
 * then wait for the doorbell (an e-mail queued in this process) or `pollMs` (retries coming due,
 * e-mails queued by another replica or left by a crash). The schedule is the rows' next_attempt_at
 * in PostgreSQL, so it survives restarts, and any number of replicas share it.
 */
export function startSender(options: { orm: Orm; deps: SenderDeps; pollMs: number; workers: number; log: Logger; doorbell?: SenderDoorbell }): { stop(): Promise<void> } {
  const { orm, deps, pollMs, log } = options;
  const wakeups = Array.from({ length: options.workers }, () => new Wakeup());
  wakeups.forEach((wakeup) => options.doorbell?.attach(wakeup));
  let stopping = false;

  const loop = async (wakeup: Wakeup): Promise<void> => {
    let failures = 0;
    while (!stopping) {
      try {
        // This look reads what every ring heard so far announced (a ring follows its commit), so a
        // ring remembered while the worker was busy is answered by it, not by another look after
        // it that would find nothing.
        wakeup.forget();
        const { moreDue } = await sendDue(orm.em.fork() as EntityManager, deps, log);
        failures = 0;
        // nothing else was due when this turn began: what comes due later rings the doorbell (queued
        // here, remembered even if rung while busy) or is found by the poll (retries, other replicas)
        if (!moreDue) await wakeup.wait(pollMs);
      } catch (err) {
        // PostgreSQL unreachable, or the transaction died after the SMTP server accepted: the row
        // is still QUEUED and is sent again (same Message-ID) once the database answers
        failures++;
        const retryInMs = backoffDelay(failures, pollMs, 30_000);
        log.error({ err, retryInMs }, 'sender failed; retrying');
        await wakeup.wait(retryInMs);
      }
    }
  };

  const loops = wakeups.map((wakeup) => loop(wakeup));
  return {
    async stop() {
      stopping = true;
      wakeups.forEach((wakeup) => wakeup.notify());
      await Promise.all(loops);
      deps.mailer.close();
    },
  };
}
