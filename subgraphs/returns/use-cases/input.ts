import { badInput, DomainError } from '../../../platform/errors.js';
import type { Refusal } from '../domain/return-rules.js';

export type FieldErrors = Record<string, string>;

/** One BAD_USER_INPUT naming every invalid field. */
export function invalidInput(errors: FieldErrors): DomainError {
  const summary = Object.entries(errors)
    .map(([field, problem]) => `${field} ${problem}`)
    .join('; ');
  return badInput(`Invalid input: ${summary}`, errors);
}

/** A return rule the request breaks → BAD_USER_INPUT with the rule's name in `extensions.rule`. */
export const ruleBroken = (refusal: Refusal): DomainError => new DomainError('BAD_USER_INPUT', refusal.message, { rule: refusal.rule });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** Free text (a comment, a rejection reason): trimmed, at most `max` characters; empty means none. */
export function checkText(field: string, value: string | null | undefined, max: number, errors: FieldErrors): string | null {
  const trimmed = value?.trim() ?? '';
  if ([...trimmed].length > max) errors[field] = `must be at most ${max} characters`;
  return trimmed || null;
}
