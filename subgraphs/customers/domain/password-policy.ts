import { dictionary } from '@zxcvbn-ts/language-common';
import { charLength } from './validation.js';

export const PASSWORD_LIMITS = {
  min: 10,
  /** Not in the spec: bounds the hashing work a single request can ask for. */
  max: 1024,
  /** `aaaaaaaaaa`, `1212121212`: long enough, guessed at once. */
  minDistinctCharacters: 4,
} as const;

// zxcvbn-ts's list of the most common leaked passwords (maintained upstream), lower-cased once.
let common: Set<string> | undefined;
const commonPasswords = (): Set<string> => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/**
 * Whether a password may protect an account (registration, change, reset): long enough, not
 * one of the most common passwords, not a run of a few characters, and not the account's own
 * e-mail (or its local part), which is the first thing anyone tries.
 */
export function passwordProblem(password: string, email?: string): string | undefined {
  const length = charLength(password);
  if (length < PASSWORD_LIMITS.min) return `must be at least ${PASSWORD_LIMITS.min} characters`;
  if (length > PASSWORD_LIMITS.max) return `must be at most ${PASSWORD_LIMITS.max} characters`;
  const folded = password.trim().toLowerCase();
  if (new Set(folded).size < PASSWORD_LIMITS.minDistinctCharacters) return `must use at least ${PASSWORD_LIMITS.minDistinctCharacters} different characters`;
  if (commonPasswords().has(folded)) return 'is one of the most common passwords; choose another';
  const address = email?.trim().toLowerCase();
  if (address && (folded === address || folded === address.split('@')[0])) return 'must not be your e-mail address';
  return undefined;
}
