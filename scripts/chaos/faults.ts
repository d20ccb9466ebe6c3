import type { SubgraphName } from '../../platform/config.js';
import type { Cluster, ProcessName } from '../cluster/cluster.js';
import { sleep, waitUntil } from '../cluster/ports.js';
import type { SmtpSink } from '../cluster/smtp-sink.js';
import type { BrokerLink } from './broker-link.js';
import { zeroCounters, type MessagingCounters, type ProcessMetrics } from './process-metrics.js';
import type { Random } from '../cluster/random.js';
import type { SystemProbe } from './system-probe.js';

/** One injected fault, as the summary prints it. */
export interface FaultRecord {
  name: string;
  /** Seconds since the run's clock started. */
  startedAt: number;
  endedAt: number;
  what: string;
  /** What shows the intended window was hit (filled in as the fault runs; completed by the summary). */
  evidence: string[];
  /** The process incarnation whose counters show the aftermath, and their values when the fault began. */
  watched?: { name: ProcessName; incarnation: number; baseline: MessagingCounters };
}

/** Consumers whose redeliveries come back within the run: payments' handlers wait 120 s for an ack. */
const KILLABLE_CONSUMERS: SubgraphName[] = ['orders', 'inventory', 'fulfillment', 'cart', 'customers', 'notifications'];

export interface FaultSettings {
  /** ORDER_CONFIRMATION_TIMEOUT_MS given to the processes. */
  confirmationTimeoutMs: number;
  /** The ack wait of the subgraph paused by {@link FaultInjector.pauseBeyondAckWait} (the kit's default, 30 s). */
  ackWaitMs: number;
}

/**
 * The faults, each one on its own and logged with timestamps. Processes are signalled by pid
 * through the cluster (only what it started); the broker and database are the run's own.
 */
export class FaultInjector {
  readonly log: FaultRecord[] = [];

  constructor(
    private readonly cluster: Cluster,
    private readonly links: Map<ProcessName, BrokerLink>,
    private readonly probe: SystemProbe,
    private readonly metrics: ProcessMetrics,
    private readonly random: Random,
    private readonly settings: FaultSettings,
    private readonly clock: () => number,
    private readonly say: (line: string) => void,
  ) {}

  /** kill -9 nats-server, leave it down a moment, start it again on the same store. */
  natsKill(): Promise<FaultRecord> {
    return this.record('nats-kill', 'kill -9 nats-server, down 2 s, restarted on the same store', async (record) => {
      const nats = this.cluster.nats!;
      record.evidence.push(`pid ${nats.pid} killed`);
      await nats.kill();
      await sleep(2_000);
      await nats.start();
      record.evidence.push(`back as pid ${nats.pid}`);
    });
  }

  /**
   * The mail server goes away (connections cut, nothing listening) and comes back on the same port:
   * e-mails due meanwhile fail their attempt and are retried on notifications' schedule.
   */
  smtpOutage(sink: SmtpSink, downMs: number): Promise<FaultRecord> {
    return this.record('smtp-outage', `SMTP server stopped for ${downMs / 1000} s, then started on the same port`, async (record) => {
      const acceptedBefore = sink.received.length;
      await sink.stop();
      await sleep(downMs);
      const waiting = await this.probe.count(`select count(*) as n from notifications.notification where status = 'QUEUED' and attempts > 0`);
      record.evidence.push(`${acceptedBefore} e-mails accepted before; ${waiting} waiting for a retry after a failed attempt when it came back`);
      await sink.start();
    });
  }

  /** `pg_ctl restart -m fast`: every session is cut, transactions in flight roll back. */
  postgresRestart(): Promise<FaultRecord> {
    return this.record('postgres-restart', 'pg_ctl restart -m fast', async (record) => {
      const before = this.cluster.postgres!.postmasterPid();
      await this.cluster.postgres!.restartFast();
      record.evidence.push(`postmaster ${before} → ${this.cluster.postgres!.postmasterPid()}`);
    });
  }

  /**
   * kill -9 a busy consumer between its commits and its acks: its link to the broker is held in
   * the process→broker direction, so the handlers already running commit in PostgreSQL while their
   * acks stay in the link; then the process is killed and the held acks dropped. The broker
   * redelivers those messages after the ack wait; the restarted process's inbox must absorb them.
   */
  consumerKill(): Promise<FaultRecord> {
    return this.record('consumer-kill', 'kill -9 a busy consumer between commit and ack, then restart it', async (record) => {
      const target = await this.busiestConsumer();
      const link = this.links.get(target)!;
      record.what = `kill -9 ${target} (a busy consumer) between commit and ack, then restart it`;
      link.holdFromProcess();
      const holdStarted = Date.now();
      await waitUntil(() => Date.now() - holdStarted > 1_500 && link.heldAcks() >= 3, { timeoutMs: 8_000, what: 'acks to pile up' }).catch(() => undefined);
      const acks = link.heldAcks();
      await this.metrics.scrape(target);
      await this.kill(target, record);
      link.sever();
      record.evidence.push(`${acks} ack(s) of committed messages dropped with the process (window hit ${acks > 0 ? 'yes' : 'NO'})`);
      await this.restart(target, record);
    });
  }

  /**
   * kill -9 the process whose outbox relay is busiest between a publish and the update that marks
   * it: the link is held in the broker→process direction, so the relay's publish is stored in the
   * stream but its PubAck never arrives and the row stays unmarked. After the restart
   * the relay publishes the row again with the same msgID; JetStream must drop it as a duplicate.
   */
  relayKill(): Promise<FaultRecord> {
    return this.record('relay-kill', 'kill -9 an outbox relay between publish and marking, then restart it', async (record) => {
      const recent = await this.probe.recentOutboxRows(15);
      const target = (Object.entries(recent).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'orders') as SubgraphName;
      record.what = `kill -9 ${target} (busiest outbox relay) between publish and marking, then restart it`;
      const stream = `${this.probe.namespace}_${target}`.toUpperCase();
      const before = (await this.probe.streamMessages(stream)).lastSeq;
      const link = this.links.get(target)!;
      link.holdFromBrokerAfterPublishTo(`${this.probe.namespace}.${target}.`);
      await waitUntil(() => link.publishesWatched > 0, { timeoutMs: 30_000, what: `${target}'s relay to publish` }).catch(() => undefined);
      await sleep(300); // let the broker store it
      const after = (await this.probe.streamMessages(stream)).lastSeq;
      // the relay marks rows only once their PubAcks are in: what the stream stored is still pending
      const unmarked = await this.probe.count(`select count(*) as n from "${target}".outbox where published_at is null`, []).catch(() => 0);
      await this.metrics.scrape(target);
      await this.kill(target, record);
      link.sever();
      record.evidence.push(
        `${link.publishesWatched} publish(es) sent, stream ${stream} grew by ${after - before}, outbox rows not yet marked published: ${unmarked} (window hit ${after > before && unmarked > 0 ? 'yes' : 'NO'})`,
      );
      await this.restart(target, record);
    });
  }

  /**
   * SIGSTOP payments for longer than the order confirmation timeout, then SIGCONT: orders placed
   * meanwhile cannot be authorized in time and go ON_HOLD (compensation: stock released, payment
   * voided once payments answers again).
   */
  pausePayments(): Promise<FaultRecord> {
    const pauseMs = this.settings.confirmationTimeoutMs + 5_000;
    return this.record('pause-payments', `SIGSTOP payments for ${pauseMs / 1000} s (> the ${this.settings.confirmationTimeoutMs / 1000} s confirmation timeout), then SIGCONT`, async (record) => {
      record.evidence.push(`pid ${this.cluster.process('payments')?.pid}`);
      await this.pause('payments', pauseMs);
    });
  }

  /**
   * SIGSTOP inventory (a busy consumer; its handlers' ack wait is 30 s) for longer than its ack
   * wait, then SIGCONT: the broker redelivers what the frozen process holds; when it resumes it
   * finishes the first deliveries and its inbox absorbs the second ones.
   */
  pauseBeyondAckWait(target: SubgraphName = 'inventory'): Promise<FaultRecord> {
    const pauseMs = this.settings.ackWaitMs + 5_000;
    return this.record('pause-beyond-ack-wait', `SIGSTOP ${target} for ${pauseMs / 1000} s (> its ${this.settings.ackWaitMs / 1000} s ack wait), then SIGCONT`, async (record) => {
      await this.metrics.scrape(target);
      const incarnation = this.cluster.incarnation(target);
      record.watched = { name: target, incarnation, baseline: this.metrics.of(target, incarnation) ?? zeroCounters() };
      record.evidence.push(`pid ${this.cluster.process(target)?.pid}`);
      await this.pause(target, pauseMs);
    });
  }

  /**
   * Adds to each fault what its process counted since (call once the system is quiet again, before
   * anything else happens): redeliveries received, how many the inbox absorbed as already handled,
   * and re-published rows JetStream dropped as duplicates.
   */
  async noteAftermath(): Promise<void> {
    for (const record of this.log) {
      if (!record.watched) continue;
      const { name, incarnation, baseline } = record.watched;
      await this.metrics.scrape(name);
      const now = this.metrics.of(name, incarnation) ?? zeroCounters();
      record.evidence.push(
        `then ${name} (incarnation ${incarnation}) got ${now.redeliveries - baseline.redeliveries} redelivery(ies), its inbox absorbed ${now.inboxDuplicates - baseline.inboxDuplicates} already-handled message(s), JetStream dropped ${now.publishDuplicates - baseline.publishDuplicates} re-published outbox row(s) as duplicates`,
      );
    }
  }

  /** Broker data loss: kill -9 nats-server, delete its store, start it empty. */
  brokerDataLoss(): Promise<FaultRecord> {
    return this.record('broker-data-loss', 'kill -9 nats-server, wipe its store, start it empty', async (record) => {
      const nats = this.cluster.nats!;
      await nats.kill();
      nats.wipeStore();
      await nats.start();
      record.evidence.push('streams, consumers and messages gone; relays must re-send what the streams lost');
    });
  }

  private async pause(name: ProcessName, ms: number): Promise<void> {
    this.cluster.signal(name, 'SIGSTOP');
    try {
      await sleep(ms);
    } finally {
      this.cluster.signal(name, 'SIGCONT');
    }
  }

  private async kill(name: ProcessName, record: FaultRecord): Promise<void> {
    record.evidence.push(`pid ${this.cluster.process(name)?.pid} killed at +${this.clock().toFixed(1)}s`);
    await this.cluster.kill(name);
  }

  private async restart(name: ProcessName, record: FaultRecord): Promise<void> {
    await this.cluster.start(name);
    record.watched = { name, incarnation: this.cluster.incarnation(name), baseline: zeroCounters() };
    record.evidence.push(`restarted as pid ${this.cluster.process(name)?.pid} at +${this.clock().toFixed(1)}s`);
  }

  /** A consumer process picked at random, weighted by what it handled in the last 2 seconds. */
  private async busiestConsumer(): Promise<SubgraphName> {
    const processed = () => Object.fromEntries(KILLABLE_CONSUMERS.map((n) => [n, this.metrics.of(n, this.cluster.incarnation(n))?.processed ?? 0]));
    await Promise.all(KILLABLE_CONSUMERS.map((n) => this.metrics.scrape(n)));
    const before = processed();
    await sleep(2_000);
    await Promise.all(KILLABLE_CONSUMERS.map((n) => this.metrics.scrape(n)));
    const after = processed();
    const busy = KILLABLE_CONSUMERS.map((n) => [n, after[n]! - before[n]!] as const).filter(([, delta]) => delta > 0);
    return busy.length ? this.random.weighted(busy) : 'orders';
  }

  private async record(name: string, what: string, inject: (record: FaultRecord) => Promise<void>): Promise<FaultRecord> {
    const record: FaultRecord = { name, what, startedAt: this.clock(), endedAt: 0, evidence: [] };
    this.log.push(record);
    this.say(`+${record.startedAt.toFixed(1)}s  fault: ${what}`);
    try {
      await inject(record);
    } finally {
      record.endedAt = this.clock();
      this.say(`+${record.endedAt.toFixed(1)}s  fault done: ${record.what}${record.evidence.length ? ` — ${record.evidence.join('; ')}` : ''}`);
    }
    return record;
  }
}
