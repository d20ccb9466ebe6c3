import { EntitySchema } from '@mikro-orm/postgresql';

/** A customer as notifications knows them (fed by CustomerRegistered and CustomerProfileUpdated). */
export interface RecipientRecord {
  customerId: string;
  email: string;
  firstName: string;
  lastName: string;
  asOf: Date;
}

export const RecipientEntity = new EntitySchema<RecipientRecord>({
  name: 'Recipient',
  tableName: 'recipient',
  properties: {
    customerId: { type: 'text', fieldName: 'customer_id', primary: true },
    email: { type: 'text' },
    firstName: { type: 'text', fieldName: 'first_name' },
    lastName: { type: 'text', fieldName: 'last_name' },
    asOf: { type: 'datetime', fieldName: 'as_of' },
  },
});
