import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '../../platform/config.js';
import { repoPath } from '../../platform/paths.js';
import { HANDLER_DEFAULTS } from '../../events/handler.js';
import { subjectFor } from '../../events/contract.js';
import { PaymentAuthorizationRequested } from '../../events/contracts/orders/index.js';
import { Cluster, assertBuilt, type ProcessName } from '../cluster/cluster.js';
import { SmtpSink } from '../cluster/smtp-sink.js';
import { sleep, waitUntil } from '../cluster/ports.js';
import { BrokerLink } from './broker-link.js';
import { FaultInjector, type FaultRecord } from './faults.js';
import { runOracle, type Check } from './oracle.js';
import { ProcessMetrics } from './process-metrics.js';
import { describeActivity, waitForQuiescence } from './quiescence.js';
import { Random } from '../cluster/random.js';
import { Returns } from './returns.js';
import { Staff, type ChaosCoupon } from './staff.js';
import { formatSummary, type PhaseResult } from './summary.js';
import { SystemProbe } from './system-probe.js';
import { Workload } from './workload.js';

export interface ChaosOptions {
  /** Orders in the main stream (while the faults are injected). */
  orders: number;
  seed: number;
  /** Orders placed in the broker-data-loss phase (0 skips the phase). */
  dataLossOrders: number;
  /** LOG_LEVEL of the processes (their logs are kept when the run fails). */
  logLevel: string;
  say(line: string): void;
}

export interface ChaosResult {
  ok: boolean;
  checks: Check[];
  summary: string;
  /** Where the processes' logs were copied (failed runs only). */
  logsDir?: string;
}

/** Short on purpose, so orders that cannot be confirmed reach ON_HOLD within the run. */
const CONFIRMATION_TIMEOUT_MS = 20_000;
const NAMESPACE = 'cs';
const QUIESCENCE_TIMEOUT_MS = 300_000;
/** Gap between two faults: the system gets a moment to recover before the next one. */
const FAULT_GAP_MS = 5_000;
/** How long the SMTP server is down: shorter than notifications' retry window below, so every e-mail still arrives. */
const SMTP_OUTAGE_MS = 8_000;
const NOTIFICATION_RETRY_DELAYS_MS = '5000,15000';
/**
 * The run's coupons: one with a limit small enough that the stream uses it up (later shoppers are
 * refused, or lose it at placement), one unlimited.
 */
const couponsOf = (runId: string): ChaosCoupon[] => [
  { code: `CHAOS-${runId}-FEW`.toUpperCase(), percentOff: 15, maxRedemptions: 3 },
  { code: `CHAOS-${runId}-ALL`.toUpperCase(), percentOff: 10, maxRedemptions: null },
];
/** About how long the fault schedule takes; the order stream is spread over it. */
const SCHEDULE_MS = 120_000;

/**
 * One chaos run (see docs/reliability.md): a private PostgreSQL and nats-server, every subgraph and the
 * gateway as real processes, a stream of checkouts through the gateway while faults are injected
 * one after another, then quiescence, staff closing ON_HOLD orders, returns of delivered orders, a broker that loses its store,
 * quiescence again, and the oracle.
 */
export class ChaosRun {
  private cluster: Cluster | undefined;
  private readonly links = new Map<ProcessName, BrokerLink>();
  private probe: SystemProbe | undefined;
  private metrics: ProcessMetrics | undefined;
  private readonly smtp = new SmtpSink();
  private readonly crashes: string[] = [];
  private finishing = false;
  private readonly startedAt = Date.now();
  private readonly clock = () => (Date.now() - this.startedAt) / 1000;

  constructor(private readonly options: ChaosOptions) {}

  async run(): Promise<ChaosResult> {
    const { options } = this;
    const say = (line: string) => options.say(line);
    const at = (line: string) => say(`+${this.clock().toFixed(1)}s  ${line}`);
    const random = new Random(options.seed);
    const runId = options.seed.toString(36);
    try {
      assertBuilt(SUBGRAPHS, '`npm run build` (`npm run test:chaos` does)');
      at(`chaos run, seed ${options.seed}: ${options.orders} orders while faults are injected, ${options.dataLossOrders} more around a broker data loss`);
      await this.smtp.start(0);
      const cluster = await Cluster.start({
        subgraphs: SUBGRAPHS,
        services: 'private',
        databaseName: 'crittersupply',
        namespace: NAMESPACE,
        env: {
          LOG_LEVEL: options.logLevel,
          ORDER_CONFIRMATION_TIMEOUT_MS: String(CONFIRMATION_TIMEOUT_MS),
          ORDER_TIMEOUT_POLL_MS: '500',
          // Longer than the confirmation timeout: expiry only catches what the saga missed.
          RESERVATION_TTL_MS: '60000',
          RESERVATION_EXPIRY_POLL_MS: '1000',
          GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000',
          // every shopper signs up from this one address
          GATEWAY_REGISTRATIONS_PER_MINUTE: '1000000',
          PAYMENT_GATEWAY: 'stub',
          PAYMENT_RETRY_BACKOFF_MS: '200,500',
          CARRIER_SIMULATION: 'true',
          CARRIER_SIMULATION_STEP_MS: '2000',
          // customer e-mails go to the run's own SMTP server, which a fault stops and restarts
          SMTP_URL: this.smtp.url,
          NOTIFICATION_RETRY_DELAYS_MS,
          NOTIFICATION_POLL_MS: '250',
        },
        natsUrlFor: async (name, natsUrl) => {
          const link = new BrokerLink(name, Number(new URL(natsUrl).port));
          this.links.set(name, link);
          return link.listen();
        },
        onUnexpectedExit: (name, outcome, output) => {
          this.crashes.push(`${name} exited on its own (${outcome}) at +${this.clock().toFixed(1)}s`);
          at(`!! ${name} exited on its own (${outcome}):\n${output}`);
          if (!this.finishing) void this.cluster?.start(name).catch((err) => at(`!! could not restart ${name}: ${err}`));
        },
        say: at,
      });
      this.cluster = cluster;
      const probe = (this.probe = await SystemProbe.connect(cluster.databaseUrl, cluster.natsUrl, NAMESPACE));
      const metrics = (this.metrics = new ProcessMetrics(cluster, [...SUBGRAPHS]));
      metrics.start();
      const faults = new FaultInjector(cluster, this.links, probe, metrics, random, { confirmationTimeoutMs: CONFIRMATION_TIMEOUT_MS, ackWaitMs: HANDLER_DEFAULTS.ackWaitMs }, this.clock, say);
      const phases: PhaseResult[] = [];
      const settle = async (name: string) => {
        const result = await waitForQuiescence(probe, { timeoutMs: QUIESCENCE_TIMEOUT_MS, say, clock: this.clock });
        phases.push({ name, ...result });
        at(result.quiet ? `quiet (${name}) after ${result.waitedS.toFixed(0)} s` : `!! not quiet (${name}) after ${result.waitedS.toFixed(0)} s: ${result.last ? describeActivity(result.last) : 'no observation'}`);
        return result.quiet;
      };

      const staff = new Staff(cluster.gatewayUrl);
      const coupons = couponsOf(runId);
      await staff.createCoupons(coupons, Date.now() + 60_000);
      at(`the catalog manager created coupons ${coupons.map((c) => `${c.code} (${c.percentOff} % off, ${c.maxRedemptions ? `limit ${c.maxRedemptions}` : 'unlimited'})`).join(', ')}`);

      at('waiting for the seed data and the coupons to propagate');
      await settle('seed data');

      // The one message dead-lettered on purpose: a valid envelope whose payload breaks the contract.
      const poison = { id: randomUUID(), streamContext: 'orders', schema: 'payments' };
      await probe.broker.js.publish(
        subjectFor(NAMESPACE, PaymentAuthorizationRequested),
        JSON.stringify({ id: poison.id, type: PaymentAuthorizationRequested.type, version: PaymentAuthorizationRequested.version, occurredAt: new Date().toISOString(), correlationId: null, causationId: null, customerId: null, payload: { poisoned: 'on purpose by the chaos run' } }),
        { msgID: poison.id },
      );
      at(`published a poisoned ${PaymentAuthorizationRequested.type} (${poison.id}); payments must dead-letter exactly it`);

      const workload = new Workload(cluster.gatewayUrl, random, runId, Math.max(4, Math.ceil(options.orders / 4)), this.startedAt, say, coupons);
      let dispatching = true;
      const dispatcher = staff.dispatchWhile(() => dispatching);

      at(`stream: ${options.orders} checkouts over about ${SCHEDULE_MS / 1000} s; faults one after another`);
      const schedule = (async () => {
        for (const inject of [
          // early, while the stream still makes e-mails (a run of 30 orders hit none at the end)
          () => faults.smtpOutage(this.smtp, SMTP_OUTAGE_MS),
          () => faults.natsKill(),
          () => faults.postgresRestart(),
          () => faults.consumerKill(),
          () => faults.relayKill(),
          () => faults.pausePayments(),
          () => faults.pauseBeyondAckWait('inventory'),
        ]) {
          await sleep(FAULT_GAP_MS);
          if (this.finishing) return;
          await inject().catch((err) => at(`!! fault failed: ${(err as Error).message}`));
        }
      })();
      const stop = () => this.finishing;
      await Promise.all([workload.run(options.orders, { ratePerSecond: (options.orders * 1_000) / SCHEDULE_MS, concurrency: 16, phase: 'stream', stop }), schedule]);
      at(`stream done: ${workload.stats.told} orders told, ${workload.stats.gaveUp} checkouts given up`);

      await settle('after the stream');
      await faults.noteAftermath();
      let onHoldClosed = await staff.closeOnHoldOrders(Date.now() + 120_000);
      at(`customer service closed ${onHoldClosed} ON_HOLD order(s)`);
      await settle('after closing ON_HOLD orders');

      // A share of the delivered orders comes back: request, review, receipt, refund (SPEC §12).
      const returns = new Returns(cluster.gatewayUrl);
      const delivered = new Set((await probe.query<{ id: string }>(`select id::text as id from orders.customer_order where status = 'DELIVERED'`)).map((row) => row.id));
      await returns.run([...workload.told.values()], delivered, say);
      at(`returns: ${returns.stats.requested} requested of ${delivered.size} delivered orders, ${returns.stats.received} received (${returns.stats.restocked} unit(s) restocked), ${returns.stats.rejected} rejected`);
      await settle('after returns');

      let poisonInStream = true;
      if (options.dataLossOrders > 0) {
        let dataLoss: FaultRecord | undefined;
        await metrics.scrapeAll();
        const before = metrics.totals();
        // Requests recorded while payments is frozen sit in the orders stream, not yet consumed, when the store goes.
        at('SIGSTOP payments, so the next orders\' payment requests are in the stream but not consumed');
        cluster.signal('payments', 'SIGSTOP');
        try {
          await workload.run(options.dataLossOrders, { ratePerSecond: 4, concurrency: 8, phase: 'data-loss' });
          await waitUntil(async () => Object.keys(await probe.pendingOutbox()).length === 0, { timeoutMs: 30_000, what: 'the relays to publish everything' }).catch(() => undefined);
          dataLoss = await faults.brokerDataLoss();
          poisonInStream = false;
        } finally {
          cluster.signal('payments', 'SIGCONT');
          at('SIGCONT payments');
        }
        await settle('after the broker data loss');
        await metrics.scrapeAll();
        const after = metrics.totals();
        dataLoss?.evidence.push(
          `relays re-sent ${after.redriven - before.redriven} outbox row(s) the streams had lost; consumers' inboxes absorbed ${after.inboxDuplicates - before.inboxDuplicates} already-handled delivery(ies); ${after.processed - before.processed} handled for the first time`,
        );
        const closed = await staff.closeOnHoldOrders(Date.now() + 120_000);
        onHoldClosed += closed;
        if (closed) {
          at(`customer service closed ${closed} more ON_HOLD order(s)`);
          await settle('after closing ON_HOLD orders again');
        }
      }
      dispatching = false;
      await dispatcher;
      await metrics.stop();

      at('oracle');
      this.finishing = true;
      const checks = await runOracle(probe, { told: [...workload.told.values()], poison, closedOnHold: staff.closed, poisonInStream, crashes: this.crashes, emails: this.smtp.received });
      for (const phase of phases) {
        checks.push({ name: `the system came to rest (${phase.name}) within ${QUIESCENCE_TIMEOUT_MS / 1000} s`, ok: phase.quiet, detail: phase.quiet ? `${phase.waitedS.toFixed(0)} s` : describeActivity(phase.last!) });
      }
      const summary = await formatSummary({
        seed: options.seed,
        options,
        probe,
        workload,
        staff,
        returns,
        faults: faults.log,
        metrics,
        phases,
        checks,
        onHoldClosed,
        elapsedS: this.clock(),
      });
      const ok = checks.every((c) => c.ok);
      return { ok, checks, summary, logsDir: ok ? undefined : this.keepLogs() };
    } catch (err) {
      const logsDir = this.keepLogs();
      throw Object.assign(err as Error, { logsDir });
    } finally {
      await this.shutdown();
    }
  }

  /** Stops everything the run started (also on Ctrl-C). Idempotent. */
  async shutdown(): Promise<void> {
    this.finishing = true;
    await this.metrics?.stop().catch(() => undefined);
    await this.probe?.close();
    await this.cluster?.stop();
    await this.smtp.stop();
    await Promise.all([...this.links.values()].map((link) => link.close()));
  }

  /** Copies the processes' logs out of the run directory (which stop() deletes). */
  private keepLogs(): string | undefined {
    const dir = this.cluster?.runDir;
    if (!dir) return undefined;
    const target = repoPath('test-results', `chaos-${new Date(this.startedAt).toISOString().replace(/[:.]/g, '-')}`);
    try {
      mkdirSync(target, { recursive: true });
      const copy = (from: string) => {
        for (const entry of readdirSync(from, { withFileTypes: true })) {
          if (entry.isFile() && entry.name.endsWith('.log')) cpSync(path.join(from, entry.name), path.join(target, entry.name));
        }
      };
      copy(dir.path);
      copy(dir.file('nats'));
      copy(dir.file('pg'));
      return target;
    } catch {
      return undefined;
    }
  }
}
