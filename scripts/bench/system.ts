import { SUBGRAPHS } from '../../platform/config.js';
import { Cluster, assertBuilt } from '../cluster/cluster.js';
import { GraphQLClient } from '../cluster/graphql-client.js';
import { SmtpSink } from '../cluster/smtp-sink.js';
import { signUp, stockEveryWarehouse } from './set-up.js';

/**
 * The system bench:checkout measures, set up: every subgraph and the gateway as real processes
 * (scripts/cluster) on a throw-away database and event namespace, settings as shipped except where
 * one client address sending everything would trip them, confirmation e-mails to a local SMTP
 * server, stock for every order and `customers` signed-up customers.
 */
export interface BenchSystem {
  cluster: Cluster;
  wsUrl: string;
  /** Session tokens of the signed-up customers. */
  tokens: string[];
  skus: string[];
  say: (line: string) => void;
  stop(): Promise<void>;
}

export interface BenchSystemOptions {
  customers: number;
  seed: number;
  logLevel: string;
  cpuProfileDir?: string;
  /** Where each process's output goes (`<name>.log`); default: kept only in memory, shown on a crash. */
  logDir?: string;
  /**
   * Suffix of the run's database and event namespace (`--instance NAME`): two runs on one machine
   * would otherwise drop each other's database, since each starts by dropping what a killed run left.
   */
  instance?: string;
  say: (line: string) => void;
}

export async function startBenchSystem(options: BenchSystemOptions): Promise<BenchSystem> {
  assertBuilt(SUBGRAPHS, '`npm run build` (`npm run bench:checkout` does)');
  const { say } = options;
  // the confirmation e-mails go to a real SMTP server in this process (accepting everything)
  const smtp = new SmtpSink();
  await smtp.start(0);
  let cluster: Cluster | undefined;
  const stop = async () => {
    await cluster?.stop();
    await smtp.stop();
  };
  try {
    cluster = await Cluster.start({
      subgraphs: SUBGRAPHS,
      services: 'shared',
      databaseName: `crittersupply_bench_checkout${options.instance ? `_${options.instance}` : ''}`,
      namespace: `benchco${options.instance ?? ''}`,
      env: {
        LOG_LEVEL: options.logLevel,
        // One client address sends everything: the per-client limit would throttle the benchmark.
        GATEWAY_RATE_LIMIT_PER_MINUTE: '100000000',
        GATEWAY_REGISTRATIONS_PER_MINUTE: '100000000',
        PAYMENT_GATEWAY: 'stub',
        CARRIER_SIMULATION: 'false',
        SMTP_URL: smtp.url,
      },
      cpuProfileDir: options.cpuProfileDir,
      logDir: options.logDir,
      say,
    });
    const running = cluster;
    const stopOnSignal = () => void stop().finally(() => process.exit(130));
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    const client = new GraphQLClient(running.gatewayUrl);
    const skus = await stockEveryWarehouse(client, say);
    const tokens = await signUp(client, options.customers, options.seed, say);
    return { cluster: running, wsUrl: running.gatewayUrl.replace(/^http/, 'ws'), tokens, skus, say, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
