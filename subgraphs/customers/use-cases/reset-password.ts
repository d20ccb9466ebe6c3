import { badInput } from '../../../platform/errors.js';
import { passwordProblem } from '../domain/password-policy.js';
import { CustomerRepository } from '../store/customer.repository.js';
import { LoginThrottleRepository } from '../store/login-throttle.repository.js';
import { SessionRepository, resetTokenHash } from '../store/session.repository.js';
import type { UseCaseContext } from './deps.js';
import { revokeOtherSessions } from './revoke-other-sessions.js';
import type { SessionResult } from './session.js';
import { inTransaction } from '../../../platform/database.js';

const invalidToken = () => badInput('This reset link is invalid, used or expired; ask for a new one', { token: 'is invalid, used or expired' });

/**
 * Sets a new password with the token of an e-mailed link (once; within 30 minutes), revokes
 * every other session of the account, clears the sign-in throttle and signs the customer in.
 */
export async function resetPassword(ctx: UseCaseContext, token: string, newPassword: string): Promise<SessionResult> {
  const tokenHash = resetTokenHash(token);
  // Check the password before using up the token, so a refused password leaves the link working.
  const customerId = await new SessionRepository(ctx.em, ctx.deps.eventNamespace).findUsableResetToken(tokenHash);
  if (!customerId) throw invalidToken();
  const customer = await new CustomerRepository(ctx.em).findById(customerId);
  if (!customer) throw invalidToken();
  const problem = passwordProblem(newPassword, customer.email);
  if (problem) throw badInput('The new password is not allowed', { newPassword: problem });
  const passwordHash = await ctx.deps.passwords.hash(newPassword);

  const session = await ctx.deps.tokens.issue('CUSTOMER', customer.id);
  await inTransaction(ctx.em, async (em) => {
    if ((await new SessionRepository(em, ctx.deps.eventNamespace).consumeResetToken(tokenHash)) !== customer.id) throw invalidToken();
    const fresh = await new CustomerRepository(em).findById(customer.id);
    await new CustomerRepository(em).changePasswordHash(fresh!, passwordHash);
    await new LoginThrottleRepository(em).clearFailures(customer.emailKey);
    await revokeOtherSessions(em, ctx.deps.eventNamespace, customer.id, session.sessionId);
  });
  ctx.log.info({ customerId: customer.id }, 'password reset; other sessions revoked');
  return { ...session, role: 'CUSTOMER', customer };
}
