import type { EntityManager } from '@mikro-orm/postgresql';
import type { DefaultChange } from '../domain/address-book.js';
import { AddressEntity, type AddressRecord } from './address.entity.js';

export type NewAddress = Omit<AddressRecord, 'createdAt' | 'updatedAt'>;

export class AddressRepository {
  constructor(private readonly em: EntityManager) {}

  /** One customer's book (unordered; the domain orders it for display). */
  listByCustomer(customerId: string): Promise<AddressRecord[]> {
    return this.em.find(AddressEntity, { customerId }, { refresh: true });
  }

  /** For DataLoaders: every address of these customers, fresh from the database. */
  listByCustomers(customerIds: readonly string[]): Promise<AddressRecord[]> {
    return this.em.find(AddressEntity, { customerId: { $in: [...customerIds] } }, { refresh: true });
  }

  /** Null when the address does not exist or belongs to someone else: callers cannot tell which. */
  findOwned(customerId: string, id: string): Promise<AddressRecord | null> {
    return this.em.findOne(AddressEntity, { id, customerId });
  }

  /**
   * Moves the default flag. The previous default is unset and flushed first: the partial unique
   * index (one default per customer) is checked row by row, so the order of the updates matters.
   */
  async moveDefault(book: readonly AddressRecord[], change: DefaultChange): Promise<void> {
    const previous = change.previousDefaultId ? book.find((a) => a.id === change.previousDefaultId) : undefined;
    if (previous) {
      previous.isDefault = false;
      await this.em.flush();
    }
    const next = change.newDefaultId ? book.find((a) => a.id === change.newDefaultId) : undefined;
    if (next) {
      next.isDefault = true;
      await this.em.flush();
    }
  }

  async insert(address: NewAddress): Promise<AddressRecord> {
    const record = this.em.create(AddressEntity, address);
    await this.em.flush();
    return record;
  }

  async remove(address: AddressRecord): Promise<void> {
    this.em.remove(address);
    await this.em.flush();
  }

  async save(): Promise<void> {
    await this.em.flush();
  }
}
