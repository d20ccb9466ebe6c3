import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { RawSocket } from '../support/ws.js';
import { addItem, createCart, CART_UPDATED, waitUntilAddable } from './cart-support.js';

/** graphql-ws (graphql-transport-ws) behaviour of the gateway's subscription edge, frame by frame. */

let stack: Stack;
let token: string;
let cartId: string;

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, cartSubgraph], {
    GATEWAY_WS_INIT_TIMEOUT_MS: '300',
    GATEWAY_WS_KEEPALIVE_MS: '200',
    GRAPHQL_MAX_DEPTH: '5',
  });
  token = await stack.tokenFor('CUSTOMER');
  await waitUntilAddable(stack, token, 'DOG-BOWL-001');
  cartId = await createCart(stack, token);
});
afterAll(async () => {
  await stack?.stop();
});

const open = (protocol?: string | null) => RawSocket.open(stack.wsUrl, protocol);

describe('the graphql-ws handshake', () => {
  it('closes a socket without the graphql-transport-ws subprotocol with 4406', async () => {
    const socket = await open(null);
    expect((await socket.closed).code).toBe(4406);
  });

  it('never agrees to another subprotocol (the legacy graphql-ws one included)', async () => {
    // The server answers the upgrade without choosing a subprotocol; a conforming client gives up.
    await expect(open('graphql-ws')).rejects.toThrow(/no subprotocol/i);
  });

  it('closes a socket that sends no connection_init in time with 4408', async () => {
    const socket = await open();
    expect((await socket.closed).code).toBe(4408);
  });

  it('closes with 4403 when the token is missing, forged or not a token', async () => {
    for (const payload of [{}, { authorization: 'Bearer not-a-jwt' }, { authorization: `Bearer ${token.slice(0, -4)}AAAA` }, { authorization: 42 }]) {
      const socket = await open();
      socket.send({ type: 'connection_init', payload });
      expect((await socket.closed).code, JSON.stringify(payload)).toBe(4403);
    }
  });

  it('closes with 4400 on a message that is not graphql-ws', async () => {
    for (const frame of ['not json', JSON.stringify({ type: 'shout' }), JSON.stringify({ type: 'subscribe', payload: { query: '{ categories }' } })]) {
      const socket = await open();
      await socket.init(token);
      socket.socket.send(frame);
      expect((await socket.closed).code, frame).toBe(4400);
    }
  });

  it('closes a second connection_init with 4429', async () => {
    const socket = await open();
    await socket.init(token);
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    expect((await socket.closed).code).toBe(4429);
  });

  it('closes a subscribe sent before the ack with 4401', async () => {
    const socket = await open();
    socket.send({ type: 'subscribe', id: '1', payload: { query: CART_UPDATED, variables: { cartId } } });
    expect((await socket.closed).code).toBe(4401);
  });

  it('answers ping with pong, and pings idle sockets itself (heartbeat)', async () => {
    const socket = await open();
    await socket.init(token);
    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });
    await eventually(() => socket.pings >= 2, { what: 'two server heartbeats' });
    socket.close();
  });
});

describe('operations on an acknowledged socket', () => {
  it('streams events of the own cart until complete, then nothing more', async () => {
    const socket = await open();
    await socket.init(token);
    socket.send({ type: 'subscribe', id: 'cart', payload: { query: CART_UPDATED, variables: { cartId } } });
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === 1, { what: 'the subscription to start' });

    await addItem(stack, token, cartId, 'DOG-BOWL-001', 1);
    const first = await socket.next();
    expect(first).toMatchObject({ type: 'next', id: 'cart', payload: { data: { cartUpdated: { reason: 'ITEM_ADDED', cart: { id: cartId } } } } });

    socket.send({ type: 'complete', id: 'cart' });
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === 0, { what: 'the subscription to stop' });
    expect(stack.gateway.subscriptions!.stats().feedListeners).toBe(0);

    // The next change reaches a fresh subscription on the same socket, and only that one.
    socket.send({ type: 'subscribe', id: 'again', payload: { query: CART_UPDATED, variables: { cartId } } });
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions === 1, { what: 'the second subscription to start' });
    await addItem(stack, token, cartId, 'DOG-BOWL-001', 1);
    expect(await socket.next()).toMatchObject({ type: 'next', id: 'again', payload: { data: { cartUpdated: { cart: { itemCount: 2 } } } } });
    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });
    socket.close();
    await eventually(() => stack.gateway.subscriptions!.stats().sockets === 0, { what: 'the socket to be released' });
  });

  it('closes with 4409 when a subscription id is reused while active', async () => {
    const socket = await open();
    await socket.init(token);
    socket.send({ type: 'subscribe', id: 'dup', payload: { query: CART_UPDATED, variables: { cartId } } });
    await eventually(() => stack.gateway.subscriptions!.stats().subscriptions >= 1, { what: 'the first subscription' });
    socket.send({ type: 'subscribe', id: 'dup', payload: { query: CART_UPDATED, variables: { cartId } } });
    expect((await socket.closed).code).toBe(4409);
  });

  it('answers a malformed or invalid operation with an error message and keeps the socket', async () => {
    const socket = await open();
    await socket.init(token);
    socket.send({ type: 'subscribe', id: 'a', payload: { query: 'subscription {' } });
    expect(await socket.next()).toMatchObject({ type: 'error', id: 'a', payload: [{ message: expect.stringMatching(/Syntax Error/) }] });
    socket.send({ type: 'subscribe', id: 'b', payload: { query: 'subscription { cartUpdated(cartId: "x") { nope } }' } });
    expect(await socket.next()).toMatchObject({ type: 'error', id: 'b', payload: [{ message: expect.stringMatching(/nope/) }] });
    socket.send({ type: 'subscribe', id: 'c', payload: { query: '{ categories }' } });
    expect(await socket.next()).toMatchObject({ type: 'error', id: 'c', payload: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });
    socket.close();
  });

  it('applies the HTTP depth limit to subscriptions too', async () => {
    // This stack allows depth 5 (CART_UPDATED is exactly 5 deep); one level more is refused before anything runs.
    const deep = 'subscription($cartId: ID!) { cartUpdated(cartId: $cartId) { cart { items { product { images { url } } } } } }';
    const socket = await open();
    await socket.init(token);
    socket.send({ type: 'subscribe', id: 'deep', payload: { query: deep, variables: { cartId } } });
    expect(await socket.next()).toMatchObject({ type: 'error', id: 'deep', payload: [{ message: expect.stringMatching(/depth/i) }] });
    socket.close();
  });
});
