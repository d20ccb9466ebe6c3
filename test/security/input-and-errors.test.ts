import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { fulfillmentSubgraph } from '../../subgraphs/fulfillment/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { ADD_ADDRESS, LOGIN, REGISTER, addressInput, errorCode, registerCustomer, registration } from '../customers/support.js';
import { postCarrierEvent, webhookUrl } from '../fulfillment/support.js';

/** Inputs and malformed requests that used to answer 500 (or HTML with a stack) now answer as the client's mistake. */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, fulfillmentSubgraph]);
});
afterAll(async () => {
  await stack?.stop();
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const fieldsOf = (res: { errors?: { extensions?: Record<string, any> }[] }) => Object.keys(res.errors?.[0]?.extensions?.fields ?? {});

describe('NUL characters and lone surrogates', () => {
  const NUL = 'a\u0000b';
  const LONE = 'a\ud800b';

  it.each([
    ['NUL', NUL],
    ['a lone surrogate', LONE],
  ])('are BAD_USER_INPUT naming the field in variables (%s): login, registration, address book', async (_name, bad) => {
    const loginRes = await stack.request(LOGIN, { email: `x${bad}@critter.test`, password: 'whatever-password' });
    expect(loginRes.status).toBe(400);
    expect(errorCode(loginRes)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(loginRes)).toEqual(['email']);

    const registerRes = await stack.request(REGISTER, { input: registration({ firstName: bad, lastName: bad }) });
    expect(errorCode(registerRes)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(registerRes).sort()).toEqual(['input.firstName', 'input.lastName']);

    const customer = await registerCustomer(stack);
    const addressRes = await stack.request(ADD_ADDRESS, { input: addressInput({ line1: bad }) }, customer.token);
    expect(errorCode(addressRes)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(addressRes)).toEqual(['input.line1']);
  });

  it('are BAD_USER_INPUT when written into the operation as a literal', async () => {
    const res = await stack.request(`{ products(category: ${JSON.stringify(NUL)}) { totalCount } }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual(['products.category']);
  });

  it('are refused by the carrier webhook with 400, not 500', async () => {
    const res = await postCarrierEvent(stack, { body: { eventId: `evt_${NUL}`, type: 'delivered', shipmentId: crypto.randomUUID() } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/eventId/);
  });
});

describe('malformed requests answer 4xx in JSON', () => {
  it('refuses a token without an expiry', async () => {
    const key = await importPKCS8(stack.env.config.jwt.privateKeyPem!, 'ES256');
    const { issuer, audience } = stack.env.config.jwt;
    const forever = await new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'ES256' }).setSubject('x').setIssuer(issuer).setAudience(audience).setIssuedAt().sign(key);
    const res = await post(stack.gateway.url, { query: '{ categories }' }, { authorization: `Bearer ${forever}` });
    expect(res.status).toBe(401);
  });

  it('answers a subscription sent over HTTP with 400', async () => {
    const res = await post(stack.gateway.url, { query: 'subscription { orderUpdated { status } }' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0].message).toMatch(/WebSocket/);
  });

  it('answers an unknown operationName with 400', async () => {
    const res = await post(stack.gateway.url, { query: 'query A { categories }', operationName: 'B' });
    expect(res.status).toBe(400);
  });

  it('answers a bad token sent straight to a subgraph with 401', async () => {
    const res = await post(stack.subgraphs.catalog!.url, { query: '{ categories }' }, { ...stack.asGateway, authorization: 'Bearer not-a-token' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers an oversized webhook body and malformed JSON to a subgraph with a JSON error and no stack', async () => {
    const big = await post(webhookUrl(stack), 'x'.repeat(100_000));
    expect(big.status).toBe(413);
    const bigText = await big.text();
    expect(() => JSON.parse(bigText)).not.toThrow();
    expect(bigText).not.toMatch(/at \w|node_modules/);

    const malformed = await post(stack.subgraphs.catalog!.url, '{"query": ', stack.asGateway);
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(() => JSON.parse(text)).not.toThrow();
    expect(text).not.toMatch(/at \w|node_modules/);
  });
});
