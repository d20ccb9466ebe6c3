import { createTokenIssuer } from '../../platform/auth.js';
import { forkEm, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { createLoaders } from './loaders.js';
import { seedCustomers } from './seed.js';
import { CustomerEntity } from './store/customer.entity.js';
import { StaffAccountEntity } from './store/staff-account.entity.js';
import { AddressEntity } from './store/address.entity.js';
import { Migration0001Customers } from './store/migrations/0001-customers.js';
import { Migration0002SessionLifecycle } from './store/migrations/0002-session-lifecycle.js';
import { Migration0003LoginFailureAddress } from './store/migrations/0003-login-failure-address.js';
import { createScryptPasswordHasher, PRODUCTION_SCRYPT, TEST_SCRYPT } from './adapters/passwords/password-hasher.js';
import { createAddressVerification } from '../../platform/address-verification/create-address-verification.js';
import { checkoutAddressHandlers } from './handlers/checkout-addresses.handlers.js';
import { startHousekeeping } from './housekeeping.js';
import type { CustomersDeps } from './use-cases/deps.js';

/**
 * The customers context: accounts and sessions, staff accounts, the address book. Wired by hand:
 * every collaborator is built here and passed down.
 */
export const customersSubgraph: SubgraphSpec<Context> = {
  name: 'customers',
  schemaFile: 'subgraphs/customers/schema.graphql',
  entities: [CustomerEntity, StaffAccountEntity, AddressEntity],
  migrations: [
    { name: '0001-customers', class: Migration0001Customers },
    { name: '0002-session-lifecycle', class: Migration0002SessionLifecycle },
    { name: '0003-login-failure-address', class: Migration0003LoginFailureAddress },
  ],
  async build({ config, log, orm, outbound }) {
    const deps: CustomersDeps = {
      tokens: await createTokenIssuer(config.jwt),
      passwords: createScryptPasswordHasher(config.env === 'test' ? TEST_SCRYPT : PRODUCTION_SCRYPT),
      addressVerification: createAddressVerification({ config, outbound, log }),
      loginPolicy: {
        maxFailures: config.login.maxFailures,
        windowMs: config.login.failureWindowMs,
        maxFailuresPerEmail: config.customers.login.maxFailuresPerEmail,
        retryDelayMs: config.customers.login.retryDelayMs,
      },
      passwordReset: config.passwordReset,
      eventNamespace: config.nats.namespace,
    };
    return {
      resolvers,
      createContext: (base) => {
        const em = forkEm(orm);
        return { ...base, em, loaders: createLoaders(em), deps };
      },
      handlers: checkoutAddressHandlers(),
      seed: () => seedCustomers({ orm, deps, staffAccounts: config.staffAccounts, seedDemoData: config.seedDemoData, log: log.child({ component: 'seed' }) }),
      jobs: [() => startHousekeeping({ orm, loginWindowMs: config.login.failureWindowMs, log: log.child({ component: 'housekeeping' }) })],
    };
  },
};
