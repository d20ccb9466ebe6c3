import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { RawSocket } from '../support/ws.js';
import { CART_UPDATED, createCart } from '../subscriptions/cart-support.js';

/** Resource limits of the subscription edge that a client cannot talk its way around. */

let stack: Stack;

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, cartSubgraph], { GRAPHQL_MAX_DEPTH: '5' });
});
afterAll(async () => {
  await stack?.stop();
});

const MAX_PER_SOCKET = 25;

describe('the per-socket subscription cap', () => {
  it('holds when 100 subscribes arrive back to back, before any authorization query has answered', async () => {
    const token = await stack.tokenFor('CUSTOMER');
    const cartId = await createCart(stack, token);
    const socket = await RawSocket.open(stack.wsUrl);
    await socket.init(token);
    // One write per frame, all in the same tick: none waits for the previous one's authorization.
    for (let i = 0; i < 100; i++) socket.send({ type: 'subscribe', id: `s${i}`, payload: { query: CART_UPDATED, variables: { cartId } } });

    const refused: Record<string, any>[] = [];
    for (let i = 0; i < 100 - MAX_PER_SOCKET; i++) refused.push(await socket.next(20_000));
    expect(refused.every((frame) => frame.type === 'error')).toBe(true);
    expect(refused[0].payload[0].message).toMatch(/at most 25 subscriptions/i);
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === MAX_PER_SOCKET, { what: '25 subscriptions to be active', timeoutMs: 20_000 });
    expect(stack.gateway.subscriptions!.stats().subscriptions).toBe(MAX_PER_SOCKET);

    // A completed subscription frees its slot for the next one.
    socket.send({ type: 'complete', id: 's0' });
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === MAX_PER_SOCKET - 1, { what: 'the slot to be freed' });
    socket.send({ type: 'subscribe', id: 'again', payload: { query: CART_UPDATED, variables: { cartId } } });
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === MAX_PER_SOCKET, { what: 'the freed slot to be reused' });
    socket.close();
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === 0, { what: 'the socket to release everything' });
  });
});

describe('an expired session', () => {
  it('is told apart from a forbidden one: 4419, not 4403, at connect time and when it expires on an open socket', async () => {
    const key = await importPKCS8(stack.env.config.jwt.privateKeyPem!, 'ES256');
    const { issuer, audience } = stack.env.config.jwt;
    const sign = (exp: number) => new SignJWT({ role: 'CUSTOMER', sid: crypto.randomUUID() }).setProtectedHeader({ alg: 'ES256' }).setSubject(crypto.randomUUID()).setIssuer(issuer).setAudience(audience).setIssuedAt().setExpirationTime(exp).sign(key);
    const now = Math.floor(Date.now() / 1000);

    const expired = await RawSocket.open(stack.wsUrl);
    expired.send({ type: 'connection_init', payload: { authorization: `Bearer ${await sign(now - 60)}` } });
    expect(await expired.closed).toEqual({ code: 4419, reason: 'Session expired' });

    const forged = await RawSocket.open(stack.wsUrl);
    forged.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-token' } });
    expect((await forged.closed).code).toBe(4403);

    const expiring = await RawSocket.open(stack.wsUrl);
    await expiring.init(await sign(now + 2));
    expect(await expiring.closed).toEqual({ code: 4419, reason: 'Session expired' });
  });
});
