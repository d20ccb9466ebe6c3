/**
 * `npm run bench:checkout [-- OPTIONS]`: the checkout load benchmark (docs/performance.md). Every
 * subgraph and the gateway run as real processes (scripts/cluster) on a throw-away database and
 * event namespace; signed-in customers go through checkout — new cart → 1–5 products →
 * checkoutCart → address, shipping method, card → placeOrder, then the order's CONFIRMED event on
 * their own `orderUpdated` subscription (scripts/bench/journey.ts). Two profiles:
 *
 * - `--profile stages` (default; `--stages 100,500,1000`): per stage, that many customers start at
 *   the same instant — a burst (scripts/bench/stages.ts);
 * - `--profile shoppers` (`--shoppers 1000 --duration 300 --think-ms 2000-6000`): that many shoppers
 *   loop journeys with think time between steps for the duration — sustained load
 *   (scripts/bench/shoppers.ts).
 *
 * Both report completion (placeOrder sent → CONFIRMED received) p50/p90/p98/p99, throughput,
 * errors, request latency per operation, CPU ms and SQL statements / transactions per confirmed
 * order by process, and check SPEC §11's targets. `--seed S` fixes every cart and think time;
 * `--cpu-prof DIR` has every process write a V8 CPU profile there when it stops; `--logs DIR` keeps
 * what each process prints there (`<name>.log`, appended across runs); `--json FILE` writes the CPU ms,
 * statements and transactions per order of each stage (or the shoppers' window) there too.
 * Exit code 1 when a target is missed or an order is stuck, 2 when the run could not be carried out.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Random } from '../cluster/random.js';
import { OFFICIAL_DURATION_MS, runShoppers, type ShoppersOptions } from './shoppers.js';
import { runStages, type StagesOptions } from './stages.js';
import { startBenchSystem } from './system.js';

type Options = {
  seed: number;
  logLevel: string;
  /** Where each process writes a V8 CPU profile when it stops (`--cpu-prof DIR`). */
  cpuProfileDir?: string;
  /** Where each process's output goes (`--logs DIR`). */
  logDir?: string;
  /** Suffix of the database and event namespace (`--instance NAME`), for a second run on the same machine. */
  instance?: string;
  /** Where the figures per order go as JSON (`--json FILE`; read by bench:compare). */
  jsonFile?: string;
} & ({ profile: 'stages'; stages: StagesOptions } | { profile: 'shoppers'; shoppers: Omit<ShoppersOptions, 'seed'> });

async function main(options: Options): Promise<number> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const customers = options.profile === 'stages' ? Math.max(...options.stages.stages) : options.shoppers.shoppers;
  say(
    options.profile === 'stages'
      ? `bench:checkout — stages ${options.stages.stages.join(' → ')} concurrent customers, seed ${options.seed}`
      : `bench:checkout — profile shoppers: ${customers} shoppers for ${options.shoppers.durationMs / 1000} s, seed ${options.seed}`,
  );
  const system = await startBenchSystem({ customers, seed: options.seed, logLevel: options.logLevel, cpuProfileDir: options.cpuProfileDir, logDir: options.logDir, instance: options.instance, say });
  try {
    const { report, missed, figures } =
      options.profile === 'stages' ? await runStages(system, new Random(options.seed), options.stages) : await runShoppers(system, { ...options.shoppers, seed: options.seed });
    say(`\n${report}`);
    if (options.jsonFile) await writeFile(options.jsonFile, `${JSON.stringify({ profile: options.profile, seed: options.seed, rows: figures, missed }, null, 2)}\n`);
    say(missed.length ? `\nMISSED:\n${missed.map((m) => `  - ${m}`).join('\n')}` : '\nall targets met');
    return missed.length ? 1 : 0;
  } finally {
    await system.stop();
  }
}

const USAGE =
  'use --profile stages|shoppers, --seed S, --confirm-timeout SECONDS, --log-level L, --cpu-prof DIR, --logs DIR, --json FILE, --instance NAME; ' +
  'stages: --stages 100,500,1000; shoppers: --shoppers N, --duration SECONDS, --think-ms MIN-MAX';

function parseArgs(argv: string[]): Options {
  let profile = 'stages';
  let stages = [100, 500, 1_000];
  let shoppers = 1_000;
  let durationMs = OFFICIAL_DURATION_MS;
  let thinkMs: [number, number] = [2_000, 6_000];
  let confirmTimeoutMs = 120_000;
  let seed = Math.floor(Math.random() * 2 ** 31);
  let logLevel = 'warn';
  let cpuProfileDir: string | undefined;
  let logDir: string | undefined;
  let instance: string | undefined;
  let jsonFile: string | undefined;
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = argv[i]!.split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    const positive = (text: string) => {
      const n = Number(text);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} takes positive integers`);
      return n;
    };
    given.add(flag);
    if (flag === '--profile') profile = value();
    else if (flag === '--stages') stages = value().split(',').map(positive);
    else if (flag === '--shoppers') shoppers = positive(value());
    else if (flag === '--duration') durationMs = positive(value()) * 1_000;
    else if (flag === '--think-ms') {
      const [min, max] = value().split('-').map((n) => Number(n));
      if (!Number.isInteger(min) || !Number.isInteger(max) || min! < 0 || max! < min!) throw new Error('--think-ms takes MIN-MAX milliseconds, e.g. 2000-6000');
      thinkMs = [min!, max!];
    } else if (flag === '--confirm-timeout') confirmTimeoutMs = positive(value()) * 1_000;
    else if (flag === '--seed') seed = positive(value());
    else if (flag === '--log-level') logLevel = value();
    else if (flag === '--cpu-prof') cpuProfileDir = path.resolve(value());
    else if (flag === '--logs') logDir = path.resolve(value());
    else if (flag === '--json') jsonFile = path.resolve(value());
    else if (flag === '--instance') {
      instance = value();
      if (!/^[a-z0-9]+$/.test(instance)) throw new Error('--instance takes lower-case letters and digits');
    }
    else throw new Error(`unknown argument ${argv[i]} (${USAGE})`);
  }
  const common = { seed, logLevel, cpuProfileDir, logDir, instance, jsonFile };
  if (profile === 'stages') {
    const foreign = ['--shoppers', '--duration', '--think-ms'].filter((f) => given.has(f));
    if (foreign.length) throw new Error(`${foreign.join(', ')} belong to --profile shoppers`);
    return { ...common, profile, stages: { stages, confirmTimeoutMs } };
  }
  if (profile === 'shoppers') {
    if (given.has('--stages')) throw new Error('--stages belongs to --profile stages');
    return { ...common, profile, shoppers: { shoppers, durationMs, thinkMs, confirmTimeoutMs } };
  }
  throw new Error(`unknown profile ${profile} (${USAGE})`);
}

try {
  process.exit(await main(parseArgs(process.argv.slice(2))));
} catch (err) {
  process.stderr.write(`bench:checkout could not be completed: ${(err as Error).stack ?? err}\n`);
  process.exit(2);
}
