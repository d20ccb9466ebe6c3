import { describe, expect, it } from 'vitest';
import { changedFields, checkSku, validateNewProduct, validateProductChanges, type NewProductInput } from './product.js';

const base: NewProductInput = {
  sku: 'dog-bowl-099',
  name: '  Steel Bowl  ',
  description: 'A bowl.',
  category: 'Dogs',
  price: { cents: 1299, currency: 'USD' },
};

describe('validateNewProduct', () => {
  it('normalises a valid product: upper-cased SKU, trimmed text, ACTIVE by default', () => {
    const result = validateNewProduct({ ...base, brand: '   ', tags: [' steel ', 'Steel', 'bowl'] });
    expect(result).toEqual({
      ok: true,
      value: {
        sku: 'DOG-BOWL-099',
        name: 'Steel Bowl',
        description: 'A bowl.',
        category: 'Dogs',
        brand: null,
        tags: ['steel', 'bowl'],
        images: [],
        price: { cents: 1299, currency: 'USD' },
        status: 'ACTIVE',
      },
    });
  });

  it('keeps the status it is given', () => {
    const result = validateNewProduct({ ...base, status: 'COMING_SOON' });
    expect(result.ok && result.value.status).toBe('COMING_SOON');
  });

  it('accepts the boundaries: 3- and 24-character SKUs, a 100-character name, a 2000-character description', () => {
    for (const sku of ['ABC', 'A'.repeat(24)]) expect(validateNewProduct({ ...base, sku }).ok).toBe(true);
    expect(validateNewProduct({ ...base, name: 'n'.repeat(100), description: 'd'.repeat(2000) }).ok).toBe(true);
  });

  it.each<[string, Partial<NewProductInput>, string]>([
    ['a too-short SKU', { sku: 'AB' }, 'sku'],
    ['a too-long SKU', { sku: 'A'.repeat(25) }, 'sku'],
    ['a SKU with a space', { sku: 'DOG BOWL' }, 'sku'],
    ['a SKU with an underscore', { sku: 'DOG_BOWL' }, 'sku'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a 101-character name', { name: 'n'.repeat(101) }, 'name'],
    ['a 2001-character description', { description: 'd'.repeat(2001) }, 'description'],
    ['a blank category', { category: ' ' }, 'category'],
    ['a 51-character category', { category: 'c'.repeat(51) }, 'category'],
    ['a 101-character brand', { brand: 'b'.repeat(101) }, 'brand'],
    ['a 51-character tag', { tags: ['ok', 't'.repeat(51)] }, 'tags[1]'],
    ['an empty tag', { tags: [' '] }, 'tags[0]'],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, 'tags'],
    ['an image without a URL', { images: [{ url: '', altText: 'Bowl' }] }, 'images[0].url'],
    ['an image with a non-web URL', { images: [{ url: 'javascript:alert(1)', altText: 'Bowl' }] }, 'images[0].url'],
    ['an image with an ftp URL', { images: [{ url: 'ftp://example.com/a.jpg', altText: 'Bowl' }] }, 'images[0].url'],
    ['an image without alt text', { images: [{ url: 'https://example.com/a.jpg', altText: '  ' }] }, 'images[0].altText'],
    ['a zero price', { price: { cents: 0 } }, 'price.cents'],
    ['a negative price', { price: { cents: -100 } }, 'price.cents'],
    ['a fractional price', { price: { cents: 12.5 } }, 'price.cents'],
    ['a price above the maximum', { price: { cents: 1_000_001 } }, 'price.cents'],
    ['a currency other than USD', { price: { cents: 100, currency: 'EUR' } }, 'price.currency'],
    ['an unknown status', { status: 'SOLD_OUT' as never }, 'status'],
  ])('rejects %s, naming the field', (_case, override, field) => {
    const result = validateNewProduct({ ...base, ...override });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toContain(field);
  });

  it('reports every invalid field at once', () => {
    const result = validateNewProduct({ ...base, sku: 'x', name: '', price: { cents: 0, currency: 'GBP' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['name', 'price.cents', 'price.currency', 'sku']);
  });

  it('accepts a lower-case currency code as USD', () => {
    const result = validateNewProduct({ ...base, price: { cents: 100, currency: 'usd' } });
    expect(result.ok && result.value.price).toEqual({ cents: 100, currency: 'USD' });
  });
});

describe('checkSku', () => {
  it('upper-cases and trims', () => {
    expect(checkSku(' cat-tree-5ft ')).toEqual({ ok: true, value: 'CAT-TREE-5FT' });
  });
});

describe('validateProductChanges', () => {
  it('returns only the fields given, normalised', () => {
    expect(validateProductChanges({ name: ' New name ', tags: ['a', 'A', ' b '] })).toEqual({ ok: true, value: { name: 'New name', tags: ['a', 'b'] } });
  });

  it('treats brand: null as removing the brand', () => {
    expect(validateProductChanges({ brand: null })).toEqual({ ok: true, value: { brand: null } });
  });

  it.each(['name', 'description', 'category', 'tags', 'images'] as const)('refuses %s: null', (field) => {
    const result = validateProductChanges({ [field]: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual([field]);
  });

  it.each<[string, Parameters<typeof validateProductChanges>[0], string]>([
    ['a blank name', { name: '' }, 'name'],
    ['a long category', { category: 'c'.repeat(51) }, 'category'],
    ['a bad image URL', { images: [{ url: 'not a url', altText: 'x' }] }, 'images[0].url'],
  ])('rejects %s', (_case, input, field) => {
    const result = validateProductChanges(input);
    expect(!result.ok && Object.keys(result.errors)).toEqual([field]);
  });
});

describe('changedFields', () => {
  const current = {
    name: 'Bowl',
    description: 'd',
    category: 'Dogs',
    brand: null,
    tags: ['a'],
    images: [{ url: 'https://x.test/a.jpg', altText: 'A' }],
  };

  it('lists only fields whose value differs', () => {
    expect(changedFields(current, { name: 'Bowl', category: 'Cats', tags: ['a'], brand: 'Acme' })).toEqual(['category', 'brand']);
  });

  it('compares images by content, whatever the key order', () => {
    const reordered = [{ altText: 'A', url: 'https://x.test/a.jpg' } as { url: string; altText: string }];
    expect(changedFields(current, { images: reordered })).toEqual([]);
  });
});
