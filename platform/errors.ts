import { GraphQLError } from 'graphql';

/**
 * The error codes of the client contract (CONTRACT.graphql). Expected business outcomes are
 * returned as values by use cases; these are thrown for the exceptional cases and reach the
 * client as `extensions.code`.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'PRICE_CHANGED'
  | 'INTERNAL_SERVER_ERROR';

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const unauthenticated = (message = 'Sign in required') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Not allowed') => new DomainError('FORBIDDEN', message);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string, extensions?: Record<string, unknown>) => new DomainError('CONFLICT', message, extensions);

/** One or more invalid fields; `fields` tells the client which ones. */
export const badInput = (message: string, fields?: Record<string, string>) =>
  new DomainError('BAD_USER_INPUT', message, fields ? { fields } : {});

export function isKnownError(err: unknown): err is GraphQLError {
  return err instanceof GraphQLError && typeof err.extensions?.code === 'string' && err.extensions.code !== 'INTERNAL_SERVER_ERROR';
}
