import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../../platform/config.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import { dropDatabase, ensureDatabase } from '../../platform/database.js';

const BASE_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A test's own world: a fresh database and a fresh subject/stream namespace on the shared
 * PostgreSQL and NATS, so parallel test files and the dev stack never collide.
 */
export interface TestEnvironment {
  config: Config;
  log: Logger;
  databaseUrl: string;
  namespace: string;
  /** Drops the database; streams are removed by whoever created them (see test/support/broker.ts). */
  cleanup(): Promise<void>;
}

export async function createTestEnvironment(overrides: Record<string, string> = {}): Promise<TestEnvironment> {
  const suffix = randomBytes(5).toString('hex');
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `/cs_test_${suffix}`;
  const databaseUrl = url.toString();
  const namespace = `t${suffix}`;
  await ensureDatabase(databaseUrl);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '5',
    NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    EVENT_NAMESPACE: namespace,
    // Test files sign up many customers and guests from one address; test/security sets these low.
    GATEWAY_REGISTRATIONS_PER_MINUTE: '100000',
    GATEWAY_GUEST_SESSIONS_PER_MINUTE: '100000',
    ...overrides,
  });
  const log = createLogger(config, 'test');
  return { config, log, databaseUrl, namespace, cleanup: () => dropDatabase(databaseUrl) };
}

/** Polls `probe` until it returns a truthy value or the timeout passes (no fixed sleeps). */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, options: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as T;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${options.what ?? 'condition'}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 50));
  }
}
