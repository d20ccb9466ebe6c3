import { GraphQLClient } from '../cluster/graphql-client.js';
import { sleep } from '../cluster/ports.js';
import { Random } from '../cluster/random.js';
import { CLIENT_TIMEOUT_MS, OrderFeed, RequestTimer, checkout, describeOutcomes, failure, isError, pickBasket, type Journey } from './journey.js';
import { summarize } from './percentiles.js';
import type { BenchSystem } from './system.js';
import { LATENCY_COLUMNS, latencyRow, table } from './table.js';
import { targetMisses } from './targets.js';
import { sampleWork, workBetween, type Work, type WorkSample } from './work-meter.js';
import { cpuReport, sqlReport, workFigures, type WorkFigures, type WorkRow } from './work-report.js';

/**
 * The shoppers profile (`--profile shoppers`): realistic load rather than a burst. N signed-in
 * shoppers each keep one subscription socket open and go through checkout journeys one after the
 * other for the duration, thinking between every two steps (a random time from the seeded Random),
 * arriving spread over the first think time. The system is measured over a window that starts once
 * every shopper has arrived and gone through about one journey (the warm-up) and ends with the
 * duration: orders confirmed per second, CPU and SQL per confirmed order, completion latency of the
 * orders placed in it. Shoppers place no order after the duration; a journey not that far is
 * abandoned (not an error), a placed order is still waited for.
 */
export interface ShoppersOptions {
  shoppers: number;
  durationMs: number;
  /** Think time between two steps: uniform in [min, max] milliseconds. */
  thinkMs: [number, number];
  confirmTimeoutMs: number;
  seed: number;
}

/** The shortest run that counts as the official measurement; shorter runs are smoke tests. */
export const OFFICIAL_DURATION_MS = 300_000;
/** Requests in an average journey (createCart, 3 items, checkoutCart, 3 checkout steps, placeOrder): for the warm-up. */
const AVERAGE_JOURNEY_REQUESTS = 9;
const PROGRESS_EVERY_MS = 30_000;

export async function runShoppers(system: BenchSystem, options: ShoppersOptions): Promise<{ report: string; missed: string[]; figures: WorkFigures[] }> {
  const { cluster, say } = system;
  const [thinkMin, thinkMax] = options.thinkMs;
  const warmUpMs = Math.min(thinkMax + AVERAGE_JOURNEY_REQUESTS * ((thinkMin + thinkMax) / 2), options.durationMs / 2);
  const shoppers = system.tokens.slice(0, options.shoppers);
  say(
    `\nshoppers: ${shoppers.length} for ${options.durationMs / 1000} s, thinking ${thinkMin}–${thinkMax} ms between steps, ` +
      `arriving over the first ${thinkMax} ms; measured from ${(warmUpMs / 1000).toFixed(0)} s (warm-up) to ${options.durationMs / 1000} s`,
  );
  if (options.durationMs < OFFICIAL_DURATION_MS) say(`WARNING: a ${options.durationMs / 1000} s run is a smoke test, not the official measurement (--duration ${OFFICIAL_DURATION_MS / 1000} or more)`);

  const client = new GraphQLClient(cluster.gatewayUrl, CLIENT_TIMEOUT_MS);
  const timer = new RequestTimer(client);
  const journeys: Journey[] = [];
  const origin = performance.now();
  const deadline = origin + options.durationMs;
  const at = (ms: number) => sleep(Math.max(0, origin + ms - performance.now()));
  const windowStart = at(warmUpMs).then(() => sampleWork(cluster));
  const windowEnd = at(options.durationMs).then(() => sampleWork(cluster));
  // awaited once the shoppers are done; a failed sample must not crash the run before then as unhandled
  for (const sample of [windowStart, windowEnd]) sample.catch(() => undefined);
  const progress = setInterval(() => say(`  ${((performance.now() - origin) / 1000).toFixed(0)} s: ${journeys.length} journeys done — ${describeOutcomes(journeys) || 'none yet'}`), PROGRESS_EVERY_MS);

  const shopper = async (token: string, index: number) => {
    const random = new Random(shopperSeed(options.seed, index));
    const think = () => thinkMin + random.next() * (thinkMax - thinkMin);
    /** Thinks; false once the run is over. */
    const pause = async () => {
      await sleep(Math.min(think(), deadline - performance.now()));
      return performance.now() < deadline;
    };
    await sleep(random.next() * thinkMax); // open arrivals, spread over the first think time
    let feed: OrderFeed | undefined;
    try {
      while (performance.now() < deadline) {
        if (!feed || feed.closed) {
          await feed?.close().catch(() => undefined);
          feed = undefined;
          try {
            feed = await OrderFeed.open(system.wsUrl, token);
          } catch (err) {
            journeys.push({ outcome: failure('subscribe', err), startedAt: performance.now() - origin });
            if (!(await pause())) break;
            continue;
          }
        }
        journeys.push(await checkout(timer, feed, token, pickBasket(random, system.skus), { origin, confirmTimeoutMs: options.confirmTimeoutMs, pause }));
        if (!(await pause())) break;
      }
    } finally {
      await feed?.close().catch(() => undefined);
    }
  };

  let work: Work;
  try {
    await Promise.all(shoppers.map(shopper));
    work = workBetween(await windowStart, await windowEnd);
  } finally {
    clearInterval(progress);
  }
  const wallMs = performance.now() - origin;
  cluster.assertAlive();
  say(`  done after ${(wallMs / 1000).toFixed(1)} s: ${describeOutcomes(journeys)}`);

  const window = { from: warmUpMs, to: options.durationMs };
  const result: ShoppersResult = { options, shoppers: shoppers.length, window, journeys, requests: timer.requests, failures: client.failures, work, wallMs };
  return { report: formatReport(result), missed: misses(result), figures: workFigures([workRow(result)]) };
}

interface ShoppersResult {
  options: ShoppersOptions;
  shoppers: number;
  /** The measured window, in milliseconds since the start. */
  window: { from: number; to: number };
  journeys: Journey[];
  requests: Map<string, number[]>;
  /** `<operation> <code>` → failed requests. */
  failures: Map<string, number>;
  work: WorkSample;
  wallMs: number;
}

/** Each shopper its own sequence: the same seed gives every shopper the same carts and pauses, whatever the timing. */
function shopperSeed(seed: number, index: number): number {
  return (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
}

const inWindow = (r: ShoppersResult, at: number | undefined) => at !== undefined && at >= r.window.from && at < r.window.to;
/** Journeys that ended one way or another (not abandoned at the end of the run). */
const finished = (r: ShoppersResult) => r.journeys.filter((j) => j.outcome.kind !== 'abandoned');
const confirmedInWindow = (r: ShoppersResult) => r.journeys.filter((j) => j.outcome.kind === 'confirmed' && inWindow(r, j.confirmedAt));
const completions = (journeys: Journey[]) => journeys.map((j) => j.completionMs).filter((v): v is number => v !== undefined);

/** The measured window's work, per order confirmed in it. */
function workRow(r: ShoppersResult): WorkRow {
  const confirmed = confirmedInWindow(r).length;
  return { label: `window, ${confirmed} orders`, confirmed, seconds: (r.window.to - r.window.from) / 1000, work: r.work };
}

function formatReport(r: ShoppersResult): string {
  const out: string[] = [];
  const windowSeconds = (r.window.to - r.window.from) / 1000;
  const placedInWindow = r.journeys.filter((j) => inWindow(r, j.placeOrderSentAt));
  const confirmed = confirmedInWindow(r);
  const errors = finished(r).filter(isError);
  const label = `${r.shoppers} shoppers`;

  out.push(
    `checkout completion (placeOrder sent → CONFIRMED event received)\n${table(
      ['orders placed', ...LATENCY_COLUMNS],
      [latencyRow(`in the window (${(r.window.from / 1000).toFixed(0)}–${(r.window.to / 1000).toFixed(0)} s)`, summarize(completions(placedInWindow))), latencyRow('whole run', summarize(completions(r.journeys)))],
    )}\n`,
  );
  out.push(
    `placeOrder latency and placed → CONFIRMED, orders placed in the window\n${table(
      ['measure', ...LATENCY_COLUMNS],
      [latencyRow('placeOrder', summarize(placedInWindow.flatMap((j) => (j.placeOrderMs === undefined ? [] : [j.placeOrderMs])))), latencyRow('placed → CONFIRMED', summarize(placedInWindow.flatMap((j) => (j.placedToConfirmedMs === undefined ? [] : [j.placedToConfirmedMs]))))],
    )}\n`,
  );
  const requests = [...r.requests.values()].reduce((n, l) => n + l.length, 0);
  out.push(
    `throughput and errors\n${table(
      ['run', 'journeys', 'placed', 'confirmed', 'abandoned', 'errors', 'error rate', 'stuck', 'confirmed/s in window', 'requests/s'],
      [
        [
          label,
          String(r.journeys.length),
          String(r.journeys.filter((j) => j.orderId).length),
          String(r.journeys.filter((j) => j.outcome.kind === 'confirmed').length),
          String(r.journeys.length - finished(r).length),
          String(errors.length),
          `${((errors.length / Math.max(1, finished(r).length)) * 100).toFixed(2)} %`,
          String(r.journeys.filter((j) => j.outcome.kind === 'stuck').length),
          (confirmed.length / windowSeconds).toFixed(2),
          (requests / (r.wallMs / 1000)).toFixed(0),
        ],
      ],
    )}\n(sustained: CONFIRMED events received in the measured window per second; error rate: failed journeys / journeys that ended, every journey of the run; abandoned: not placed when the run ended)`,
  );
  out.push(`outcomes: ${describeOutcomes(r.journeys)}`);
  if (r.failures.size) out.push(`failed requests: ${[...r.failures].map(([key, n]) => `${key} ×${n}`).join(', ')}`);
  out.push('');

  const row = workRow(r);
  out.push(cpuReport([row], 'measured'));
  out.push(sqlReport([row], 'measured'));

  const names = [...r.requests.keys()];
  out.push(`request latency by step, whole run (p90 is the one to watch)\n${table(['operation', ...LATENCY_COLUMNS], names.map((name) => latencyRow(name, summarize(r.requests.get(name) ?? []))))}`);
  return out.join('\n');
}

function misses(r: ShoppersResult): string[] {
  const label = `${r.shoppers} shoppers`;
  const missed = targetMisses(label, {
    completionMs: completions(r.journeys.filter((j) => inWindow(r, j.placeOrderSentAt))),
    errors: finished(r).filter(isError).length,
    journeys: finished(r).length,
    stuck: r.journeys.filter((j) => j.outcome.kind === 'stuck').length,
  });
  if (!confirmedInWindow(r).length) missed.push(`${label}: no order confirmed in the measured window`);
  return missed;
}

