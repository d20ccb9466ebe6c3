import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { createHttpServer, graphqlEndpoint, isGraphQLPath, type GraphQLStep } from '../../platform/graphql-endpoint.js';
import { createLogger } from '../../platform/logger.js';
import { loadConfig } from '../../platform/config.js';
import { eventually } from '../support/config.js';

/**
 * /graphql answered without Express (platform/graphql-endpoint.ts): steps in order, errors in
 * GraphQL's shape, ETags on GET answers, every other path left to Express.
 */
const log = createLogger(loadConfig({ LOG_LEVEL: 'silent' }), 'test');
let server: http.Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  const apollo = new ApolloServer<{ who: string }>({
    typeDefs: 'type Query { hello: String! version: Int! }',
    resolvers: { Query: { hello: (_: unknown, __: unknown, ctx: { who: string }) => `hello ${ctx.who}`, version: () => 7 } },
    csrfPrevention: true,
  });
  await apollo.start();
  const record: GraphQLStep = (req, _res, next) => {
    seen.push(`${req.method} ${req.headers['x-step'] ?? ''}`);
    next();
  };
  const refuse: GraphQLStep = (req, res, next) => {
    if (req.headers['x-step'] === 'refuse') {
      res.statusCode = 418;
      res.end('refused');
      return;
    }
    if (req.headers['x-step'] === 'fail') return next(new Error('a step broke'));
    if (req.headers['x-step'] === 'throw') throw new Error('a step threw');
    next();
  };
  const endpoint = graphqlEndpoint({
    apollo,
    log,
    etags: true,
    steps: [record, refuse, express.json({ limit: 200 })],
    context: async (req) => ({ who: String(req.headers['x-who'] ?? 'nobody') }),
  });
  const app = express();
  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  const { httpServer, serveGraphQL } = createHttpServer(app);
  serveGraphQL(endpoint);
  server = httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('the GraphQL endpoint', () => {
  it('runs the steps in order and hands Apollo the parsed body and a context built from the request', async () => {
    const res = await post(JSON.stringify({ query: '{ hello }' }), { 'x-step': 'a', 'x-who': 'Rex' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ data: { hello: 'hello Rex' } });
    expect(seen.at(-1)).toBe('POST a');
  });

  it('stops where a step answers, and answers a step’s error as JSON without its message', async () => {
    const refused = await post(JSON.stringify({ query: '{ hello }' }), { 'x-step': 'refuse' });
    expect([refused.status, await refused.text()]).toEqual([418, 'refused']);
    for (const step of ['fail', 'throw']) {
      const res = await post(JSON.stringify({ query: '{ hello }' }), { 'x-step': step });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  });

  it('answers the body parser’s refusals with their 4xx status in GraphQL’s shape', async () => {
    const malformed = await post('{ "query": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }] });
    const large = await post(JSON.stringify({ query: `{ hello ${' '.repeat(300)}}` }));
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('gives a GET query a weak ETag and answers 304 when the client already holds it', async () => {
    const url = `${base}/graphql?query=${encodeURIComponent('{ version }')}`;
    const first = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ data: { version: 7 } });
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    // fetch adds `cache-control: no-cache` (an end-to-end reload) to a conditional request unless one is given
    const again = await fetch(url, { headers: { 'apollo-require-preflight': 'true', 'if-none-match': tag!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await fetch(url, { headers: { 'apollo-require-preflight': 'true', 'if-none-match': 'W/"other"', 'cache-control': 'max-age=0' } });
    expect(stale.status).toBe(200);
  });

  it('leaves POST answers without an ETag, and serves /graphql/ and a query string as /graphql', async () => {
    const res = await post(JSON.stringify({ query: '{ version }' }));
    expect(res.headers.get('etag')).toBeNull();
    const slash = await fetch(`${base}/graphql/?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ version }' }) });
    expect(await slash.json()).toEqual({ data: { version: 7 } });
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect([isGraphQLPath('/graphql'), isGraphQLPath('/graphql?a=b'), isGraphQLPath('/graphqlx'), isGraphQLPath('/graphql/x'), isGraphQLPath(undefined)]).toEqual([true, true, false, false, false]);
  });
});

describe('a crowd connecting at once', () => {
  it('is held by the kernel while the process is too busy to accept: no connect dropped and tried again seconds later', async () => {
    const crowd = 1_000;
    const busyMs = 15_000;
    const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/busy-server.ts', import.meta.url)), String(busyMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const sockets: net.Socket[] = [];
    try {
      const [line] = (await once(server.stdout!, 'data')) as [Buffer];
      const port = Number(line.toString().trim());
      let connected = 0;
      for (let i = 0; i < crowd; i++) {
        const socket = net.connect(port, '127.0.0.1', () => connected++);
        socket.on('error', () => undefined);
        sockets.push(socket);
      }
      // well inside the server's busy spell: a dropped connect's first retries (1 s, 3 s) would be dropped too
      await eventually(() => connected === crowd, { timeoutMs: busyMs / 2 }).catch(() => undefined);
      expect(connected).toBe(crowd);
    } finally {
      for (const socket of sockets) socket.destroy();
      server.kill('SIGKILL');
    }
  });
});
