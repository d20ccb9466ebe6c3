import { describe, expect, it } from 'vitest';
import { validateAdjustment, validateReceipt } from './stock-adjustment.js';

describe('receiving stock', () => {
  it('normalises the SKU and warehouse id and trims the reference', () => {
    expect(validateReceipt({ sku: ' dog-bowl-001 ', warehouseId: 'nj-fc', quantity: 5, reference: '  PO-1 ' })).toEqual({
      ok: true,
      value: { sku: 'DOG-BOWL-001', warehouseId: 'NJ-FC', quantity: 5, reference: 'PO-1' },
    });
    expect(validateReceipt({ sku: 'DOG-BOWL-001', warehouseId: 'NJ-FC', quantity: 5, reference: '  ' })).toMatchObject({ ok: true, value: { reference: null } });
  });

  it.each([
    [{ quantity: 0 }, 'quantity'],
    [{ quantity: -3 }, 'quantity'],
    [{ quantity: 1.5 }, 'quantity'],
    [{ quantity: 2_000_000 }, 'quantity'],
    [{ sku: 'ab' }, 'sku'],
    [{ sku: 'DOG BOWL' }, 'sku'],
    [{ reference: 'x'.repeat(501) }, 'reference'],
  ])('rejects %j naming %s', (change, field) => {
    const result = validateReceipt({ sku: 'DOG-BOWL-001', warehouseId: 'NJ-FC', quantity: 1, ...change });
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { errors: object }).errors)).toEqual([field]);
  });
});

describe('adjusting stock', () => {
  it('accepts a negative or positive delta with a reason', () => {
    expect(validateAdjustment({ sku: 'cat-tree-5ft', warehouseId: 'OH-FC', delta: -2, reason: ' damaged ' })).toEqual({
      ok: true,
      value: { sku: 'CAT-TREE-5FT', warehouseId: 'OH-FC', delta: -2, reason: 'damaged' },
    });
  });

  it.each([
    [{ delta: 0 }, ['delta']],
    [{ delta: 0.5 }, ['delta']],
    [{ reason: '   ' }, ['reason']],
    [{ reason: 'x'.repeat(501) }, ['reason']],
    [{ sku: '!!', delta: 0, reason: '' }, ['sku', 'delta', 'reason']],
  ])('rejects %j naming %j', (change, fields) => {
    const result = validateAdjustment({ sku: 'CAT-TREE-5FT', warehouseId: 'OH-FC', delta: 1, reason: 'count', ...change });
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { errors: object }).errors)).toEqual(fields);
  });
});
