import { SUBGRAPHS } from '../../platform/config.js';
import { GraphQLClient } from '../cluster/graphql-client.js';
import type { Random } from '../cluster/random.js';
import { ProcessMetrics, type MessagingCounters } from '../chaos/process-metrics.js';
import { confirmationEmailMisses, confirmationEmailReport, confirmationEmails, type ConfirmationEmails } from './confirmation-emails.js';
import { CLIENT_TIMEOUT_MS, RequestTimer, checkoutOnNewSocket, describeOutcomes, isError, pickBasket, type Journey } from './journey.js';
import { summarize } from './percentiles.js';
import type { BenchSystem } from './system.js';
import { LATENCY_COLUMNS, latencyRow, table } from './table.js';
import { targetMisses } from './targets.js';
import { timelineReport, type TimedRequest } from './timeline.js';
import { sampleWork, workBetween, type Work } from './work-meter.js';
import { cpuReport, sqlReport, workFigures, type WorkFigures, type WorkRow } from './work-report.js';

/**
 * The stages profile (the default): for each stage, that many signed-in customers start their
 * checkout at the same instant, each on a socket of its own — a burst, to find where it breaks.
 */
export interface StagesOptions {
  stages: number[];
  confirmTimeoutMs: number;
}

interface StageResult {
  customers: number;
  journeys: Journey[];
  wallMs: number;
  /** Per operation: latencies of the requests that succeeded. */
  requests: Map<string, number[]>;
  /** The same requests with when each was sent. */
  timeline: TimedRequest[];
  /** The messaging kit's counters during the stage, per process. */
  messaging: Map<string, MessagingCounters>;
  /** CPU and SQL during the stage. */
  work: Work;
  /** The confirmation e-mails of the stage's confirmed orders. */
  emails: ConfirmationEmails;
}

/** Runs every stage; returns the report and the targets missed. */
export async function runStages(system: BenchSystem, random: Random, options: StagesOptions): Promise<{ report: string; missed: string[]; figures: WorkFigures[] }> {
  const { cluster, tokens, skus, say } = system;
  const metrics = new ProcessMetrics(cluster, [...SUBGRAPHS]);
  const results: StageResult[] = [];
  for (const stage of options.stages) {
    await metrics.scrapeAll();
    const before = metrics.byProcess();
    const workBefore = await sampleWork(cluster);
    say(`\nstage: ${stage} customers at once`);
    const origin = performance.now();
    const timer = new RequestTimer(new GraphQLClient(cluster.gatewayUrl, CLIENT_TIMEOUT_MS), origin);
    const journeys = await Promise.all(
      tokens.slice(0, stage).map((token) => checkoutOnNewSocket(timer, system.wsUrl, token, pickBasket(random, skus), { origin, confirmTimeoutMs: options.confirmTimeoutMs })),
    );
    const wallMs = performance.now() - origin;
    const work = workBetween(workBefore, await sampleWork(cluster));
    await metrics.scrapeAll();
    // measured after the stage's CPU, SQL and messaging figures: waiting for the e-mails is not the checkout's time
    const confirmedOrders = journeys.filter((j) => j.outcome.kind === 'confirmed' && j.orderId).map((j) => j.orderId!);
    const emails = await confirmationEmails(cluster.databaseUrl, confirmedOrders, options.confirmTimeoutMs);
    const result: StageResult = { customers: stage, journeys, wallMs, requests: timer.requests, timeline: timer.timeline, messaging: difference(metrics.byProcess(), before), work, emails };
    results.push(result);
    cluster.assertAlive();
    say(`  ${describeOutcomes(journeys)} — ${(wallMs / 1000).toFixed(1)} s`);
  }
  return { report: formatReport(results), missed: results.flatMap(stageMisses), figures: workFigures(results.map(workRow)) };
}

const workRow = (r: StageResult): WorkRow => ({ label: String(r.customers), confirmed: r.journeys.filter((j) => j.outcome.kind === 'confirmed').length, seconds: r.wallMs / 1000, work: r.work });

function formatReport(results: StageResult[]): string {
  const out: string[] = [];
  const latencyHeader = ['stage (customers)', ...LATENCY_COLUMNS];
  const metric = (title: string, pick: (j: Journey) => number | undefined) => {
    out.push(`${title}\n${table(latencyHeader, results.map((r) => latencyRow(String(r.customers), summarize(r.journeys.map(pick).filter((v): v is number => v !== undefined)))))}\n`);
  };
  metric('placeOrder latency (request sent → answer)', (j) => j.placeOrderMs);
  metric('checkout completion (placeOrder sent → CONFIRMED event received)', (j) => j.completionMs);
  metric('placed → CONFIRMED (placeOrder answered → CONFIRMED event received)', (j) => j.placedToConfirmedMs);
  out.push(confirmationEmailReport(results.map((r) => ({ customers: r.customers, emails: r.emails })), table));

  out.push(
    `throughput and errors\n${table(
      ['stage (customers)', 'placed', 'confirmed', 'errors', 'error rate', 'stuck', 'wall s', 'confirmed/s', 'requests', 'requests/s'],
      results.map((r) => {
        const confirmed = r.journeys.filter((j) => j.outcome.kind === 'confirmed');
        const firstPlaced = Math.min(...r.journeys.map((j) => j.placedAt ?? Infinity));
        const lastConfirmed = Math.max(...confirmed.map((j) => j.confirmedAt!));
        const requests = [...r.requests.values()].reduce((n, l) => n + l.length, 0);
        return [
          String(r.customers),
          String(r.journeys.filter((j) => j.orderId).length),
          String(confirmed.length),
          String(errors(r)),
          `${((errors(r) / r.customers) * 100).toFixed(2)} %`,
          String(r.journeys.filter((j) => j.outcome.kind === 'stuck').length),
          (r.wallMs / 1000).toFixed(1),
          confirmed.length > 1 ? (confirmed.length / ((lastConfirmed - firstPlaced) / 1000)).toFixed(1) : '-',
          String(requests),
          (requests / (r.wallMs / 1000)).toFixed(0),
        ];
      }),
    )}\n(confirmed/s: confirmations between the first order placed and the last one confirmed)\n`,
  );

  const last = results.at(-1)!;
  out.push(
    `messaging during the last stage (${last.customers} customers), per subgraph\n${table(
      ['subgraph', 'published', 'handled', 'ignored (not relevant)', 'inbox duplicates', 'redeliveries', 'retried (nak)', 'dead-lettered'],
      [...last.messaging].map(([name, c]) => [name, String(c.published), String(c.processed), String(c.ignored), String(c.inboxDuplicates), String(c.redeliveries), String(c.retried), String(c.deadLettered)]),
    )}\n`,
  );

  const workRows = results.map(workRow);
  out.push(cpuReport(workRows, 'stage (customers)'));
  out.push(sqlReport(workRows, 'stage (customers)'));

  const names = [...new Set(results.flatMap((r) => [...r.requests.keys()]))];
  out.push(`request latency by operation, last stage (${last.customers} customers)\n${table(['operation', ...LATENCY_COLUMNS], names.map((name) => latencyRow(name, summarize(last.requests.get(name) ?? []))))}\n`);
  out.push(`the same requests by when they were sent (n, p50/max seconds), last stage\n${timelineReport(last.timeline, names)}`);
  return out.join('\n');
}

function difference(after: Map<string, MessagingCounters>, before: Map<string, MessagingCounters>): Map<string, MessagingCounters> {
  return new Map(
    [...after].map(([name, counters]) => {
      const base = before.get(name);
      return [name, Object.fromEntries(Object.entries(counters).map(([k, v]) => [k, v - (base?.[k as keyof MessagingCounters] ?? 0)])) as unknown as MessagingCounters];
    }),
  );
}

const errors = (r: StageResult) => r.journeys.filter(isError).length;

function stageMisses(r: StageResult): string[] {
  return [
    ...targetMisses(`${r.customers} customers`, {
      completionMs: r.journeys.map((j) => j.completionMs).filter((v): v is number => v !== undefined),
      errors: errors(r),
      journeys: r.customers,
      stuck: r.journeys.filter((j) => j.outcome.kind === 'stuck').length,
    }),
    ...confirmationEmailMisses(r.customers, r.emails),
  ];
}
