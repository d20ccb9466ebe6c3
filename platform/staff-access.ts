import type { Caller, Role } from './auth.js';
import { forbidden, unauthenticated } from './errors.js';

/**
 * Least privilege for staff (issue 9, finding 7): what each staff role may do with customers'
 * personal data, named by the work that needs it. Every subgraph asks here; none keeps its own
 * list of roles for these rules.
 *
 * - readCustomerPii: customers' e-mails, saved addresses, every order's shipping address, the
 *   recipients of their notifications. Customer service answers customers; admins run the shop.
 * - watchAllOrders: stream status changes of every order (orderUpdated without an orderId).
 * - readShipToOfShipments: the shipping address of orders being shipped (CONFIRMED or SHIPPED:
 *   the shipments a warehouse handles), and only those.
 *
 * CATALOG_MANAGER needs none of them.
 */
export type StaffCapability = 'readCustomerPii' | 'watchAllOrders' | 'readShipToOfShipments';

type StaffRole = Exclude<Role, 'GUEST' | 'CUSTOMER'>;

const ROLES_WITH: Record<StaffCapability, readonly StaffRole[]> = {
  readCustomerPii: ['CUSTOMER_SERVICE', 'ADMIN'],
  watchAllOrders: ['CUSTOMER_SERVICE', 'ADMIN'],
  readShipToOfShipments: ['WAREHOUSE', 'CUSTOMER_SERVICE', 'ADMIN'],
};

/** Whether the caller is staff with a role that has the capability (never true for customers or guests). */
export function staffMay(caller: Caller, capability: StaffCapability): boolean {
  return caller.kind === 'staff' && ROLES_WITH[capability].includes(caller.role);
}

/** UNAUTHENTICATED for anonymous callers, FORBIDDEN unless the caller is staff with the capability. */
export function requireStaffCapability(caller: Caller, capability: StaffCapability): void {
  if (caller.kind === 'anonymous') throw unauthenticated();
  if (!staffMay(caller, capability)) throw forbidden(`Your role may not ${DESCRIBED[capability]}`);
}

const DESCRIBED: Record<StaffCapability, string> = {
  readCustomerPii: "read customers' personal data",
  watchAllOrders: 'watch every order',
  readShipToOfShipments: 'read the shipping address of this order',
};

/** Order statuses whose parcel a warehouse is preparing or has handed to the carrier. */
const BEING_SHIPPED = new Set(['CONFIRMED', 'SHIPPED']);

/**
 * Staff reading an order's shipping address: with readCustomerPii always, with readShipToOfShipments
 * while it is being shipped. Customers and guests are not asked here: they reach only their own orders.
 */
export function requireShippingAddressAccess(caller: Caller, orderStatus: string): void {
  if (caller.kind !== 'staff' || staffMay(caller, 'readCustomerPii')) return;
  if (staffMay(caller, 'readShipToOfShipments') && BEING_SHIPPED.has(orderStatus)) return;
  throw forbidden(`Your role may not ${DESCRIBED.readShipToOfShipments}`);
}
