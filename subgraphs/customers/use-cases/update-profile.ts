import { requireCustomer } from '../../../platform/auth.js';
import { badInput, unauthenticated } from '../../../platform/errors.js';
import { recordEvent } from '../../../events/outbox.js';
import { CustomerProfileUpdated } from '../../../events/contracts/customers/index.js';
import { REGISTRATION_LIMITS } from '../domain/registration.js';
import { charLength } from '../domain/validation.js';
import { CustomerEntity, type CustomerRecord } from '../store/customer.entity.js';
import type { UseCaseContext } from './deps.js';
import { inTransaction } from '../../../platform/database.js';

const nameProblem = (name: string): string | undefined =>
  charLength(name) < REGISTRATION_LIMITS.nameMin ? 'must not be empty' : charLength(name) > REGISTRATION_LIMITS.nameMax ? `must be at most ${REGISTRATION_LIMITS.nameMax} characters` : undefined;

/** The signed-in customer changes their names (omitted fields keep their value); announced as CustomerProfileUpdated. */
export async function updateProfile(ctx: UseCaseContext, input: { firstName?: string | null; lastName?: string | null }): Promise<CustomerRecord> {
  const caller = requireCustomer(ctx.caller);
  const changes = { firstName: input.firstName?.trim(), lastName: input.lastName?.trim() };
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(changes)) {
    const problem = value === undefined ? undefined : nameProblem(value);
    if (problem) fields[field] = problem;
  }
  if (Object.keys(fields).length) throw badInput('Some profile details are invalid', fields);
  return inTransaction(ctx.em, async (em) => {
    const customer = await em.findOne(CustomerEntity, { id: caller.subject }, { refresh: true });
    if (!customer) throw unauthenticated('Account not found');
    if (changes.firstName !== undefined) customer.firstName = changes.firstName;
    if (changes.lastName !== undefined) customer.lastName = changes.lastName;
    await em.flush();
    recordEvent(em, ctx.deps.eventNamespace, CustomerProfileUpdated, { customerId: customer.id, email: customer.email, firstName: customer.firstName, lastName: customer.lastName }, { customerId: customer.id });
    return customer;
  });
}
