/**
 * Validation results are values: the use case turns a failure into one BAD_USER_INPUT error
 * naming every invalid field (`extensions.fields`), so clients can show them all at once.
 */
export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const valid = <T>(value: T): Validated<T> => ({ ok: true, value });
export const invalid = <T = never>(errors: FieldErrors): Validated<T> => ({ ok: false, errors });
