import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEV_DEMO_PASSWORD, type StaffAccountConfig } from '../../platform/config.js';
import { inTransaction, type Orm } from '../../platform/database.js';
import type { Logger } from '../../platform/logger.js';
import { recordEvent } from '../../events/outbox.js';
import { CustomerAddressAdded, CustomerRegistered } from '../../events/contracts/customers/index.js';
import { applyVerification, validateAddressInput, type AddressInput } from './domain/address.js';
import { emailKey } from './domain/registration.js';
import { AddressRepository } from './store/address.repository.js';
import { toAddressSnapshot } from './store/address.entity.js';
import { CustomerRepository } from './store/customer.repository.js';
import { StaffAccountRepository } from './store/staff-account.repository.js';
import { recordDefaultChange } from './use-cases/address-book-events.js';
import type { CustomersDeps } from './use-cases/deps.js';

/** Demo customers for development (SEED_DEMO_DATA; refused in production by the config). */
const DEMO_CUSTOMERS: { email: string; firstName: string; lastName: string; address: AddressInput }[] = [
  {
    email: 'alice@critter.test',
    firstName: 'Alice',
    lastName: 'Aldridge',
    address: { nickname: 'Home', line1: '12 Kibble Lane', city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' },
  },
  {
    email: 'bob@critter.test',
    firstName: 'Bob',
    lastName: 'Barker',
    address: { nickname: 'Home', line1: '48 Whisker Way', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
  },
];

/**
 * Runs at every start, before the server listens, and is idempotent: replicas starting together
 * queue on an advisory lock per account, existing rows are updated rather than duplicated, and a
 * staff password is re-hashed only when the configured one no longer matches (or the hash is
 * weaker than today's parameters).
 */
export async function seedCustomers(options: { orm: Orm; deps: CustomersDeps; staffAccounts: StaffAccountConfig[]; seedDemoData: boolean; log: Logger }): Promise<void> {
  for (const account of options.staffAccounts) {
    await inTransaction(options.orm.em.fork(), (em) => upsertStaffAccount(em as EntityManager, options.deps, account, options.log));
  }
  if (!options.seedDemoData) return;
  for (const demo of DEMO_CUSTOMERS) {
    await inTransaction(options.orm.em.fork(), (em) => ensureDemoCustomer(em as EntityManager, options.deps, demo, options.log));
  }
}

async function lockSeedKey(em: EntityManager, key: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`customers:seed:${key}`]);
}

async function upsertStaffAccount(em: EntityManager, deps: CustomersDeps, account: StaffAccountConfig, log: Logger): Promise<void> {
  const key = emailKey(account.email);
  await lockSeedKey(em, key);
  if (await new CustomerRepository(em).findByEmailKey(key)) {
    // Signing in would be ambiguous; refuse to start rather than take over a customer's e-mail.
    throw new Error(`STAFF_ACCOUNTS: ${account.email} is already registered as a customer; use another e-mail for this staff account`);
  }
  const staff = new StaffAccountRepository(em);
  const existing = await staff.findByEmailKey(key);
  if (!existing) {
    staff.add({
      id: uuidv7(),
      email: account.email.trim(),
      emailKey: key,
      role: account.role,
      passwordHash: await deps.passwords.hash(account.password),
      firstName: account.firstName,
      lastName: account.lastName,
    });
    log.info({ email: account.email, role: account.role }, 'staff account created');
    return;
  }
  Object.assign(existing, { email: account.email.trim(), role: account.role, firstName: account.firstName, lastName: account.lastName });
  if (deps.passwords.needsRehash(existing.passwordHash) || !(await deps.passwords.verify(account.password, existing.passwordHash))) {
    existing.passwordHash = await deps.passwords.hash(account.password);
    log.info({ email: account.email }, 'staff password changed');
  }
}

async function ensureDemoCustomer(em: EntityManager, deps: CustomersDeps, demo: (typeof DEMO_CUSTOMERS)[number], log: Logger): Promise<void> {
  const key = emailKey(demo.email);
  await lockSeedKey(em, key);
  const customers = new CustomerRepository(em);
  if (await customers.findByEmailKey(key)) return;
  const customer = await customers.insert({
    id: uuidv7(),
    email: demo.email,
    emailKey: key,
    passwordHash: await deps.passwords.hash(DEV_DEMO_PASSWORD),
    firstName: demo.firstName,
    lastName: demo.lastName,
  });
  if (customer === 'EMAIL_TAKEN') return;
  const customerId = customer.id;
  recordEvent(em, deps.eventNamespace, CustomerRegistered, { customerId, email: customer.email, firstName: customer.firstName, lastName: customer.lastName, registeredAt: customer.createdAt.toISOString() }, { customerId });

  const checked = validateAddressInput(demo.address);
  if (!checked.ok) throw new Error(`demo address of ${demo.email} is invalid: ${JSON.stringify(checked.fields)}`);
  const { postal, verification } = applyVerification(checked.value.postal, await deps.addressVerification.verify(checked.value.postal));
  const address = await new AddressRepository(em).insert({ id: uuidv7(), customerId, nickname: checked.value.nickname, ...postal, isDefault: true, verification });
  if (address === 'NICKNAME_TAKEN') throw new Error(`demo customer ${demo.email} already has an address named ${checked.value.nickname}`);
  recordEvent(em, deps.eventNamespace, CustomerAddressAdded, { customerId, address: toAddressSnapshot(address) }, { customerId });
  recordDefaultChange(em, deps.eventNamespace, customerId, { previousDefaultId: null, newDefaultId: address.id });
  log.info({ email: demo.email }, 'demo customer created');
}
