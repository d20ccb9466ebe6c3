/**
 * `npm run bench:checkout [-- --stages 100,500,1000 --confirm-timeout 120 --seed S]`: the checkout
 * load benchmark (docs/performance.md). Every subgraph and the gateway run as real processes
 * (scripts/cluster) on a throw-away database and event namespace. For each stage, that many signed-in
 * customers start at the same moment, each on its own graphql-ws connection subscribed to
 * `orderUpdated`, and each goes: new cart → 1–5 products → checkoutCart → address, shipping method,
 * card → placeOrder, then waits for its order's CONFIRMED event. It prints, per stage, placeOrder
 * latency, completion (placeOrder sent → CONFIRMED received) and placed → CONFIRMED latency
 * (p50/p90/p98/p99/max), throughput, errors and stuck orders, the confirmation e-mails' latency (CONFIRMED →
 * accepted by a local SMTP server, by pipeline stage, p50/p99), and checks SPEC §11's targets.
 * `--cpu-prof DIR` has every process write a V8 CPU profile there when it stops (open in Chrome DevTools).
 * Exit code 1 when a target is missed or an order is stuck, 2 when the run could not be carried out.
 */
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { SUBGRAPHS } from '../../platform/config.js';
import { Cluster, assertBuilt } from '../cluster/cluster.js';
import { GraphQLClient, GraphQLFailure } from '../cluster/graphql-client.js';
import { loadOperations, operation } from '../cluster/operations.js';
import { Random } from '../cluster/random.js';
import { clusterCpuSeconds, machineBusySeconds, processCpuSeconds } from '../cluster/cpu.js';
import { ProcessMetrics, type MessagingCounters } from '../chaos/process-metrics.js';
import { SmtpSink } from '../cluster/smtp-sink.js';
import { confirmationEmailMisses, confirmationEmailReport, confirmationEmails, type ConfirmationEmails } from './confirmation-emails.js';
import { formatMs, summarize, type LatencySummary } from './percentiles.js';

interface Options {
  stages: number[];
  confirmTimeoutMs: number;
  seed: number;
  logLevel: string;
  /** Where each process writes a V8 CPU profile when it stops (`--cpu-prof DIR`). */
  cpuProfileDir?: string;
}

const ops = loadOperations('scripts/bench/checkout.graphql');
const op = (name: string) => operation(ops, name);

const PASSWORD = 'bench-shopper-password';
/** Enough stock per (SKU, warehouse) that no order of the run is cancelled OUT_OF_STOCK. */
const STOCK_PER_WAREHOUSE = 3_000;
/** Sign-ups in parallel during set-up (scrypt: ~0.3 s of CPU each on this machine). */
const SIGN_UP_CONCURRENCY = 8;
const ADDRESSES = [
  { line1: '1 Broad St', city: 'Newark', region: 'NJ', postalCode: '07102' },
  { line1: '20 Pike St', city: 'Seattle', region: 'WA', postalCode: '98101' },
  { line1: '300 High St', city: 'Columbus', region: 'OH', postalCode: '43215' },
  { line1: '44 Elm St', city: 'Dallas', region: 'TX', postalCode: '75201' },
  { line1: '5 Ocean Ave', city: 'Miami', region: 'FL', postalCode: '33101' },
];
/** A shopper's app gives up on a request after this long (an error of the journey). */
const CLIENT_TIMEOUT_MS = 30_000;
/** SPEC §11: placeOrder → CONFIRMED for 90 % within 5 s and 98 % within 10 s; under 1 % errors. */
const TARGETS = { p90Ms: 5_000, p98Ms: 10_000, errorRate: 0.01 };

type Outcome = { kind: 'confirmed' } | { kind: 'ended'; status: string } | { kind: 'error'; step: string; code: string } | { kind: 'stuck'; status: string };

interface Journey {
  outcome: Outcome;
  placeOrderMs?: number;
  completionMs?: number;
  placedToConfirmedMs?: number;
  /** The order's id, once placeOrder answered. */
  orderId?: string;
  /** Milliseconds since the stage started. */
  placedAt?: number;
  confirmedAt?: number;
}

interface StageResult {
  customers: number;
  journeys: Journey[];
  wallMs: number;
  /** Per operation: latencies of the requests that succeeded. */
  requests: Map<string, number[]>;
  /** The messaging kit's counters during the stage, per process. */
  messaging: Map<string, MessagingCounters>;
  /** CPU seconds per process during the stage (PostgreSQL backends summed as "postgres"; the benchmark itself as "load generator"). */
  cpu?: Record<string, number>;
  /** CPU seconds the whole machine was busy during the stage. */
  machineBusy?: number;
  /** The confirmation e-mails of the stage's confirmed orders. */
  emails: ConfirmationEmails;
}

class RequestTimer {
  readonly requests = new Map<string, number[]>();
  constructor(private readonly client: GraphQLClient) {}

  async call<T = any>(name: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const started = performance.now();
    const data = await this.client.request<T>(op(name), variables, token);
    const list = this.requests.get(name) ?? [];
    list.push(performance.now() - started);
    this.requests.set(name, list);
    return data;
  }
}

/** The customer's order updates from before the order is placed, so none is missed. */
class OrderFeed {
  private readonly seen = new Map<string, { status: string; at: number }[]>();
  private readonly waiters = new Set<() => void>();
  private stopSubscription: () => void = () => {};

  private constructor(readonly ws: Client) {}

  static async open(url: string, token: string): Promise<OrderFeed> {
    let connected: () => void = () => {};
    let failed: (err: unknown) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => ((connected = resolve), (failed = reject)));
    const ws = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
      on: { connected: () => connected(), closed: (event) => failed(new Error(`socket closed before it was acknowledged (${(event as { code?: number }).code})`)), error: (err) => failed(err) },
    });
    const feed = new OrderFeed(ws);
    await ready;
    feed.stopSubscription = ws.subscribe<{ orderUpdated: { status: string; order: { id: string } } }>(
      { query: op('BenchOrderUpdates') },
      {
        next: ({ data }) => {
          if (!data) return;
          const list = feed.seen.get(data.orderUpdated.order.id) ?? [];
          list.push({ status: data.orderUpdated.status, at: performance.now() });
          feed.seen.set(data.orderUpdated.order.id, list);
          for (const wake of feed.waiters) wake();
        },
        error: () => {},
        complete: () => {},
      },
    );
    return feed;
  }

  /** When the order first reached one of `statuses` (performance.now()), or undefined at the deadline. */
  async reached(orderId: string, statuses: string[], deadline: number): Promise<{ status: string; at: number } | undefined> {
    for (;;) {
      const hit = this.seen.get(orderId)?.find((u) => statuses.includes(u.status));
      if (hit) return hit;
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  async close(): Promise<void> {
    this.stopSubscription();
    await this.ws.dispose();
  }
}

async function main(options: Options): Promise<number> {
  assertBuilt(SUBGRAPHS, '`npm run build` (`npm run bench:checkout` does)');
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const random = new Random(options.seed);
  const customers = Math.max(...options.stages);
  say(`bench:checkout — stages ${options.stages.join(' → ')} concurrent customers, seed ${options.seed}`);
  // the confirmation e-mails go to a real SMTP server in this process (accepting everything)
  const smtp = new SmtpSink();
  await smtp.start(0);
  const cluster = await Cluster.start({
    subgraphs: SUBGRAPHS,
    services: 'shared',
    databaseName: 'crittersupply_bench_checkout',
    namespace: 'benchco',
    env: {
      LOG_LEVEL: options.logLevel,
      // One client address sends everything: the per-client limit would throttle the benchmark.
      GATEWAY_RATE_LIMIT_PER_MINUTE: '100000000',
      GATEWAY_REGISTRATIONS_PER_MINUTE: '100000000',
      PAYMENT_GATEWAY: 'stub',
      CARRIER_SIMULATION: 'false',
      SMTP_URL: smtp.url,
      NOTIFICATION_POLL_MS: '200',
    },
    cpuProfileDir: options.cpuProfileDir,
    say,
  });
  const stopOnSignal = () => void cluster.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    const client = new GraphQLClient(cluster.gatewayUrl);
    const wsUrl = cluster.gatewayUrl.replace(/^http/, 'ws');

    const skus = await stockEveryWarehouse(client, say);
    const tokens = await signUp(client, customers, options.seed, say);

    const metrics = new ProcessMetrics(cluster, [...SUBGRAPHS]);
    const results: StageResult[] = [];
    for (const stage of options.stages) {
      await metrics.scrapeAll();
      const before = metrics.byProcess();
      const cpuBefore = await cpuByProcess(cluster);
      const machineBefore = machineBusySeconds();
      say(`\nstage: ${stage} customers at once`);
      const timer = new RequestTimer(new GraphQLClient(cluster.gatewayUrl, CLIENT_TIMEOUT_MS));
      const stageStart = performance.now();
      const journeys = await Promise.all(
        tokens.slice(0, stage).map((token) => shop(timer, wsUrl, token, pickLines(random, skus), random.pick(ADDRESSES), stageStart, options.confirmTimeoutMs)),
      );
      const wallMs = performance.now() - stageStart;
      const cpuAfter = await cpuByProcess(cluster);
      const machineAfter = machineBusySeconds();
      await metrics.scrapeAll();
      // measured after the stage's CPU and messaging figures: waiting for the e-mails is not the checkout's time
      const confirmedOrders = journeys.filter((j) => j.outcome.kind === 'confirmed' && j.orderId).map((j) => j.orderId!);
      const emails = await confirmationEmails(cluster.databaseUrl, confirmedOrders, options.confirmTimeoutMs);
      const result: StageResult = {
        customers: stage,
        journeys,
        wallMs,
        requests: timer.requests,
        messaging: difference(metrics.byProcess(), before),
        cpu: cpuBefore && cpuAfter ? Object.fromEntries(Object.entries(cpuAfter).map(([name, seconds]) => [name, seconds - (cpuBefore[name] ?? 0)])) : undefined,
        machineBusy: machineBefore !== undefined && machineAfter !== undefined ? machineAfter - machineBefore : undefined,
        emails,
      };
      results.push(result);
      cluster.assertAlive();
      say(describeOutcomes(result));
    }

    say(`\n${formatReport(results)}`);
    const missed = checkTargets(results);
    say(missed.length ? `\nMISSED:\n${missed.map((m) => `  - ${m}`).join('\n')}` : '\nall targets met');
    return missed.length ? 1 : 0;
  } finally {
    await cluster.stop();
    await smtp.stop();
  }
}

/** Warehouse staff receive plenty of every active product in every warehouse (set-up, not measured). */
async function stockEveryWarehouse(client: GraphQLClient, say: (line: string) => void): Promise<string[]> {
  const staff = (await client.request(op('BenchStaffLogin'), { email: 'warehouse@crittersupply.dev', password: 'critter-staff-dev' })).login.token as string;
  const skus = ((await client.request(op('BenchActiveProducts'), {})).products.nodes as { sku: string }[]).map((p) => p.sku);
  const warehouses = ((await client.request(op('BenchWarehouses'), {}, staff)).warehouses as { id: string }[]).map((w) => w.id);
  for (const sku of skus) {
    await Promise.all(warehouses.map((warehouseId) => client.request(op('BenchReceiveStock'), { sku, warehouseId, quantity: STOCK_PER_WAREHOUSE }, staff)));
  }
  say(`set-up: received ${STOCK_PER_WAREHOUSE} of each of ${skus.length} products in ${warehouses.length} warehouses`);
  return skus;
}

/** Registers the customers (set-up, not measured: each shopper arrives signed in). */
async function signUp(client: GraphQLClient, count: number, seed: number, say: (line: string) => void): Promise<string[]> {
  const started = performance.now();
  const tokens: string[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: SIGN_UP_CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const input = { email: `bench-${seed.toString(36)}-${i}@critter.test`, password: PASSWORD, firstName: 'Bench', lastName: `Shopper ${i}` };
        tokens[i] = (await client.request(op('BenchRegister'), { input })).registerCustomer.token as string;
      }
    }),
  );
  say(`set-up: ${count} customers signed up in ${((performance.now() - started) / 1000).toFixed(1)} s (${SIGN_UP_CONCURRENCY} at a time)`);
  return tokens;
}

function pickLines(random: Random, skus: string[]): [string, number][] {
  const count = 1 + random.int(5);
  const lines = new Map<string, number>();
  while (lines.size < Math.min(count, skus.length)) lines.set(random.pick(skus), 1 + random.int(2));
  return [...lines];
}

/** One customer's checkout, end to end; never throws. */
async function shop(timer: RequestTimer, wsUrl: string, token: string, lines: [string, number][], address: (typeof ADDRESSES)[number], stageStart: number, confirmTimeoutMs: number): Promise<Journey> {
  let step = 'subscribe';
  let feed: OrderFeed | undefined;
  const journey: Journey = { outcome: { kind: 'error', step, code: 'UNKNOWN' } };
  try {
    feed = await OrderFeed.open(wsUrl, token);
    step = 'createCart';
    const cartId = (await timer.call('BenchCreateCart', {}, token)).createCart.id as string;
    step = 'addCartItem';
    for (const [sku, quantity] of lines) await timer.call('BenchAddItem', { cartId, sku, quantity }, token);
    step = 'checkoutCart';
    const checkoutId = (await timer.call('BenchCheckoutCart', { cartId }, token)).checkoutCart.id as string;
    step = 'setCheckoutShippingAddress';
    await timer.call('BenchShipTo', { checkoutId, address: { nickname: 'Home', country: 'US', ...address } }, token);
    step = 'setCheckoutShippingMethod';
    await timer.call('BenchShipBy', { checkoutId, method: 'STANDARD' }, token);
    step = 'setCheckoutPaymentMethod';
    await timer.call('BenchPayWith', { checkoutId, paymentToken: 'tok_visa' }, token);
    step = 'placeOrder';
    const sent = performance.now();
    const order = (await timer.call('BenchPlaceOrder', { checkoutId }, token)).placeOrder as { id: string };
    const placed = performance.now();
    Object.assign(journey, { orderId: order.id, placeOrderMs: placed - sent, placedAt: placed - stageStart });
    step = 'orderUpdated';
    const end = await feed.reached(order.id, ['CONFIRMED', 'CANCELLED', 'ON_HOLD'], placed + confirmTimeoutMs);
    if (end?.status === 'CONFIRMED') {
      Object.assign(journey, { completionMs: end.at - sent, placedToConfirmedMs: end.at - placed, confirmedAt: end.at - stageStart });
      journey.outcome = { kind: 'confirmed' };
    } else if (end) {
      journey.outcome = { kind: 'ended', status: end.status };
    } else {
      // No event in time: ask for the order; a CONFIRMED one here means its event was lost.
      const status = (await timer.call('BenchOrderStatus', { id: order.id }, token)).order.status as string;
      journey.outcome = status === 'CONFIRMED' ? { kind: 'error', step, code: 'EVENT_MISSING' } : { kind: 'stuck', status };
    }
  } catch (err) {
    journey.outcome = { kind: 'error', step, code: err instanceof GraphQLFailure ? err.code : (err as Error).message.slice(0, 80) };
  } finally {
    await feed?.close().catch(() => undefined);
  }
  return journey;
}

function describeOutcomes(stage: StageResult): string {
  const counts = new Map<string, number>();
  for (const { outcome } of stage.journeys) {
    const key = outcome.kind === 'confirmed' ? 'CONFIRMED' : outcome.kind === 'ended' ? `ended ${outcome.status}` : outcome.kind === 'stuck' ? `stuck in ${outcome.status}` : `error at ${outcome.step}: ${outcome.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return `  ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')} — ${(stage.wallMs / 1000).toFixed(1)} s`;
}

const latencyRow = (label: string, s: LatencySummary) => [label, String(s.count), formatMs(s.p50), formatMs(s.p90), formatMs(s.p98), formatMs(s.p99), formatMs(s.max)];

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function formatReport(results: StageResult[]): string {
  const out: string[] = [];
  const latencyHeader = ['stage (customers)', 'n', 'p50', 'p90', 'p98', 'p99', 'max'];
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
      ['subgraph', 'published', 'handled', 'inbox duplicates', 'redeliveries', 'retried (nak)', 'dead-lettered'],
      [...last.messaging].map(([name, c]) => [name, String(c.published), String(c.processed), String(c.inboxDuplicates), String(c.redeliveries), String(c.retried), String(c.deadLettered)]),
    )}\n`,
  );

  const withCpu = results.filter((r): r is StageResult & { cpu: Record<string, number> } => r.cpu !== undefined);
  if (withCpu.length) {
    const processes = [...new Set(withCpu.flatMap((r) => Object.keys(r.cpu)))].sort((a, b) => (withCpu.at(-1)!.cpu[b] ?? 0) - (withCpu.at(-1)!.cpu[a] ?? 0));
    out.push(
      `CPU ms per confirmed order, by process (where the time goes)\n${table(
        ['stage (customers)', ...processes, 'total', 'cores busy: system / machine'],
        withCpu.map((r) => {
          const confirmed = Math.max(1, r.journeys.filter((j) => j.outcome.kind === 'confirmed').length);
          const total = Object.values(r.cpu).reduce((a, b) => a + b, 0);
          const seconds = r.wallMs / 1000;
          return [String(r.customers), ...processes.map((p) => (((r.cpu[p] ?? 0) * 1000) / confirmed).toFixed(0)), ((total * 1000) / confirmed).toFixed(0), `${(total / seconds).toFixed(2)} / ${r.machineBusy === undefined ? '-' : (r.machineBusy / seconds).toFixed(2)}`];
        }),
      )}\n(from /proc over the stage's wall time; postgres = the backends serving the benchmark database; NATS not counted)\n`,
    );
  }

  const names = [...new Set(results.flatMap((r) => [...r.requests.keys()]))];
  out.push(`request latency by operation, last stage (${results.at(-1)!.customers} customers)\n${table(['operation', 'n', 'p50', 'p90', 'p98', 'p99', 'max'], names.map((name) => latencyRow(name, summarize(results.at(-1)!.requests.get(name) ?? []))))}`);
  return out.join('\n');
}

/** CPU seconds so far per process, the PostgreSQL backends summed, plus this process (the load generator). */
async function cpuByProcess(cluster: Cluster): Promise<Record<string, number> | undefined> {
  const perProcess = await clusterCpuSeconds(cluster);
  const self = processCpuSeconds(process.pid);
  if (!perProcess || self === undefined) return undefined;
  const result: Record<string, number> = { 'load generator': self };
  for (const [name, seconds] of Object.entries(perProcess)) {
    const key = name.startsWith('postgres:') ? 'postgres' : name;
    result[key] = (result[key] ?? 0) + seconds;
  }
  return result;
}

function difference(after: Map<string, MessagingCounters>, before: Map<string, MessagingCounters>): Map<string, MessagingCounters> {
  return new Map(
    [...after].map(([name, counters]) => {
      const base = before.get(name);
      return [name, Object.fromEntries(Object.entries(counters).map(([k, v]) => [k, v - (base?.[k as keyof MessagingCounters] ?? 0)])) as unknown as MessagingCounters];
    }),
  );
}

/** Journeys that failed: a request error, a missing event, or an order that ended other than CONFIRMED. */
const errors = (r: StageResult) => r.journeys.filter((j) => j.outcome.kind === 'error' || j.outcome.kind === 'ended').length;

function checkTargets(results: StageResult[]): string[] {
  const missed: string[] = [];
  for (const r of results) {
    const completion = summarize(r.journeys.map((j) => j.completionMs).filter((v): v is number => v !== undefined));
    const stuck = r.journeys.filter((j) => j.outcome.kind === 'stuck').length;
    if (!(completion.p90 <= TARGETS.p90Ms)) missed.push(`${r.customers} customers: completion p90 ${formatMs(completion.p90)} > ${formatMs(TARGETS.p90Ms)}`);
    if (!(completion.p98 <= TARGETS.p98Ms)) missed.push(`${r.customers} customers: completion p98 ${formatMs(completion.p98)} > ${formatMs(TARGETS.p98Ms)}`);
    if (errors(r) / r.customers >= TARGETS.errorRate) missed.push(`${r.customers} customers: error rate ${((errors(r) / r.customers) * 100).toFixed(2)} % ≥ 1 %`);
    if (stuck) missed.push(`${r.customers} customers: ${stuck} order(s) stuck (not CONFIRMED, CANCELLED or ON_HOLD within the confirmation timeout)`);
    missed.push(...confirmationEmailMisses(r.customers, r.emails));
  }
  return missed;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { stages: [100, 500, 1_000], confirmTimeoutMs: 120_000, seed: Math.floor(Math.random() * 2 ** 31), logLevel: 'warn' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    const positive = (text: string) => {
      const n = Number(text);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} takes positive integers`);
      return n;
    };
    if (flag === '--stages') options.stages = value().split(',').map(positive);
    else if (flag === '--confirm-timeout') options.confirmTimeoutMs = positive(value()) * 1_000;
    else if (flag === '--seed') options.seed = positive(value());
    else if (flag === '--log-level') options.logLevel = value();
    else if (flag === '--cpu-prof') options.cpuProfileDir = path.resolve(value());
    else throw new Error(`unknown argument ${argv[i]} (use --stages 100,500,1000, --confirm-timeout SECONDS, --seed S, --log-level L, --cpu-prof DIR)`);
  }
  return options;
}

try {
  process.exit(await main(parseArgs(process.argv.slice(2))));
} catch (err) {
  process.stderr.write(`bench:checkout could not be completed: ${(err as Error).stack ?? err}\n`);
  process.exit(2);
}
