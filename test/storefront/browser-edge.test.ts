import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { graphql } from '../__generated__/index.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Issue 13 §5 and §6: a browser storefront on another origin. CORS preflights pass for configured
 * origins (and work with CSRF prevention's required header), anonymous catalogue GETs carry a
 * public Cache-Control from the subgraphs' cache hints, anything per user is private/no-store,
 * automatic persisted queries work over GET, and listings say which products are not for sale.
 */

const SHOP = 'https://shop.crittersupply.test';

const Listing = graphql(`
  query StorefrontListing($first: Int) {
    products(first: $first) {
      nodes {
        sku
        name
        status
        purchasable
        price {
          formatted
        }
        availability {
          inStock
        }
      }
    }
  }
`);

const Categories = graphql(`
  query StorefrontCategories {
    categories
  }
`);

let stack: Stack;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph, inventorySubgraph], { CORS_ORIGINS: `${SHOP},http://localhost:5173` });
});

afterAll(async () => {
  await stack?.stop();
});

/** A GET as a browser or CDN sends it; `apollo-require-preflight` satisfies CSRF prevention. */
function get(document: Parameters<typeof print>[0], variables: Record<string, unknown> | undefined, headers: Record<string, string> = {}, extensions?: unknown) {
  const url = new URL(stack.gateway.url);
  if (document) url.searchParams.set('query', print(document));
  if (variables) url.searchParams.set('variables', JSON.stringify(variables));
  if (extensions) url.searchParams.set('extensions', JSON.stringify(extensions));
  return fetch(url, { headers: { 'apollo-require-preflight': 'true', ...headers } });
}

describe('CORS', () => {
  it('answers a preflight from a configured origin, allowing the token and the CSRF header', async () => {
    const res = await fetch(stack.gateway.url, {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,apollo-require-preflight' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toEqual(expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight']));
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('allows no other origin', async () => {
    const preflight = await fetch(stack.gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(stack.gateway.url, { method: 'POST', headers: { origin: 'https://evil.test', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ categories }' }) });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the actual request from a configured origin be read, with Vary: Origin', async () => {
    const res = await fetch(stack.gateway.url, { method: 'POST', headers: { origin: SHOP, 'content-type': 'application/json' }, body: JSON.stringify({ query: print(Categories) }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('still refuses a GET without the CSRF header (a simple request a foreign page could make)', async () => {
    const url = new URL(stack.gateway.url);
    url.searchParams.set('query', print(Categories));
    const res = await fetch(url, { headers: { origin: SHOP } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });
});

describe('cache headers', () => {
  it('lets a CDN keep an anonymous catalogue GET for as long as its cache hints say', async () => {
    const res = await get(Listing, { first: 5 }, { origin: SHOP });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { products: { nodes: unknown[] } } };
    expect(body.data.products.nodes.length).toBeGreaterThan(0);
    // products 60 s, availability (stock moves) 15 s: the shortest wins
    expect(res.headers.get('cache-control')).toBe('max-age=15, public');
    const categories = await get(Categories, undefined);
    expect(categories.headers.get('cache-control')).toBe('max-age=300, public');
  });

  it('marks anything sent with a token private, no-store — even the same catalogue query', async () => {
    const res = await get(Listing, { first: 5 }, { authorization: `Bearer ${await stack.tokenFor('CUSTOMER')}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('marks POSTs and errors private, no-store', async () => {
    const post = await stack.request(print(Categories));
    expect(post.status).toBe(200);
    const postRes = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: print(Categories) }) });
    expect(postRes.headers.get('cache-control')).toBe('private, no-store');
    const failing = await get(Listing, { first: 0 });
    expect(failing.headers.get('cache-control')).toBe('private, no-store');
  });

  it('serves automatic persisted queries over GET, cacheable like the full query', async () => {
    const query = print(Categories);
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const unknown = (await (await get(null as never, undefined, {}, { persistedQuery })).json()) as { errors: { extensions: { code: string } }[] };
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // the client registers it once (with the full query), then sends only the hash
    const registered = await get(Categories, undefined, {}, { persistedQuery });
    expect(registered.status).toBe(200);
    const byHash = await get(null as never, undefined, {}, { persistedQuery });
    expect(byHash.status).toBe(200);
    expect(((await byHash.json()) as { data: { categories: string[] } }).data.categories.length).toBeGreaterThan(0);
    expect(byHash.headers.get('cache-control')).toBe('max-age=300, public');
  });
});

describe('listings', () => {
  it('say which products are not for sale yet, before addCartItem refuses them', async () => {
    const res = await get(Listing, { first: 100 });
    const nodes = ((await res.json()) as { data: { products: { nodes: { status: string; purchasable: boolean }[] } } }).data.products.nodes;
    // the seed has a COMING_SOON and an OUT_OF_SEASON product
    expect(nodes.filter((n) => !n.purchasable).map((n) => n.status).sort()).toEqual(['COMING_SOON', 'OUT_OF_SEASON']);
    for (const node of nodes) expect(node.purchasable).toBe(node.status === 'ACTIVE');
  });
});
