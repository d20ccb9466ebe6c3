import { v7 as uuidv7 } from 'uuid';
import type { UseCaseContext } from './deps.js';
import type { SessionResult } from './session.js';

/** A GUEST session whose subject is a new guest id (carts are owned by it until sign-in). */
export async function startGuestSession(ctx: UseCaseContext): Promise<SessionResult> {
  const guestId = uuidv7();
  const session = await ctx.deps.tokens.issue('GUEST', guestId);
  return { ...session, role: 'GUEST', customer: null };
}
