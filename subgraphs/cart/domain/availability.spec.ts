import { describe, expect, it } from 'vitest';
import { availabilityWarning } from './availability.js';

describe('stock warnings', () => {
  it('warns OUT_OF_STOCK when inventory never announced the SKU or has none', () => {
    expect(availabilityWarning('A-1', 1, null)?.code).toBe('OUT_OF_STOCK');
    expect(availabilityWarning('A-1', 1, { totalAvailable: 0, lowStock: false, inStock: false })?.code).toBe('OUT_OF_STOCK');
  });

  it('warns LOW_STOCK when stock is low or the cart wants more than there is', () => {
    expect(availabilityWarning('A-1', 1, { totalAvailable: 4, lowStock: true, inStock: true })?.code).toBe('LOW_STOCK');
    expect(availabilityWarning('A-1', 30, { totalAvailable: 20, lowStock: false, inStock: true })?.code).toBe('LOW_STOCK');
  });

  it('says nothing when there is plenty', () => {
    expect(availabilityWarning('A-1', 3, { totalAvailable: 50, lowStock: false, inStock: true })).toBeNull();
  });

  it('tells the shopper the item may not be available at checkout', () => {
    expect(availabilityWarning('A-1', 1, null)?.message).toMatch(/may not be available at checkout/);
  });
});
