import { EntitySchema, type Opt } from '@mikro-orm/postgresql';
import type { VerificationStatus } from '../domain/address.js';
import type { CustomerAddressSnapshot } from '../../../events/contracts/customers/index.js';

/** A row of `customers.address`: one entry of a customer's address book. */
export interface AddressRecord {
  id: string;
  customerId: string;
  nickname: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  isDefault: boolean;
  verification: VerificationStatus;
  createdAt: Opt<Date>;
  updatedAt: Opt<Date>;
}

export const AddressEntity = new EntitySchema<AddressRecord>({
  name: 'Address',
  tableName: 'address',
  properties: {
    id: { type: 'uuid', primary: true },
    customerId: { type: 'uuid', fieldName: 'customer_id' },
    nickname: { type: 'text' },
    line1: { type: 'text' },
    line2: { type: 'text', nullable: true },
    city: { type: 'text' },
    region: { type: 'text' },
    postalCode: { type: 'text', fieldName: 'postal_code' },
    country: { type: 'text' },
    isDefault: { type: 'boolean', fieldName: 'is_default' },
    verification: { type: 'text' },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

/** The address as published in the customers context's events. */
export function toAddressSnapshot(record: AddressRecord): CustomerAddressSnapshot {
  return {
    id: record.id,
    nickname: record.nickname,
    line1: record.line1,
    line2: record.line2 ?? null,
    city: record.city,
    region: record.region,
    postalCode: record.postalCode,
    country: record.country,
    isDefault: record.isDefault,
    verification: record.verification,
  };
}
