import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import express from 'express';
import { createTokenVerifier } from '../../platform/auth.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { ClientBudget } from '../../gateway/client-budget.js';

/** The gateway as configured for production: nothing a client can use to map the schema. */
let gateway: RunningGateway;
beforeAll(async () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    STAFF_ACCOUNTS: JSON.stringify([{ email: 'boss@shop.example', role: 'ADMIN', password: 'a-strong-password' }]),
    SUBGRAPH_SHARED_SECRET: 'a-production-subgraph-secret',
  });
  const typeDefs = parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { categories: [String!]! }`);
  const { supergraphSdl } = composeServices([{ name: 'catalog', url: 'http://127.0.0.1:9/graphql', typeDefs }]);
  gateway = await startGateway({ config, log: createLogger(config, 'test'), verifier: await createTokenVerifier(config.jwt), supergraphSdl: supergraphSdl!, port: 0 });
});
afterAll(async () => {
  await gateway?.stop();
});

const post = async (query: string) => {
  const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
};

describe('gateway in production', () => {
  it('refuses introspection', async () => {
    const { body } = await post('{ __schema { types { name } } }');
    expect(body.errors?.[0].message).toMatch(/introspection/i);
  });

  it('does not suggest field names on typos', async () => {
    const { body } = await post('{ categorie }');
    expect(body.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('answers a failing subgraph without a stack trace', async () => {
    const { body } = await post('{ categories }');
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|    at /);
  });
});

describe('per-client rate limit', () => {
  it('answers 429 with Retry-After once a client spends its budget, and counts clients apart', async () => {
    const app = express();
    app.use(new ClientBudget({ requestsPerMinute: 3, socketsPerClient: 1, perAddress: {} }).middleware((req) => String(req.headers['x-client'])));
    app.get('/', (_req, res) => res.send('ok'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    const hit = (client: string) => fetch(url, { headers: { 'x-client': client } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await hit('a')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await hit('a')).headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await hit('b')).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
