import { requireCustomer } from '../../../platform/auth.js';
import { badInput, unauthenticated } from '../../../platform/errors.js';
import { passwordProblem } from '../domain/password-policy.js';
import { CustomerRepository } from '../store/customer.repository.js';
import type { UseCaseContext } from './deps.js';
import { revokeOtherSessions } from './revoke-other-sessions.js';
import { inTransaction } from '../../../platform/database.js';

/** A signed-in customer sets a new password; every other session of the account is revoked. */
export async function changePassword(ctx: UseCaseContext, currentPassword: string, newPassword: string): Promise<boolean> {
  const caller = requireCustomer(ctx.caller);
  const customer = await new CustomerRepository(ctx.em).findById(caller.subject);
  if (!customer) throw unauthenticated('Account not found');
  if (!(await ctx.deps.passwords.verify(currentPassword, customer.passwordHash))) {
    throw badInput('The current password is wrong', { currentPassword: 'is not your current password' });
  }
  const problem = passwordProblem(newPassword, customer.email);
  if (problem) throw badInput('The new password is not allowed', { newPassword: problem });
  const passwordHash = await ctx.deps.passwords.hash(newPassword);
  await inTransaction(ctx.em, async (em) => {
    const fresh = await new CustomerRepository(em).findById(customer.id);
    await new CustomerRepository(em).changePasswordHash(fresh!, passwordHash);
    await revokeOtherSessions(em, ctx.deps.eventNamespace, customer.id, caller.sessionId ?? null);
  });
  ctx.log.info({ customerId: customer.id }, 'password changed; other sessions revoked');
  return true;
}
