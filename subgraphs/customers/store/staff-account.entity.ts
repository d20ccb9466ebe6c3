import { EntitySchema, type Opt } from '@mikro-orm/postgresql';
import type { Role } from '../../../platform/auth.js';

export type StaffRole = Exclude<Role, 'GUEST' | 'CUSTOMER'>;

/** A row of `customers.staff_account`: seeded from configuration (STAFF_ACCOUNTS). */
export interface StaffAccountRecord {
  id: string;
  email: string;
  emailKey: string;
  role: StaffRole;
  passwordHash: string;
  firstName: string;
  lastName: string;
  createdAt: Opt<Date>;
  updatedAt: Opt<Date>;
}

export const StaffAccountEntity = new EntitySchema<StaffAccountRecord>({
  name: 'StaffAccount',
  tableName: 'staff_account',
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'text' },
    emailKey: { type: 'text', fieldName: 'email_key' },
    role: { type: 'text' },
    passwordHash: { type: 'text', fieldName: 'password_hash' },
    firstName: { type: 'text', fieldName: 'first_name' },
    lastName: { type: 'text', fieldName: 'last_name' },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
