import { badInput, type DomainError } from '../../../platform/errors.js';

export type FieldErrors = Record<string, string>;

/** One BAD_USER_INPUT naming every invalid field. */
export function invalidInput(errors: FieldErrors): DomainError {
  const summary = Object.entries(errors)
    .map(([field, problem]) => `${field} ${problem}`)
    .join('; ');
  return badInput(`Invalid input: ${summary}`, errors);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

export const PAGE_MAX = 100;

export function checkFirst(first: number | null | undefined, errors: FieldErrors): number {
  const value = first ?? 20;
  if (!Number.isInteger(value) || value < 1 || value > PAGE_MAX) errors.first = `must be between 1 and ${PAGE_MAX}`;
  return value;
}

/** Opaque cursors: base64url JSON of what the listing orders by. Anything we did not encode → null. */
export function encodeCursor(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] | null {
  if (cursor.length > 300 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parts) ? parts : null;
  } catch {
    return null;
  }
}
