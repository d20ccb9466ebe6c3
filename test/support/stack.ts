import { composeServices } from '@apollo/composition';
import { createTokenIssuer, createTokenVerifier, type Role } from '../../platform/auth.js';
import { bootSubgraph, loadTypeDefs, type RunningSubgraph, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import type { RequestContext } from '../../platform/subgraph-server.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import { GATEWAY_SECRET_HEADER } from '../../platform/gateway-link.js';
import { RevocationList, followRevocations } from '../../platform/revocations.js';
import { createTestEnvironment, type TestEnvironment } from './config.js';

export interface GraphQLResponse<TData = any> {
  status: number;
  data?: TData;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface Stack {
  env: TestEnvironment;
  gateway: RunningGateway;
  /** ws:// URL of the gateway's subscription edge. */
  wsUrl: string;
  subgraphs: Record<string, RunningSubgraph>;
  /** Headers that make a request straight to a subgraph look like the gateway's (its shared secret). */
  asGateway: Record<string, string>;
  /** POST a GraphQL operation to the gateway as a client would. */
  request<TData = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<TData>>;
  /** Starts one more gateway on the same supergraph and broker namespace (scale-out tests); stopped with the stack. */
  addGatewayReplica(): Promise<RunningGateway>;
  /** Mints a session token (as customers would) for tests that need a role without signing in. */
  tokenFor(role: Role, subject?: string): Promise<string>;
  /**
   * Stops one subgraph (server, consumers, relay, connections) and boots it again on the same port,
   * so the gateway's URL stays valid: a process restart. `whileStopped` runs in between.
   */
  restartSubgraph(name: string, options?: { whileStopped?: () => Promise<void> }): Promise<RunningSubgraph>;
  stop(): Promise<void>;
}

/**
 * Boots the given subgraphs in-process on free ports against a fresh database and namespace,
 * composes their SDLs into a supergraph with the real URLs, and starts the gateway in front.
 */
export async function startStack(specs: SubgraphSpec<any>[], overrides: Record<string, string> = {}): Promise<Stack> {
  const env = await createTestEnvironment(overrides);
  const subgraphs: Record<string, RunningSubgraph> = {};
  let gateway: RunningGateway | undefined;
  const replicas: { gateway: RunningGateway; broker: Broker }[] = [];
  let broker: Broker | undefined;
  let stopRevocations: (() => void) | undefined;
  const stop = async () => {
    for (const replica of replicas) {
      await replica.gateway.stop();
      await replica.broker.close();
    }
    await gateway?.stop();
    stopRevocations?.();
    await broker?.close();
    for (const running of Object.values(subgraphs).reverse()) await running.stop();
    await deleteNamespaceStreams(env);
    await env.cleanup();
  };
  try {
    for (const spec of specs) {
      subgraphs[spec.name] = await bootSubgraph(spec as SubgraphSpec<RequestContext>, env.config, env.log.child({ subgraph: spec.name }), { port: 0 });
    }
    const composition = composeServices(
      specs.map((spec) => ({ name: spec.name, url: subgraphs[spec.name].url, typeDefs: loadTypeDefs(spec.schemaFile) })),
    );
    if (composition.errors) throw new Error(`composition failed: ${composition.errors.map((e) => e.message).join('; ')}`);
    broker = await connectBroker(env.config.nats, env.log);
    const supergraphSdl = composition.supergraphSdl;
    const revocations = new RevocationList();
    stopRevocations = followRevocations(broker, revocations, env.log.child({ component: 'revocations' }));
    const verifier = await createTokenVerifier(env.config.jwt, { revocations });
    gateway = await startGateway({ broker, config: env.config, log: env.log.child({ component: 'gateway' }), verifier, revocations, supergraphSdl, port: 0 });
    const issuer = await createTokenIssuer(env.config.jwt);
    const url = gateway.url;
    return {
      env,
      gateway,
      wsUrl: url.replace(/^http/, 'ws'),
      subgraphs,
      asGateway: { [GATEWAY_SECRET_HEADER]: env.config.subgraphSecret },
      async request(query, variables, token) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as GraphQLResponse;
        return { ...body, status: response.status };
      },
      async addGatewayReplica() {
        const replicaBroker = await connectBroker(env.config.nats, env.log);
        const replica = await startGateway({
          broker: replicaBroker,
          config: env.config,
          log: env.log.child({ component: 'gateway', replica: replicas.length + 1 }),
          verifier,
          supergraphSdl,
          port: 0,
        });
        replicas.push({ gateway: replica, broker: replicaBroker });
        return replica;
      },
      async tokenFor(role, subject = crypto.randomUUID()) {
        return (await issuer.issue(role, subject)).token;
      },
      async restartSubgraph(name, options = {}) {
        const spec = specs.find((s) => s.name === name);
        const running = subgraphs[name];
        if (!spec || !running) throw new Error(`no subgraph ${name} in this stack`);
        delete subgraphs[name]; // a failed boot must not be stopped twice by stop()
        await running.stop();
        await options.whileStopped?.();
        subgraphs[name] = await bootSubgraph(spec as SubgraphSpec<RequestContext>, env.config, env.log.child({ subgraph: name }), { port: running.port });
        return subgraphs[name];
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Removes every stream of the test's namespace (subgraphs are stopped by then: own connection). */
export async function deleteNamespaceStreams(env: TestEnvironment): Promise<void> {
  const broker = await connectBroker(env.config.nats, env.log);
  try {
    for await (const name of broker.jsm.streams.names()) {
      if (name.startsWith(`${env.namespace.toUpperCase()}_`)) await broker.jsm.streams.delete(name).catch(() => {});
    }
  } finally {
    await broker.close();
  }
}
