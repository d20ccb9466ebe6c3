import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS, loadConfig, type SubgraphName } from '../../platform/config.js';
import { dropDatabase, ensureDatabase } from '../../platform/database.js';
import { createLogger } from '../../platform/logger.js';
import { repoPath } from '../../platform/paths.js';
import { connectBroker } from '../../events/nats.js';
import { ManagedProcess } from './managed-process.js';
import { PrivateNats } from './nats-server.js';
import { PrivatePostgres, stopPostgresSync } from './postgres.js';
import { LOOPBACK, freePorts, sleep } from './ports.js';
import { RunDir, reapAbandonedRunDirs } from './run-dir.js';

/**
 * The system as it runs in production, on this machine: every subgraph and the gateway as its own
 * process (the built `dist/…/main.js` entry points), on free loopback ports, against
 * - `private` services: a PostgreSQL cluster and a nats-server of the cluster's own, started in a
 *   temp directory and removed at the end (nothing shared with other runs: chaos may restart them);
 * - `shared` services: the machine's PostgreSQL and NATS, with a database and an event namespace
 *   of the cluster's own, dropped at the end (benchmarks).
 * Used by `npm run test:chaos` (scripts/chaos) and `npm run bench:gateway` (scripts/bench); the
 * CPU time of its processes and their PostgreSQL backends: ./cpu.ts.
 */
export interface ClusterOptions {
  /** The subgraphs to run; the gateway's plan never reaches the others (they get an unreachable URL). */
  subgraphs: readonly SubgraphName[];
  /** Run the gateway too (default true). */
  gateway?: boolean;
  services: 'private' | 'shared';
  databaseName: string;
  namespace: string;
  /** Extra settings for every process. */
  env?: Record<string, string>;
  /** Per-process NATS URL (e.g. through a fault-injecting proxy); default: the broker's URL. */
  natsUrlFor?: (processName: ProcessName, natsUrl: string) => string | Promise<string>;
  /**
   * Aborting it stops waiting for processes to become healthy: Cluster.start() then stops whatever it
   * started (and drops a shared database) and throws the abort reason, as does a start(name) after it.
   */
  signal?: AbortSignal;
  /**
   * Every process writes a V8 CPU profile into this directory when it stops (open it in Chrome
   * DevTools). Node 20 refuses `--cpu-prof` in NODE_OPTIONS, so it goes on the command line.
   */
  cpuProfileDir?: string;
  /**
   * Every process appends what it prints to `<name>.log` in this directory (shared services: a
   * private cluster keeps them in its run directory anyway). For reading after the fact what a
   * process said, e.g. why a benchmark run stalled.
   */
  logDir?: string;
  /** Lines of progress for the user. */
  say(line: string): void;
  /** A process that exits when nobody asked it to (a crash). Default: remembered for assertAlive(). */
  onUnexpectedExit?: (name: ProcessName, outcome: string, output: string) => void;
}

export type ProcessName = SubgraphName | 'gateway';

const BOOT_TIMEOUT_MS = 180_000;
/** Ports tried for a process whose first port another program took first. */
const PORT_ATTEMPTS = 5;
/** Nothing listens on port 1: subgraphs a cluster does not run fail fast if a plan ever reached them. */
const UNUSED_SUBGRAPH_URL = `http://${LOOPBACK}:1/graphql`;

/** Fails when `dist/` lacks a process the cluster would run: the cluster runs the build, it never builds. */
export function assertBuilt(subgraphs: readonly SubgraphName[], command = '`npm run build`'): void {
  const missing = [...subgraphs.map((name) => `dist/subgraphs/${name}/main.js`), 'dist/gateway/main.js'].filter((file) => !existsSync(repoPath(file)));
  if (missing.length) throw new Error(`not built: ${missing.join(', ')} — run ${command} first`);
}

interface Slot {
  name: ProcessName;
  script: string;
  port: number;
  env: NodeJS.ProcessEnv;
  current: ManagedProcess | undefined;
  incarnation: number;
  /** Set while it boots: an exit then fails start() instead of counting as a crash. */
  starting: boolean;
  /** Set while the driver itself stops/kills it: that exit is not a crash. */
  expectingExit: boolean;
}

export class Cluster {
  readonly databaseUrl: string;
  readonly natsUrl: string;
  private readonly slots = new Map<ProcessName, Slot>();
  private readonly crashes: { name: ProcessName; outcome: string; output: string }[] = [];
  private stopping: Promise<void> | undefined;
  private readonly exitHook = () => this.stopSync();

  private constructor(
    private readonly options: ClusterOptions,
    readonly runDir: RunDir | undefined,
    readonly postgres: PrivatePostgres | undefined,
    readonly nats: PrivateNats | undefined,
    databaseUrl: string,
    natsUrl: string,
  ) {
    this.databaseUrl = databaseUrl;
    this.natsUrl = natsUrl;
    // Last resort when the driver dies without stop(): no child outlives it.
    process.once('exit', this.exitHook);
  }

  /** Starts the services (private ones), then the subgraphs in parallel, then the gateway. */
  static async start(options: ClusterOptions): Promise<Cluster> {
    let cluster: Cluster | undefined;
    let runDir: RunDir | undefined;
    let postgres: PrivatePostgres | undefined;
    let nats: PrivateNats | undefined;
    try {
      let databaseUrl: string;
      let natsUrl: string;
      if (options.services === 'private') {
        reapAbandonedRunDirs(stopPostgresSync, options.say);
        runDir = new RunDir();
        const [pgPort, natsPort] = await freePorts(2);
        options.say(`starting a private PostgreSQL (port ${pgPort}) and nats-server (port ${natsPort}) in ${runDir.path}`);
        const dir = runDir;
        nats = new PrivateNats(dir.file('nats'), natsPort!, (p) => dir.recordChild(p.pid, 'nats-server'));
        [postgres] = await Promise.all([PrivatePostgres.start(dir.file('pg'), pgPort!), nats.start()]);
        databaseUrl = postgres.url(options.databaseName);
        natsUrl = nats.url;
      } else {
        const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/crittersupply');
        base.pathname = `/${options.databaseName}`;
        databaseUrl = base.toString();
        natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
      }
      if (options.logDir) mkdirSync(options.logDir, { recursive: true });
      cluster = new Cluster(options, runDir, postgres, nats, databaseUrl, natsUrl);
      await cluster.boot();
      return cluster;
    } catch (err) {
      if (cluster) await cluster.stop();
      else {
        await nats?.stop().catch(() => undefined);
        await postgres?.stop().catch(() => undefined);
        runDir?.remove();
      }
      throw err;
    }
  }

  get names(): ProcessName[] {
    return [...this.slots.keys()];
  }

  get gatewayUrl(): string {
    return this.url('gateway');
  }

  /** The GraphQL URL of a process. */
  url(name: ProcessName): string {
    return `http://${LOOPBACK}:${this.slot(name).port}/graphql`;
  }

  /** `/health`, `/ready`, `/metrics`… of a process. */
  endpoint(name: ProcessName, path: string): string {
    return `http://${LOOPBACK}:${this.slot(name).port}${path}`;
  }

  /** The running process (undefined between a kill and the next start). */
  process(name: ProcessName): ManagedProcess | undefined {
    const current = this.slot(name).current;
    return current && !current.exited ? current : undefined;
  }

  /** 1 for the first process of that name, +1 per restart. */
  incarnation(name: ProcessName): number {
    return this.slot(name).incarnation;
  }

  /** Sends a signal (SIGSTOP, SIGCONT…) to the running process. */
  signal(name: ProcessName, signal: NodeJS.Signals): void {
    this.process(name)?.signal(signal);
  }

  /** kill -9 and wait until it is gone. */
  async kill(name: ProcessName): Promise<void> {
    const slot = this.slot(name);
    slot.expectingExit = true;
    await slot.current?.kill();
  }

  /** Starts the next incarnation and waits until it answers /health. */
  async start(name: ProcessName): Promise<void> {
    const slot = this.slot(name);
    if (slot.current && !slot.current.exited) throw new Error(`${name} is already running`);
    slot.expectingExit = false;
    slot.incarnation++;
    const profiling = this.options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${this.options.cpuProfileDir}`, `--cpu-prof-name=${name}-${slot.incarnation}.cpuprofile`] : [];
    const logFile = this.runDir?.file(`${name}.log`) ?? (this.options.logDir ? path.join(this.options.logDir, `${name}.log`) : undefined);
    const child = ManagedProcess.node(name, repoPath(slot.script), slot.env, logFile, profiling);
    this.runDir?.recordChild(child.pid, slot.script);
    slot.current = child;
    void child.exit.then(() => {
      if (slot.expectingExit || slot.starting || slot.current !== child || this.stopping) return;
      const crash = { name, outcome: child.outcome, output: child.output() };
      this.crashes.push(crash);
      this.options.onUnexpectedExit?.(name, crash.outcome, crash.output);
    });
    slot.starting = true;
    try {
      await this.waitForHealth(slot, child);
    } finally {
      slot.starting = false;
    }
  }

  /**
   * The first start of a process. A free port is only free when picked: in the time before the
   * process listens, another program (a parallel test, say) may take it. Then the process moves to
   * another port — possible only before the gateway has been told the URLs.
   */
  private async startOnFreePort(name: ProcessName): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.start(name);
      } catch (err) {
        if (attempt >= PORT_ATTEMPTS || !String((err as Error).message).includes('EADDRINUSE')) throw err;
        const slot = this.slot(name);
        const [port] = await freePorts(1);
        slot.port = port!;
        slot.env = { ...slot.env, [name === 'gateway' ? 'PORT' : `${name.toUpperCase()}_PORT`]: String(port) };
        this.options.say(`${name}: its port was taken before it could listen; moving it to ${port}`);
      }
    }
  }

  async restart(name: ProcessName): Promise<void> {
    await this.kill(name);
    await this.start(name);
  }

  /** Throws, with its last output, when a process crashed (not counting kills the driver made). */
  assertAlive(): void {
    const crash = this.crashes[0];
    if (crash) throw new Error(`${crash.name} exited (${crash.outcome}):\n${crash.output}`);
  }

  /** Stops every process, then the services (private: stopped and deleted; shared: database and streams dropped). Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const slots = [...this.slots.values()];
      for (const slot of slots) slot.expectingExit = true;
      const gateway = this.slots.get('gateway');
      await gateway?.current?.stop();
      await Promise.all(slots.filter((s) => s !== gateway).map((s) => s.current?.stop()));
      if (this.runDir) {
        await this.nats?.stop().catch((err) => this.options.say(`could not stop nats-server: ${err}`));
        await this.postgres?.stop().catch((err) => this.options.say(`could not stop PostgreSQL: ${err}`));
        this.runDir.remove();
      } else {
        await deleteNamespaceStreams(this.natsUrl, this.options.namespace).catch((err) => this.options.say(`could not delete the streams of ${this.options.namespace}: ${err}`));
        await dropDatabase(this.databaseUrl).catch((err) => this.options.say(`could not drop ${this.options.databaseName}: ${err}`));
      }
      process.removeListener('exit', this.exitHook);
    })();
    return this.stopping;
  }

  /** Exit hook: kill what still runs, synchronously (a private PostgreSQL included). */
  private stopSync(): void {
    for (const slot of this.slots.values()) slot.current?.signal('SIGKILL');
    this.nats?.killSync();
    try {
      this.postgres?.stopSync();
    } catch {
      /* nothing more can be done while exiting */
    }
    this.runDir?.remove();
  }

  private slot(name: ProcessName): Slot {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`the cluster runs no process called ${name}`);
    return slot;
  }

  private async boot(): Promise<void> {
    const { options } = this;
    const withGateway = options.gateway ?? true;
    const names: ProcessName[] = [...options.subgraphs, ...(withGateway ? (['gateway'] as const) : [])];
    const ports = await freePorts(names.length);
    const portOf = Object.fromEntries(names.map((name, i) => [name, ports[i]!])) as Record<ProcessName, number>;
    const subgraphUrl = (name: SubgraphName) => (options.subgraphs.includes(name) ? `http://${LOOPBACK}:${portOf[name]}/graphql` : UNUSED_SUBGRAPH_URL);

    const baseEnv: NodeJS.ProcessEnv = {
      ...withoutTestRunnerSettings(process.env),
      NODE_ENV: 'development',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      HOST: LOOPBACK,
      DATABASE_URL: this.databaseUrl,
      NATS_URL: this.natsUrl,
      EVENT_NAMESPACE: options.namespace,
      ...(withGateway ? { PORT: String(portOf.gateway) } : {}),
      ...Object.fromEntries(options.subgraphs.map((name) => [`${name.toUpperCase()}_PORT`, String(portOf[name])])),
      // The gateway serves the committed supergraph (as in production); only the URLs are this run's.
      SUBGRAPH_URLS: JSON.stringify(Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphUrl(name)]))),
      ...options.env,
    };
    // The processes validate the same settings; fail here, before anything starts.
    loadConfig(baseEnv);

    if (options.services === 'shared') {
      // A run killed half-way leaves its database and streams behind: start from nothing.
      await deleteNamespaceStreams(this.natsUrl, options.namespace);
      await dropDatabase(this.databaseUrl);
    }
    await ensureDatabase(this.databaseUrl);

    for (const name of names) {
      const natsUrl = options.natsUrlFor ? await options.natsUrlFor(name, this.natsUrl) : this.natsUrl;
      const script = name === 'gateway' ? 'dist/gateway/main.js' : `dist/subgraphs/${name}/main.js`;
      this.slots.set(name, { name, script, port: portOf[name], env: { ...baseEnv, NATS_URL: natsUrl }, current: undefined, incarnation: 0, starting: false, expectingExit: false });
    }
    options.say(`starting ${options.subgraphs.join(', ')} (database ${options.databaseName}, namespace ${options.namespace})`);
    // In parallel: each migrates its own schema and seeds its own data.
    await Promise.all(options.subgraphs.map((name) => this.startOnFreePort(name)));
    if (withGateway) {
      // the URLs of where the subgraphs really listen (one may have moved)
      const urls = Object.fromEntries(SUBGRAPHS.map((name) => [name, options.subgraphs.includes(name) ? this.url(name) : UNUSED_SUBGRAPH_URL]));
      const gateway = this.slot('gateway');
      gateway.env = { ...gateway.env, SUBGRAPH_URLS: JSON.stringify(urls) };
      options.say('starting the gateway');
      await this.startOnFreePort('gateway');
    }
  }

  private async waitForHealth(slot: Slot, process: ManagedProcess): Promise<void> {
    const url = `http://${LOOPBACK}:${slot.port}/health`;
    const deadline = Date.now() + BOOT_TIMEOUT_MS;
    while (Date.now() < deadline) {
      this.options.signal?.throwIfAborted();
      if (process.exited) throw new Error(`${slot.name} exited during start-up (${process.outcome}):\n${process.output()}`);
      try {
        // A free port is only free when picked: if another program took it since, its answer is
        // not ours — our process then fails to listen and exits, which the check above reports.
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        if (response.ok && ((await response.json()) as { service?: string }).service === slot.name) return;
      } catch {
        /* not listening yet */
      }
      await sleep(200);
    }
    throw new Error(`${slot.name} was not healthy at ${url} within ${BOOT_TIMEOUT_MS / 1000}s:\n${process.output()}`);
  }
}

/** Settings a test runner puts in its environment that must not reach the processes. */
function withoutTestRunnerSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const key of Object.keys(copy)) if (key === 'NODE_OPTIONS' || key.startsWith('VITEST') || key === 'TEST') delete copy[key];
  return copy;
}

/** Removes the namespace's streams (as test/support/stack.ts does for tests). */
export async function deleteNamespaceStreams(natsUrl: string, namespace: string): Promise<void> {
  const config = loadConfig({ NATS_URL: natsUrl, EVENT_NAMESPACE: namespace });
  const broker = await connectBroker(config.nats, createLogger({ ...config, logLevel: 'silent' }, 'cluster'));
  try {
    for await (const name of broker.jsm.streams.names()) {
      if (name.startsWith(`${namespace.toUpperCase()}_`)) await broker.jsm.streams.delete(name);
    }
  } finally {
    await broker.close();
  }
}
