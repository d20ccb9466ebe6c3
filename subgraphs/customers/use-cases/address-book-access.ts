import type { EntityManager } from '@mikro-orm/postgresql';
import { requireCustomer } from '../../../platform/auth.js';
import { badInput, notFound } from '../../../platform/errors.js';
import type { BookProblem } from '../domain/address-book.js';
import { CustomerRepository } from '../store/customer.repository.js';
import type { UseCaseContext } from './deps.js';

/** Only a signed-in customer has an address book (guests and anonymous: UNAUTHENTICATED; staff: FORBIDDEN). */
export const requireAddressBookOwner = (ctx: UseCaseContext) => requireCustomer(ctx.caller, 'Sign in as a customer to manage addresses');

export const addressNotFound = () => notFound('Address');

/**
 * Takes the customer's row lock, which every change of the book holds until commit: the book's
 * rules are then checked against a book nobody else is changing.
 */
export async function lockAddressBook(em: EntityManager, customerId: string): Promise<void> {
  const customer = await new CustomerRepository(em).lockForAddressBookChange(customerId);
  if (!customer) throw notFound('Customer');
}

export function bookProblemError(problem: BookProblem): Error {
  if (problem.kind === 'NOT_FOUND') return addressNotFound();
  return badInput('The address cannot be saved', problem.fields);
}
