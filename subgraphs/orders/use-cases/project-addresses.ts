import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerAddressSnapshot } from '../../../events/contracts/customers/index.js';
import { isNewer, type EventVersion } from '../domain/projections.js';
import { ProjectionRepository } from '../store/projection.repository.js';

/** A saved address as customers announced it (added or updated) → orders' projection. */
export async function projectAddress(em: EntityManager, customerId: string, address: CustomerAddressSnapshot, version: EventVersion): Promise<void> {
  const record = await new ProjectionRepository(em).lockAddress(address.id, customerId);
  if (!isNewer(version, record.version) || record.removed) return; // removal is final
  record.customerId = customerId;
  record.nickname = address.nickname;
  record.line1 = address.line1;
  record.line2 = address.line2;
  record.city = address.city;
  record.region = address.region;
  record.postalCode = address.postalCode;
  record.country = address.country;
  record.verification = address.verification;
  record.version = version;
}

/** The address left the book: checkouts can no longer choose it (ones holding it keep their copy). */
export async function projectAddressRemoval(em: EntityManager, customerId: string, addressId: string, version: EventVersion): Promise<void> {
  const record = await new ProjectionRepository(em).lockAddress(addressId, customerId);
  record.removed = true;
  if (isNewer(version, record.version)) record.version = version;
}
