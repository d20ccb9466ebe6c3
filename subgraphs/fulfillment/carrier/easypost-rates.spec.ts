import { describe, expect, it } from 'vitest';
import { carrierNameOf, chooseRate, type EasyPostRate } from './easypost-rates.js';

const rates: EasyPostRate[] = [
  { id: 'rate_usps_ground', carrier: 'USPS', service: 'GroundAdvantage', rate: '5.20', delivery_days: 5 },
  { id: 'rate_usps_priority', carrier: 'USPS', service: 'Priority', rate: '7.58', delivery_days: 2 },
  { id: 'rate_ups_ground', carrier: 'UPS', service: 'Ground', rate: '9.10', delivery_days: 5 },
  { id: 'rate_ups_nda', carrier: 'UPS', service: 'NextDayAir', rate: '45.00', delivery_days: 1 },
  { id: 'rate_fedex_overnight', carrier: 'FedEx', service: 'STANDARD_OVERNIGHT', rate: '39.90', delivery_days: 1 },
  { id: 'rate_dhl_unknown', carrier: 'DHLExpress', service: 'ExpressWorldwide', rate: '3.00', delivery_days: null },
];

describe('choosing the EasyPost rate', () => {
  it.each([
    ['STANDARD', null, 'rate_dhl_unknown'],
    ['EXPRESS', null, 'rate_usps_priority'],
    ['NEXT_DAY', null, 'rate_fedex_overnight'],
    ['STANDARD', 'UPS', 'rate_ups_ground'],
    ['NEXT_DAY', 'UPS', 'rate_ups_nda'],
  ] as const)('buys %s (carrier %s) with %s: the cheapest that keeps the promise', (method, carrier, id) => {
    expect(chooseRate(rates, method, carrier)?.id).toBe(id);
  });

  it('finds nothing when no rate keeps the promise', () => {
    expect(chooseRate(rates, 'NEXT_DAY', 'USPS')).toBeNull();
    expect(chooseRate([], 'STANDARD', null)).toBeNull();
  });

  it.each([
    ['FedEx', 'FEDEX'],
    ['FedExDefault', 'FEDEX'],
    ['DHLExpress', 'DHL'],
    ['UPSDAP', 'UPS'],
    ['USPS', 'USPS'],
  ])("reads EasyPost's carrier %s as %s", (easypost, ours) => {
    expect(carrierNameOf(easypost)).toBe(ours);
  });
});
