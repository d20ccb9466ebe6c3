import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLHttpRequest, GraphQLStep } from '../platform/graphql-endpoint.js';
import { sendJson } from '../platform/http-errors.js';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Caller } from '../platform/auth.js';
import type { GatewayContext } from './context.js';

/**
 * What one client may ask of a gateway replica, whichever door it uses: HTTP requests, WebSocket
 * opens and subscribes all spend the same per-minute budget, keyed by the verified token's
 * subject, else by the client's address. Sockets held at once are capped per subject, and the
 * mutations that mint identities (guest sessions, registrations) have a budget per address, so
 * a client cannot escape its budget by minting fresh tokens.
 *
 * In memory, per replica: with N gateway replicas the effective budget is N× (a shared store
 * such as rate-limiter-flexible's Redis or PostgreSQL limiter would make it global).
 */
export interface ClientBudgetSettings {
  requestsPerMinute: number;
  socketsPerClient: number;
  /** Per address and minute, by root mutation field. */
  perAddress: Record<string, number>;
}

export type Spend = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class ClientBudget {
  private readonly requests: RateLimiterMemory;
  private readonly byField: Map<string, RateLimiterMemory>;
  private readonly sockets = new Map<string, number>();

  constructor(private readonly settings: ClientBudgetSettings) {
    this.requests = new RateLimiterMemory({ points: settings.requestsPerMinute, duration: 60 });
    this.byField = new Map(Object.entries(settings.perAddress).map(([field, perMinute]) => [field, new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: field })]));
  }

  /** Takes one unit from the client's budget (an HTTP request, a socket open, a subscribe). */
  spend(key: string): Promise<Spend> {
    return take(this.requests, key);
  }

  /** Counts a socket of `key` as open, unless it already holds as many as allowed. */
  openSocket(key: string): boolean {
    const open = this.sockets.get(key) ?? 0;
    if (open >= this.settings.socketsPerClient) return false;
    this.sockets.set(key, open + 1);
    return true;
  }

  closeSocket(key: string): void {
    const open = (this.sockets.get(key) ?? 1) - 1;
    if (open > 0) this.sockets.set(key, open);
    else this.sockets.delete(key);
  }

  /** HTTP: one request from the budget of `keyOf(req, res)`; 429 with Retry-After when spent. */
  middleware(keyOf: (req: GraphQLHttpRequest, res: ServerResponse) => string): GraphQLStep {
    return (req, res, next) => {
      this.spend(keyOf(req, res)).then((spent) => {
        if (spent.allowed) return next();
        res.setHeader('Retry-After', String(spent.retryAfterSeconds));
        sendJson(res, 429, { errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: spent.retryAfterSeconds } }] });
      }, next);
    };
  }

  /** The per-address budgets of identity-minting mutations, checked once the operation is known. */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ operation, contextValue }) => {
          if (operation?.operation !== 'mutation') return;
          for (const field of rootFields(operation)) {
            const limiter = this.byField.get(field);
            if (!limiter) continue;
            const spent = await take(limiter, contextValue.clientAddress);
            if (!spent.allowed) throw rateLimited(spent.retryAfterSeconds, `Too many ${field} requests from this address`);
          }
        },
      }),
    };
  }
}

/** A RATE_LIMITED GraphQL error; over HTTP (`http: true`) it is answered 429 with Retry-After. */
export function rateLimited(retryAfterSeconds: number, message = 'Too many requests', options: { http?: boolean } = { http: true }): GraphQLError {
  const http = options.http ? { http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } } : {};
  return new GraphQLError(message, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds, ...http } });
}

async function take(limiter: RateLimiterMemory, key: string): Promise<Spend> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
  }
}

function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

/** The budget key: the verified token's subject, else the client address. */
export function clientKey(caller: Caller | undefined, address: string): string {
  return caller && caller.kind !== 'anonymous' ? `sub:${caller.subject}` : `ip:${address}`;
}

/**
 * The client's address, trusting exactly `trustedHops` proxies in front of this process (0: the
 * peer is the client; 1: one ingress whose X-Forwarded-For last entry is the client). Entries a
 * client writes itself sit further left and are never believed. The same rule as Express's
 * numeric `trust proxy`, for requests Express never sees (WebSocket upgrades).
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  // nearest first: the peer, then each proxy's view of who called it
  const chain = [peer, ...forwarded.reverse()];
  return chain[Math.min(trustedHops, chain.length - 1)];
}
