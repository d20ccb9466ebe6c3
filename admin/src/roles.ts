import type { StaffRole } from './session';

/**
 * What each role may do, as the subgraphs enforce it (they remain the authority: a hidden link is
 * a convenience, a FORBIDDEN answer is still shown as a message).
 */
export type Ability =
  | 'viewOrders'
  | 'cancelOrders'
  | 'viewPayments'
  | 'manageStock'
  | 'manageShipments'
  | 'manageCatalog'
  | 'manageDeadLetters'
  | 'decideReturns'
  | 'receiveReturns'
  | 'manageCoupons';

const ABILITIES: Record<StaffRole, readonly Ability[]> = {
  ADMIN: ['viewOrders', 'cancelOrders', 'viewPayments', 'manageStock', 'manageShipments', 'manageCatalog', 'manageDeadLetters', 'decideReturns', 'receiveReturns', 'manageCoupons'],
  CUSTOMER_SERVICE: ['viewOrders', 'cancelOrders', 'viewPayments', 'decideReturns'],
  WAREHOUSE: ['manageStock', 'manageShipments', 'receiveReturns'],
  CATALOG_MANAGER: ['manageCatalog', 'manageCoupons'],
};

export const can = (role: StaffRole, ability: Ability): boolean => ABILITIES[role].includes(ability);

export interface Screen {
  path: string;
  label: string;
  /** Shown to every staff role when absent. */
  needs?: Ability;
}

/** The navigation, in the order staff use it. */
export const SCREENS: readonly Screen[] = [
  { path: '/', label: 'Overview' },
  { path: '/alerts', label: 'Alerts' },
  { path: '/orders', label: 'Orders', needs: 'viewOrders' },
  { path: '/shipments', label: 'Shipments', needs: 'manageShipments' },
  { path: '/inventory', label: 'Inventory', needs: 'manageStock' },
  { path: '/catalog', label: 'Catalog', needs: 'manageCatalog' },
  { path: '/coupons', label: 'Coupons', needs: 'manageCoupons' },
  { path: '/dead-letters', label: 'Dead letters', needs: 'manageDeadLetters' },
];

export const screensFor = (role: StaffRole) => SCREENS.filter((s) => !s.needs || can(role, s.needs));

export const ROLE_LABELS: Record<StaffRole, string> = {
  ADMIN: 'Admin',
  CUSTOMER_SERVICE: 'Customer service',
  WAREHOUSE: 'Warehouse',
  CATALOG_MANAGER: 'Catalog manager',
};
