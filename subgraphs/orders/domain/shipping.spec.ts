import { describe, expect, it } from 'vitest';
import { estimatedDeliveryBy, shippingCostOf, shippingOptions } from './shipping.js';
import { normalizeOrderNumber, orderNumberOf } from './order-number.js';

describe('shipping options', () => {
  it('lists every method with its cost and delivery days, cheapest first', () => {
    expect(shippingOptions()).toEqual([
      { method: 'STANDARD', cost: { cents: 599, currency: 'USD' }, minDays: 5, maxDays: 7 },
      { method: 'EXPRESS', cost: { cents: 1299, currency: 'USD' }, minDays: 2, maxDays: 3 },
      { method: 'NEXT_DAY', cost: { cents: 2499, currency: 'USD' }, minDays: 1, maxDays: 1 },
    ]);
  });

  it('prices a method as its option says', () => {
    for (const option of shippingOptions()) expect(shippingCostOf(option.method)).toEqual(option.cost);
  });

  it.each([
    // Wednesday 2026-12-02: 7 business days → Friday 11th; 3 → Monday 7th; 1 → Thursday 3rd
    ['2026-12-02T10:00:00Z', 'STANDARD', '2026-12-11T23:59:59.999Z'],
    ['2026-12-02T10:00:00Z', 'EXPRESS', '2026-12-07T23:59:59.999Z'],
    ['2026-12-02T10:00:00Z', 'NEXT_DAY', '2026-12-03T23:59:59.999Z'],
    // Friday evening: the weekend does not count
    ['2026-12-04T22:00:00Z', 'NEXT_DAY', '2026-12-07T23:59:59.999Z'],
    ['2026-12-05T09:00:00Z', 'EXPRESS', '2026-12-09T23:59:59.999Z'],
  ] as const)('an order placed %s by %s should arrive by %s', (placedAt, method, by) => {
    expect(estimatedDeliveryBy(new Date(placedAt), method).toISOString()).toBe(by);
  });
});

describe('order numbers', () => {
  it('are CS- and the sequence value', () => {
    expect(orderNumberOf(100042)).toBe('CS-100042');
    expect(orderNumberOf('100043')).toBe('CS-100043');
  });

  it.each([
    ['CS-100042', 'CS-100042'],
    [' cs-100042 ', 'CS-100042'],
    ['100042', 'CS-100042'],
    ['CS-', null],
    ['CS-10x', null],
    ['', null],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeOrderNumber(input)).toBe(expected);
  });
});
