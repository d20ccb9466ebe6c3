import { describe, expect, it } from 'vitest';
import { formatMoney, sameMoney, validatePrice } from './money.js';

describe('formatMoney', () => {
  it.each([
    [1299, '$12.99'],
    [5, '$0.05'],
    [100, '$1.00'],
    [123456, '$1,234.56'],
  ])('formats %i USD cents as %s', (cents, text) => {
    expect(formatMoney({ cents, currency: 'USD' })).toBe(text);
  });
});

describe('validatePrice', () => {
  it('defaults the currency to USD', () => {
    expect(validatePrice({ cents: 1 })).toEqual({ ok: true, value: { cents: 1, currency: 'USD' } });
  });

  it('names fields under the given path', () => {
    const result = validatePrice({ cents: 0, currency: 'EUR' }, 'price');
    expect(!result.ok && result.errors).toEqual({ 'price.cents': expect.any(String), 'price.currency': expect.any(String) });
  });
});

describe('sameMoney', () => {
  it('compares amount and currency', () => {
    expect(sameMoney({ cents: 1, currency: 'USD' }, { cents: 1, currency: 'USD' })).toBe(true);
    expect(sameMoney({ cents: 1, currency: 'USD' }, { cents: 2, currency: 'USD' })).toBe(false);
  });
});
