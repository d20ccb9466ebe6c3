import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { GraphQLClient, GraphQLFailure } from '../cluster/graphql-client.js';
import type { Random } from '../cluster/random.js';
import { op } from './checkout-operations.js';
import type { TimedRequest } from './timeline.js';

/**
 * One shopper's checkout journey against the gateway, as both profiles of `bench:checkout` run it
 * (the stages and the shoppers): new cart → 1–5 products → checkoutCart → address, shipping
 * method, card → placeOrder, then the order's CONFIRMED event on the shopper's own subscription.
 */

export const ADDRESSES = [
  { line1: '1 Broad St', city: 'Newark', region: 'NJ', postalCode: '07102' },
  { line1: '20 Pike St', city: 'Seattle', region: 'WA', postalCode: '98101' },
  { line1: '300 High St', city: 'Columbus', region: 'OH', postalCode: '43215' },
  { line1: '44 Elm St', city: 'Dallas', region: 'TX', postalCode: '75201' },
  { line1: '5 Ocean Ave', city: 'Miami', region: 'FL', postalCode: '33101' },
];
export type Address = (typeof ADDRESSES)[number];

/** A shopper's app gives up on a request after this long (an error of the journey). */
export const CLIENT_TIMEOUT_MS = 30_000;

export type Outcome =
  | { kind: 'confirmed' }
  | { kind: 'ended'; status: string }
  | { kind: 'error'; step: string; code: string }
  | { kind: 'stuck'; status: string }
  /** The run ended before the shopper placed the order (shoppers profile): neither an error nor an order. */
  | { kind: 'abandoned' };

export interface Journey {
  outcome: Outcome;
  placeOrderMs?: number;
  completionMs?: number;
  placedToConfirmedMs?: number;
  /** The order's id, once placeOrder answered. */
  orderId?: string;
  /** Milliseconds since the run's (or stage's) origin. */
  startedAt?: number;
  placeOrderSentAt?: number;
  placedAt?: number;
  confirmedAt?: number;
}

/** What a journey buys and where it goes. */
export interface Basket {
  lines: [string, number][];
  address: Address;
}

/** 1–5 distinct products, 1–2 of each, and one of the addresses. */
export function pickBasket(random: Random, skus: string[]): Basket {
  const count = 1 + random.int(5);
  const lines = new Map<string, number>();
  while (lines.size < Math.min(count, skus.length)) lines.set(random.pick(skus), 1 + random.int(2));
  return { lines: [...lines], address: random.pick(ADDRESSES) };
}

/** Sends the benchmark's operations and keeps each successful request's latency by operation, and when it was sent. */
export class RequestTimer {
  readonly requests = new Map<string, number[]>();
  /** The same requests in the order they were answered, with when each was sent (ms since `origin`); kept only when given an origin. */
  readonly timeline: TimedRequest[] = [];
  constructor(
    private readonly client: GraphQLClient,
    private readonly origin?: number,
  ) {}

  async call<T = any>(name: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const started = performance.now();
    const data = await this.client.request<T>(op(name), variables, token);
    const ms = performance.now() - started;
    const list = this.requests.get(name) ?? [];
    list.push(ms);
    this.requests.set(name, list);
    if (this.origin !== undefined) this.timeline.push({ name, sentAt: started - this.origin, ms });
    return data;
  }
}

/** The customer's order updates from before the order is placed, so none is missed. */
export class OrderFeed {
  private readonly seen = new Map<string, { status: string; at: number }[]>();
  private readonly waiters = new Set<() => void>();
  private stopSubscription: () => void = () => {};
  /** Set when the socket closed: a shopper that keeps its feed across journeys opens a new one. */
  closed = false;

  private constructor(readonly ws: Client) {}

  static async open(url: string, token: string): Promise<OrderFeed> {
    let connected: () => void = () => {};
    let failed: (err: unknown) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => ((connected = resolve), (failed = reject)));
    let feed: OrderFeed | undefined;
    const ws = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
      on: {
        connected: () => connected(),
        closed: (event) => {
          if (feed) feed.closed = true;
          failed(new Error(`socket closed before it was acknowledged (${(event as { code?: number }).code})`));
        },
        error: (err) => failed(err),
      },
    });
    feed = new OrderFeed(ws);
    await ready;
    const opened = feed;
    opened.stopSubscription = ws.subscribe<{ orderUpdated: { status: string; order: { id: string } } }>(
      { query: op('BenchOrderUpdates') },
      {
        next: ({ data }) => {
          if (!data) return;
          const list = opened.seen.get(data.orderUpdated.order.id) ?? [];
          list.push({ status: data.orderUpdated.status, at: performance.now() });
          opened.seen.set(data.orderUpdated.order.id, list);
          for (const wake of opened.waiters) wake();
        },
        error: () => {},
        complete: () => {},
      },
    );
    return opened;
  }

  /** When the order first reached one of `statuses` (performance.now()), or undefined at the deadline. */
  async reached(orderId: string, statuses: string[], deadline: number): Promise<{ status: string; at: number } | undefined> {
    for (;;) {
      const hit = this.seen.get(orderId)?.find((u) => statuses.includes(u.status));
      if (hit) {
        this.seen.delete(orderId); // a long-lived feed keeps only orders still awaited
        return hit;
      }
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  async close(): Promise<void> {
    this.stopSubscription();
    await this.ws.dispose();
  }
}

export interface CheckoutOptions {
  /** performance.now() of the run's (or stage's) start: the journey's times are relative to it. */
  origin: number;
  confirmTimeoutMs: number;
  /**
   * Between two requests of the journey (think time). Resolves false when the shopper should stop
   * (the run is over): the journey is then abandoned, unless its order is already placed.
   */
  pause?: () => Promise<boolean>;
}

/** One checkout on an open order feed, end to end; never throws. */
export async function checkout(timer: RequestTimer, feed: OrderFeed, token: string, basket: Basket, options: CheckoutOptions): Promise<Journey> {
  const journey: Journey = { outcome: { kind: 'abandoned' }, startedAt: performance.now() - options.origin };
  const pause = options.pause ?? (async () => true);
  let step = 'createCart';
  try {
    const cartId = (await timer.call('BenchCreateCart', {}, token)).createCart.id as string;
    step = 'addCartItem';
    for (const [sku, quantity] of basket.lines) {
      if (!(await pause())) return journey;
      await timer.call('BenchAddItem', { cartId, sku, quantity }, token);
    }
    if (!(await pause())) return journey;
    step = 'checkoutCart';
    const checkoutId = (await timer.call('BenchCheckoutCart', { cartId }, token)).checkoutCart.id as string;
    if (!(await pause())) return journey;
    step = 'setCheckoutShippingAddress';
    await timer.call('BenchShipTo', { checkoutId, address: { nickname: 'Home', country: 'US', ...basket.address } }, token);
    if (!(await pause())) return journey;
    step = 'setCheckoutShippingMethod';
    await timer.call('BenchShipBy', { checkoutId, method: 'STANDARD' }, token);
    if (!(await pause())) return journey;
    step = 'setCheckoutPaymentMethod';
    await timer.call('BenchPayWith', { checkoutId, paymentToken: 'tok_visa' }, token);
    if (!(await pause())) return journey;
    step = 'placeOrder';
    const sent = performance.now();
    journey.placeOrderSentAt = sent - options.origin;
    const order = (await timer.call('BenchPlaceOrder', { checkoutId }, token)).placeOrder as { id: string };
    const placed = performance.now();
    Object.assign(journey, { orderId: order.id, placeOrderMs: placed - sent, placedAt: placed - options.origin });
    step = 'orderUpdated';
    const end = await feed.reached(order.id, ['CONFIRMED', 'CANCELLED', 'ON_HOLD'], placed + options.confirmTimeoutMs);
    if (end?.status === 'CONFIRMED') {
      Object.assign(journey, { completionMs: end.at - sent, placedToConfirmedMs: end.at - placed, confirmedAt: end.at - options.origin });
      journey.outcome = { kind: 'confirmed' };
    } else if (end) {
      journey.outcome = { kind: 'ended', status: end.status };
    } else {
      // No event in time: ask for the order; a CONFIRMED one here means its event was lost.
      const status = (await timer.call('BenchOrderStatus', { id: order.id }, token)).order.status as string;
      journey.outcome = status === 'CONFIRMED' ? { kind: 'error', step, code: 'EVENT_MISSING' } : { kind: 'stuck', status };
    }
  } catch (err) {
    journey.outcome = failure(step, err);
  }
  return journey;
}

/** A journey on a socket of its own, opened for it and closed after it (the stages profile); never throws. */
export async function checkoutOnNewSocket(timer: RequestTimer, wsUrl: string, token: string, basket: Basket, options: CheckoutOptions): Promise<Journey> {
  let feed: OrderFeed | undefined;
  try {
    feed = await OrderFeed.open(wsUrl, token);
  } catch (err) {
    return { outcome: failure('subscribe', err), startedAt: performance.now() - options.origin };
  }
  try {
    return await checkout(timer, feed, token, basket, options);
  } finally {
    await feed.close().catch(() => undefined);
  }
}

export function failure(step: string, err: unknown): Outcome {
  return { kind: 'error', step, code: err instanceof GraphQLFailure ? err.code : (err as Error).message.slice(0, 80) };
}

/** Journeys that failed: a request error, a missing event, or an order that ended other than CONFIRMED. */
export const isError = (j: Journey): boolean => j.outcome.kind === 'error' || j.outcome.kind === 'ended';

/** "12 CONFIRMED, 1 error at placeOrder: NETWORK, …" */
export function describeOutcomes(journeys: readonly Journey[]): string {
  const counts = new Map<string, number>();
  for (const { outcome } of journeys) {
    const key =
      outcome.kind === 'confirmed' ? 'CONFIRMED'
      : outcome.kind === 'ended' ? `ended ${outcome.status}`
      : outcome.kind === 'stuck' ? `stuck in ${outcome.status}`
      : outcome.kind === 'abandoned' ? 'abandoned at the end of the run'
      : `error at ${outcome.step}: ${outcome.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}
