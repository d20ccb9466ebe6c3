import { randomBytes } from 'node:crypto';
import { recordEvent } from '../../../events/outbox.js';
import { PasswordResetRequested } from '../../../events/contracts/customers/index.js';
import { emailKey, REGISTRATION_LIMITS } from '../domain/registration.js';
import { CustomerRepository } from '../store/customer.repository.js';
import { SessionRepository, resetTokenHash } from '../store/session.repository.js';
import type { UseCaseContext } from './deps.js';
import { inTransaction } from '../../../platform/database.js';

/**
 * Always answers true: whether an account exists is never revealed. For a customer's e-mail, a
 * single-use token (only its hash is stored) valid 30 minutes is e-mailed by notifications as a
 * link (PasswordResetRequested); the raw token exists only in that link. Staff accounts come from
 * configuration and are not reset here.
 */
export async function requestPasswordReset(ctx: UseCaseContext, email: string): Promise<boolean> {
  const key = emailKey(email);
  if (!key || key.length > REGISTRATION_LIMITS.emailMax) return true;
  const customer = await new CustomerRepository(ctx.em).findByEmailKey(key);
  if (!customer) return true;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ctx.deps.passwordReset.ttlMs);
  const resetUrl = new URL(ctx.deps.passwordReset.urlBase);
  resetUrl.searchParams.set('token', token);
  await inTransaction(ctx.em, async (em) => {
    await new SessionRepository(em, ctx.deps.eventNamespace).insertResetToken(resetTokenHash(token), customer.id, expiresAt);
    recordEvent(
      em,
      ctx.deps.eventNamespace,
      PasswordResetRequested,
      { customerId: customer.id, email: customer.email, firstName: customer.firstName, resetUrl: resetUrl.toString(), expiresAt: expiresAt.toISOString() },
      { customerId: customer.id },
    );
  });
  ctx.log.info({ customerId: customer.id }, 'password reset requested');
  return true;
}
