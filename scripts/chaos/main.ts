/**
 * `npm run test:chaos [-- --orders N --seed S --data-loss-orders K --log-level L]`: builds, then
 * runs the chaos suite (scripts/chaos/run.ts, docs/reliability.md) against a private PostgreSQL and
 * nats-server and prints its summary. Exit code 0 only when every oracle check holds; 1 on a
 * violation; 2 when the run itself could not be carried out. Ctrl-C stops everything it started.
 */
import { ChaosRun } from './run.js';

function parseArgs(argv: string[]): { orders: number; seed: number; dataLossOrders?: number; logLevel: string } {
  const args = { orders: 200, seed: Math.floor(Math.random() * 2 ** 31), dataLossOrders: undefined as number | undefined, logLevel: 'warn' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    const integer = (name: string) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error(`${name} takes a non-negative integer`);
      return n;
    };
    switch (flag) {
      case '--orders':
        args.orders = integer('--orders');
        break;
      case '--seed':
        args.seed = integer('--seed');
        break;
      case '--data-loss-orders':
        args.dataLossOrders = integer('--data-loss-orders');
        break;
      case '--log-level':
        args.logLevel = value();
        break;
      default:
        throw new Error(`unknown argument ${argv[i]} (use --orders N, --seed S, --data-loss-orders K, --log-level L)`);
    }
  }
  return args;
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}

const run = new ChaosRun({
  orders: args.orders,
  seed: args.seed,
  dataLossOrders: args.dataLossOrders ?? Math.max(5, Math.round(args.orders / 20)),
  logLevel: args.logLevel,
  say: (line) => process.stdout.write(`${line}\n`),
});

let interrupted = false;
const onSignal = (signal: NodeJS.Signals) => {
  if (interrupted) return;
  interrupted = true;
  process.stdout.write(`\n${signal}: stopping everything the chaos run started\n`);
  void run.shutdown().finally(() => process.exit(130));
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

try {
  const result = await run.run();
  process.stdout.write(result.summary);
  if (result.logsDir) process.stdout.write(`process logs kept in ${result.logsDir}\n`);
  process.exit(result.ok ? 0 : 1);
} catch (err) {
  if (interrupted) await new Promise(() => {}); // the signal handler exits
  process.stderr.write(`chaos run could not be completed: ${(err as Error).stack ?? err}\n`);
  const logsDir = (err as { logsDir?: string }).logsDir;
  if (logsDir) process.stderr.write(`process logs kept in ${logsDir}\n`);
  process.exit(2);
}
