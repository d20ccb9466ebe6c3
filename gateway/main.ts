import { readFileSync } from 'node:fs';
import { createTokenVerifier } from '../platform/auth.js';
import { loadConfigOrExit } from '../platform/config.js';
import { Lifecycle } from '../platform/lifecycle.js';
import { createLogger } from '../platform/logger.js';
import { repoPath } from '../platform/paths.js';
import { startGateway } from './server.js';
import { connectBroker } from '../events/nats.js';
import { RevocationList, followRevocations } from '../platform/revocations.js';


const config = loadConfigOrExit();
const log = createLogger(config, 'gateway');
const lifecycle = new Lifecycle(log);
lifecycle.handleSignals();
try {
  const broker = await connectBroker(config.nats, log);
  lifecycle.onShutdown('broker', () => broker.close());
  const revocations = new RevocationList();
  lifecycle.onShutdown('revocations', followRevocations(broker, revocations, log.child({ component: 'revocations' })));
  const gateway = await startGateway({
    broker,
    config,
    log,
    verifier: await createTokenVerifier(config.jwt, { revocations }),
    revocations,
    supergraphSdl: readFileSync(repoPath('schema/supergraph.graphql'), 'utf8'),
  });
  lifecycle.onShutdown('gateway', () => gateway.stop());
} catch (err) {
  log.fatal({ err }, 'gateway failed to start');
  process.exit(1);
}
