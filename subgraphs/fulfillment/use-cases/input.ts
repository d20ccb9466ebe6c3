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

/** Staff notes on a shipment: trimmed, at most 500 characters; empty means none. */
export const NOTE_MAX_LENGTH = 500;
export function checkNote(note: string | null | undefined, errors: FieldErrors): string | null {
  const trimmed = note?.trim() ?? '';
  if ([...trimmed].length > NOTE_MAX_LENGTH) errors.note = `must be at most ${NOTE_MAX_LENGTH} characters`;
  return trimmed || null;
}
