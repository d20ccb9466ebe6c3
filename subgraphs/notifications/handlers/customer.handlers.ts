import { handle, type EventHandler } from '../../../events/handler.js';
import { CustomerProfileUpdated } from '../../../events/contracts/customers/customer-profile-updated.event.js';
import { CustomerRegistered } from '../../../events/contracts/customers/customer-registered.event.js';
import { ProjectionsRepository } from '../store/projections.repository.js';

/** Recipients: who a customer id is and where to write to them, from customers' events only. */
export function customerHandlers(): EventHandler[] {
  return [
    handle(CustomerRegistered, { name: 'recipient-on-customer-registered' }, async (event, { em }) => {
      const { customerId, email, firstName, lastName } = event.payload;
      await new ProjectionsRepository(em).upsertRecipient({ customerId, email, firstName, lastName, asOf: new Date(event.occurredAt) });
    }),
    handle(CustomerProfileUpdated, { name: 'recipient-on-profile-updated' }, async (event, { em }) => {
      const { customerId, email, firstName, lastName } = event.payload;
      await new ProjectionsRepository(em).upsertRecipient({ customerId, email, firstName, lastName, asOf: new Date(event.occurredAt) });
    }),
  ];
}
