import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack([catalogSubgraph], { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_ALIASES: '5', GATEWAY_MAX_BODY_BYTES: '20000', GRAPHQL_MAX_TOKENS: '200' });
});
afterAll(async () => {
  await stack?.stop();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('gateway hardening', () => {
  it('answers a plain product query', async () => {
    const res = await stack.request('{ products(first: 2) { nodes { sku name } totalCount } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.products.nodes).toHaveLength(2);
  });

  it('rejects a token signed with another key with 401 UNAUTHENTICATED before any subgraph runs', async () => {
    const forged =
      'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiQURNSU4iLCJzdWIiOiJ4In0.' + 'A'.repeat(86);
    const res = await post({ query: '{ categories }' }, { authorization: `Bearer ${forged}` });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rejects queries deeper than the limit', async () => {
    const shallow = await stack.request('{ products(first: 1) { nodes { sku } } }');
    expect(shallow.errors).toBeUndefined();
    const deep = await stack.request('{ products(first: 1) { nodes { images { url } } } }');
    expect(deep.errors?.[0].message).toMatch(/depth/i);
    expect(deep.data ?? null).toBeNull();
  });

  it('answers a document over the token limit with 400 before executing it', async () => {
    const res = await post({ query: `{ categories ${'__typename '.repeat(300)}}` });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].message).toMatch(/token/i);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('rejects too many aliases', async () => {
    const res = await stack.request('{ a: categories b: categories c: categories d: categories e: categories f: categories g: categories }');
    expect(res.errors?.[0].message).toMatch(/alias/i);
  });

  it('refuses batched requests', async () => {
    const res = await post([{ query: '{ categories }' }, { query: '{ categories }' }]);
    expect(res.status).toBe(400);
  });

  it('blocks a simple cross-site GET without a preflight header (CSRF prevention)', async () => {
    const res = await fetch(`${stack.gateway.url}?query=${encodeURIComponent('{ categories }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });

  it('refuses a request body over the size limit with 413', async () => {
    const res = await post({ query: `{ categories } # ${'x'.repeat(30_000)}` });
    expect(res.status).toBe(413);
  });

  it('reports liveness, readiness with every subgraph up, and Prometheus metrics', async () => {
    const base = stack.gateway.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', subgraphs: { catalog: 'up' } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('graphql_operation_duration_seconds');
  });
});
