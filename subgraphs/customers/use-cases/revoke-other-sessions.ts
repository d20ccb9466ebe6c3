import type { EntityManager } from '@mikro-orm/postgresql';
import { SESSION_TTL_SECONDS } from '../../../platform/auth.js';
import { SessionRepository } from '../store/session.repository.js';

/**
 * After a password change or reset: every session of the customer issued until now stops working,
 * except `keep` (the one the customer is using). Held until the longest customer token would expire.
 */
export async function revokeOtherSessions(em: EntityManager, eventNamespace: string, customerId: string, keep: string | null): Promise<void> {
  const now = Date.now();
  await new SessionRepository(em, eventNamespace).revoke({
    subject: customerId,
    sessionId: null,
    issuedBefore: new Date(now),
    exceptSessionId: keep,
    expiresAt: new Date(now + SESSION_TTL_SECONDS.CUSTOMER * 1000),
  });
}
