import { describe, expect, it } from 'vitest';
import { applyProductFacts, emptyProductProjection, eventVersion } from './projections.js';

const v = (ms: number, id = '00000000-0000-7000-8000-000000000000') => eventVersion(new Date(ms).toISOString(), id);

describe('product projection', () => {
  it('is unknown until the product was created, whatever arrived first', () => {
    const priceFirst = applyProductFacts(emptyProductProjection('A-1'), { price: { cents: 900, currency: 'USD' } }, v(2_000));
    expect(priceFirst).toMatchObject({ name: null, status: null, price: { cents: 900 } });
    const created = applyProductFacts(priceFirst, { name: 'Bowl', price: { cents: 500, currency: 'USD' }, status: 'ACTIVE' }, v(1_000));
    // the creation is older than the price change: its price does not win
    expect(created).toMatchObject({ name: 'Bowl', status: 'ACTIVE', price: { cents: 900 } });
  });

  it('keeps the newest status however the events are ordered', () => {
    const base = emptyProductProjection('A-1');
    const a = applyProductFacts(applyProductFacts(base, { status: 'DISCONTINUED' }, v(2_000)), { status: 'ACTIVE' }, v(1_000));
    const b = applyProductFacts(applyProductFacts(base, { status: 'ACTIVE' }, v(1_000)), { status: 'DISCONTINUED' }, v(2_000));
    expect(a.status).toBe('DISCONTINUED');
    expect(b.status).toBe('DISCONTINUED');
  });

  it('orders events of the same millisecond by their time-ordered ids', () => {
    const first = v(1_000, '0190c000-0000-7000-8000-000000000001');
    const second = v(1_000, '0190c000-0000-7000-8000-000000000002');
    const p = applyProductFacts(applyProductFacts(emptyProductProjection('A-1'), { name: 'New' }, second), { name: 'Old' }, first);
    expect(p.name).toBe('New');
  });
});
