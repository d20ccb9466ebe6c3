import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  allPages,
  errorCode,
  errorFields,
  PRODUCT_FIELDS,
  PRODUCTS_PAGE,
  productInput,
  productsPage,
  skusOf,
  uniqueSku,
  type ProductInput,
  type ProductsArgs,
} from './support.js';

/**
 * Browsing the catalogue through the gateway: the seed, cursor pagination, filters, who sees
 * DISCONTINUED products, `categories`, and the field rules of createProduct/updateProduct that
 * product-management.test.ts does not already cover.
 */

const CREATE = /* GraphQL */ `
  mutation CatalogListingCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      ...CatalogTestProduct
    }
  }
  ${PRODUCT_FIELDS}
`;
const UPDATE = /* GraphQL */ `
  mutation CatalogListingUpdateProduct($sku: ID!, $input: UpdateProductInput!) {
    updateProduct(sku: $sku, input: $input) {
      ...CatalogTestProduct
    }
  }
  ${PRODUCT_FIELDS}
`;
const CHANGE_STATUS = /* GraphQL */ `
  mutation CatalogListingChangeProductStatus($sku: ID!, $status: ProductStatus!) {
    changeProductStatus(sku: $sku, status: $status) {
      sku
      status
    }
  }
`;
const PRODUCT = /* GraphQL */ `
  query CatalogListingProduct($sku: ID!) {
    product(sku: $sku) {
      ...CatalogTestProduct
    }
  }
  ${PRODUCT_FIELDS}
`;
const CATEGORIES = /* GraphQL */ `
  query CatalogListingCategories {
    categories
  }
`;

const SEED_CATEGORIES = ['Birds', 'Cats', 'Dogs', 'Fish', 'Multi-Pet', 'Reptiles', 'Small Animals'];
const SHOPPERS: [string, Role | null][] = [
  ['an anonymous caller', null],
  ['a guest', 'GUEST'],
  ['a customer', 'CUSTOMER'],
];
const STAFF: Role[] = ['CUSTOMER_SERVICE', 'WAREHOUSE', 'CATALOG_MANAGER', 'ADMIN'];

let stack: Stack;
const tokens = {} as Record<Role, string>;
const request = (query: string, variables?: Record<string, unknown>, token?: string) => stack.request(query, variables, token);
const tokenOf = (role: Role | null) => (role ? tokens[role] : undefined);

beforeAll(async () => {
  stack = await startStack([catalogSubgraph]);
  for (const role of ['GUEST', 'CUSTOMER', ...STAFF] as const) tokens[role] = await stack.tokenFor(role);
});

afterAll(async () => {
  await stack?.stop();
});

/** A category no other test uses, so counts within it are exact. */
const uniqueCategory = (label: string) => `${label} ${randomBytes(3).toString('hex')}`;

async function createProduct(overrides: Partial<ProductInput> = {}) {
  const res = await request(CREATE, { input: productInput(overrides) }, tokens.CATALOG_MANAGER);
  expect(res.errors).toBeUndefined();
  return res.data.createProduct as { sku: string; name: string; category: string; status: string };
}

async function discontinue(sku: string) {
  expect((await request(CHANGE_STATUS, { sku, status: 'DISCONTINUED' }, tokens.CATALOG_MANAGER)).errors).toBeUndefined();
}

async function readProduct(sku: string) {
  const res = await request(PRODUCT, { sku });
  expect(res.errors).toBeUndefined();
  return res.data.product;
}

async function categories(token?: string): Promise<string[]> {
  const res = await request(CATEGORIES, {}, token);
  expect(res.errors).toBeUndefined();
  return res.data.categories;
}

const listAll = (args: Omit<ProductsArgs, 'after'>, token?: string) => allPages(request, { first: 100, ...args }, token);

// Runs first, before any test adds products, so it sees the catalogue exactly as seeded.
describe('the seeded catalogue', () => {
  it('holds about 27 products across the seven categories, all visible to shoppers', async () => {
    const [page] = await listAll({}, tokens.GUEST);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.totalCount).toBe(page.nodes.length);
    expect(page.nodes.length).toBeGreaterThanOrEqual(25);
    expect(page.nodes.length).toBeLessThanOrEqual(30);
    expect(new Set(page.nodes.map((p) => p.category))).toEqual(new Set(SEED_CATEGORIES));
    expect(await categories(tokens.GUEST)).toEqual(SEED_CATEGORIES);
    expect((await productsPage(request, { first: 100 }, tokens.ADMIN)).totalCount).toBe(page.totalCount);

    const perCategory = await Promise.all(SEED_CATEGORIES.map(async (category) => (await productsPage(request, { category, first: 100 })).totalCount));
    expect(perCategory.every((count) => count >= 1)).toBe(true);
    expect(perCategory.reduce((a, b) => a + b, 0)).toBe(page.totalCount);
  });

  it('has well-formed SKUs, prices, images, tags and brands on every product', async () => {
    const [page] = await listAll({}, tokens.ADMIN);
    for (const product of page.nodes) {
      expect(product.sku).toMatch(/^[A-Z0-9-]{3,24}$/);
      expect(product.name.trim()).toBe(product.name);
      expect(product.description.length).toBeGreaterThan(0);
      expect(product.brand).toBeTruthy();
      expect(product.tags.length).toBeGreaterThan(0);
      expect(product.price.cents).toBeGreaterThan(0);
      expect(product.price.currency).toBe('USD');
      expect(product.price.formatted).toBe(`$${(product.price.cents / 100).toFixed(2)}`);
      expect(product.images.length).toBeGreaterThan(0);
      for (const image of product.images) {
        expect(image.url).toMatch(/^https:\/\//);
        expect(image.altText.length).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    ['DOG-BOWL-001', 'Dogs'],
    ['CAT-TREE-5FT', 'Cats'],
    ['FISH-TANK-20G', 'Fish'],
  ])('lists %s under %s', async (sku, category) => {
    const [page] = await listAll({ category });
    expect(page.nodes.map((p) => p.sku)).toContain(sku);
    expect((await readProduct(sku)).category).toBe(category);
  });

  it('includes products that are coming soon or out of season, which shoppers may see', async () => {
    expect((await productsPage(request, { status: 'COMING_SOON' }, tokens.GUEST)).totalCount).toBeGreaterThanOrEqual(1);
    expect((await productsPage(request, { status: 'OUT_OF_SEASON' }, tokens.GUEST)).totalCount).toBeGreaterThanOrEqual(1);
  });
});

describe('cursor pagination', () => {
  it('gives 20 products per page by default', async () => {
    const page = await productsPage(request, {});
    expect(page.nodes).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.pageInfo.endCursor).toEqual(expect.any(String));
    expect(page.totalCount).toBeGreaterThan(20);
  });

  it('serves up to 100 products on one page', async () => {
    const extra = uniqueCategory('Bulk');
    for (let i = 0; i < 80; i += 1) await createProduct({ category: extra, name: `Bulk Item ${String(i).padStart(2, '0')}` });
    const page = await productsPage(request, { first: 100 });
    expect(page.nodes).toHaveLength(100);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.totalCount).toBeGreaterThan(100);
  });

  it.each([101, 1000, 0, -1])('refuses first: %d with BAD_USER_INPUT naming the 1-100 limit', async (first) => {
    const res = await request(PRODUCTS_PAGE, { first });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(['first']);
    expect(res.errors![0].message).toContain('100');
    expect(res.data?.products ?? null).toBeNull();
  });

  it.each([1, 7, 20, 100])('chains pages of %d over the whole catalogue with no duplicates or gaps', async (first) => {
    // the reference: every product, read by staff in pages of 100 (nothing is discontinued yet)
    const reference = skusOf(await allPages(request, { first: 100 }, tokens.ADMIN));
    const pages = await allPages(request, { first }, tokens.GUEST);
    const skus = skusOf(pages);

    expect(skus).toEqual(reference);
    expect(new Set(skus).size).toBe(skus.length);
    for (const page of pages) expect(page.totalCount).toBe(skus.length);
    for (const page of pages.slice(0, -1)) expect(page.nodes).toHaveLength(first);
    expect(pages.at(-1)!.nodes.length).toBeGreaterThan(0);
    expect(pages.at(-1)!.nodes.length).toBeLessThanOrEqual(first);
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
  });

  it('lists by name, then by SKU when names are equal, across page boundaries', async () => {
    const category = uniqueCategory('Ordering');
    const names = ['Zebra Finch Seed', 'Aquarium Gravel', 'Mouse Wheel', 'Aquarium Gravel', 'Aquarium Gravel', 'Bird Bath', 'Aquarium Gravel'];
    const created = [];
    for (const name of names) created.push(await createProduct({ category, name }));
    const expected = [...created].sort((a, b) => (a.name === b.name ? (a.sku < b.sku ? -1 : 1) : a.name < b.name ? -1 : 1)).map((p) => p.sku);

    for (const first of [1, 2, 3]) {
      const pages = await allPages(request, { category, first });
      expect(skusOf(pages)).toEqual(expected);
      expect(pages[0].totalCount).toBe(names.length);
    }
  });

  it('does not repeat or skip products when one is added to an earlier page between requests', async () => {
    const category = uniqueCategory('Moving');
    for (const name of ['Beta', 'Delta', 'Foxtrot', 'Hotel']) await createProduct({ category, name });
    const first = await productsPage(request, { category, first: 2 });
    expect(first.nodes.map((p) => p.name)).toEqual(['Beta', 'Delta']);
    await createProduct({ category, name: 'Alpha' });
    const second = await productsPage(request, { category, first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((p) => p.name)).toEqual(['Foxtrot', 'Hotel']);
    expect(second.totalCount).toBe(5);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('answers an empty last page for a cursor past the end', async () => {
    const category = uniqueCategory('Single');
    await createProduct({ category });
    const only = await productsPage(request, { category, first: 1 });
    expect(only.pageInfo.hasNextPage).toBe(false);
    const past = await productsPage(request, { category, first: 1, after: only.pageInfo.endCursor });
    expect(past).toEqual({ totalCount: 1, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  const searchCursor = Buffer.from(JSON.stringify([1, 'r', 0.5, 'DOG-BOWL-001'])).toString('base64url');
  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 that is not JSON', Buffer.from('hello').toString('base64url')],
    ['JSON of the wrong shape', Buffer.from(JSON.stringify({ name: 'a', sku: 'b' })).toString('base64url')],
    ['an unknown cursor version', Buffer.from(JSON.stringify([9, 'n', 'a', 'b'])).toString('base64url')],
    ['a search cursor', searchCursor],
    ['an empty string', ''],
    ['a huge string', 'A'.repeat(5000)],
  ])('refuses a malformed cursor (%s) with BAD_USER_INPUT naming `after`', async (_case, after) => {
    const res = await request(PRODUCTS_PAGE, { after });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(['after']);
  });
});

describe('filters', () => {
  let category: string;
  let otherCategory: string;
  const skus: Record<string, string> = {};

  beforeAll(async () => {
    category = uniqueCategory('Filter');
    otherCategory = uniqueCategory('Filter other');
    skus.active = (await createProduct({ category, name: 'Filter Active' })).sku;
    skus.comingSoon = (await createProduct({ category, name: 'Filter Coming Soon', status: 'COMING_SOON' })).sku;
    skus.outOfSeason = (await createProduct({ category, name: 'Filter Out Of Season', status: 'OUT_OF_SEASON' })).sku;
    skus.discontinued = (await createProduct({ category, name: 'Filter Discontinued' })).sku;
    await discontinue(skus.discontinued);
    skus.other = (await createProduct({ category: otherCategory, name: 'Filter Elsewhere' })).sku;
  });

  it('lists only the products of the category asked for, with the right totalCount', async () => {
    const page = await productsPage(request, { category }, tokens.GUEST);
    expect(page.nodes.map((p) => p.sku)).toEqual([skus.active, skus.comingSoon, skus.outOfSeason]);
    expect(page.totalCount).toBe(3);
    expect(page.nodes.every((p) => p.category === category)).toBe(true);
  });

  it('lists nothing for a category nobody uses', async () => {
    expect(await productsPage(request, { category: uniqueCategory('Nowhere') })).toEqual({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it.each([
    ['ACTIVE', 'active'],
    ['COMING_SOON', 'comingSoon'],
    ['OUT_OF_SEASON', 'outOfSeason'],
  ])('combines category with status %s', async (status, key) => {
    const page = await productsPage(request, { category, status }, tokens.CUSTOMER);
    expect(page.nodes.map((p) => p.sku)).toEqual([skus[key]]);
    expect(page.totalCount).toBe(1);
  });

  it('filters the whole catalogue by status', async () => {
    const pages = await allPages(request, { status: 'COMING_SOON', first: 100 });
    const nodes = pages.flatMap((p) => p.nodes);
    expect(nodes.every((p) => p.status === 'COMING_SOON')).toBe(true);
    expect(nodes.map((p) => p.sku)).toContain(skus.comingSoon);
    expect(pages[0].totalCount).toBe(nodes.length);
  });

  describe.each(SHOPPERS)('for %s', (_who, role) => {
    it('never lists a DISCONTINUED product: not in the catalogue, the category, or by asking for the status', async () => {
      const token = tokenOf(role);
      expect(skusOf(await allPages(request, { first: 100 }, token))).not.toContain(skus.discontinued);
      expect(skusOf(await allPages(request, { category, first: 100 }, token))).not.toContain(skus.discontinued);
      expect(await productsPage(request, { status: 'DISCONTINUED' }, token)).toEqual({
        totalCount: 0,
        nodes: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
      expect(await productsPage(request, { category, status: 'DISCONTINUED' }, token)).toMatchObject({ totalCount: 0, nodes: [] });
    });

    it('leaves out of `categories` a category whose products are all DISCONTINUED', async () => {
      const lonely = uniqueCategory('Discontinued only');
      const { sku } = await createProduct({ category: lonely });
      expect(await categories(tokenOf(role))).toContain(lonely);
      await discontinue(sku);
      const seen = await categories(tokenOf(role));
      expect(seen).not.toContain(lonely);
      expect(seen).toContain(category);
      expect(seen).toEqual([...seen].sort());
    });
  });

  describe.each(STAFF)('for %s', (role) => {
    it('lists DISCONTINUED products when asked for that status', async () => {
      const page = await productsPage(request, { category, status: 'DISCONTINUED' }, tokens[role]);
      expect(page.nodes.map((p) => ({ sku: p.sku, status: p.status }))).toEqual([{ sku: skus.discontinued, status: 'DISCONTINUED' }]);
      expect(page.totalCount).toBe(1);
      const all = await allPages(request, { status: 'DISCONTINUED', first: 100 }, tokens[role]);
      expect(all.flatMap((p) => p.nodes).every((p) => p.status === 'DISCONTINUED')).toBe(true);
    });

    it('sees DISCONTINUED products in the category and their categories in `categories`', async () => {
      const page = await productsPage(request, { category }, tokens[role]);
      expect(page.nodes.map((p) => p.sku)).toEqual([skus.active, skus.comingSoon, skus.discontinued, skus.outOfSeason]);
      const lonely = uniqueCategory('Staff discontinued');
      const { sku } = await createProduct({ category: lonely });
      await discontinue(sku);
      expect(await categories(tokens[role])).toContain(lonely);
    });
  });
});

describe('product field rules', () => {
  async function expectNotListed(sku: string) {
    expect(await readProduct(sku)).toBeNull();
    expect(skusOf(await allPages(request, { first: 100 }, tokens.ADMIN))).not.toContain(sku);
  }

  it.each<[string, Partial<ProductInput>, string[]]>([
    ['a 25-character SKU', { sku: `SKU-${'X'.repeat(21)}` }, ['sku']],
    ['a SKU with a space', { sku: 'DOG BOWL' }, ['sku']],
    ['a SKU with a non-ASCII letter', { sku: 'DOG-BÖWL' }, ['sku']],
    ['an empty name', { name: '' }, ['name']],
    ['a name of 101 characters after trimming', { name: ` ${'n'.repeat(101)} ` }, ['name']],
    ['a category of only spaces', { category: '   ' }, ['category']],
    ['a 51-character category', { category: 'c'.repeat(51) }, ['category']],
    ['an empty tag', { tags: ['ok', '  '] }, ['tags[1]']],
    ['an image with an empty URL', { images: [{ url: '', altText: 'A bowl' }] }, ['images[0].url']],
    ['an image whose alt text is only spaces', { images: [{ url: 'https://images.example.test/a.jpg', altText: '   ' }] }, ['images[0].altText']],
    [
      'a second image without alt text',
      {
        images: [
          { url: 'https://images.example.test/a.jpg', altText: 'Front' },
          { url: 'https://images.example.test/b.jpg', altText: '' },
        ],
      },
      ['images[1].altText'],
    ],
  ])('createProduct refuses %s with BAD_USER_INPUT naming the field, creating nothing', async (_case, override, fields) => {
    const sku = override.sku ?? uniqueSku();
    const res = await request(CREATE, { input: productInput({ ...override, sku }) }, tokens.CATALOG_MANAGER);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
    if (/^[A-Z0-9-]{3,24}$/.test(sku)) await expectNotListed(sku);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an image without alt text', { images: [{ url: 'https://images.example.test/a.jpg' }] }],
    ['an image without a URL', { images: [{ altText: 'A bowl' }] }],
    ['a price without cents', { price: { currency: 'USD' } }],
    ['a null name', { name: null }],
  ])('createProduct refuses %s before it reaches the catalogue (BAD_USER_INPUT)', async (_case, override) => {
    const sku = uniqueSku();
    const res = await request(CREATE, { input: { ...productInput({ sku }), ...override } }, tokens.CATALOG_MANAGER);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    await expectNotListed(sku);
  });

  it.each<[string, Partial<ProductInput>, Record<string, unknown>]>([
    ['3 characters', { sku: `Z${randomBytes(1).toString('hex').toUpperCase()}` }, {}],
    ['24 characters', { sku: `MAX-${randomBytes(10).toString('hex').toUpperCase()}` }, {}],
    ['a name of 100 characters once trimmed', { name: `  ${'n'.repeat(100)}  ` }, { name: 'n'.repeat(100) }],
    ['a 2000-character description', { description: 'd'.repeat(2000) }, { description: 'd'.repeat(2000) }],
    ['an empty description', { description: '' }, { description: '' }],
    ['a 50-character category', { category: 'c'.repeat(50) }, { category: 'c'.repeat(50) }],
    ['a 100-character brand', { brand: 'b'.repeat(100) }, { brand: 'b'.repeat(100) }],
    ['no brand', { brand: null }, { brand: null }],
    ['a blank brand (treated as none)', { brand: '   ' }, { brand: null }],
    ['a 50-character tag', { tags: ['t'.repeat(50)] }, { tags: ['t'.repeat(50)] }],
    ['no tags or images', { tags: [], images: [] }, { tags: [], images: [] }],
    ['a price of 1 cent', { price: { cents: 1 } }, { price: { cents: 1, currency: 'USD', formatted: '$0.01' } }],
  ])('createProduct accepts a product at the limit: %s', async (_case, override, expected) => {
    const input = productInput(override);
    const res = await request(CREATE, { input }, tokens.CATALOG_MANAGER);
    expect(res.errors).toBeUndefined();
    expect(res.data.createProduct).toMatchObject({ sku: input.sku, ...expected });
    expect(await readProduct(input.sku)).toEqual(res.data.createProduct);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an empty name', { name: '' }, ['name']],
    ['a null name', { name: null }, ['name']],
    ['a 101-character name', { name: 'n'.repeat(101) }, ['name']],
    ['a 2001-character description', { description: 'd'.repeat(2001) }, ['description']],
    ['a null description', { description: null }, ['description']],
    ['an empty category', { category: '' }, ['category']],
    ['a 101-character brand', { brand: 'b'.repeat(101) }, ['brand']],
    ['a 51-character tag', { tags: ['fine', 't'.repeat(51)] }, ['tags[1]']],
    ['an empty tag', { tags: [''] }, ['tags[0]']],
    ['null tags', { tags: null }, ['tags']],
    ['an image without alt text', { images: [{ url: 'https://images.example.test/a.jpg', altText: '' }] }, ['images[0].altText']],
    ['an image with an empty URL', { images: [{ url: ' ', altText: 'Front' }] }, ['images[0].url']],
    ['null images', { images: null }, ['images']],
    ['several problems at once', { name: '', description: 'd'.repeat(2001), tags: ['t'.repeat(51)] }, ['description', 'name', 'tags[0]']],
  ])('updateProduct refuses %s with BAD_USER_INPUT naming the field and changes nothing', async (_case, input, fields) => {
    const { sku } = await createProduct({ brand: 'Keepco' });
    const before = await readProduct(sku);
    const res = await request(UPDATE, { sku, input }, tokens.CATALOG_MANAGER);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
    expect(await readProduct(sku)).toEqual(before);
    const listed = (await productsPage(request, { category: before.category, first: 100 })).nodes.find((p) => p.sku === sku);
    expect(listed).toEqual(before);
  });

  it('updateProduct trims, keeps the limits inclusive, and shows the change in lists', async () => {
    const category = uniqueCategory('Updated');
    const { sku } = await createProduct();
    const res = await request(
      UPDATE,
      { sku, input: { name: `  ${'N'.repeat(100)} `, description: 'd'.repeat(2000), category, brand: 'b'.repeat(100), tags: ['t'.repeat(50)] } },
      tokens.CATALOG_MANAGER,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateProduct).toMatchObject({ name: 'N'.repeat(100), category, brand: 'b'.repeat(100), tags: ['t'.repeat(50)] });
    const page = await productsPage(request, { category });
    expect(page.nodes).toEqual([res.data.updateProduct]);
  });
});
