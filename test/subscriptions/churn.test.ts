import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { RawSocket } from '../support/ws.js';
import { CART_UPDATED, createCart } from './cart-support.js';

/** A disconnect frees everything held for that socket, however the client leaves. */

let stack: Stack;
beforeAll(async () => {
  // One client churning sockets as fast as it can: its budget and socket cap raised out of the way.
  stack = await startStack([customersSubgraph, catalogSubgraph, cartSubgraph], { GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000', GATEWAY_WS_MAX_SOCKETS_PER_CLIENT: '1000' });
});
afterAll(async () => {
  await stack?.stop();
});

const CYCLES = 1_000;
const PARALLEL = 25;

describe('subscription edge under connect/disconnect churn', () => {
  it(`returns to zero sockets, subscriptions and event listeners after ${CYCLES} cycles`, async () => {
    const token = await stack.tokenFor('CUSTOMER');
    const cartId = await createCart(stack, token);
    const edge = stack.gateway.subscriptions!;
    expect(edge.stats()).toEqual({ sockets: 0, subscriptions: 0, feedListeners: 0 });

    const cycle = async (n: number) => {
      const socket = await RawSocket.open(stack.wsUrl);
      await socket.init(token);
      socket.send({ type: 'subscribe', id: String(n), payload: { query: CART_UPDATED, variables: { cartId } } });
      // Three ways to leave: complete then close, close while subscribed, vanish without a close frame.
      if (n % 3 === 0) {
        socket.send({ type: 'complete', id: String(n) });
        socket.close();
      } else if (n % 3 === 1) {
        socket.close();
      } else {
        socket.socket.terminate();
      }
      await socket.closed;
    };
    for (let start = 0; start < CYCLES; start += PARALLEL) {
      await Promise.all(Array.from({ length: PARALLEL }, (_, i) => cycle(start + i)));
    }

    await eventually(() => {
      const stats = edge.stats();
      return stats.sockets === 0 && stats.subscriptions === 0 && stats.feedListeners === 0;
    }, { what: `the edge to release everything (now ${JSON.stringify(edge.stats())})`, timeoutMs: 20_000 });

    const metrics = await (await fetch(stack.gateway.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/^subscription_sockets_open(\{[^}]*\})? 0$/m);
    expect(metrics).toMatch(/^subscriptions_active(\{[^}]*\})? 0$/m);
    expect(metrics).toMatch(/^subscription_event_listeners(\{[^}]*\})? 0$/m);
  }, 120_000);
});
