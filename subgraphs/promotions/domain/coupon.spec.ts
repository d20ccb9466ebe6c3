import { describe, expect, it } from 'vitest';
import { newCoupon } from './coupon.js';

const now = new Date('2026-12-02T12:00:00Z');
const draft = { code: ' spring-10 ', description: ' Spring sale ', percentOff: 10 };

describe('newCoupon', () => {
  it('normalises the code and the description', () => {
    expect(newCoupon(draft, now)).toEqual({ ok: true, coupon: { code: 'SPRING-10', description: 'Spring sale', percentOff: 10, validUntil: null, maxRedemptions: null } });
  });

  it('keeps an expiry in the future and a positive limit', () => {
    const result = newCoupon({ ...draft, validUntil: '2026-12-31T00:00:00Z', maxRedemptions: 100 }, now);
    expect(result).toMatchObject({ ok: true, coupon: { validUntil: new Date('2026-12-31T00:00:00Z'), maxRedemptions: 100 } });
  });

  it.each([
    ['code', { code: 'x' }],
    ['code', { code: 'SPRING 10' }],
    ['description', { description: '   ' }],
    ['description', { description: 'x'.repeat(201) }],
    ['percentOff', { percentOff: 0 }],
    ['percentOff', { percentOff: 101 }],
    ['percentOff', { percentOff: 12.5 }],
    ['validUntil', { validUntil: '2026-12-02T12:00:00Z' }],
    ['validUntil', { validUntil: 'soon' }],
    ['maxRedemptions', { maxRedemptions: 0 }],
  ] as const)('refuses a bad %s', (field, change) => {
    const result = newCoupon({ ...draft, ...change }, now);
    expect(result.ok).toBe(false);
    expect(Object.keys(!result.ok ? result.errors : {})).toEqual([field]);
  });

  it('reports every bad field at once', () => {
    const result = newCoupon({ code: '?', description: '', percentOff: 0, maxRedemptions: -1 }, now);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['code', 'description', 'maxRedemptions', 'percentOff']);
  });
});
