import diagnostics from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Apollo Gateway, left to itself, probes the cloud providers' metadata endpoints (169.254.169.254,
 * metadata.google.internal, …) when it is constructed and reports the host to Apollo every hour.
 * The shop's gateway talks to its own subgraphs and nothing else unless an operator opts in
 * (APOLLO_TELEMETRY_DISABLED=false). Every outbound HTTP request of this process is watched from
 * before the gateway exists: node:http's (the library's detectors and exporter) and undici's (the
 * gateway's subgraph client).
 */
const requested: string[] = [];
const onHttp = (message: unknown) => {
  const { request } = message as { request: { host: string; path: string } };
  requested.push(`http://${request.host}${request.path}`);
};
const onUndici = (message: unknown) => {
  const { request } = message as { request: { origin: string; path: string } };
  requested.push(`${request.origin}${request.path}`);
};

let stack: Stack;
beforeAll(async () => {
  diagnostics.subscribe('http.client.request.start', onHttp);
  diagnostics.subscribe('undici:request:create', onUndici);
  stack = await startStack([catalogSubgraph]);
});
afterAll(async () => {
  await stack?.stop();
  diagnostics.unsubscribe('http.client.request.start', onHttp);
  diagnostics.unsubscribe('undici:request:create', onUndici);
});

describe('what the gateway calls', () => {
  it('calls its subgraphs and no one else: no cloud metadata probes, no telemetry to Apollo', async () => {
    const res = await stack.request('{ products(first: 1) { nodes { sku } } }');
    expect(res.errors).toBeUndefined();
    const catalog = new URL(stack.subgraphs.catalog.url).origin;
    // the query above reached the catalog through the watched client, so the watch works
    expect(requested.some((url) => url.startsWith(catalog))).toBe(true);
    // (this test's own request to the gateway is an outbound request of this process too)
    const shop = [catalog, new URL(stack.gateway.url).origin];
    expect(requested.filter((url) => !shop.some((origin) => url.startsWith(origin)))).toEqual([]);
  });
});
