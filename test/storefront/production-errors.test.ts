import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import { GraphQLError, parse } from 'graphql';
import { createTokenVerifier } from '../../platform/auth.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { graphqlEndpoint } from '../../platform/graphql-endpoint.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';

/**
 * Issue 13 §6: in production an error reaches a client with its message and code only — not the
 * name of the subgraph that raised it (`extensions.serviceName`) and no stack trace, even from a
 * subgraph that (misconfigured) sends one.
 */

const typeDefs = parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { missing: String, broken: String }`);

let gateway: RunningGateway;
let subgraph: http.Server;

beforeAll(async () => {
  // a subgraph that includes stack traces, as a development build would
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs,
      resolvers: {
        Query: {
          missing: () => {
            throw new GraphQLError('No such thing', { extensions: { code: 'NOT_FOUND' } });
          },
          broken: () => {
            throw new Error('connection to db-primary.internal:5432 refused');
          },
        },
      },
    }),
    includeStacktraceInErrorResponses: true,
  });
  await server.start();
  const endpoint = graphqlEndpoint({ apollo: server, log: createLogger(loadConfig({ LOG_LEVEL: 'silent' }), 'test'), steps: [express.json()], context: async () => ({}) });
  subgraph = http.createServer(endpoint);
  await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;

  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    STAFF_ACCOUNTS: JSON.stringify([{ email: 'boss@shop.example', role: 'ADMIN', password: 'a-strong-password' }]),
    SUBGRAPH_SHARED_SECRET: 'a-production-subgraph-secret',
  });
  const { supergraphSdl } = composeServices([{ name: 'things', url, typeDefs }]);
  gateway = await startGateway({ config, log: createLogger(config, 'test'), verifier: await createTokenVerifier(config.jwt), supergraphSdl: supergraphSdl!, port: 0 });
});

afterAll(async () => {
  await gateway?.stop();
  await new Promise((resolve) => subgraph?.close(resolve));
});

async function ask(query: string) {
  const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
}

describe('errors in production', () => {
  it('keep their message and code, and lose serviceName and stack traces', async () => {
    const { errors } = await ask('{ missing }');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 'No such thing', path: ['missing'] });
    expect(errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('say nothing of an unexpected failure but INTERNAL_SERVER_ERROR', async () => {
    const { errors } = await ask('{ broken }');
    expect(errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(errors)).not.toMatch(/stacktrace|serviceName|things|    at /);
  });
});
