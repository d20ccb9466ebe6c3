import { EntitySchema, type Opt } from '@mikro-orm/postgresql';

/** A row of `customers.customer`: the account, its credential and its profile. */
export interface CustomerRecord {
  id: string;
  /** As entered (trimmed). */
  email: string;
  /** Lower-cased e-mail; unique. */
  emailKey: string;
  /** `scrypt$N$r$p$salt$hash`; never leaves this context. */
  passwordHash: string;
  firstName: string;
  lastName: string;
  createdAt: Opt<Date>;
  updatedAt: Opt<Date>;
}

export const CustomerEntity = new EntitySchema<CustomerRecord>({
  name: 'Customer',
  tableName: 'customer',
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'text' },
    emailKey: { type: 'text', fieldName: 'email_key' },
    passwordHash: { type: 'text', fieldName: 'password_hash' },
    firstName: { type: 'text', fieldName: 'first_name' },
    lastName: { type: 'text', fieldName: 'last_name' },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
