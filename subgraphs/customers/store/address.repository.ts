import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { DefaultChange } from '../domain/address-book.js';
import { AddressEntity, type AddressRecord } from './address.entity.js';

export type NewAddress = Omit<AddressRecord, 'createdAt' | 'updatedAt'>;

/** The unique index on (customer_id, lower(nickname)) (migration 0001). */
const NICKNAME_INDEX = 'address_customer_nickname_unique';

const isNicknameClash = (err: unknown): boolean =>
  err instanceof UniqueConstraintViolationException && (err as { constraint?: string }).constraint === NICKNAME_INDEX;

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

  /**
   * Inserts now (inside the caller's transaction). 'NICKNAME_TAKEN' when the database finds the
   * nickname already used by the customer; the transaction is then unusable and must end.
   */
  async insert(address: NewAddress): Promise<AddressRecord | 'NICKNAME_TAKEN'> {
    const record = this.em.create(AddressEntity, address);
    return (await this.flushUnlessNicknameClash()) ?? record;
  }

  async remove(address: AddressRecord): Promise<void> {
    this.em.remove(address);
    await this.em.flush();
  }

  /** Flushes changed addresses; 'NICKNAME_TAKEN' as for {@link insert}. */
  save(): Promise<'NICKNAME_TAKEN' | undefined> {
    return this.flushUnlessNicknameClash();
  }

  private async flushUnlessNicknameClash(): Promise<'NICKNAME_TAKEN' | undefined> {
    try {
      await this.em.flush();
      return undefined;
    } catch (err) {
      if (isNicknameClash(err)) return 'NICKNAME_TAKEN';
      throw err;
    }
  }
}
