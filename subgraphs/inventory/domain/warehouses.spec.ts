import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, WAREHOUSES, findWarehouse, homeWarehouseFor, routeFor } from './warehouses.js';

const US_STATES_AND_DC =
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' ');

describe('warehouses', () => {
  it('serves every US state and DC from exactly one warehouse', () => {
    for (const state of US_STATES_AND_DC) {
      expect(WAREHOUSES.filter((w) => w.servesRegions.includes(state)).map((w) => w.id), state).toHaveLength(1);
    }
    expect(WAREHOUSES.flatMap((w) => w.servesRegions).sort()).toEqual([...US_STATES_AND_DC].sort());
  });

  it('lists every warehouse once in each distance order, itself first', () => {
    for (const warehouse of WAREHOUSES) {
      expect(warehouse.distanceOrder[0]).toBe(warehouse.id);
      expect([...warehouse.distanceOrder].sort()).toEqual(WAREHOUSES.map((w) => w.id).sort());
    }
  });

  it('keeps Dallas as overflow: it serves no region first', () => {
    expect(findWarehouse('TX-FC')?.servesRegions).toEqual([]);
  });

  it.each([
    ['NJ', 'US', ['NJ-FC', 'OH-FC', 'TX-FC', 'WA-FC']],
    ['ny', 'us', ['NJ-FC', 'OH-FC', 'TX-FC', 'WA-FC']],
    [' DC ', 'US', ['NJ-FC', 'OH-FC', 'TX-FC', 'WA-FC']],
    ['CA', 'US', ['WA-FC', 'TX-FC', 'OH-FC', 'NJ-FC']],
    ['AK', 'US', ['WA-FC', 'TX-FC', 'OH-FC', 'NJ-FC']],
    ['OH', 'US', ['OH-FC', 'NJ-FC', 'TX-FC', 'WA-FC']],
    ['TX', 'US', ['OH-FC', 'NJ-FC', 'TX-FC', 'WA-FC']],
    ['PR', 'US', DEFAULT_ROUTE],
    ['Ontario', 'CA', DEFAULT_ROUTE],
    ['NJ', 'CA', DEFAULT_ROUTE],
    ['', 'US', DEFAULT_ROUTE],
  ])('routes region %j in %j to %j', (region, country, route) => {
    expect(routeFor({ region, country })).toEqual(route);
  });

  it('routes destinations no warehouse serves through Columbus first, then its distance order', () => {
    expect(DEFAULT_ROUTE).toEqual(findWarehouse('OH-FC')!.distanceOrder);
    expect(homeWarehouseFor({ region: 'GU', country: 'US' })).toBeUndefined();
  });

  it('finds warehouses by id case-insensitively', () => {
    expect(findWarehouse('wa-fc')?.name).toBe('Kent Fulfillment Center');
    expect(findWarehouse('XX-FC')).toBeUndefined();
  });
});
