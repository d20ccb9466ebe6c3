import { charLength, invalid, valid, type Validation } from './validation.js';
import { PASSWORD_LIMITS, passwordProblem } from './password-policy.js';

export const REGISTRATION_LIMITS = {
  emailMax: 256,
  passwordMin: PASSWORD_LIMITS.min,
  passwordMax: PASSWORD_LIMITS.max,
  nameMin: 1,
  nameMax: 100,
} as const;

export interface RegistrationInput {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

export interface ValidRegistration {
  /** As entered, trimmed: shown back to the customer. */
  email: string;
  /** Lower-cased: what uniqueness and sign-in compare. */
  emailKey: string;
  password: string;
  firstName: string;
  lastName: string;
}

// Pragmatic shape check (one @, something on both sides, a dot in the domain, no spaces);
// the only real proof of an address is a message that arrives.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The key e-mails are compared by, everywhere (registration, sign-in, throttling, staff). */
export const emailKey = (email: string): string => email.trim().toLowerCase();

export function validateEmail(raw: string): string | undefined {
  const email = raw.trim();
  if (!email) return 'must not be empty';
  if (charLength(email) > REGISTRATION_LIMITS.emailMax) return `must be at most ${REGISTRATION_LIMITS.emailMax} characters`;
  if (!EMAIL_PATTERN.test(email)) return 'must be a valid e-mail address';
  return undefined;
}

function validateName(raw: string): string | undefined {
  const name = raw.trim();
  if (charLength(name) < REGISTRATION_LIMITS.nameMin) return 'must not be empty';
  if (charLength(name) > REGISTRATION_LIMITS.nameMax) return `must be at most ${REGISTRATION_LIMITS.nameMax} characters`;
  return undefined;
}

/** Every problem at once, so a form can mark all of its fields in one round trip. */
export function validateRegistration(input: RegistrationInput): Validation<ValidRegistration> {
  const fields: Record<string, string> = {};
  const emailProblem = validateEmail(input.email);
  if (emailProblem) fields.email = emailProblem;
  // The password is taken as typed: spaces are characters like any other.
  const weakPassword = passwordProblem(input.password, input.email);
  if (weakPassword) fields.password = weakPassword;
  const firstNameProblem = validateName(input.firstName);
  if (firstNameProblem) fields.firstName = firstNameProblem;
  const lastNameProblem = validateName(input.lastName);
  if (lastNameProblem) fields.lastName = lastNameProblem;
  if (Object.keys(fields).length) return invalid(fields);
  return valid({
    email: input.email.trim(),
    emailKey: emailKey(input.email),
    password: input.password,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
  });
}
