/**
 * The benchmark's system under test: real processes as in production — the built
 * `dist/subgraphs/<name>/main.js` entry points and `dist/gateway/main.js` — on free loopback ports,
 * against a database and an event namespace of their own that are removed afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';
import { SUBGRAPHS, loadConfig, type SubgraphName } from '../../platform/config.js';
import { dropDatabase, ensureDatabase } from '../../platform/database.js';
import { createLogger } from '../../platform/logger.js';
import { repoPath } from '../../platform/paths.js';
import { connectBroker } from '../../events/nats.js';

/** The subgraphs the measured queries touch (customers only for `login`). */
export const BENCH_SUBGRAPHS = ['customers', 'catalog', 'inventory', 'cart'] as const satisfies readonly SubgraphName[];
type BenchSubgraph = (typeof BENCH_SUBGRAPHS)[number];

export interface BenchSystem {
  gatewayUrl: string;
  subgraphUrls: Record<BenchSubgraph, string>;
  /**
   * CPU seconds (user + system) used so far by each process, and by each PostgreSQL backend serving
   * the benchmark's database (keys `postgres:<pid>`); undefined where /proc is not available.
   */
  cpuSeconds(): Promise<Record<string, number> | undefined>;
  /** Throws, with its last output, when a process has died (checked after each measurement). */
  assertAlive(): void;
  /** Stops every process, then deletes the namespace's streams and drops the database. Idempotent. */
  stop(): Promise<void>;
}

export interface BenchSystemOptions {
  databaseName: string;
  namespace: string;
  /** Extra settings for every process. */
  env?: Record<string, string>;
  /** Aborting it ends start-up early (everything started so far is stopped). */
  signal?: AbortSignal;
  /** Lines of progress for the user. */
  say(line: string): void;
}

const HOST = '127.0.0.1';
/** Nothing listens on port 1: the subgraphs the benchmark does not start fail fast if a plan ever reached them. */
const UNUSED_SUBGRAPH_URL = `http://${HOST}:1/graphql`;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const BOOT_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;

class ManagedProcess {
  readonly child: ChildProcess;
  /** The last lines it printed, shown when it fails. */
  private readonly tail: string[] = [];

  constructor(readonly name: string, script: string, env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, ['--enable-source-maps', repoPath(script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) this.tail.push(line);
      this.tail.splice(0, Math.max(0, this.tail.length - 40));
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  output(): string {
    return this.tail.map((line) => `    [${this.name}] ${line}`).join('\n');
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await gone;
    clearTimeout(timer);
  }
}

/** Fails when `dist/` is missing a process the benchmark runs: it measures the build, never builds. */
export function assertBuilt(): void {
  const missing = [...BENCH_SUBGRAPHS.map((name) => `dist/subgraphs/${name}/main.js`), 'dist/gateway/main.js'].filter((file) => !existsSync(repoPath(file)));
  if (missing.length) throw new Error(`not built: ${missing.join(', ')} — run \`npm run build\` first (\`npm run bench:gateway\` does)`);
}

export async function startBenchSystem(options: BenchSystemOptions): Promise<BenchSystem> {
  const ports = await freePorts(BENCH_SUBGRAPHS.length + 1);
  const subgraphPorts = Object.fromEntries(BENCH_SUBGRAPHS.map((name, i) => [name, ports[i]])) as Record<BenchSubgraph, number>;
  const gatewayPort = ports[BENCH_SUBGRAPHS.length];
  const subgraphUrls = Object.fromEntries(BENCH_SUBGRAPHS.map((name) => [name, `http://${HOST}:${subgraphPorts[name]}/graphql`])) as Record<BenchSubgraph, string>;
  const databaseUrl = benchDatabaseUrl(options.databaseName);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development', // seeds the catalogue, stock and the demo customer the queries read
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    HOST,
    DATABASE_URL: databaseUrl,
    EVENT_NAMESPACE: options.namespace,
    PORT: String(gatewayPort),
    ...Object.fromEntries(BENCH_SUBGRAPHS.map((name) => [`${name.toUpperCase()}_PORT`, String(subgraphPorts[name])])),
    // The gateway serves the committed supergraph (as in production); only the URLs are this run's.
    SUBGRAPH_URLS: JSON.stringify(Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphUrls[name as BenchSubgraph] ?? UNUSED_SUBGRAPH_URL]))),
    ...options.env,
  };
  // Same validation the processes will do, before anything is started.
  const config = loadConfig(env);
  const log = createLogger({ ...config, logLevel: 'silent' }, 'bench');

  const processes: ManagedProcess[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.all([...processes].reverse().map((p) => p.stop()));
      await deleteNamespaceStreams(config.nats, options.namespace, log).catch((err) => options.say(`could not delete the streams of ${options.namespace}: ${err}`));
      await dropDatabase(databaseUrl).catch((err) => options.say(`could not drop ${options.databaseName}: ${err}`));
    })());
  // Last resort when the benchmark itself dies without running stop(): no child outlives it.
  process.once('exit', () => {
    for (const p of processes) if (!p.exited) p.child.kill('SIGKILL');
  });

  try {
    // A run killed half-way leaves its database and streams behind; start from nothing.
    await deleteNamespaceStreams(config.nats, options.namespace, log);
    await dropDatabase(databaseUrl);
    await ensureDatabase(databaseUrl);

    options.say(`starting ${BENCH_SUBGRAPHS.join(', ')} (database ${options.databaseName}, namespace ${options.namespace})`);
    const subgraphs = BENCH_SUBGRAPHS.map((name) => new ManagedProcess(name, `dist/subgraphs/${name}/main.js`, env));
    processes.push(...subgraphs);
    await Promise.all(subgraphs.map((p) => waitForHealth(p, `http://${HOST}:${subgraphPorts[p.name as BenchSubgraph]}/health`, options.signal)));
    options.say('starting the gateway');
    const gateway = new ManagedProcess('gateway', 'dist/gateway/main.js', env);
    processes.push(gateway);
    await waitForHealth(gateway, `http://${HOST}:${gatewayPort}/health`, options.signal);
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    gatewayUrl: `http://${HOST}:${gatewayPort}/graphql`,
    subgraphUrls,
    async cpuSeconds() {
      const used: Record<string, number> = {};
      for (const p of processes) {
        const seconds = p.child.pid === undefined ? undefined : processCpuSeconds(p.child.pid);
        if (seconds === undefined) return undefined;
        used[p.name] = seconds;
      }
      // Backend pids are only this machine's processes when PostgreSQL runs here.
      if (!LOOPBACK.has(new URL(databaseUrl).hostname)) return used;
      for (const pid of await backendPids(databaseUrl, options.databaseName)) {
        const seconds = processCpuSeconds(pid);
        if (seconds !== undefined) used[`postgres:${pid}`] = seconds;
      }
      return used;
    },
    assertAlive() {
      const dead = processes.find((p) => p.exited);
      if (dead) throw new Error(`${dead.name} exited (${dead.child.signalCode ?? dead.child.exitCode}):\n${dead.output()}`);
    },
    stop,
  };
}

function benchDatabaseUrl(databaseName: string): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/crittersupply');
  url.pathname = `/${databaseName}`;
  return url.toString();
}

/** Linux: CPU seconds the whole machine has spent busy (all cores, everything but idle and iowait). */
export function machineBusySeconds(): number | undefined {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user)
    const busy = ticks.slice(0, 8).reduce((sum, n, i) => (i === 3 || i === 4 ? sum : sum + n), 0);
    return busy / 100;
  } catch {
    return undefined;
  }
}

/** The server processes of the connections to the benchmark's database (none when not reachable). */
async function backendPids(databaseUrl: string, databaseName: string): Promise<number[]> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [databaseName]);
    return rows.map((row) => row.pid);
  } catch {
    return [];
  } finally {
    await client.end().catch(() => {});
  }
}

/** Linux: utime + stime of /proc/<pid>/stat, in clock ticks of 1/100 s (USER_HZ on every mainstream kernel). */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function waitForHealth(p: ManagedProcess, url: string, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (p.exited) throw new Error(`${p.name} exited during start-up (${p.child.signalCode ?? p.child.exitCode}):\n${p.output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${p.name} was not healthy at ${url} within ${BOOT_TIMEOUT_MS / 1000}s:\n${p.output()}`);
}

/** Distinct free loopback ports: all held open at once, then released for the processes. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, HOST, () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** Removes the namespace's streams (as test/support/stack.ts does for tests). */
async function deleteNamespaceStreams(nats: Parameters<typeof connectBroker>[0], namespace: string, log: Parameters<typeof connectBroker>[1]): Promise<void> {
  const broker = await connectBroker(nats, log);
  try {
    for await (const name of broker.jsm.streams.names()) {
      if (name.startsWith(`${namespace.toUpperCase()}_`)) await broker.jsm.streams.delete(name);
    }
  } finally {
    await broker.close();
  }
}
