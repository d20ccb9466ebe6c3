import type { GraphQLStep } from '../platform/graphql-endpoint.js';
import { sendJson } from '../platform/http-errors.js';
import { LRUCache } from 'lru-cache';
import client from 'prom-client';
import { CheckoutSteps, type CheckoutStep } from './checkout-steps.js';
import { AdmissionGate, AdmissionRefused, type AdmissionSettings, type Place, type RefusalReason, type Ticket } from './admission.js';

/** The abort reason of a client that went away while queued (one object, not one per request). */
const CLIENT_GONE = new Error('client went away while queued');

/**
 * Admission control for the gateway's HTTP GraphQL operations: beyond `maxInFlight` operations
 * in flight, requests wait — checkout steps first (checkout-steps.ts), then a shopper's session
 * that started earlier, then in arrival order (gateway/admission.ts, SessionStarts below) — and
 * are refused with 503 when the queue is full or they waited too long. The slot is held from
 * admission until the answer is sent (or the client goes away). Mounted after authentication, the
 * client budget and the body parser, so a slow upload or a client over its budget never holds a
 * slot; /health, /ready, /metrics and WebSocket subscriptions do not pass here.
 */

/** How long a refused client is asked to wait: a queue that was full or slow drains in seconds, not at once. */
export const OVERLOAD_RETRY_AFTER_SECONDS = 5;

const MESSAGES: Record<Exclude<RefusalReason, 'abandoned'>, string> = {
  queue_full: 'The service is busy: too many requests are waiting. Try again shortly',
  timed_out: 'The service is busy: the request waited too long for its turn. Try again shortly',
};

/**
 * The most a session's earlier start can put its requests ahead of a newcomer's. It also bounds
 * how long a waiting request can be passed over by earlier sessions that keep asking, so it stays
 * well below GATEWAY_ADMISSION_WAIT_MS (30 s) and a client's patience: at 60 s, under the
 * shoppers profile's opening minute, later shoppers' requests waited until they timed out.
 */
export const SESSION_HEAD_START_MS = 25_000;

/**
 * When each session (by the bearer token it presents) was first seen, and when its checkout
 * started, each forgotten after SESSION_HEAD_START_MS without a request. A checkout is a journey of
 * about ten requests; served strictly by request arrival, a burst of journeys interleaves step by
 * step and they all end at about the same late time. Ordering waiters by their session's start
 * serves the burst journey by journey instead: the early shoppers finish early. An old token buys
 * at most SESSION_HEAD_START_MS of head start; requests without a token queue by arrival.
 *
 * A checkout's steps go before everything else (the gate's checkout tier) and rank among
 * themselves by when the checkout started (its `checkoutCart`), not by the session's start: once
 * every session is older than the head start, sessions rank by arrival alone, and a crowd that
 * reached checkout together then went through it in lockstep — each placeOrder waiting behind every
 * other shopper's address, shipping and payment steps. By the checkout's start, the first checkout
 * started is the first placed, in five requests.
 */
export class SessionStarts {
  private readonly firstSeen = new LRUCache<string, number>({ max: 50_000, ttl: SESSION_HEAD_START_MS, updateAgeOnGet: true });
  private readonly checkoutStarts = new LRUCache<string, number>({ max: 50_000, ttl: SESSION_HEAD_START_MS, updateAgeOnGet: true });

  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * Where a request queues (`step`: the checkout step it is, if any): its priority; whether it is
   * a newcomer's — a session's first request (or one without a token), which the gate lets go first
   * once it has waited half the admission wait (gateway/admission.ts): a journey in progress keeps
   * its head start, a shopper who has not started is not passed over until they give up; and
   * whether it is a checkout step (a signed-in session's only: without a token none can succeed).
   */
  place(authorization: string | undefined, step?: CheckoutStep): Required<Place> {
    const now = this.now();
    if (!authorization) return { priority: now, newcomer: true, checkout: false };
    const started = this.firstSeen.get(authorization);
    if (started === undefined) this.firstSeen.set(authorization, now);
    const newcomer = started === undefined;
    if (step === undefined) return { priority: Math.max(started ?? now, now - SESSION_HEAD_START_MS), newcomer, checkout: false };
    let checkoutStarted = step === 'later' ? this.checkoutStarts.get(authorization) : undefined;
    if (checkoutStarted === undefined) this.checkoutStarts.set(authorization, (checkoutStarted = now));
    return { priority: Math.max(checkoutStarted, now - SESSION_HEAD_START_MS), newcomer, checkout: true };
  }
}

export function admissionControl(settings: AdmissionSettings, registry: client.Registry): GraphQLStep {
  const gate = new AdmissionGate(settings);
  const sessions = new SessionStarts();
  const checkoutSteps = new CheckoutSteps();
  const registers = [registry];
  new client.Gauge({ name: 'gateway_in_flight', help: 'HTTP GraphQL operations admitted and not yet answered', registers, collect() { this.set(gate.inFlight); } });
  new client.Gauge({ name: 'gateway_admission_queue_length', help: 'HTTP GraphQL operations waiting for admission', registers, collect() { this.set(gate.queueLength); } });
  const waits = new client.Histogram({
    name: 'gateway_admission_wait_seconds',
    help: 'How long HTTP GraphQL operations waited for admission, by outcome (admitted, queue_full, timed_out, abandoned)',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30],
    registers,
  });

  return (req, res, next) => {
    const started = performance.now();
    const gaveUp = new AbortController();
    let ticket: Ticket | undefined;
    let closed = false;
    // 'close': the answer went out, or the client went away — while waiting, or after admission
    res.once('close', () => {
      closed = true;
      if (ticket) ticket.release();
      // only a waiter listens; abort() without a reason would build a DOMException (and its stack) per request
      else gaveUp.abort(CLIENT_GONE);
    });
    gate.admit(gaveUp.signal, sessions.place(req.headers.authorization, checkoutSteps.stepOf(req.body))).then(
      (admitted) => {
        waits.observe({ outcome: 'admitted' }, admitted.waitedMs / 1000);
        if (closed) return admitted.release(); // gone between admission and now
        ticket = admitted;
        next();
      },
      (err: unknown) => {
        if (!(err instanceof AdmissionRefused)) return next(err);
        waits.observe({ outcome: err.reason }, (performance.now() - started) / 1000);
        if (err.reason === 'abandoned' || closed) return;
        res.setHeader('Retry-After', String(OVERLOAD_RETRY_AFTER_SECONDS));
        // RATE_LIMITED: the contract's code for "wait retryAfterSeconds, then try again"; reason tells it from the client's own budget
        sendJson(res, 503, { errors: [{ message: MESSAGES[err.reason], extensions: { code: 'RATE_LIMITED', reason: 'OVERLOADED', retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS } }] });
      },
    );
  };
}
