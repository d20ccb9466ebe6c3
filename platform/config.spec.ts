import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_CARRIER_WEBHOOK_SECRET, DEV_STAFF_PASSWORD, loadConfig } from './config.js';
import { DEV_JWT_PRIVATE_KEY, DEV_JWT_PUBLIC_KEY } from './dev-keys.js';

const keys = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    SUBGRAPH_SHARED_SECRET: 'a-production-subgraph-secret',
  };
};
const staff = (password: string) => JSON.stringify([{ email: 'boss@shop.example', role: 'ADMIN', password }]);

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
};

describe('configuration', () => {
  it('starts in development with the committed dev keys and dev staff accounts', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.jwt.publicKeyPem).toBe(DEV_JWT_PUBLIC_KEY);
    expect(config.staffAccounts.map((s) => s.email)).toContain('admin@crittersupply.dev');
    expect(config.seedDemoData).toBe(true);
    expect(config.gateway.introspection).toBe(true);
  });

  it('takes CORS_ORIGINS as exact origins, refuses anything else, and * in production', () => {
    expect(loadConfig({}).gateway.corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://shop.example, http://localhost:5173' }).gateway.corsOrigins).toEqual(['https://shop.example', 'http://localhost:5173']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).gateway.corsOrigins).toEqual(['*']);
    expect(problemsOf({ CORS_ORIGINS: 'https://shop.example/, shop.example, ftp://x.example' })).toEqual([
      expect.stringMatching(/https:\/\/shop\.example\/ is not an origin/),
      expect.stringMatching(/shop\.example is not an origin/),
      expect.stringMatching(/ftp:\/\/x\.example is not an origin/),
    ]);
    const production = problemsOf({ NODE_ENV: 'production', ...keys(), STAFF_ACCOUNTS: staff('a-strong-password'), CORS_ORIGINS: '*' });
    expect(production).toEqual([expect.stringMatching(/CORS_ORIGINS must name the allowed origins in production/)]);
  });

  it('admits 64 gateway operations at once by default, queues the rest, and takes 0 for no limit', () => {
    expect(loadConfig({}).gateway.admission).toEqual({ maxInFlight: 64, maxQueue: 10_000, maxWaitMs: 30_000 });
    expect(loadConfig({ GATEWAY_MAX_IN_FLIGHT: '0', GATEWAY_ADMISSION_QUEUE: '0', GATEWAY_ADMISSION_WAIT_MS: '500' }).gateway.admission).toEqual({ maxInFlight: 0, maxQueue: 0, maxWaitMs: 500 });
    expect(problemsOf({ GATEWAY_MAX_IN_FLIGHT: '-1', GATEWAY_ADMISSION_WAIT_MS: '0' }).map((p) => p.split(':')[0])).toEqual(['GATEWAY_MAX_IN_FLIGHT', 'GATEWAY_ADMISSION_WAIT_MS']);
  });

  it("keeps Apollo Gateway's data collection off unless APOLLO_TELEMETRY_DISABLED=false opts in", () => {
    expect(loadConfig({}).gateway.apolloTelemetry).toBe(false);
    expect(loadConfig({ APOLLO_TELEMETRY_DISABLED: 'true' }).gateway.apolloTelemetry).toBe(false);
    expect(loadConfig({ APOLLO_TELEMETRY_DISABLED: 'false' }).gateway.apolloTelemetry).toBe(true);
    expect(problemsOf({ APOLLO_TELEMETRY_DISABLED: 'maybe' }).map((p) => p.split(':')[0])).toEqual(['APOLLO_TELEMETRY_DISABLED']);
  });

  it('sends statements prepared unless DATABASE_PREPARED_STATEMENTS=false', () => {
    expect(loadConfig({}).database.preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).database.preparedStatements).toBe(false);
    expect(problemsOf({ DATABASE_PREPARED_STATEMENTS: 'sometimes' }).map((p) => p.split(':')[0])).toEqual(['DATABASE_PREPARED_STATEMENTS']);
  });

  it('takes SUBGRAPH_URLS as overrides for some subgraphs, not a full list', () => {
    const config = loadConfig({ SUBGRAPH_URLS: '{"catalog":"http://catalog.internal:4002/graphql"}' });
    expect(config.gateway.subgraphUrls).toEqual({ catalog: 'http://catalog.internal:4002/graphql' });
  });

  it('refuses the development JWT key pair in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_PUBLIC_KEY: DEV_JWT_PUBLIC_KEY, JWT_PRIVATE_KEY: DEV_JWT_PRIVATE_KEY, STAFF_ACCOUNTS: staff('a-strong-password') });
    expect(problems.join('\n')).toMatch(/development JWT key/);
  });

  it('requires keys and staff accounts in production and reports every problem at once', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/JWT_PUBLIC_KEY/), expect.stringMatching(/STAFF_ACCOUNTS/)]));
  });

  it('refuses development staff passwords in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', ...keys(), STAFF_ACCOUNTS: staff(DEV_STAFF_PASSWORD) });
    expect(problems.join('\n')).toMatch(/development password/);
  });

  it('refuses the development carrier webhook secret and the carrier simulation in production, and applies no default there', () => {
    const problems = problemsOf({ NODE_ENV: 'production', ...keys(), STAFF_ACCOUNTS: staff('a-strong-password'), CARRIER_WEBHOOK_SECRET: DEV_CARRIER_WEBHOOK_SECRET, CARRIER_SIMULATION: 'true' });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/CARRIER_WEBHOOK_SECRET/), expect.stringMatching(/CARRIER_SIMULATION/)]));
    expect(loadConfig({ NODE_ENV: 'production', ...keys(), STAFF_ACCOUNTS: staff('a-strong-password') }).fulfillment).toMatchObject({ carrierWebhookSecret: null, carrierSimulation: false });
    expect(loadConfig({}).fulfillment).toMatchObject({ carrierWebhookSecret: DEV_CARRIER_WEBHOOK_SECRET, carrierSimulation: true });
  });

  it('accepts a proper production configuration with introspection and demo data off', () => {
    const config = loadConfig({ NODE_ENV: 'production', ...keys(), STAFF_ACCOUNTS: staff('a-strong-password') });
    expect(config.gateway.introspection).toBe(false);
    expect(config.seedDemoData).toBe(false);
  });

  it.each([
    ['PORT', 'not-a-port'],
    ['EVENT_NAMESPACE', 'Has Spaces'],
    ['DATABASE_URL', 'nope'],
    ['SUBGRAPH_URLS', '{"unknown":"http://x"}'],
  ])('rejects an invalid %s', (name, value) => {
    expect(problemsOf({ [name]: value }).join('\n')).toContain(name);
  });
});
