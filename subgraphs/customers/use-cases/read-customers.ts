import type { Caller } from '../../../platform/auth.js';
import { requireStaffCapability, staffMay } from '../../../platform/staff-access.js';
import { badInput } from '../../../platform/errors.js';
import { CustomerRepository } from '../store/customer.repository.js';
import { isUuid } from '../domain/ids.js';
import type { AddressRecord } from '../store/address.entity.js';
import type { CustomerRecord } from '../store/customer.entity.js';
import type { UseCaseContext } from './deps.js';

/** A customer sees only themself; staff who may read customers' personal data see any customer (SPEC §2, platform/staff-access.ts). */
export const maySeeCustomer = (caller: Caller, customerId: string): boolean =>
  (caller.kind === 'customer' && caller.subject === customerId) || staffMay(caller, 'readCustomerPii');

/** `me`: the signed-in customer; null for guests, staff and anonymous callers. */
export async function currentCustomer(ctx: UseCaseContext): Promise<CustomerRecord | null> {
  if (ctx.caller.kind !== 'customer') return null;
  return ctx.loaders.customerById.load(ctx.caller.subject);
}

/** Staff look-up by id (CUSTOMER_SERVICE, ADMIN); others are refused. */
export async function customerForStaff(ctx: UseCaseContext, id: string): Promise<CustomerRecord | null> {
  requireStaffCapability(ctx.caller, 'readCustomerPii');
  return isUuid(id) ? ctx.loaders.customerById.load(id) : null;
}

/** Staff search by part of an e-mail (customer service finding who wrote in). */
export async function searchCustomersForStaff(ctx: UseCaseContext, email: string, first: number): Promise<CustomerRecord[]> {
  requireStaffCapability(ctx.caller, 'readCustomerPii');
  const fragment = email.trim().toLowerCase();
  if (fragment.length < 3 || fragment.length > 254) throw badInput('Give 3 to 254 characters of the e-mail', { email: 'between 3 and 254 characters' });
  if (!Number.isInteger(first) || first < 1 || first > 50) throw badInput('first must be between 1 and 50', { first: 'between 1 and 50' });
  return new CustomerRepository(ctx.em).searchByEmail(fragment, first);
}

/**
 * A `Customer` reference from another subgraph (`_entities`): resolved only for the customer
 * themself and for CUSTOMER_SERVICE/ADMIN; anyone else gets null, never another's data.
 */
export async function customerByReference(ctx: UseCaseContext, id: string): Promise<CustomerRecord | null> {
  if (!isUuid(id) || !maySeeCustomer(ctx.caller, id)) return null;
  return ctx.loaders.customerById.load(id);
}

/**
 * The address book of a customer object the caller already holds: every way to obtain one
 * (`me`, `customer(id)`, a reference, the session just signed in) checked access first.
 */
export function addressBookOf(ctx: UseCaseContext, customer: CustomerRecord): Promise<AddressRecord[]> {
  return ctx.loaders.addressesByCustomerId.load(customer.id);
}
