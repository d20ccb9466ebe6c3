import { v7 as uuidv7 } from 'uuid';
import { badInput, conflict } from '../../../platform/errors.js';
import { recordEvent } from '../../../events/outbox.js';
import { CustomerRegistered } from '../../../events/contracts/customers/index.js';
import { validateRegistration, type RegistrationInput } from '../domain/registration.js';
import { CustomerRepository } from '../store/customer.repository.js';
import { StaffAccountRepository } from '../store/staff-account.repository.js';
import type { UseCaseContext } from './deps.js';
import type { SessionResult } from './session.js';
import { inTransaction } from '../../../platform/database.js';

const emailTaken = () => conflict('An account with this e-mail address already exists', { fields: { email: 'is already registered' } });

/** Anyone may register; the new customer is signed in at once (CUSTOMER session). */
export async function registerCustomer(ctx: UseCaseContext, input: RegistrationInput): Promise<SessionResult> {
  const checked = validateRegistration(input);
  if (!checked.ok) throw badInput('Some registration details are invalid', checked.fields);
  const registration = checked.value;
  // Hash before the transaction: it is slow on purpose and needs no rows locked.
  const passwordHash = await ctx.deps.passwords.hash(registration.password);

  const customer = await inTransaction(ctx.em, async (em) => {
    // Staff and customers sign in with the same mutation, so an e-mail names one account.
    if (await new StaffAccountRepository(em).existsWithEmailKey(registration.emailKey)) throw emailTaken();
    const created = await new CustomerRepository(em).insert({
      id: uuidv7(),
      email: registration.email,
      emailKey: registration.emailKey,
      passwordHash,
      firstName: registration.firstName,
      lastName: registration.lastName,
    });
    if (created === 'EMAIL_TAKEN') throw emailTaken();
    recordEvent(
      em,
      ctx.deps.eventNamespace,
      CustomerRegistered,
      {
        customerId: created.id,
        email: created.email,
        firstName: created.firstName,
        lastName: created.lastName,
        registeredAt: created.createdAt.toISOString(),
      },
      { customerId: created.id },
    );
    return created;
  });

  ctx.log.info({ customerId: customer.id }, 'customer registered');
  const session = await ctx.deps.tokens.issue('CUSTOMER', customer.id);
  return { ...session, role: 'CUSTOMER', customer };
}
