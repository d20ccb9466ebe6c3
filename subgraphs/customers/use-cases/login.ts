import { DomainError, unauthenticated } from '../../../platform/errors.js';
import { decideLoginAttempt } from '../domain/login-throttle.js';
import { emailKey as toEmailKey, REGISTRATION_LIMITS } from '../domain/registration.js';
import { CustomerRepository } from '../store/customer.repository.js';
import { StaffAccountRepository } from '../store/staff-account.repository.js';
import { LoginThrottleRepository } from '../store/login-throttle.repository.js';
import type { UseCaseContext } from './deps.js';
import type { SessionResult } from './session.js';
import { inTransaction } from '../../../platform/database.js';

/** The same words for an unknown e-mail and a wrong password: they must not tell which. */
export const INVALID_CREDENTIALS_MESSAGE = 'Invalid e-mail or password';
/** Requests without an address the gateway vouched for share one allowance. */
const UNKNOWN_ADDRESS = '';
export const TOO_MANY_ATTEMPTS_MESSAGE = 'Too many failed sign-in attempts; try again later';

/**
 * Sign-in for customers and staff. Each attempt is counted as a failure before the password is
 * checked and the count is cleared when it proves right, so parallel guesses cannot slip past
 * the limit between check and count. Failures are held against the client address the gateway
 * vouched for (domain/login-throttle.ts), so a guesser elsewhere does not lock the owner out.
 */
export async function login(ctx: UseCaseContext, email: string, password: string): Promise<SessionResult> {
  const key = toEmailKey(email);
  if (!key || key.length > REGISTRATION_LIMITS.emailMax) {
    // No account can have this e-mail; answer like any wrong password, in about the same time.
    await ctx.deps.passwords.verifyNothing(password);
    throw unauthenticated(INVALID_CREDENTIALS_MESSAGE);
  }

  const address = ctx.clientAddress ?? UNKNOWN_ADDRESS;
  const decision = await inTransaction(ctx.em, async (em) => {
    const throttle = new LoginThrottleRepository(em);
    await throttle.lockKey(key);
    const { failures, now } = await throttle.recentFailures(key, address, ctx.deps.loginPolicy.windowMs);
    const verdict = decideLoginAttempt(failures, now, ctx.deps.loginPolicy);
    if (verdict.allowed) await throttle.recordFailure(key, address);
    return verdict;
  });
  if (!decision.allowed) {
    ctx.log.warn({ retryAfterSeconds: decision.retryAfterSeconds }, 'sign-in throttled');
    throw new DomainError('UNAUTHENTICATED', TOO_MANY_ATTEMPTS_MESSAGE, { retryAfterSeconds: decision.retryAfterSeconds });
  }

  const staff = await new StaffAccountRepository(ctx.em).findByEmailKey(key);
  const customer = staff ? null : await new CustomerRepository(ctx.em).findByEmailKey(key);
  const account = staff ?? customer;
  const passwordOk = account ? await ctx.deps.passwords.verify(password, account.passwordHash) : await ctx.deps.passwords.verifyNothing(password);
  if (!account || !passwordOk) throw unauthenticated(INVALID_CREDENTIALS_MESSAGE);

  const rehash = ctx.deps.passwords.needsRehash(account.passwordHash) ? await ctx.deps.passwords.hash(password) : null;
  await inTransaction(ctx.em, async (em) => {
    await new LoginThrottleRepository(em).clearFailuresFrom(key, address);
    if (rehash && staff) await new StaffAccountRepository(em).changePasswordHash(staff, rehash);
    if (rehash && customer) await new CustomerRepository(em).changePasswordHash(customer, rehash);
  });

  if (staff) {
    const session = await ctx.deps.tokens.issue(staff.role, staff.id);
    ctx.log.info({ staffId: staff.id, role: staff.role }, 'staff signed in');
    return { ...session, role: staff.role, customer: null };
  }
  const session = await ctx.deps.tokens.issue('CUSTOMER', customer!.id);
  ctx.log.info({ customerId: customer!.id }, 'customer signed in');
  return { ...session, role: 'CUSTOMER', customer: customer! };
}
