import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { RawSocket } from '../support/ws.js';
import { CART_UPDATED, createCart } from '../subscriptions/cart-support.js';
import { REGISTER, START_GUEST_SESSION, errorCode, registration } from '../customers/support.js';

/** One budget per client across HTTP and WebSocket, keyed by what a client cannot forge. */

const BUDGET = 20;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, cartSubgraph], {
    GRAPHQL_MAX_DEPTH: '5',
    GATEWAY_RATE_LIMIT_PER_MINUTE: String(BUDGET),
    GATEWAY_WS_MAX_SOCKETS_PER_CLIENT: '3',
    GATEWAY_GUEST_SESSIONS_PER_MINUTE: '3',
    GATEWAY_REGISTRATIONS_PER_MINUTE: '3',
  });
});
afterAll(async () => {
  await stack?.stop();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Spends what is left of `token`'s budget over HTTP (the next request answers 429). */
async function spendHttpBudget(token: string): Promise<void> {
  for (;;) {
    const res = await post({ query: '{ categories }' }, { authorization: `Bearer ${token}` });
    if (res.status === 429) return;
    expect(res.status).toBe(200);
  }
}

const openSocket = async (token: string) => {
  const socket = await RawSocket.open(stack.wsUrl);
  socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
  return socket;
};

describe('WebSocket connections', () => {
  it('are capped per client: one more than allowed closes with 4429, and a closed one frees its place', async () => {
    const token = await stack.tokenFor('CUSTOMER');
    const sockets = [];
    for (let i = 0; i < 3; i++) {
      const socket = await openSocket(token);
      expect((await socket.next()).type).toBe('connection_ack');
      sockets.push(socket);
    }
    const extra = await openSocket(token);
    expect(await extra.closed).toEqual({ code: 4429, reason: 'Too many open connections' });

    // another client is not affected
    const other = await openSocket(await stack.tokenFor('CUSTOMER'));
    expect((await other.next()).type).toBe('connection_ack');
    other.close();

    sockets[0].close();
    await sockets[0].closed;
    await eventually(async () => {
      const again = await openSocket(token);
      const frame = await Promise.race([again.next().catch(() => undefined), again.closed.then(() => undefined)]);
      if (frame?.type === 'connection_ack') return again;
      return undefined;
    }, { what: 'the freed place to be usable' });
    for (const socket of sockets.slice(1)) socket.close();
  });

  it('spend the same budget as HTTP: a client refused over HTTP cannot open a socket', async () => {
    const token = await stack.tokenFor('CUSTOMER');
    await spendHttpBudget(token);
    const socket = await openSocket(token);
    expect(await socket.closed).toEqual({ code: 4429, reason: 'Too many requests' });
  });

  it('count every subscribe: once the budget is spent, subscribes get RATE_LIMITED and nothing runs', async () => {
    const token = await stack.tokenFor('CUSTOMER');
    const cartId = await createCart(stack, token);
    const socket = await openSocket(token);
    expect((await socket.next()).type).toBe('connection_ack');
    await spendHttpBudget(token);
    for (let i = 0; i < 5; i++) socket.send({ type: 'subscribe', id: `s${i}`, payload: { query: CART_UPDATED, variables: { cartId } } });
    for (let i = 0; i < 5; i++) {
      expect(await socket.next()).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }] });
    }
    expect(stack.gateway.subscriptions!.stats().subscriptions).toBe(0);
    socket.close();
  });
});

describe('identity-minting mutations', () => {
  it('start only a few guest sessions per address and minute (each would bring a fresh budget)', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(errorCode(await stack.request(START_GUEST_SESSION)) ?? 'OK');
    expect(codes).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
    const res = await post({ query: START_GUEST_SESSION });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('bound how fast one address can probe registrations', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(errorCode(await stack.request(REGISTER, { input: registration() })) ?? 'OK');
    expect(codes).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
  });
});

describe('anonymous clients', () => {
  it('are counted by their real address: a forged X-Forwarded-For does not open a new budget', async () => {
    for (;;) {
      const res = await post({ query: '{ categories }' });
      if (res.status === 429) break;
    }
    const spoofed = await post({ query: '{ categories }' }, { 'x-forwarded-for': '203.0.113.7' });
    expect(spoofed.status).toBe(429);
  });
});
