import cors from 'cors';
import type { GraphQLStep } from '../platform/graphql-endpoint.js';

/**
 * CORS for browser storefronts on other origins (`CORS_ORIGINS`). Preflights are answered here,
 * before authentication and the rate limit, and allow the headers Apollo's CSRF prevention asks
 * of requests a browser could send without a preflight (`apollo-require-preflight`,
 * `x-apollo-operation-name`): a browser on an allowed origin can then send them, one on any
 * other origin cannot. Tokens travel in `Authorization`, never in cookies, so no credentials mode.
 */
export function corsFor(origins: readonly string[]): GraphQLStep {
  return cors({
    // `true` reflects the request's origin (CORS_ORIGINS=*, outside production only)
    origin: origins.includes('*') ? true : [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
    // browsers cache the preflight answer (Chromium caps it at 2 hours)
    maxAge: 7200,
  });
}
