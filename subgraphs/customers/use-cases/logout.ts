import { requireSignedIn } from '../../../platform/auth.js';
import { SessionRepository } from '../store/session.repository.js';
import type { UseCaseContext } from './deps.js';
import { inTransaction } from '../../../platform/database.js';

/** Revokes the caller's session (this token and every refresh of it) in every process that checks tokens. */
export async function logout(ctx: UseCaseContext): Promise<boolean> {
  const caller = requireSignedIn(ctx.caller);
  const expiresAt = new Date((caller.expiresAt ?? Math.floor(Date.now() / 1000)) * 1000);
  await inTransaction(ctx.em, async (em) => {
    const sessions = new SessionRepository(em, ctx.deps.eventNamespace);
    // Tokens from before session ids: revoke what this subject was issued up to this token.
    if (caller.sessionId) await sessions.revoke({ subject: caller.subject, sessionId: caller.sessionId, issuedBefore: null, exceptSessionId: null, expiresAt });
    else await sessions.revoke({ subject: caller.subject, sessionId: null, issuedBefore: new Date(((caller.issuedAt ?? 0) + 1) * 1000), exceptSessionId: null, expiresAt });
  });
  ctx.log.info({ subject: caller.subject, sessionId: caller.sessionId }, 'signed out');
  return true;
}
