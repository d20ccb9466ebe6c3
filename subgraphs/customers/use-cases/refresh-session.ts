import { requireSignedIn } from '../../../platform/auth.js';
import { unauthenticated } from '../../../platform/errors.js';
import { CustomerRepository } from '../store/customer.repository.js';
import { SessionRepository } from '../store/session.repository.js';
import type { UseCaseContext } from './deps.js';
import type { SessionResult } from './session.js';

/**
 * A new token for the caller's session: same session id (so logging out revokes every refresh),
 * a full lifetime from now. The revocation table is asked too, so a refresh racing its own logout
 * cannot outlive it while the announcement is on its way.
 */
export async function refreshSession(ctx: UseCaseContext): Promise<SessionResult> {
  const caller = requireSignedIn(ctx.caller);
  if (caller.sessionId && (await new SessionRepository(ctx.em, ctx.deps.eventNamespace).isSessionRevoked(caller.sessionId))) throw unauthenticated('Session revoked');
  const session = await ctx.deps.tokens.issue(caller.role, caller.subject, { sessionId: caller.sessionId });
  const customer = caller.kind === 'customer' ? await new CustomerRepository(ctx.em).findById(caller.subject) : null;
  if (caller.kind === 'customer' && !customer) throw unauthenticated('Account not found');
  return { ...session, role: caller.role, customer };
}
