import type { EntityManager } from '@mikro-orm/postgresql';
import { StaffAccountEntity, type StaffAccountRecord } from './staff-account.entity.js';

export type NewStaffAccount = Omit<StaffAccountRecord, 'createdAt' | 'updatedAt'>;

export class StaffAccountRepository {
  constructor(private readonly em: EntityManager) {}

  findByEmailKey(emailKey: string): Promise<StaffAccountRecord | null> {
    return this.em.findOne(StaffAccountEntity, { emailKey });
  }

  async existsWithEmailKey(emailKey: string): Promise<boolean> {
    return (await this.em.count(StaffAccountEntity, { emailKey })) > 0;
  }

  add(account: NewStaffAccount): StaffAccountRecord {
    return this.em.create(StaffAccountEntity, account);
  }

  async changePasswordHash(account: StaffAccountRecord, passwordHash: string): Promise<void> {
    account.passwordHash = passwordHash;
    await this.em.flush();
  }
}
