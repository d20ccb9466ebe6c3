import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { eventually } from '../support/config.js';
import { startStack, type GraphQLResponse, type Stack } from '../support/stack.js';
import { RawSocket } from '../support/ws.js';

/**
 * Admission control at the gateway (GATEWAY_MAX_IN_FLIGHT): one operation in flight here, two
 * waiting at most, each for at most 4 s. The slow operation is a product list held up by a lock on
 * catalog's product table, taken by the test, so "slow" lasts exactly until the test lets go.
 */
let stack: Stack;
let base: string;
let locker: pg.Client | undefined;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph], { GATEWAY_MAX_IN_FLIGHT: '1', GATEWAY_ADMISSION_QUEUE: '2', GATEWAY_ADMISSION_WAIT_MS: '4000' });
  base = stack.gateway.url.replace(/\/graphql$/, '');
});
afterEach(async () => {
  await releaseProducts();
});
afterAll(async () => {
  await stack?.stop();
});

const SLOW = '{ products(first: 1) { nodes { sku } } }';
const QUICK = '{ __typename }';
/** A checkout step (only catalog runs here, so it is answered with an error: when is what counts). */
const PLACE_ORDER = 'mutation { placeOrder(checkoutId: "00000000-0000-4000-8000-000000000000") { id } }';

/** Holds catalog's product table: product queries wait on the lock until releaseProducts(). */
async function holdProducts(): Promise<void> {
  locker = new pg.Client({ connectionString: stack.env.databaseUrl });
  await locker.connect();
  await locker.query('begin');
  await locker.query('lock table catalog.product in access exclusive mode');
}

async function releaseProducts(): Promise<void> {
  const client = locker;
  locker = undefined;
  if (!client) return;
  await client.query('commit');
  await client.end();
}

async function gauge(name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)$`, 'm').exec(text)?.[1]);
}

const waitForGauge = (name: string, value: number) => eventually(async () => (await gauge(name)) === value, { what: `${name} = ${value}` });

/** Sends a request and records when its answer arrived, in `finished`. */
function send(query: string, label: string, finished: string[], token?: string): Promise<GraphQLResponse & { retryAfter: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  return fetch(stack.gateway.url, { method: 'POST', headers, body: JSON.stringify({ query }) }).then(async (res) => {
    finished.push(label);
    return { ...((await res.json()) as GraphQLResponse), status: res.status, retryAfter: res.headers.get('retry-after') };
  });
}

/** A product query held by a lock takes the only slot; a quick operation waits behind it. */
async function slowOneHoldingTheSlotAndOneWaiting() {
  const finished: string[] = [];
  await holdProducts();
  const slow = send(SLOW, 'slow', finished);
  await waitForGauge('gateway_in_flight', 1);
  const waiting = send(QUICK, 'waiting', finished);
  await waitForGauge('gateway_admission_queue_length', 1);
  return { finished, slow, waiting };
}

describe('admission control at the gateway', () => {
  it('lets an operation wait while the limit is taken, and answers it once the slow one is done', async () => {
    const { finished, slow, waiting } = await slowOneHoldingTheSlotAndOneWaiting();
    expect(finished).toEqual([]); // a quick operation, yet not answered: it waits for the slot

    await releaseProducts();
    const [slowAnswer, waitingAnswer] = await Promise.all([slow, waiting]);
    expect(finished).toEqual(['slow', 'waiting']);
    expect(slowAnswer.errors).toBeUndefined();
    expect(slowAnswer.data.products.nodes).toHaveLength(1);
    expect(waitingAnswer).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    await waitForGauge('gateway_in_flight', 0);
    expect(await gauge('gateway_admission_queue_length')).toBe(0);
  });

  it("lets a shopper's checkout step go before the operations that waited longer", async () => {
    const { finished, slow, waiting } = await slowOneHoldingTheSlotAndOneWaiting();
    const placeOrder = send(PLACE_ORDER, 'placeOrder', finished, await stack.tokenFor('CUSTOMER'));
    await waitForGauge('gateway_admission_queue_length', 2);

    await releaseProducts();
    await Promise.all([slow, waiting, placeOrder]);
    expect(finished).toEqual(['slow', 'placeOrder', 'waiting']);
  });

  it('refuses at once when the queue is full, and a waiter after the maximum wait, with 503 and Retry-After', async () => {
    const { finished, slow, waiting } = await slowOneHoldingTheSlotAndOneWaiting();
    const alsoWaiting = send(QUICK, 'also waiting', finished);
    await waitForGauge('gateway_admission_queue_length', 2);

    const refused = await send(QUICK, 'refused', finished);
    expect(finished).toEqual(['refused']); // refused before the waiters got anywhere
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toMatch(/^\d+$/);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'OVERLOADED' });

    // meanwhile the queue does not hold up the endpoints beside /graphql, nor subscription sockets
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const socket = await RawSocket.open(stack.wsUrl);
    await socket.init(await stack.tokenFor('CUSTOMER'));
    socket.close();

    const timedOut = await waiting; // after GATEWAY_ADMISSION_WAIT_MS, the slow one still holding the slot
    expect((await alsoWaiting).status).toBe(503);
    expect(finished).toEqual(['refused', 'waiting', 'also waiting']);
    expect(timedOut.status).toBe(503);
    expect(timedOut.retryAfter).toMatch(/^\d+$/);
    expect(timedOut.errors?.[0]).toMatchObject({ message: expect.stringMatching(/waited too long/), extensions: { code: 'RATE_LIMITED', reason: 'OVERLOADED' } });

    await releaseProducts();
    expect((await slow).errors).toBeUndefined();
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^gateway_admission_wait_seconds_count\{[^}]*outcome="timed_out"[^}]*\} 2$/m);
    expect(metrics).toMatch(/^gateway_admission_wait_seconds_count\{[^}]*outcome="queue_full"[^}]*\} 1$/m);
  });
});
