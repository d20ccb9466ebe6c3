import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from '../../../events/outbox.js';
import { CustomerDefaultAddressChanged } from '../../../events/contracts/customers/index.js';
import type { DefaultChange } from '../domain/address-book.js';

/** Records CustomerDefaultAddressChanged in the caller's transaction. */
export function recordDefaultChange(em: EntityManager, namespace: string, customerId: string, change: DefaultChange): void {
  recordEvent(
    em,
    namespace,
    CustomerDefaultAddressChanged,
    { customerId, addressId: change.newDefaultId, previousAddressId: change.previousDefaultId },
    { customerId },
  );
}
