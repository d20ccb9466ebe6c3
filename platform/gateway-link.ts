import { createHash, timingSafeEqual } from 'node:crypto';
import type { GraphQLStep } from './graphql-endpoint.js';
import { sendJson } from './http-errors.js';

/** The header that proves a subgraph request comes from the gateway. */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

/**
 * The client's address as the gateway computed it (TRUST_PROXY_HOPS). The gateway always sets it,
 * overwriting whatever a client sent; subgraphs believe it only on requests that passed
 * requireGateway.
 */
export const CLIENT_ADDRESS_HEADER = 'x-critter-client-address';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Subgraphs answer only the gateway: it alone enforces the client budget and sits behind the
 * ingress, so a request without the shared secret (someone who reached the pod's port) is refused
 * before anything is parsed. Compared in constant time (over digests, so lengths leak nothing).
 */
export function requireGateway(secret: string): GraphQLStep {
  const expected = digest(secret);
  return (req, res, next) => {
    const presented = req.headers[GATEWAY_SECRET_HEADER];
    if (typeof presented === 'string' && timingSafeEqual(digest(presented), expected)) return next();
    sendJson(res, 403, { errors: [{ message: 'This service answers only the gateway', extensions: { code: 'FORBIDDEN' } }] });
  };
}
