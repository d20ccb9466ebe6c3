/**
 * `npm run bench:gateway`: what the federated gateway costs. The same query is sent straight to a
 * subgraph and through the gateway, under the same closed-loop load, against real processes
 * (`dist/`, so build first — the npm script does). See docs/performance.md.
 *
 *   node dist/scripts/bench/gateway.js [--duration 10] [--connections 50] [--warmup 3]
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { DEV_DEMO_PASSWORD, DEV_SUBGRAPH_SHARED_SECRET, type SubgraphName } from '../../platform/config.js';
import { Cluster, assertBuilt } from '../cluster/cluster.js';
import { clusterCpuSeconds, machineBusySeconds } from '../cluster/cpu.js';
import { Origins, cannon, closedLoop, failures, stopLoad, type HttpTarget, type LoadShape, type Measurement } from './load.js';
import { GATEWAY_SECRET_HEADER } from '../../platform/gateway-link.js';
import { formatCpuTable, formatTable, type Row } from './report.js';

/** The subgraphs the measured queries touch (customers only for `login`); the others are not started. */
const BENCH_SUBGRAPHS = ['customers', 'catalog', 'inventory', 'cart'] as const satisfies readonly SubgraphName[];
const DATABASE = 'crittersupply_bench';
const NAMESPACE = 'bench';
const CART_SKUS = ['DOG-BOWL-001', 'CAT-TREE-5FT', 'FISH-TANK-20G'];

const PRODUCTS = 'query BenchProducts { products(first: 10) { nodes { sku name price { formatted } } } }';
/** Cart, catalog and inventory fields: only the gateway can answer it in one request. */
const CART_NESTED =
  'query BenchCart($id: ID!) { cart(id: $id) { items { quantity product { name price { cents } availability { inStock } } } } }';
/** What the cart subgraph alone can answer: the gateway's first fetch for CART_NESTED. */
const CART_OWN = 'query BenchCartOwn($id: ID!) { cart(id: $id) { items { quantity product { sku } } } }';
/** The gateway's other two fetches, made by the client: federation's entity lookups by SKU. */
const PRODUCT_ENTITIES = 'query BenchProductEntities($r: [_Any!]!) { _entities(representations: $r) { ... on Product { name price { cents } } } }';
const AVAILABILITY_ENTITIES = 'query BenchAvailability($r: [_Any!]!) { _entities(representations: $r) { ... on Product { availability { inStock } } } }';

const ANCHOR =
  'Published anchor (The Guild, graphql-hive/graphql-gateways-benchmark, 2026; k6, 50 VUs, in-memory subgraphs, a heavy\n' +
  '4-subgraph query, dedicated cores): Apollo Gateway ~91 req/s with p95 ~630 ms; Apollo Router ~353 req/s.';

interface Options extends LoadShape {
  warmupSeconds: number;
  /** Every process writes a V8 CPU profile here when it stops. */
  cpuProfileDir?: string;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '3' },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: npm run bench:gateway -- [--duration SECONDS=10] [--connections N=50] [--warmup SECONDS=3] [--cpu-prof DIR]\n');
    process.exit(0);
  }
  const positive = (name: string, text: string, allowZero = false) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, not "${text}"`);
    return n;
  };
  return {
    seconds: positive('duration', values.duration),
    connections: positive('connections', values.connections),
    warmupSeconds: positive('warmup', values.warmup, true),
    cpuProfileDir: values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined,
  };
}

const say = (line: string) => process.stderr.write(`bench: ${line}\n`);
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' / ');

/** One GraphQL call for setup and sanity checks; throws on any error. */
async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${url}: HTTP ${response.status} ${body.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ') ?? ''}`);
  }
  return body.data;
}

/** Signs alice in and gives her a cart of three products once cart's product projection knows them. */
async function prepareCart(system: Cluster): Promise<{ token: string; cartId: string }> {
  const { login } = await graphql<{ login: { token: string } }>(
    system.gatewayUrl,
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email: 'alice@critter.test', password: DEV_DEMO_PASSWORD },
  );
  const token = login.token;
  const { createCart } = await graphql<{ createCart: { id: string } }>(system.gatewayUrl, 'mutation { createCart { id } }', {}, token);
  for (const sku of CART_SKUS) {
    // Cart learns products from catalog's events: until then the SKU is unknown to it (BAD_USER_INPUT).
    await poll(`cart to know ${sku}`, () =>
      graphql(system.gatewayUrl, 'mutation($c: ID!, $s: ID!) { addCartItem(cartId: $c, sku: $s, quantity: 1) { cart { id } } }', { c: createCart.id, s: sku }, token),
    );
  }
  return { token, cartId: createCart.id };
}

async function poll<T>(what: string, probe: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${(err as Error).message}`);
    }
    interruption.signal.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

/** A measured run and the CPU seconds each process spent in it (where the time goes). */
interface Measured {
  m: Measurement;
  cpu?: Record<string, number>;
  /** CPU seconds the whole machine was busy during the window (ours and everyone else's). */
  machineBusy?: number;
}

async function measure(label: string, run: (shape: LoadShape) => Promise<Measurement>, options: Options, system: Cluster): Promise<Measured> {
  if (options.warmupSeconds > 0) {
    say(`${label}: warming up ${options.warmupSeconds}s`);
    const warm = await run({ seconds: options.warmupSeconds, connections: options.connections });
    interruption.signal.throwIfAborted();
    if (failures(warm)) throw new Error(`${label}: ${failures(warm)} failed requests during warm-up`);
  }
  say(`${label}: measuring ${options.seconds}s × ${options.connections} connections (load ${load()})`);
  const before = await clusterCpuSeconds(system);
  const machineBefore = machineBusySeconds();
  const selfBefore = process.cpuUsage();
  const m = await run(options);
  interruption.signal.throwIfAborted();
  const self = process.cpuUsage(selfBefore);
  const machineAfter = machineBusySeconds();
  const after = await clusterCpuSeconds(system);
  system.assertAlive();
  if (!before || !after) return { m };
  const cpu: Record<string, number> = { postgres: 0, 'load generator': (self.user + self.system) / 1e6 };
  for (const [key, seconds] of Object.entries(after)) {
    if (key === 'nats-server') continue; // no request of this benchmark uses NATS
    // A backend opened during the window spent all its CPU in it.
    const spent = seconds - (before[key] ?? 0);
    const name = key.startsWith('postgres:') ? 'postgres' : key;
    cpu[name] = (cpu[name] ?? 0) + spent;
  }
  return { m, cpu, machineBusy: machineBefore !== undefined && machineAfter !== undefined ? machineAfter - machineBefore : undefined };
}

/** Ctrl-C (or SIGTERM) ends the load and unwinds through main's `finally`, which stops everything. */
const interruption = new AbortController();
function onSignal(signal: NodeJS.Signals): void {
  if (interruption.signal.aborted) {
    say(`${signal} again: exiting now (children are killed; the database and streams are removed by the next run)`);
    process.exit(130);
  }
  say(`${signal}: stopping every process (again to force)`);
  interruption.abort(new Error(`interrupted by ${signal}`));
  stopLoad();
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

async function main(): Promise<number> {
  const options = readOptions();
  assertBuilt(BENCH_SUBGRAPHS, '`npm run build` (`npm run bench:gateway` does)');
  const loadAtStart = load();
  let system: Cluster | undefined;
  const origins = new Origins(options.connections);
  try {
    system = await Cluster.start({
      subgraphs: BENCH_SUBGRAPHS,
      services: 'shared',
      databaseName: DATABASE,
      namespace: NAMESPACE,
      env: {
        // The per-client limiter (600/min by default) would turn the benchmark into a 429 test.
        GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000000',
      },
      cpuProfileDir: options.cpuProfileDir,
      signal: interruption.signal,
      say,
    });
    const { gatewayUrl } = system;
    const subgraphUrls = { catalog: system.url('catalog'), inventory: system.url('inventory'), cart: system.url('cart') };
    const { token, cartId } = await prepareCart(system);
    // Subgraphs answer only the gateway: the direct calls present its (development) shared secret.
    const asGateway = { [GATEWAY_SECRET_HEADER]: DEV_SUBGRAPH_SHARED_SECRET };
    const auth = { authorization: `Bearer ${token}`, ...asGateway };

    // Same query, same answer: the comparison is only fair if both sides do the same work.
    const viaGateway = await graphql(gatewayUrl, PRODUCTS);
    const direct = await graphql(subgraphUrls.catalog, PRODUCTS, {}, undefined, asGateway);
    if (JSON.stringify(viaGateway) !== JSON.stringify(direct)) throw new Error('products: the gateway and catalog answered differently');
    const nested = await graphql<{ cart: { items: { product: { name: string; availability: { inStock: boolean } } }[] } }>(gatewayUrl, CART_NESTED, { id: cartId }, token);
    if (nested.cart.items.length !== CART_SKUS.length) throw new Error(`cart: expected ${CART_SKUS.length} items, got ${nested.cart.items.length}`);

    const target = (url: string, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): HttpTarget => ({ url, body: body(query, variables), headers });
    const byHand = async () => {
      const cart = JSON.parse(await origins.post(subgraphUrls.cart, body(CART_OWN, { id: cartId }), auth)) as {
        data: { cart: { items: { product: { sku: string } }[] } };
      };
      const r = cart.data.cart.items.map((item) => ({ __typename: 'Product', sku: item.product.sku }));
      await Promise.all([
        origins.post(subgraphUrls.catalog, body(PRODUCT_ENTITIES, { r }), auth),
        origins.post(subgraphUrls.inventory, body(AVAILABILITY_ENTITIES, { r }), auth),
      ]);
    };

    const rows: Row[] = [];
    const products = 'products(first: 10)';
    const productsDirect = await measure('products → catalog', (s) => cannon(target(subgraphUrls.catalog, PRODUCTS, undefined, asGateway), s), options, system);
    rows.push({ scenario: products, target: 'catalog subgraph, direct', ...productsDirect });
    const productsGateway = await measure('products → gateway', (s) => cannon(target(gatewayUrl, PRODUCTS), s), options, system);
    rows.push({ scenario: products, target: 'gateway', ...productsGateway, baseline: productsDirect.m });

    const cart = 'cart(id), 3 items, nested';
    const cartDirect = await measure('cart → cart subgraph', (s) => cannon(target(subgraphUrls.cart, CART_OWN, { id: cartId }, auth), s), options, system);
    rows.push({ scenario: cart, target: 'cart subgraph, direct (SUBSET*)', ...cartDirect });
    const cartByHand = await measure('cart → 3 direct calls', (s) => closedLoop(byHand, s), options, system);
    rows.push({ scenario: cart, target: 'cart+catalog+inventory by hand†', ...cartByHand });
    const cartGateway = await measure('cart → gateway', (s) => cannon(target(gatewayUrl, CART_NESTED, { id: cartId }, auth), s), options, system);
    rows.push({ scenario: cart, target: 'gateway (3 subgraphs)', ...cartGateway, baseline: cartDirect.m, secondBaseline: { label: 'by hand', m: cartByHand.m } });

    const cpus = os.cpus();
    process.stdout.write(
      [
        '',
        `Gateway overhead — ${options.seconds}s × ${options.connections} connections per row after ${options.warmupSeconds}s warm-up, loopback, autocannon ${autocannonVersion()}`,
        `machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, node ${process.version}`,
        `load average (1/5/15 min): ${loadAtStart} before start, ${load()} after the last row`,
        '',
        formatTable(rows),
        '',
        formatCpuTable(rows, cpus.length),
        '',
        `* The cart subgraph alone cannot answer the nested query (name and price are catalog's, availability inventory's):`,
        `  its row asks only for its own fields — ${CART_OWN.replace(/^query \w+\(\$id: ID!\) /, '')} — the gateway's first fetch.`,
        `† Client-side composition without a gateway: the cart call, then catalog and inventory _entities calls in parallel`,
        '  (what the gateway\'s query plan does), measured by this script\'s closed-loop driver (undici), not autocannon.',
        'Everything (load generator, gateway, subgraphs, PostgreSQL, NATS) shares this machine\'s cores.',
        '',
        ANCHOR,
        '',
      ].join('\n'),
    );
    const failed = rows.reduce((sum, row) => sum + failures(row.m), 0);
    if (failed) process.stderr.write(`bench: ${failed} requests failed (see the errors column)\n`);
    return failed ? 1 : 0;
  } finally {
    await origins.close();
    await system?.stop();
  }
}

function autocannonVersion(): string {
  return (createRequire(import.meta.url)('autocannon/package.json') as { version: string }).version;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (interruption.signal.aborted) process.exit(130);
    process.stderr.write(`bench: failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
