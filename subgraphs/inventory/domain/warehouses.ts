/**
 * The fulfilment centres and how an order is routed among them (SPEC §4).
 *
 * "Nearest" for a destination: the warehouse serving the destination's region first, then the
 * others in that warehouse's fixed distance order (road distance between the sites, rounded to
 * a ranking). TX-FC (Dallas) serves no region first: it is the overflow site.
 *
 * Destinations outside the US, or with a region that is not a US state or DC (territories such
 * as PR or GU, military AA/AE/AP, typos), get DEFAULT_ROUTE: Columbus first, as the most central
 * site, then Columbus's own distance order. That keeps such orders possible without guessing.
 */

export type WarehouseId = 'NJ-FC' | 'WA-FC' | 'OH-FC' | 'TX-FC';

export interface Warehouse {
  id: WarehouseId;
  name: string;
  city: string;
  /** Two-letter US state codes this warehouse serves first. */
  servesRegions: readonly string[];
  /** Every warehouse, itself first, nearest to farthest. */
  distanceOrder: readonly WarehouseId[];
}

export const WAREHOUSES: readonly Warehouse[] = [
  {
    id: 'NJ-FC',
    name: 'Newark Fulfillment Center',
    city: 'Newark, NJ',
    servesRegions: ['CT', 'DC', 'DE', 'FL', 'GA', 'MA', 'MD', 'ME', 'NC', 'NH', 'NJ', 'NY', 'PA', 'RI', 'SC', 'VA', 'VT', 'WV'],
    distanceOrder: ['NJ-FC', 'OH-FC', 'TX-FC', 'WA-FC'],
  },
  {
    id: 'WA-FC',
    name: 'Kent Fulfillment Center',
    city: 'Kent, WA',
    servesRegions: ['AK', 'AZ', 'CA', 'CO', 'HI', 'ID', 'MT', 'NM', 'NV', 'OR', 'UT', 'WA', 'WY'],
    distanceOrder: ['WA-FC', 'TX-FC', 'OH-FC', 'NJ-FC'],
  },
  {
    id: 'OH-FC',
    name: 'Columbus Fulfillment Center',
    city: 'Columbus, OH',
    // "all other states": the 50 states and DC not served by NJ-FC or WA-FC
    servesRegions: ['AL', 'AR', 'IA', 'IL', 'IN', 'KS', 'KY', 'LA', 'MI', 'MN', 'MO', 'MS', 'ND', 'NE', 'OH', 'OK', 'SD', 'TN', 'TX', 'WI'],
    distanceOrder: ['OH-FC', 'NJ-FC', 'TX-FC', 'WA-FC'],
  },
  {
    id: 'TX-FC',
    name: 'Dallas Fulfillment Center',
    city: 'Dallas, TX',
    servesRegions: [],
    distanceOrder: ['TX-FC', 'OH-FC', 'NJ-FC', 'WA-FC'],
  },
];

export const WAREHOUSE_IDS: readonly WarehouseId[] = WAREHOUSES.map((w) => w.id);

const byId = new Map<string, Warehouse>(WAREHOUSES.map((w) => [w.id, w]));

export const findWarehouse = (id: string): Warehouse | undefined => byId.get(id.trim().toUpperCase());

/** The route for destinations no warehouse serves first (see the module comment). */
export const DEFAULT_ROUTE: readonly WarehouseId[] = byId.get('OH-FC')!.distanceOrder;

export interface Destination {
  /** State or province as on the address, e.g. "NJ". */
  region: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** The warehouse that serves the destination first, if any. */
export function homeWarehouseFor(destination: Destination): Warehouse | undefined {
  if (destination.country.trim().toUpperCase() !== 'US') return undefined;
  const region = destination.region.trim().toUpperCase();
  return WAREHOUSES.find((w) => w.servesRegions.includes(region));
}

/** Every warehouse, nearest first, for a destination. */
export function routeFor(destination: Destination): readonly WarehouseId[] {
  return homeWarehouseFor(destination)?.distanceOrder ?? DEFAULT_ROUTE;
}
