import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { CustomerEntity, type CustomerRecord } from './customer.entity.js';

export type NewCustomer = Omit<CustomerRecord, 'createdAt' | 'updatedAt'>;

export class CustomerRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: string): Promise<CustomerRecord | null> {
    return this.em.findOne(CustomerEntity, { id });
  }

  /** For DataLoaders: fresh rows (not identity-map copies a mutation may have outdated). */
  findByIds(ids: readonly string[]): Promise<CustomerRecord[]> {
    return this.em.find(CustomerEntity, { id: { $in: [...ids] } }, { refresh: true });
  }

  findByEmailKey(emailKey: string): Promise<CustomerRecord | null> {
    return this.em.findOne(CustomerEntity, { emailKey });
  }

  /** Customers whose e-mail key contains `fragment` (already lower-cased), by e-mail. */
  searchByEmail(fragment: string, limit: number): Promise<CustomerRecord[]> {
    const literal = fragment.replace(/[\\%_]/g, (c) => `\\${c}`);
    return this.em.find(CustomerEntity, { emailKey: { $like: `%${literal}%` } }, { orderBy: { emailKey: 'asc' }, limit });
  }

  /**
   * Locks the customer's row for the rest of the transaction: every address-book change takes
   * it first, so the book's rules are checked against a stable book.
   */
  lockForAddressBookChange(id: string): Promise<CustomerRecord | null> {
    return this.em.findOne(CustomerEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Inserts now (inside the caller's transaction); 'EMAIL_TAKEN' when the e-mail key exists. */
  async insert(customer: NewCustomer): Promise<CustomerRecord | 'EMAIL_TAKEN'> {
    const record = this.em.create(CustomerEntity, customer);
    try {
      await this.em.flush();
      return record;
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) return 'EMAIL_TAKEN';
      throw err;
    }
  }

  async changePasswordHash(customer: CustomerRecord, passwordHash: string): Promise<void> {
    customer.passwordHash = passwordHash;
    await this.em.flush();
  }
}
