import { z } from 'zod';
import { CONTEXT_NAMES, CONTEXTS, DEV_CARRIER_WEBHOOK_SECRET, portVariable, settingBool, type ContextName, type ContextSections, type SettingsRules } from './contexts.js';
import { DEV_JWT_PRIVATE_KEY, DEV_JWT_PUBLIC_KEY } from './dev-keys.js';

/**
 * The one place that reads the environment. Every process calls `loadConfig()` once at boot;
 * everything else receives the typed result. Problems are reported all at once, then the
 * process exits (see `loadConfigOrExit`).
 */

/** The bounded contexts, one subgraph each, in registry order (platform/contexts.ts). */
export const SUBGRAPHS = CONTEXT_NAMES;
export type SubgraphName = ContextName;

/** Default ports: the gateway on 4000, subgraphs from 4001 as the registry gives them. */
export const DEFAULT_SUBGRAPH_PORTS = Object.fromEntries(CONTEXT_NAMES.map((name) => [name, CONTEXTS[name].port])) as Record<SubgraphName, number>;

export const DEV_STAFF_PASSWORD = 'critter-staff-dev';
export const DEV_DEMO_PASSWORD = 'critter-demo-pass';
export { DEV_CARRIER_WEBHOOK_SECRET };
/** Proves a request to a subgraph comes from the gateway, outside production; refused in production. */
export const DEV_SUBGRAPH_SHARED_SECRET = 'critter-subgraph-shared-dev-secret';

const staffRole = z.enum(['CUSTOMER_SERVICE', 'WAREHOUSE', 'CATALOG_MANAGER', 'ADMIN']);
const staffAccount = z.object({
  email: z.string().email(),
  role: staffRole,
  password: z.string().min(10),
  firstName: z.string().default('Staff'),
  lastName: z.string().default('Member'),
});
export type StaffAccountConfig = z.infer<typeof staffAccount>;

const DEV_STAFF: StaffAccountConfig[] = [
  { email: 'admin@crittersupply.dev', role: 'ADMIN', password: DEV_STAFF_PASSWORD, firstName: 'Ada', lastName: 'Admin' },
  { email: 'cs@crittersupply.dev', role: 'CUSTOMER_SERVICE', password: DEV_STAFF_PASSWORD, firstName: 'Casey', lastName: 'Service' },
  { email: 'warehouse@crittersupply.dev', role: 'WAREHOUSE', password: DEV_STAFF_PASSWORD, firstName: 'Wally', lastName: 'House' },
  { email: 'catalog@crittersupply.dev', role: 'CATALOG_MANAGER', password: DEV_STAFF_PASSWORD, firstName: 'Cat', lastName: 'Alog' },
];

const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().positive();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/crittersupply'),
  /**
   * Connections per process. Eleven processes share one PostgreSQL: past what its cores can run, a
   * connection only waits inside it, and every backend pays for its own caches, prepared statements
   * and first plans (docs/performance.md, the twenty-fourth round). Production sizes it in deploy/k8s.
   */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(4),
  /** Statements given as text go as prepared statements (platform/prepared-statements.ts); `false` inlines their values, as before. */
  DATABASE_PREPARED_STATEMENTS: settingBool.optional(),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  /** Prefix of every subject and stream: lets tests and several stacks share one broker. */
  EVENT_NAMESPACE: z
    .string()
    .regex(/^[a-z][a-z0-9]*$/, 'lower-case letters and digits, starting with a letter')
    .default('cs'),
  /** Replicas of streams: 1 for a single dev broker; production uses 3 (ARCHITECTURE.md). */
  STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  /** Inbox rows (the consumers' dedupe records) older than this are purged; longer than any redelivery or dead-letter replay. */
  INBOX_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  /** How often every context purges its inbox. */
  INBOX_PURGE_INTERVAL_MS: z.coerce.number().int().positive().default(3600_000),

  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  JWT_ISSUER: z.string().default('crittersupply'),
  JWT_AUDIENCE: z.string().default('crittersupply-graph'),

  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(4000),
  /** JSON object { subgraphName: url } overriding the URLs in the supergraph (tests, containers). */
  SUBGRAPH_URLS: z.string().optional(),

  STAFF_ACCOUNTS: z.string().optional(),
  SEED_DEMO_DATA: settingBool.optional(),
  /** The storefront page that sets a new password; the e-mailed link is this plus `?token=…`. */
  RESET_LINK_URL_BASE: z.string().url().default('http://localhost:5173/reset-password'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_FAILURE_WINDOW_MS: positiveMs.default(15 * 60_000),
  ADDRESS_VERIFICATION_TIMEOUT_MS: positiveMs.default(5_000),

  /** Which carrier adapter fulfillment uses; production must say so explicitly (like PAYMENT_GATEWAY). */
  CARRIER_ADAPTER: z.enum(['stub', 'easypost']).optional(),
  EASYPOST_API_KEY: z.string().min(1).optional(),
  /** Another EasyPost API origin (a local fake in tests, a proxy); the official one when unset. */
  EASYPOST_API_BASE: z.string().url().optional(),
  /** The secret EasyPost signs tracker webhooks with (X-Hmac-Signature). */
  EASYPOST_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** The sender address on labels: JSON {name, street1, street2?, city, state, zip, country, phone?}. */
  EASYPOST_FROM_ADDRESS: z.string().optional(),
  /** One carrier API call slower than this is a timeout. */
  CARRIER_TIMEOUT_MS: positiveMs.default(10_000),
  /** Which address verifier customers and orders use; production must say so explicitly. */
  ADDRESS_VERIFIER: z.enum(['stub', 'smarty']).optional(),
  SMARTY_AUTH_ID: z.string().min(1).optional(),
  SMARTY_AUTH_TOKEN: z.string().min(1).optional(),
  /** Another Smarty US Street API origin (a local fake in tests, a proxy); the official one when unset. */
  SMARTY_API_BASE: z.string().url().optional(),

  /** Outbound HTTP clients (payments, carrier, address verifier): consecutive failures that open a breaker. */
  OUTBOUND_BREAKER_FAILURES: z.coerce.number().int().positive().default(5),
  /** How long an open breaker refuses calls before it lets one probe through. */
  OUTBOUND_BREAKER_HALF_OPEN_MS: positiveMs.default(30_000),
  /** Calls in flight per provider (the bulkhead); more wait in a queue of OUTBOUND_MAX_QUEUED, the rest are refused. */
  OUTBOUND_MAX_CONCURRENT: z.coerce.number().int().positive().default(10),
  OUTBOUND_MAX_QUEUED: z.coerce.number().int().min(0).default(20),
  /** First delay before an HTTP-level retry of an idempotent call (exponential with jitter after it). */
  OUTBOUND_RETRY_DELAY_MS: positiveMs.default(200),

  /** Sent by the gateway on every subgraph request; subgraphs refuse requests without it (required in production). */
  SUBGRAPH_SHARED_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  GATEWAY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Proxies in front of the gateway whose X-Forwarded-For is believed (0: none; 1 behind one ingress). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** WebSocket connections one client (token subject) may hold open at once, per gateway replica. */
  GATEWAY_WS_MAX_SOCKETS_PER_CLIENT: z.coerce.number().int().positive().default(8),
  /** Guest sessions one address may start per minute (each would otherwise bring its own budget). */
  GATEWAY_GUEST_SESSIONS_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** Registrations one address may attempt per minute (bounds probing which e-mails exist). */
  GATEWAY_REGISTRATIONS_PER_MINUTE: z.coerce.number().int().positive().default(10),
  GATEWAY_MAX_BODY_BYTES: z.coerce.number().int().positive().default(100_000),
  /** HTTP GraphQL operations one gateway replica runs at once; later ones wait in arrival order (0: no limit). */
  GATEWAY_MAX_IN_FLIGHT: z.coerce.number().int().min(0).default(64),
  /** Operations that may wait for admission; one more is refused at once (503, RATE_LIMITED). */
  GATEWAY_ADMISSION_QUEUE: z.coerce.number().int().min(0).default(10_000),
  /** An operation that waited this long for admission is refused (503, RATE_LIMITED). */
  GATEWAY_ADMISSION_WAIT_MS: positiveMs.default(30_000),
  /** How often the subscription edge pings each socket; one missed pong closes it. */
  GATEWAY_WS_KEEPALIVE_MS: positiveMs.default(15_000),
  /** A socket that has not sent connection_init within this is closed with 4408. */
  GATEWAY_WS_INIT_TIMEOUT_MS: positiveMs.default(10_000),
  /**
   * Apollo Gateway's own switch for its data collection: unless it says true, the library probes
   * the cloud providers' metadata endpoints at start-up and sends host details to Apollo every
   * hour. Off (true) unless an operator opts in with false.
   */
  APOLLO_TELEMETRY_DISABLED: settingBool.optional(),
  /** Comma-separated browser origins allowed to call the gateway (CORS), e.g. https://shop.example; empty: none. */
  CORS_ORIGINS: z.string().default(''),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().positive().default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().positive().default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().positive().default(2_000),
  GRAPHQL_MAX_COST: z.coerce.number().int().positive().default(5_000),
});

/** Each context's port variable and its own settings (platform/contexts.ts), merged into one schema. */
const contextSchema = z.object(
  Object.assign(
    {},
    ...CONTEXT_NAMES.map((name) => ({ [portVariable(name)]: port.default(CONTEXTS[name].port), ...CONTEXTS[name].settings })),
  ) as z.ZodRawShape,
);

export type Role = 'GUEST' | 'CUSTOMER' | z.infer<typeof staffRole>;

interface BaseConfig {
  env: 'development' | 'test' | 'production';
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  database: { url: string; poolMax: number; preparedStatements?: boolean };
  nats: { url: string; namespace: string; streamReplicas: number };
  inbox: { retentionDays: number; purgeIntervalMs: number };
  jwt: { privateKeyPem: string | undefined; publicKeyPem: string; issuer: string; audience: string };
  host: string;
  gateway: {
    port: number;
    subgraphUrls: Partial<Record<SubgraphName, string>>;
    rateLimitPerMinute: number;
    trustProxyHops: number;
    wsMaxSocketsPerClient: number;
    guestSessionsPerMinute: number;
    registrationsPerMinute: number;
    maxBodyBytes: number;
    /** FIFO admission of HTTP operations (gateway/admission.ts); maxInFlight 0: off. */
    admission: { maxInFlight: number; maxQueue: number; maxWaitMs: number };
    wsKeepAliveMs: number;
    wsInitTimeoutMs: number;
    introspection: boolean;
    /** Apollo Gateway's data collection (host details to Apollo, cloud metadata probes): opt-in. */
    apolloTelemetry: boolean;
    limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxCost: number };
    /** Browser origins allowed by CORS (exact `scheme://host[:port]`); `*` (any) only outside production. */
    corsOrigins: string[];
  };
  ports: Record<SubgraphName, number>;
  /** The secret the gateway presents to subgraphs (x-gateway-secret); subgraphs answer nobody else. */
  subgraphSecret: string;
  staffAccounts: StaffAccountConfig[];
  seedDemoData: boolean;
  login: { maxFailures: number; failureWindowMs: number };
  passwordReset: { urlBase: string; ttlMs: number };
  addressVerification: { timeoutMs: number };
  carrier: {
    /** null: not chosen (production without CARRIER_ADAPTER); fulfillment refuses to start then. */
    adapter: 'stub' | 'easypost' | null;
    easypost: { apiKey: string | undefined; apiBase: string | undefined; webhookSecret: string | null; fromAddress: EasyPostFromAddress | null };
    timeoutMs: number;
  };
  addressVerifier: {
    /** null: not chosen (production without ADDRESS_VERIFIER); customers and orders refuse to start then. */
    kind: 'stub' | 'smarty' | null;
    smarty: { authId: string | undefined; authToken: string | undefined; apiBase: string | undefined };
  };
  outbound: { breakerFailures: number; breakerHalfOpenMs: number; maxConcurrent: number; maxQueued: number; retryDelayMs: number };
}

/** Everything a process needs: the shared settings plus one section per context (`config.orders`, …). */
export type Config = BaseConfig & ContextSections;


const easyPostFromAddress = z.object({
  name: z.string().min(1),
  street1: z.string().min(1),
  street2: z.string().optional(),
  city: z.string().min(1),
  state: z.string().min(1),
  zip: z.string().min(1),
  country: z.string().length(2),
  phone: z.string().optional(),
});
export type EasyPostFromAddress = z.infer<typeof easyPostFromAddress>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const parsedContexts = contextSchema.safeParse(env);
  if (!parsed.success || !parsedContexts.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(parsedContexts.error?.issues ?? [])];
    throw new ConfigError(issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const c = parsedContexts.data as Record<string, any>;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];

  const publicKeyPem = e.JWT_PUBLIC_KEY ?? (production ? '' : DEV_JWT_PUBLIC_KEY);
  const privateKeyPem = e.JWT_PRIVATE_KEY ?? (production ? undefined : DEV_JWT_PRIVATE_KEY);
  if (production) {
    if (!e.JWT_PUBLIC_KEY) problems.push('JWT_PUBLIC_KEY is required in production');
    if (normalisePem(e.JWT_PUBLIC_KEY) === normalisePem(DEV_JWT_PUBLIC_KEY) || normalisePem(e.JWT_PRIVATE_KEY) === normalisePem(DEV_JWT_PRIVATE_KEY)) {
      problems.push('the development JWT key pair must not be used in production');
    }
  }

  let staffAccounts: StaffAccountConfig[] = DEV_STAFF;
  if (e.STAFF_ACCOUNTS) {
    const staff = z.array(staffAccount).safeParse(safeJson(e.STAFF_ACCOUNTS));
    if (staff.success) staffAccounts = staff.data;
    else problems.push(`STAFF_ACCOUNTS: ${staff.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  } else if (production) {
    problems.push('STAFF_ACCOUNTS is required in production (JSON list of {email, role, password})');
  }
  if (production && staffAccounts.some((s) => s.password === DEV_STAFF_PASSWORD || s.password === DEV_DEMO_PASSWORD)) {
    problems.push('STAFF_ACCOUNTS uses a development password in production');
  }
  if (production && e.SEED_DEMO_DATA) problems.push('SEED_DEMO_DATA must not be enabled in production');
  const rules: SettingsRules = { production, env: e.NODE_ENV, problems };
  const sections = Object.fromEntries(
    CONTEXT_NAMES.map((name) => [name, (CONTEXTS[name].configure as (s: unknown, r: SettingsRules) => unknown)(c, rules)]),
  ) as ContextSections;
  let fromAddress: EasyPostFromAddress | null = null;
  if (e.EASYPOST_FROM_ADDRESS) {
    const parsedFrom = easyPostFromAddress.safeParse(safeJson(e.EASYPOST_FROM_ADDRESS));
    if (parsedFrom.success) fromAddress = parsedFrom.data;
    else problems.push(`EASYPOST_FROM_ADDRESS: ${parsedFrom.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  if (e.CARRIER_ADAPTER === 'easypost') {
    if (!e.EASYPOST_API_KEY) problems.push('EASYPOST_API_KEY is required when CARRIER_ADAPTER=easypost');
    if (!e.EASYPOST_FROM_ADDRESS) problems.push('EASYPOST_FROM_ADDRESS is required when CARRIER_ADAPTER=easypost (the sender on labels)');
    if (production && !e.EASYPOST_WEBHOOK_SECRET) problems.push('EASYPOST_WEBHOOK_SECRET is required in production when CARRIER_ADAPTER=easypost');
  }
  if (e.ADDRESS_VERIFIER === 'smarty' && (!e.SMARTY_AUTH_ID || !e.SMARTY_AUTH_TOKEN)) problems.push('SMARTY_AUTH_ID and SMARTY_AUTH_TOKEN are required when ADDRESS_VERIFIER=smarty');
  if (production && !e.SUBGRAPH_SHARED_SECRET) problems.push('SUBGRAPH_SHARED_SECRET is required in production (subgraphs answer only the gateway)');
  if (production && e.SUBGRAPH_SHARED_SECRET === DEV_SUBGRAPH_SHARED_SECRET) problems.push('SUBGRAPH_SHARED_SECRET must not be the development secret in production');

  let subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  if (e.SUBGRAPH_URLS) {
    const urls = z.partialRecord(z.enum(SUBGRAPHS), z.string().url()).safeParse(safeJson(e.SUBGRAPH_URLS));
    if (urls.success) subgraphUrls = urls.data;
    else problems.push(`SUBGRAPH_URLS: ${urls.error.issues.map((i) => i.message).join('; ')}`);
  }

  const corsOrigins = parseCorsOrigins(e.CORS_ORIGINS, production, problems);
  if (problems.length) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    database: { url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX, preparedStatements: e.DATABASE_PREPARED_STATEMENTS !== false },
    nats: { url: e.NATS_URL, namespace: e.EVENT_NAMESPACE, streamReplicas: e.STREAM_REPLICAS },
    inbox: { retentionDays: e.INBOX_RETENTION_DAYS, purgeIntervalMs: e.INBOX_PURGE_INTERVAL_MS },
    jwt: { privateKeyPem, publicKeyPem, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
    host: e.HOST,
    gateway: {
      port: e.PORT,
      subgraphUrls,
      rateLimitPerMinute: e.GATEWAY_RATE_LIMIT_PER_MINUTE,
      trustProxyHops: e.TRUST_PROXY_HOPS,
      wsMaxSocketsPerClient: e.GATEWAY_WS_MAX_SOCKETS_PER_CLIENT,
      guestSessionsPerMinute: e.GATEWAY_GUEST_SESSIONS_PER_MINUTE,
      registrationsPerMinute: e.GATEWAY_REGISTRATIONS_PER_MINUTE,
      maxBodyBytes: e.GATEWAY_MAX_BODY_BYTES,
      admission: { maxInFlight: e.GATEWAY_MAX_IN_FLIGHT, maxQueue: e.GATEWAY_ADMISSION_QUEUE, maxWaitMs: e.GATEWAY_ADMISSION_WAIT_MS },
      wsKeepAliveMs: e.GATEWAY_WS_KEEPALIVE_MS,
      wsInitTimeoutMs: e.GATEWAY_WS_INIT_TIMEOUT_MS,
      introspection: !production,
      apolloTelemetry: e.APOLLO_TELEMETRY_DISABLED === false,
      limits: { maxDepth: e.GRAPHQL_MAX_DEPTH, maxAliases: e.GRAPHQL_MAX_ALIASES, maxTokens: e.GRAPHQL_MAX_TOKENS, maxCost: e.GRAPHQL_MAX_COST },
      corsOrigins,
    },
    ports: Object.fromEntries(CONTEXT_NAMES.map((name) => [name, c[portVariable(name)] as number])) as Record<SubgraphName, number>,
    subgraphSecret: e.SUBGRAPH_SHARED_SECRET ?? DEV_SUBGRAPH_SHARED_SECRET,
    staffAccounts,
    seedDemoData: e.SEED_DEMO_DATA ?? !production,
    login: { maxFailures: e.LOGIN_MAX_FAILURES, failureWindowMs: e.LOGIN_FAILURE_WINDOW_MS },
    // 30 minutes: long enough to find the e-mail, short enough that an old inbox is no key (issue 9).
    passwordReset: { urlBase: e.RESET_LINK_URL_BASE, ttlMs: 30 * 60_000 },
    addressVerification: { timeoutMs: e.ADDRESS_VERIFICATION_TIMEOUT_MS },
    carrier: {
      // the stub books no parcel anywhere: a default only outside production, like the payment stub
      adapter: e.CARRIER_ADAPTER ?? (production ? null : 'stub'),
      easypost: { apiKey: e.EASYPOST_API_KEY, apiBase: e.EASYPOST_API_BASE, webhookSecret: e.EASYPOST_WEBHOOK_SECRET ?? null, fromAddress },
      timeoutMs: e.CARRIER_TIMEOUT_MS,
    },
    addressVerifier: {
      // the stub says VERIFIED to any tidy address: a default only outside production
      kind: e.ADDRESS_VERIFIER ?? (production ? null : 'stub'),
      smarty: { authId: e.SMARTY_AUTH_ID, authToken: e.SMARTY_AUTH_TOKEN, apiBase: e.SMARTY_API_BASE },
    },
    outbound: {
      breakerFailures: e.OUTBOUND_BREAKER_FAILURES,
      breakerHalfOpenMs: e.OUTBOUND_BREAKER_HALF_OPEN_MS,
      maxConcurrent: e.OUTBOUND_MAX_CONCURRENT,
      maxQueued: e.OUTBOUND_MAX_QUEUED,
      retryDelayMs: e.OUTBOUND_RETRY_DELAY_MS,
    },
    ...sections,
  };
}

/** For process entry points: print every problem and exit instead of throwing a stack trace. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function normalisePem(pem: string | undefined): string | undefined {
  return pem?.replace(/\\n/g, '\n').replace(/\s+/g, '');
}

/**
 * CORS_ORIGINS: exact origins (what a browser sends in `Origin`), comma-separated. `*` lets any
 * site call the API from a browser; refused in production, where each storefront is named.
 */
function parseCorsOrigins(raw: string, production: boolean, problems: string[]): string[] {
  const origins = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') {
      if (production) problems.push('CORS_ORIGINS must name the allowed origins in production, not *');
      continue;
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      problems.push(`CORS_ORIGINS: ${origin} is not an origin (scheme://host[:port], no path or trailing slash)`);
    }
  }
  return origins;
}
