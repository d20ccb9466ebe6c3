import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig, SUBGRAPHS, type Config } from '../../platform/config.js';
import { REPO_ROOT, repoPath } from '../../platform/paths.js';
import { CARRIER_WEBHOOK_PATH } from '../../subgraphs/fulfillment/http/carrier-webhook.js';
import { EASYPOST_WEBHOOK_PATH } from '../../subgraphs/fulfillment/http/easypost-webhook.js';

/**
 * deploy/k8s checked against the code, offline: the overlay is rendered by a small model of kustomize
 * (the fields the manifests use; anything else fails loudly, and `kubectl kustomize` cross-checks
 * the model where kubectl is installed), then every process's pod is compared with what
 * platform/config.ts reads and what its server serves.
 */

type Obj = Record<string, any>;
interface Resource extends Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
}

const K8S = repoPath('deploy/k8s');
const PRODUCTION = path.join(K8S, 'overlays/production');
const rel = (p: string) => path.relative(REPO_ROOT, p);

// ---- a model of kustomize, limited to what the manifests use -------------------------------------

const KUSTOMIZATION_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'replicas', 'patches']);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'IngressClass']);

function readDocuments(file: string): Resource[] {
  const resources: Resource[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length) throw new Error(`${rel(file)}: ${doc.errors[0].message}`);
    const value = doc.toJS() as Resource | null;
    if (value != null) resources.push(value);
  }
  return resources;
}

const readKustomization = (dir: string): Obj => parse(readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8')) as Obj;

function build(dir: string): Resource[] {
  const k = readKustomization(dir);
  const unmodelled = Object.keys(k).filter((field) => !KUSTOMIZATION_FIELDS.has(field));
  if (unmodelled.length) throw new Error(`${rel(dir)}/kustomization.yaml uses ${unmodelled.join(', ')}: model it in build() in this test`);
  const resources: Resource[] = [];
  for (const entry of (k.resources ?? []) as string[]) {
    const target = path.resolve(dir, entry);
    resources.push(...(statSync(target).isDirectory() ? build(target) : readDocuments(target)));
  }
  for (const patch of (k.patches ?? []) as Obj[]) applyPatch(resources, patch, dir);
  if (k.namespace) for (const r of resources) if (!CLUSTER_SCOPED.has(r.kind)) r.metadata.namespace = k.namespace;
  for (const image of (k.images ?? []) as Obj[]) {
    for (const { container } of containersOf(resources)) {
      const { name, tag } = splitImage(container.image);
      if (name !== image.name) continue;
      const newTag = image.newTag ?? tag;
      container.image = (image.newName ?? name) + (image.digest ? `@${image.digest}` : newTag ? `:${newTag}` : '');
    }
  }
  for (const { name, count } of (k.replicas ?? []) as { name: string; count: number }[]) {
    const scaled = resources.filter((r) => ['Deployment', 'StatefulSet', 'ReplicaSet'].includes(r.kind) && r.metadata.name === name);
    if (!scaled.length) throw new Error(`${rel(dir)}: replicas for ${name}, which is no Deployment`);
    for (const r of scaled) r.spec.replicas = count;
  }
  return resources;
}

function splitImage(image: string): { name: string; tag?: string } {
  const [withoutDigest] = image.split('@');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > withoutDigest.lastIndexOf('/') ? { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) } : { name: withoutDigest };
}

function applyPatch(resources: Resource[], entry: Obj, dir: string): void {
  const unmodelled = Object.keys(entry).filter((field) => !['patch', 'path', 'target'].includes(field));
  const target = (entry.target ?? {}) as Obj;
  const selectors = Object.keys(target).filter((field) => !['group', 'version', 'kind', 'name'].includes(field));
  if (unmodelled.length || selectors.length) throw new Error(`${rel(dir)}: patch with ${[...unmodelled, ...selectors].join(', ')}: model it in applyPatch() in this test`);
  const operations = parse(entry.patch ?? readFileSync(path.resolve(dir, entry.path), 'utf8')) as unknown;
  if (!Array.isArray(operations) || !entry.target) throw new Error(`${rel(dir)}: only JSON 6902 patches (a list of operations with a target) are modelled in this test`);
  const matches = (pattern: string | undefined, value: string) => pattern === undefined || new RegExp(`^(?:${pattern})$`).test(value);
  const targets = resources.filter((r) => {
    const [g, v] = r.apiVersion.includes('/') ? r.apiVersion.split('/') : ['', r.apiVersion];
    return matches(target.group, g) && matches(target.version, v) && matches(target.kind, r.kind) && matches(target.name, r.metadata.name);
  });
  if (!targets.length) throw new Error(`${rel(dir)}: patch target ${JSON.stringify(target)} matches nothing`);
  for (const resource of targets) for (const operation of operations as Obj[]) applyOperation(resource, operation);
}

function applyOperation(resource: Obj, { op, path: pointer, value }: Obj): void {
  const tokens = (pointer as string).split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop()!;
  let parent: any = resource;
  for (const token of tokens) {
    parent = parent?.[Array.isArray(parent) ? Number(token) : token];
    if (parent === undefined) throw new Error(`${resource.kind}/${resource.metadata.name}: no ${pointer}`);
  }
  const index = last === '-' ? parent.length : Number(last);
  const present = Array.isArray(parent) ? index < parent.length : last in parent;
  if (op === 'add') {
    if (Array.isArray(parent)) parent.splice(index, 0, structuredClone(value));
    else parent[last] = structuredClone(value);
  } else if ((op === 'replace' || op === 'remove') && present) {
    if (op === 'remove') {
      if (Array.isArray(parent)) parent.splice(index, 1);
      else delete parent[last];
    } else parent[Array.isArray(parent) ? index : last] = structuredClone(value);
  } else {
    throw new Error(`${resource.kind}/${resource.metadata.name}: cannot ${op} ${pointer}`);
  }
}

// ---- reading the rendered resources --------------------------------------------------------------

const podSpecOf = (r: Resource): Obj | undefined => (r.kind === 'Pod' ? r.spec : r.kind === 'CronJob' ? r.spec?.jobTemplate?.spec?.template?.spec : r.spec?.template?.spec);

function containersOf(resources: Resource[]): { resource: Resource; pod: Obj; container: Obj }[] {
  return resources.flatMap((resource) => {
    const pod = podSpecOf(resource);
    return pod ? [...(pod.initContainers ?? []), ...(pod.containers ?? [])].map((container: Obj) => ({ resource, pod, container })) : [];
  });
}

const find = (resources: Resource[], kind: string, name: string) => resources.find((r) => r.kind === kind && r.metadata.name === name);

type EnvSource =
  | { via: 'configMap'; configMap: string; value: string }
  | { via: 'literal'; value: string }
  | { via: 'secret'; secret: string; key: string }
  | { via: 'downwardApi' }
  /** The <SERVICE>_… variables the kubelet adds unless the pod sets enableServiceLinks: false. */
  | { via: 'serviceLink'; service: string; value: string };

interface ContainerEnv {
  vars: Map<string, EnvSource>;
  /** envFrom secretRef: keys unknown here, and secrets must be named one by one. */
  secretsInEnvFrom: string[];
}

function containerEnv(pod: Obj, container: Obj, resources: Resource[]): ContainerEnv {
  const vars = new Map<string, EnvSource>();
  if (pod.enableServiceLinks !== false) {
    for (const service of resources.filter((r) => r.kind === 'Service')) {
      const prefix = service.metadata.name.toUpperCase().replace(/-/g, '_');
      const [first] = service.spec.ports as Obj[];
      const address = `tcp://10.0.0.1:${first.port}`;
      for (const [suffix, value] of [['_SERVICE_HOST', '10.0.0.1'], ['_SERVICE_PORT', String(first.port)], ['_PORT', address]]) {
        vars.set(prefix + suffix, { via: 'serviceLink', service: service.metadata.name, value });
      }
      for (const port of service.spec.ports as Obj[]) {
        const proto = (port.protocol ?? 'TCP') as string;
        vars.set(`${prefix}_PORT_${port.port}_${proto}`, { via: 'serviceLink', service: service.metadata.name, value: address });
        if (port.name) vars.set(`${prefix}_SERVICE_PORT_${String(port.name).toUpperCase().replace(/-/g, '_')}`, { via: 'serviceLink', service: service.metadata.name, value: String(port.port) });
      }
    }
  }
  const secretsInEnvFrom: string[] = [];
  for (const from of (container.envFrom ?? []) as Obj[]) {
    if (from.secretRef) secretsInEnvFrom.push(from.secretRef.name);
    if (!from.configMapRef) continue;
    const configMap = find(resources, 'ConfigMap', from.configMapRef.name);
    if (!configMap) throw new Error(`${container.name}: envFrom ConfigMap ${from.configMapRef.name}, which is not in the manifests`);
    for (const [key, value] of Object.entries((configMap.data ?? {}) as Record<string, string>)) {
      vars.set(`${from.prefix ?? ''}${key}`, { via: 'configMap', configMap: configMap.metadata.name, value });
    }
  }
  for (const entry of (container.env ?? []) as Obj[]) {
    const ref = entry.valueFrom ?? {};
    if (ref.secretKeyRef) vars.set(entry.name, { via: 'secret', secret: ref.secretKeyRef.name, key: ref.secretKeyRef.key });
    else if (ref.configMapKeyRef) {
      const value = find(resources, 'ConfigMap', ref.configMapKeyRef.name)?.data?.[ref.configMapKeyRef.key];
      if (value === undefined) throw new Error(`${container.name}: ${entry.name} from a ConfigMap key that is not in the manifests`);
      vars.set(entry.name, { via: 'configMap', configMap: ref.configMapKeyRef.name, value });
    } else if (ref.fieldRef || ref.resourceFieldRef) vars.set(entry.name, { via: 'downwardApi' });
    else vars.set(entry.name, { via: 'literal', value: String(entry.value ?? '') });
  }
  return { vars, secretsInEnvFrom };
}

/** Stand-ins for Secret values, shaped so that platform/config.ts accepts them in production. */
function secretValue(key: string): string {
  if (key === 'DATABASE_URL') return 'postgres://crittersupply:secret@postgres.example:5432/crittersupply';
  if (key === 'SMTP_URL') return 'smtps://crittersupply:secret@smtp.example:465';
  if (key === 'STAFF_ACCOUNTS') return JSON.stringify([{ email: 'ops@crittersupply.example', role: 'ADMIN', password: 'not-a-dev-password' }]);
  return `secret-value-of-${key}`;
}

function envValues(env: ContainerEnv): Record<string, string> {
  return Object.fromEntries(
    [...env.vars].map(([name, source]) => [name, source.via === 'secret' ? secretValue(source.key) : source.via === 'downwardApi' ? 'from-the-downward-api' : source.value]),
  );
}

// ---- what the code says --------------------------------------------------------------------------

/** Every variable loadConfig reads, recorded by handing it an env object that notes each lookup. */
const readByConfig = new Set<string>();
function recordingEnv(values: Record<string, string> = {}): Record<string, string | undefined> {
  const note = (key: string | symbol) => typeof key === 'string' && readByConfig.add(key);
  return new Proxy(values, {
    get: (target, key) => (note(key), Reflect.get(target, key)),
    has: (target, key) => (note(key), Reflect.has(target, key)),
    getOwnPropertyDescriptor: (target, key) => (note(key), Reflect.getOwnPropertyDescriptor(target, key)),
  });
}
const loadRecorded = (values: Record<string, string>): Config => loadConfig(recordingEnv(values));
loadRecorded({});
loadRecorded({ NODE_ENV: 'production', JWT_PUBLIC_KEY: secretValue('JWT_PUBLIC_KEY'), STAFF_ACCOUNTS: secretValue('STAFF_ACCOUNTS'), SUBGRAPH_SHARED_SECRET: secretValue('SUBGRAPH_SHARED_SECRET') });

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__generated__' ? [] : sourceFiles(file);
    return /\.ts$/.test(entry.name) && !/\.(spec|test)\.ts$/.test(entry.name) ? [file] : [];
  });
}
/** Variables a process reads itself (STYLE.md wants none outside platform/config.ts, but if one does, it is a setting). */
const readByProcesses = new Set(
  ['platform', 'events', 'gateway', 'subgraphs'].flatMap((dir) =>
    sourceFiles(repoPath(dir)).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/process\.env(?:\.([A-Za-z_]\w*)|\[\s*['"]([^'"]+)['"]\s*\])/g)].map((m) => m[1] ?? m[2])),
  ),
);
const isSetting = (name: string) => readByConfig.has(name) || readByProcesses.has(name);

/** GET routes of a server file, e.g. /health and /ready. */
const getRoutes = (file: string) => new Set([...readFileSync(repoPath(file), 'utf8').matchAll(/app\.get\(\s*['"`]([^'"`]+)['"`]/g)].map((m) => m[1]));

interface Process {
  name: string;
  /** Source of the process entry point; the image runs its build under dist/. */
  entry: string;
  server: string;
  port: (config: Config) => number;
}
const PROCESSES: Process[] = [
  { name: 'gateway', entry: 'gateway/main.ts', server: 'gateway/server.ts', port: (c) => c.gateway.port },
  ...SUBGRAPHS.map((name) => ({ name, entry: `subgraphs/${name}/main.ts`, server: 'platform/subgraph-server.ts', port: (c: Config) => c.ports[name] })),
];

/** Secrets: never in a ConfigMap or a literal value. */
const SECRET_SETTINGS = [
  'DATABASE_URL',
  'JWT_PRIVATE_KEY',
  'JWT_PUBLIC_KEY',
  'STAFF_ACCOUNTS',
  'STRIPE_SECRET_KEY',
  'CARRIER_WEBHOOK_SECRET',
  'EASYPOST_API_KEY',
  'EASYPOST_WEBHOOK_SECRET',
  'SMARTY_AUTH_ID',
  'SMARTY_AUTH_TOKEN',
  'SMTP_URL',
  'SUBGRAPH_SHARED_SECRET',
];
const looksSecret = (name: string) => SECRET_SETTINGS.includes(name) || /SECRET|PASSWORD|PRIVATE|TOKEN/.test(name);

/** Processes that sign session tokens (and so need JWT_PRIVATE_KEY): those whose code creates a token issuer. */
const issuesSessions = (p: Process) => sourceFiles(repoPath(path.dirname(p.entry))).some((file) => /\bcreateTokenIssuer\(/.test(readFileSync(file, 'utf8')));

// ---- the rendered production overlay -------------------------------------------------------------

let buildError: unknown;
const production: Resource[] = (() => {
  try {
    return build(PRODUCTION);
  } catch (err) {
    buildError = err;
    return [];
  }
})();

function processPod(p: Process) {
  const deployment = find(production, 'Deployment', p.name);
  if (!deployment) throw new Error(`no Deployment ${p.name} in ${rel(PRODUCTION)}`);
  const pod = podSpecOf(deployment)!;
  const binary = `dist/${p.entry.replace(/\.ts$/, '.js')}`;
  const container = (pod.containers as Obj[]).find((c) => [...(c.command ?? []), ...(c.args ?? [])].includes(binary));
  if (!container) throw new Error(`Deployment ${p.name} has no container running ${binary}`);
  const env = containerEnv(pod, container, production);
  return { deployment, pod, container, env, config: loadConfig(envValues(env)) };
}

function containerPortNumber(container: Obj, port: number | string): number | undefined {
  if (typeof port === 'number') return port;
  return ((container.ports ?? []) as Obj[]).find((p) => p.name === port)?.containerPort;
}

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const byId = (rs: Resource[]) => new Map(rs.map((r) => [`${r.kind}/${r.metadata.namespace ?? ''}/${r.metadata.name}`, r]));

describe('deploy/k8s kustomizations', () => {
  const kustomizations = [path.join(K8S, 'base'), ...readdirSync(path.join(K8S, 'overlays')).map((o) => path.join(K8S, 'overlays', o))];

  it.each(kustomizations.map(rel))('%s lists only files and folders that exist', (dir) => {
    for (const entry of readKustomization(repoPath(dir)).resources as string[]) {
      const target = path.resolve(repoPath(dir), entry);
      expect(existsSync(target) && (statSync(target).isFile() || existsSync(path.join(target, 'kustomization.yaml'))), `${dir}: ${entry}`).toBe(true);
    }
  });

  it('builds the production overlay', () => {
    if (buildError) throw buildError;
  });

  it('base lists every manifest beside it', () => {
    const base = path.join(K8S, 'base');
    const listed = readKustomization(base).resources as string[];
    const manifests = readdirSync(base).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml');
    expect(manifests.filter((f) => !listed.includes(f))).toEqual([]);
  });

  it.skipIf(!kubectl)('renders the production overlay as kubectl kustomize does', () => {
    const out = spawnSync('kubectl', ['kustomize', PRODUCTION], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    const actual = byId(parseAllDocuments(out.stdout).map((d) => d.toJS() as Resource));
    const modelled = byId(production);
    expect([...modelled.keys()].sort()).toEqual([...actual.keys()].sort());
    for (const [id, resource] of modelled) expect(resource, id).toEqual(actual.get(id));
  });
});

describe.each(PROCESSES)('the $name process in production', (p) => {
  it('has a Deployment running its entry point and a Service routing to the port its config listens on', () => {
    expect(existsSync(repoPath(p.entry)), p.entry).toBe(true);
    const { deployment, container, config } = processPod(p);
    const port = p.port(config);
    expect((container.ports as Obj[]).map((c) => c.containerPort)).toContain(port);

    const service = find(production, 'Service', p.name);
    expect(service, `Service ${p.name}`).toBeDefined();
    const selects = (r: Resource) => Object.entries(service!.spec.selector as Record<string, string>).every(([k, v]) => r.spec.template.metadata.labels?.[k] === v);
    expect(production.filter((r) => podSpecOf(r) && selects(r)).map((r) => r.metadata.name)).toEqual([p.name]);
    const targets = (service!.spec.ports as Obj[]).map((sp) => containerPortNumber(container, sp.targetPort ?? sp.port));
    expect(targets).toContain(port);
  });

  it('probes routes its server serves, on its port', () => {
    const { deployment, container, config } = processPod(p);
    const routes = getRoutes(p.server);
    const port = p.port(config);
    expect(container.readinessProbe?.httpGet?.path).toBe('/ready');
    // liveness must not depend on the database or broker (/ready): an outage would restart every pod
    expect(container.livenessProbe?.httpGet?.path).not.toBe('/ready');
    for (const kind of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      const probe = container[kind]?.httpGet as Obj | undefined;
      if (kind === 'startupProbe' && !probe) continue;
      expect(probe, kind).toBeDefined();
      expect(routes, `${kind} ${probe!.path}`).toContain(probe!.path);
      expect(containerPortNumber(container, probe!.port), `${kind} port`).toBe(port);
    }
    const scrape = deployment.spec.template.metadata.annotations ?? {};
    if (scrape['prometheus.io/scrape'] === 'true') {
      expect(Number(scrape['prometheus.io/port'])).toBe(port);
      expect(routes).toContain(scrape['prometheus.io/path']);
    }
  });

  it('loads a production config: NODE_ENV=production, R3 streams, no dev-only features', () => {
    const { env, config } = processPod(p);
    const raw = envValues(env);
    expect(raw.NODE_ENV).toBe('production');
    expect(raw.STREAM_REPLICAS).toBe('3');
    expect(config.env).toBe('production');
    expect(config.nats.streamReplicas).toBe(3);
    expect(config.seedDemoData).toBe(false);
    expect(config.fulfillment.carrierSimulation).toBe(false);
    expect(config.payments.gateway).not.toBe('stub');
    for (const name of ['CARRIER_SIMULATION', 'SEED_DEMO_DATA']) expect(['true', '1', 'yes'], name).not.toContain(raw[name]);
    // the pod address, not 127.0.0.1: the kubelet and the Services must reach the server
    expect(config.host).toBe('0.0.0.0');
  });

  it('gets the JWT private key exactly when it signs session tokens', () => {
    const { env, config } = processPod(p);
    expect(env.vars.has('JWT_PRIVATE_KEY')).toBe(issuesSessions(p));
    if (issuesSessions(p)) expect(config.jwt.privateKeyPem).toBeTruthy();
  });

  it('runs at least two replicas', () => {
    const hpa = production.find((r) => r.kind === 'HorizontalPodAutoscaler' && r.spec.scaleTargetRef.kind === 'Deployment' && r.spec.scaleTargetRef.name === p.name);
    const { deployment } = processPod(p);
    expect(hpa?.spec.minReplicas ?? deployment.spec.replicas ?? 1).toBeGreaterThanOrEqual(2);
  });
});

describe('production settings', () => {
  const pods = () => containersOf(production).map(({ resource, pod, container }) => ({ id: `${resource.kind} ${resource.metadata.name}/${container.name}`, env: containerEnv(pod, container, production) }));

  it('sets only environment variables that platform/config.ts or the process reads', () => {
    const unknown = pods().flatMap(({ id, env }) => [...env.vars].filter(([name, s]) => s.via !== 'serviceLink' && !isSetting(name)).map(([name]) => `${id}: ${name}`));
    expect(unknown).toEqual([]);
  });

  it('keeps Kubernetes service-link variables from overriding settings (enableServiceLinks: false)', () => {
    const clashes = pods().flatMap(({ id, env }) => [...env.vars].filter(([name, s]) => s.via === 'serviceLink' && isSetting(name)).map(([name]) => `${id}: ${name}`));
    expect(clashes).toEqual([]);
  });

  it('passes secrets only by secretKeyRef, never as literals or ConfigMap data', () => {
    expect(SECRET_SETTINGS.filter((name) => !isSetting(name))).toEqual([]);
    const leaks = pods().flatMap(({ id, env }) => [
      ...[...env.vars].filter(([name, s]) => looksSecret(name) && s.via !== 'secret').map(([name, s]) => `${id}: ${name} via ${s.via}`),
      ...env.secretsInEnvFrom.map((secret) => `${id}: envFrom Secret ${secret} (name each key with secretKeyRef)`),
    ]);
    expect(leaks).toEqual([]);
    const inConfigMaps = production.filter((r) => r.kind === 'ConfigMap').flatMap((r) => Object.keys(r.data ?? {}).filter(looksSecret).map((k) => `${r.metadata.name}: ${k}`));
    expect(inConfigMaps).toEqual([]);
    expect(production.filter((r) => r.kind === 'Secret').map((r) => r.metadata.name)).toEqual([]);
  });

  it('documents every Secret it references in deploy/k8s/README.md', () => {
    const readme = readFileSync(path.join(K8S, 'README.md'), 'utf8');
    const refs = new Set(pods().flatMap(({ env }) => [...env.vars.values()].flatMap((s) => (s.via === 'secret' ? [`| \`${s.secret}\` | \`${s.key}\` |`] : []))));
    const tls = production.filter((r) => r.kind === 'Ingress').flatMap((r) => (r.spec.tls ?? []).map((t: Obj) => `| \`${t.secretName}\` |`));
    expect([...refs, ...tls].filter((row) => !readme.includes(row))).toEqual([]);
  });

  it('lets only the gateway (and, for the carrier webhook, ingress-nginx) reach a subgraph pod (NetworkPolicy)', () => {
    const policies = production.filter((r) => r.kind === 'NetworkPolicy');
    const gatewayLabels = processPod(PROCESSES[0]).deployment.spec.template.metadata.labels as Record<string, string>;
    const matches = (selector: Obj | undefined, labels: Record<string, string>) => Object.entries((selector?.matchLabels ?? {}) as Record<string, string>).every(([k, v]) => labels[k] === v);
    for (const p of PROCESSES.slice(1)) {
      const labels = processPod(p).deployment.spec.template.metadata.labels as Record<string, string>;
      const applying = policies.filter((policy) => matches(policy.spec.podSelector, labels) && (policy.spec.policyTypes as string[]).includes('Ingress'));
      expect(applying.length, `NetworkPolicies selecting ${p.name}`).toBeGreaterThan(0);
      const sources = applying.flatMap((policy) => (policy.spec.ingress as Obj[]).flatMap((rule) => (rule.from ?? [{ anyone: true }]) as Obj[]));
      const allowed = sources.map((source) =>
        source.podSelector && !source.namespaceSelector && matches(source.podSelector, gatewayLabels)
          ? 'gateway'
          : source.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'ingress-nginx' && p.name === 'fulfillment'
            ? 'ingress (carrier webhook)'
            : `unexpected: ${JSON.stringify(source)}`,
      );
      expect(allowed.filter((a) => a.startsWith('unexpected')), p.name).toEqual([]);
      expect(allowed).toContain('gateway');
    }
  });

  it('has the gateway trust exactly the one ingress in front of it for client addresses (TRUST_PROXY_HOPS)', () => {
    expect(production.some((r) => r.kind === 'Ingress')).toBe(true);
    expect(processPod(PROCESSES[0]).config.gateway.trustProxyHops).toBe(1);
  });

  it('has the gateway reach every subgraph through its Service (SUBGRAPH_URLS)', () => {
    const urls = processPod(PROCESSES[0]).config.gateway.subgraphUrls;
    for (const p of PROCESSES.slice(1)) {
      const url = new URL(urls[p.name as keyof typeof urls] ?? `http://missing-${p.name}`);
      const [host] = url.hostname.split('.');
      const service = find(production, 'Service', host);
      expect(service, `SUBGRAPH_URLS.${p.name}: ${url}`).toBeDefined();
      const servicePort = (service!.spec.ports as Obj[]).find((sp) => sp.port === Number(url.port));
      expect(servicePort, `SUBGRAPH_URLS.${p.name}: port ${url.port}`).toBeDefined();
      const { container, config } = processPod(p);
      expect(host).toBe(p.name);
      expect(containerPortNumber(container, servicePort!.targetPort ?? servicePort!.port)).toBe(p.port(config));
      expect(url.pathname).toBe('/graphql');
    }
  });

  it('exposes /graphql on the gateway and the carrier webhooks on fulfillment, nothing else', () => {
    const exposed = production
      .filter((r) => r.kind === 'Ingress')
      .flatMap((r) => (r.spec.rules as Obj[]).flatMap((rule) => (rule.http.paths as Obj[]).map((p) => ({ path: p.path as string, backend: p.backend.service as Obj }))));
    expect(exposed.map(({ path: p, backend }) => `${p} -> ${backend.name}`).sort()).toEqual([`${CARRIER_WEBHOOK_PATH} -> fulfillment`, `${EASYPOST_WEBHOOK_PATH} -> fulfillment`, '/graphql -> gateway'].sort());
    for (const { backend } of exposed) {
      const service = find(production, 'Service', backend.name);
      expect((service?.spec.ports as Obj[] | undefined)?.some((sp) => sp.name === backend.port.name || sp.port === backend.port.number), backend.name).toBe(true);
    }
  });
});
