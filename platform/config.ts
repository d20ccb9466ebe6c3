import { z } from 'zod';
import { DEV_JWT_PRIVATE_KEY, DEV_JWT_PUBLIC_KEY } from './dev-keys.js';

/**
 * The one place that reads the environment. Every process calls `loadConfig()` once at boot;
 * everything else receives the typed result. Problems are reported all at once, then the
 * process exits (see `loadConfigOrExit`).
 */

export const SUBGRAPHS = ['customers', 'catalog', 'inventory', 'cart', 'orders', 'payments', 'fulfillment'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

/** Default ports: the gateway on 4000, subgraphs from 4001 in the order above. */
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  customers: 4001,
  catalog: 4002,
  inventory: 4003,
  cart: 4004,
  orders: 4005,
  payments: 4006,
  fulfillment: 4007,
};

export const DEV_STAFF_PASSWORD = 'critter-staff-dev';
export const DEV_DEMO_PASSWORD = 'critter-demo-pass';
/** Signs carrier webhooks outside production (tests sign with it too); refused in production. */
export const DEV_CARRIER_WEBHOOK_SECRET = 'critter-carrier-webhook-dev-secret';
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

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().positive();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/crittersupply'),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  /** Prefix of every subject and stream: lets tests and several stacks share one broker. */
  EVENT_NAMESPACE: z
    .string()
    .regex(/^[a-z][a-z0-9]*$/, 'lower-case letters and digits, starting with a letter')
    .default('cs'),
  /** Replicas of streams: 1 for a single dev broker; production uses 3 (ARCHITECTURE.md). */
  STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),

  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  JWT_ISSUER: z.string().default('crittersupply'),
  JWT_AUDIENCE: z.string().default('crittersupply-graph'),

  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(4000),
  CUSTOMERS_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.customers),
  CATALOG_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.catalog),
  INVENTORY_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.inventory),
  CART_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.cart),
  ORDERS_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.orders),
  PAYMENTS_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.payments),
  FULFILLMENT_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.fulfillment),
  /** JSON object { subgraphName: url } overriding the URLs in the supergraph (tests, containers). */
  SUBGRAPH_URLS: z.string().optional(),

  STAFF_ACCOUNTS: z.string().optional(),
  SEED_DEMO_DATA: bool.optional(),
  /** The storefront page that sets a new password; the e-mailed link is this plus `?token=…`. */
  RESET_LINK_URL_BASE: z.string().url().default('http://localhost:5173/reset-password'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_FAILURE_WINDOW_MS: positiveMs.default(15 * 60_000),
  ADDRESS_VERIFICATION_TIMEOUT_MS: positiveMs.default(5_000),
  /** How long an uncommitted inventory reservation holds stock (SPEC §4: 30 min). */
  RESERVATION_TTL_MS: positiveMs.default(30 * 60_000),
  /** How often inventory looks for expired reservations. */
  RESERVATION_EXPIRY_POLL_MS: positiveMs.default(5_000),
  /** How long after its last change a guest cart is abandoned (SPEC §5, PO: 24 h). */
  CART_GUEST_TTL_MS: positiveMs.default(24 * 3600_000),
  /** How often the cart subgraph looks for expired guest carts. */
  CART_EXPIRY_SWEEP_MS: positiveMs.default(30_000),
  /** A checkout untouched this long is ABANDONED (SPEC §6: 15 min). */
  CHECKOUT_TTL_MS: positiveMs.default(15 * 60_000),
  /** How often orders looks for checkouts to abandon. */
  CHECKOUT_EXPIRY_SWEEP_MS: positiveMs.default(30_000),
  /** How long a checkout request waits for orders to apply CheckoutInitiated before NOT_FOUND. */
  CHECKOUT_WAIT_MS: positiveMs.default(5_000),
  /** An order not CONFIRMED this long after placement goes ON_HOLD (SPEC §6, PO: 5 min). */
  ORDER_CONFIRMATION_TIMEOUT_MS: positiveMs.default(5 * 60_000),
  /** A DELIVERED order becomes CLOSED when its return window ends (SPEC §6: 30 days). */
  ORDER_RETURN_WINDOW_MS: positiveMs.default(30 * 24 * 3600_000),
  /** How long after placement a customer may cancel their own order (SPEC §6, PO: 2 h). */
  ORDER_CUSTOMER_CANCEL_WINDOW_MS: positiveMs.default(2 * 3600_000),
  /** How often orders fires the saga's due timeouts. */
  ORDER_TIMEOUT_POLL_MS: positiveMs.default(1_000),
  /** HMAC key of carrier webhook signatures (fulfillment); no default in production, where the dev key is refused. */
  CARRIER_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** The stub carrier makes delivery attempts of dispatched parcels by itself (default: on in development only). */
  CARRIER_SIMULATION: bool.optional(),
  /** How long after dispatch (or the previous attempt) the simulated carrier makes its next delivery attempt. */
  CARRIER_SIMULATION_STEP_MS: positiveMs.default(60_000),
  /** Which payment provider adapter payments uses; production must say so explicitly (see payments' README row). */
  PAYMENT_GATEWAY: z.enum(['stub', 'stripe']).optional(),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  /** Another Stripe API origin (a local fake in tests, a proxy); the official one when unset. */
  STRIPE_API_BASE: z.string().url().optional(),
  /** One payment provider call slower than this counts as a (retriable) timeout. */
  PAYMENT_GATEWAY_TIMEOUT_MS: positiveMs.default(10_000),
  /** Delays between the 3 attempts of a payment call (retry matrix, PO), comma-separated ms. */
  PAYMENT_RETRY_BACKOFF_MS: z.string().regex(/^\d+(,\d+)*$/, 'comma-separated milliseconds, e.g. 500,2000').default('500,2000'),

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
  /** How often the subscription edge pings each socket; one missed pong closes it. */
  GATEWAY_WS_KEEPALIVE_MS: positiveMs.default(15_000),
  /** A socket that has not sent connection_init within this is closed with 4408. */
  GATEWAY_WS_INIT_TIMEOUT_MS: positiveMs.default(10_000),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().positive().default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().positive().default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().positive().default(2_000),
  GRAPHQL_MAX_COST: z.coerce.number().int().positive().default(5_000),
});

export type Role = 'GUEST' | 'CUSTOMER' | z.infer<typeof staffRole>;

export interface Config {
  env: 'development' | 'test' | 'production';
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  database: { url: string; poolMax: number };
  nats: { url: string; namespace: string; streamReplicas: number };
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
    wsKeepAliveMs: number;
    wsInitTimeoutMs: number;
    introspection: boolean;
    limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxCost: number };
  };
  ports: Record<SubgraphName, number>;
  /** The secret the gateway presents to subgraphs (x-gateway-secret); subgraphs answer nobody else. */
  subgraphSecret: string;
  staffAccounts: StaffAccountConfig[];
  seedDemoData: boolean;
  login: { maxFailures: number; failureWindowMs: number };
  passwordReset: { urlBase: string; ttlMs: number };
  addressVerification: { timeoutMs: number };
  inventory: { reservationTtlMs: number; expiryPollMs: number };
  cart: { guestTtlMs: number; expirySweepMs: number };
  orders: {
    checkoutTtlMs: number;
    checkoutExpirySweepMs: number;
    checkoutWaitMs: number;
    confirmationTimeoutMs: number;
    returnWindowMs: number;
    customerCancelWindowMs: number;
    timeoutPollMs: number;
  };
  fulfillment: {
    /** null: not configured (production without CARRIER_WEBHOOK_SECRET); the webhook then answers 503. */
    carrierWebhookSecret: string | null;
    carrierSimulation: boolean;
    carrierSimulationStepMs: number;
  };
  payments: {
    /** null: not chosen (production without PAYMENT_GATEWAY); payments refuses to start then. */
    gateway: 'stub' | 'stripe' | null;
    stripe: { secretKey: string | undefined; apiBase: string | undefined };
    gatewayTimeoutMs: number;
    retryBackoffMs: number[];
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
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
  if (production && e.CARRIER_WEBHOOK_SECRET === DEV_CARRIER_WEBHOOK_SECRET) problems.push('CARRIER_WEBHOOK_SECRET must not be the development secret in production');
  if (production && e.CARRIER_SIMULATION) problems.push('CARRIER_SIMULATION must not be enabled in production');
  if (production && !e.SUBGRAPH_SHARED_SECRET) problems.push('SUBGRAPH_SHARED_SECRET is required in production (subgraphs answer only the gateway)');
  if (production && e.SUBGRAPH_SHARED_SECRET === DEV_SUBGRAPH_SHARED_SECRET) problems.push('SUBGRAPH_SHARED_SECRET must not be the development secret in production');
  if (e.PAYMENT_GATEWAY === 'stripe' && !e.STRIPE_SECRET_KEY) problems.push('STRIPE_SECRET_KEY is required when PAYMENT_GATEWAY=stripe');

  let subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  if (e.SUBGRAPH_URLS) {
    const urls = z.partialRecord(z.enum(SUBGRAPHS), z.string().url()).safeParse(safeJson(e.SUBGRAPH_URLS));
    if (urls.success) subgraphUrls = urls.data;
    else problems.push(`SUBGRAPH_URLS: ${urls.error.issues.map((i) => i.message).join('; ')}`);
  }

  if (problems.length) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    database: { url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX },
    nats: { url: e.NATS_URL, namespace: e.EVENT_NAMESPACE, streamReplicas: e.STREAM_REPLICAS },
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
      wsKeepAliveMs: e.GATEWAY_WS_KEEPALIVE_MS,
      wsInitTimeoutMs: e.GATEWAY_WS_INIT_TIMEOUT_MS,
      introspection: !production,
      limits: { maxDepth: e.GRAPHQL_MAX_DEPTH, maxAliases: e.GRAPHQL_MAX_ALIASES, maxTokens: e.GRAPHQL_MAX_TOKENS, maxCost: e.GRAPHQL_MAX_COST },
    },
    ports: {
      customers: e.CUSTOMERS_PORT,
      catalog: e.CATALOG_PORT,
      inventory: e.INVENTORY_PORT,
      cart: e.CART_PORT,
      orders: e.ORDERS_PORT,
      payments: e.PAYMENTS_PORT,
      fulfillment: e.FULFILLMENT_PORT,
    },
    subgraphSecret: e.SUBGRAPH_SHARED_SECRET ?? DEV_SUBGRAPH_SHARED_SECRET,
    staffAccounts,
    seedDemoData: e.SEED_DEMO_DATA ?? !production,
    login: { maxFailures: e.LOGIN_MAX_FAILURES, failureWindowMs: e.LOGIN_FAILURE_WINDOW_MS },
    // 30 minutes: long enough to find the e-mail, short enough that an old inbox is no key (issue 9).
    passwordReset: { urlBase: e.RESET_LINK_URL_BASE, ttlMs: 30 * 60_000 },
    addressVerification: { timeoutMs: e.ADDRESS_VERIFICATION_TIMEOUT_MS },
    inventory: { reservationTtlMs: e.RESERVATION_TTL_MS, expiryPollMs: e.RESERVATION_EXPIRY_POLL_MS },
    cart: { guestTtlMs: e.CART_GUEST_TTL_MS, expirySweepMs: e.CART_EXPIRY_SWEEP_MS },
    orders: {
      checkoutTtlMs: e.CHECKOUT_TTL_MS,
      checkoutExpirySweepMs: e.CHECKOUT_EXPIRY_SWEEP_MS,
      checkoutWaitMs: e.CHECKOUT_WAIT_MS,
      confirmationTimeoutMs: e.ORDER_CONFIRMATION_TIMEOUT_MS,
      returnWindowMs: e.ORDER_RETURN_WINDOW_MS,
      customerCancelWindowMs: e.ORDER_CUSTOMER_CANCEL_WINDOW_MS,
      timeoutPollMs: e.ORDER_TIMEOUT_POLL_MS,
    },
    fulfillment: {
      carrierWebhookSecret: e.CARRIER_WEBHOOK_SECRET ?? (production ? null : DEV_CARRIER_WEBHOOK_SECRET),
      carrierSimulation: e.CARRIER_SIMULATION ?? e.NODE_ENV === 'development',
      carrierSimulationStepMs: e.CARRIER_SIMULATION_STEP_MS,
    },
    payments: {
      // the stub approves every card without charging: a default only outside production
      gateway: e.PAYMENT_GATEWAY ?? (production ? null : 'stub'),
      stripe: { secretKey: e.STRIPE_SECRET_KEY, apiBase: e.STRIPE_API_BASE },
      gatewayTimeoutMs: e.PAYMENT_GATEWAY_TIMEOUT_MS,
      retryBackoffMs: e.PAYMENT_RETRY_BACKOFF_MS.split(',').map(Number),
    },
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
