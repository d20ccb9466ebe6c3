import { loadConfigOrExit } from './config.js';
import { Lifecycle } from './lifecycle.js';
import { createLogger } from './logger.js';
import { bootSubgraph, type SubgraphSpec } from './subgraph-runtime.js';
import type { RequestContext } from './subgraph-server.js';

/** Entry point shared by `subgraphs/<name>/main.ts`: boot one subgraph as its own process. */
export async function runSubgraphProcess<TContext extends RequestContext>(spec: SubgraphSpec<TContext>): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config, spec.name);
  const lifecycle = new Lifecycle(log);
  lifecycle.handleSignals();
  try {
    const running = await bootSubgraph(spec, config, log);
    lifecycle.onShutdown(spec.name, () => running.stop());
  } catch (err) {
    log.fatal({ err }, 'failed to start');
    process.exit(1);
  }
}
