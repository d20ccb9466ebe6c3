/** A GraphQL error as the gateway sends it: `extensions.code` always, `extensions.fields` for bad input. */
export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: Record<string, string>; [key: string]: unknown };
}

/**
 * What a failed operation tells the screen: the first error's code and message, and the field
 * messages of every error (so a form can put each next to its input).
 */
export class ApiError extends Error {
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(readonly errors: GraphQLErrorBody[], status?: number) {
    super(errors[0]?.message ?? `Request failed (${status ?? 'network'})`);
    this.name = 'ApiError';
    this.code = errors[0]?.extensions?.code ?? (status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
    this.fields = Object.assign({}, ...errors.map((e) => e.extensions?.fields ?? {}));
  }

  get forbidden(): boolean {
    return this.code === 'FORBIDDEN';
  }
}

/** The message a person should read for an error of any kind. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'FORBIDDEN') return `Your role may not do this: ${err.message}`;
    if (err.code === 'RATE_LIMITED') return 'Too many requests; wait a moment and try again.';
    if (err.code === 'INTERNAL_SERVER_ERROR') return 'The server failed to answer; try again.';
    return err.message;
  }
  if (err instanceof TypeError) return 'The server cannot be reached; check the connection and try again.';
  return err instanceof Error ? err.message : String(err);
}
