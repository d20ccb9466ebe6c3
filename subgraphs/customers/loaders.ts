import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CustomerRepository } from './store/customer.repository.js';
import { AddressRepository } from './store/address.repository.js';
import type { CustomerRecord } from './store/customer.entity.js';
import type { AddressRecord } from './store/address.entity.js';
import { sortAddressBook } from './domain/address-book.js';

/** Per-request batched reads (one query per type however many references a plan resolves). */
export interface Loaders {
  customerById: DataLoader<string, CustomerRecord | null>;
  addressesByCustomerId: DataLoader<string, AddressRecord[]>;
}

export function createLoaders(em: EntityManager): Loaders {
  return {
    customerById: new DataLoader(async (ids) => {
      const rows = await new CustomerRepository(em).findByIds(ids);
      const byId = new Map(rows.map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    addressesByCustomerId: new DataLoader(async (customerIds) => {
      const rows = await new AddressRepository(em).listByCustomers(customerIds);
      return customerIds.map((id) => sortAddressBook(rows.filter((a) => a.customerId === id)));
    }),
  };
}
