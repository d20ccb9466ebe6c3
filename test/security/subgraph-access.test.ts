import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';

/** A subgraph answers only the gateway, and refuses what the gateway would refuse anyway. */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack([catalogSubgraph], { GRAPHQL_MAX_ALIASES: '5' });
});
afterAll(async () => {
  await stack?.stop();
});

const postToCatalog = async (query: string, headers: Record<string, string> = {}) => {
  const response = await fetch(stack.subgraphs.catalog!.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
};

describe('a subgraph reached without the gateway', () => {
  it.each([
    ['introspection', '{ __schema { types { name } } }'],
    ['its federation SDL', '{ _service { sdl } }'],
    ['an ordinary query', '{ categories }'],
  ])('refuses %s with 403 when the gateway secret is missing or wrong', async (_what, query) => {
    for (const headers of [{}, { 'x-gateway-secret': 'a-guess-at-the-secret' }] as Record<string, string>[]) {
      const res = await postToCatalog(query, headers);
      expect(res.status).toBe(403);
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res.body)).not.toMatch(/Product|categories/);
    }
  });

  it('answers the gateway, and the gateway still serves clients', async () => {
    expect((await postToCatalog('{ categories }', stack.asGateway)).body.data.categories.length).toBeGreaterThan(0);
    expect((await stack.request('{ categories }')).data.categories.length).toBeGreaterThan(0);
  });

  it("applies the gateway's query limits even to the gateway's secret (200 aliases)", async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: categories`).join(' ');
    const res = await postToCatalog(`{ ${aliases} }`, stack.asGateway);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].message).toMatch(/alias/i);
  });
});

describe('the shared secret in production', () => {
  const production = { NODE_ENV: 'production', JWT_PUBLIC_KEY: 'x', STAFF_ACCOUNTS: JSON.stringify([{ email: 'a@b.example', role: 'ADMIN', password: 'a-strong-password' }]) };

  it('is required', () => {
    expect(() => loadConfig(production)).toThrow(/SUBGRAPH_SHARED_SECRET is required/);
  });

  it('must not be the development one', () => {
    expect(() => loadConfig({ ...production, SUBGRAPH_SHARED_SECRET: 'critter-subgraph-shared-dev-secret' })).toThrow(/SUBGRAPH_SHARED_SECRET must not be the development secret/);
  });
});
