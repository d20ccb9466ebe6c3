/**
 * The outcome of checking client input: either the cleaned value or every problem at once,
 * keyed by input field (the resolver layer turns `fields` into BAD_USER_INPUT extensions).
 */
export type Validation<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

export const valid = <T>(value: T): Validation<T> => ({ ok: true, value });
export const invalid = <T = never>(fields: Record<string, string>): Validation<T> => ({ ok: false, fields });

/** Checks a trimmed string's length; returns a message or undefined. */
export function lengthProblem(value: string, min: number, max: number): string | undefined {
  if (value.length < min) return min === 1 ? 'must not be empty' : `must be at least ${min} characters`;
  if (value.length > max) return `must be at most ${max} characters`;
  return undefined;
}

/** Lengths count characters as people see them (code points), not UTF-16 units. */
export const charLength = (value: string): number => [...value].length;
