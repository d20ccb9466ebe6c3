import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { allPages, errorCode, errorFields, PRODUCT_FIELDS, PRODUCTS_PAGE, productInput, productsPage, skusOf, type ProductInput } from './support.js';

/**
 * `products(search: …)` through the gateway: full-text over name, description, brand and tags,
 * best match first, prefix matching while typing, hostile input, filters and paging of results.
 */

const CREATE = /* GraphQL */ `
  mutation CatalogSearchCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      ...CatalogTestProduct
    }
  }
  ${PRODUCT_FIELDS}
`;
const CHANGE_STATUS = /* GraphQL */ `
  mutation CatalogSearchChangeProductStatus($sku: ID!, $status: ProductStatus!) {
    changeProductStatus(sku: $sku, status: $status) {
      sku
      status
    }
  }
`;

let stack: Stack;
const tokens = {} as Record<Role, string>;
const request = (query: string, variables?: Record<string, unknown>, token?: string) => stack.request(query, variables, token);

beforeAll(async () => {
  stack = await startStack([catalogSubgraph]);
  for (const role of ['GUEST', 'CUSTOMER', 'CATALOG_MANAGER', 'ADMIN'] as const) tokens[role] = await stack.tokenFor(role);
});

afterAll(async () => {
  await stack?.stop();
});

/** Neutral text for fields a test does not care about: no word in it is searched for below. */
const neutral = (overrides: Partial<ProductInput>): Partial<ProductInput> => ({
  name: 'Plain Item',
  description: 'Nothing remarkable.',
  brand: 'Plainco',
  tags: ['plain'],
  images: [{ url: 'https://images.example.test/plain.jpg', altText: 'Plain item' }],
  ...overrides,
});

async function createProduct(overrides: Partial<ProductInput>) {
  const res = await request(CREATE, { input: productInput(neutral(overrides)) }, tokens.CATALOG_MANAGER);
  expect(res.errors).toBeUndefined();
  return res.data.createProduct as { sku: string; name: string };
}

async function setStatus(sku: string, status: string) {
  expect((await request(CHANGE_STATUS, { sku, status }, tokens.CATALOG_MANAGER)).errors).toBeUndefined();
}

/** Every SKU a search finds, best match first (all pages). */
const search = async (text: string, token?: string, extra: Record<string, unknown> = {}) =>
  skusOf(await allPages(request, { search: text, first: 100, ...extra }, token));

/** A made-up word that appears in no product unless a test puts it there. */
const nonce = (label: string) => `${label}${randomBytes(3).toString('hex').replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)])}`;

describe('what a search looks at', () => {
  const bowls: Record<'name' | 'description' | 'brand' | 'tags', string> = { name: '', description: '', brand: '', tags: '' };

  beforeAll(async () => {
    bowls.name = (await createProduct({ name: 'Ceramic Feeding Bowl' })).sku;
    bowls.description = (await createProduct({ name: 'Raised Feeder Stand', description: 'Holds a bowl at elbow height for tall dogs.' })).sku;
    bowls.brand = (await createProduct({ name: 'Kibble Dispenser', brand: 'Bowl Brothers' })).sku;
    bowls.tags = (await createProduct({ name: 'Slow Feeder Mat', tags: ['puzzle', 'bowl'] })).sku;
  });

  it('finds the seeded bowl and a product whose only mention of "bowl" is in its name, description, brand or tags', async () => {
    const found = await search('bowl', tokens.GUEST);
    expect(found).toContain('DOG-BOWL-001');
    for (const sku of Object.values(bowls)) expect(found).toContain(sku);
    expect(found).toHaveLength(5);
  });

  it('returns whole products with their details', async () => {
    const page = await productsPage(request, { search: 'stainless steel bowl' });
    expect(page.nodes).toEqual([
      expect.objectContaining({ sku: 'DOG-BOWL-001', name: 'Stainless Steel Dog Bowl', category: 'Dogs', price: expect.objectContaining({ formatted: '$12.99' }) }),
    ]);
    expect(page.totalCount).toBe(1);
  });

  it('does not search SKUs, categories or image alt texts', async () => {
    const word = nonce('hidden');
    await createProduct({ category: `Cat ${word}`, images: [{ url: 'https://images.example.test/x.jpg', altText: `A ${word}` }] });
    expect(await search(word)).toEqual([]);
  });

  it('ranks a product named after the word above one that only mentions it in its description', async () => {
    const word = nonce('zorb');
    // created description-first so creation order cannot explain the ranking
    const described = await createProduct({ name: 'Plain Item', description: `A ${word} ${word} that mentions ${word} often.` });
    const tagged = await createProduct({ tags: [word] });
    const named = await createProduct({ name: `The ${word}` });
    const found = await search(word);
    expect(found).toEqual([named.sku, tagged.sku, described.sku]);
    expect(found.indexOf('DOG-BOWL-001')).toBe(-1);
    // the same for the seeded bowl: its name says "bowl", the feeder stand's description does
    const bowlResults = await search('bowl');
    expect(bowlResults.indexOf('DOG-BOWL-001')).toBeLessThan(bowlResults.indexOf(bowls.description));
    expect(bowlResults.indexOf(bowls.name)).toBeLessThan(bowlResults.indexOf(bowls.description));
  });

  it('ignores case and finds inflected forms of a word', async () => {
    expect(await search('BOWL')).toEqual(await search('bowl'));
    expect(await search('bowls')).toContain('DOG-BOWL-001');
    expect(await search('leashes')).toContain('DOG-LEASH-6FT');
  });
});

describe('type-ahead', () => {
  it('finds "bowl" from "bo" and "bow"', async () => {
    expect(await search('bo')).toContain('DOG-BOWL-001');
    expect(await search('bow')).toContain('DOG-BOWL-001');
  });

  // every prefix a shopper types on the way to a word must keep the product in the results
  it.each([
    ['DOG-BED-ORTHO-L', 'Orthopedic Memory Foam Dog Bed'],
    ['CAT-TREE-5FT', 'Multi-Level Cat Tree'],
    ['FISH-HEATER-100W', 'Submersible Aquarium Heater'],
    ['DOG-LEASH-6FT', 'Reflective Nylon Dog Leash'],
    ['DOG-TOY-ROPE', 'Braided Cotton Rope Tug Toy'],
    ['CAT-LITTER-CLMP', 'Unscented Clumping Cat Litter'],
  ])('keeps %s in the results for every prefix of "%s"', async (sku, name) => {
    const misses: string[] = [];
    for (const word of name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)) {
      for (let length = 2; length <= word.length; length += 1) {
        const prefix = word.slice(0, length);
        if (!(await search(prefix)).includes(sku)) misses.push(prefix);
      }
    }
    expect(misses).toEqual([]);
  });

  it('treats only the words being typed as prefixes of one product, word by word', async () => {
    for (const typed of ['st', 'stainless st', 'stainless steel do', 'stainless steel dog bo']) {
      expect(await search(typed)).toContain('DOG-BOWL-001');
    }
    for (const typed of ['memory fo', 'memory foam do', 'memory foam dog be', 'memory foam dog bed']) {
      expect(await search(typed)).toEqual(['DOG-BED-ORTHO-L']);
    }
  });
});

describe('several words', () => {
  it('needs every word to match, in any field and any order', async () => {
    expect(await search('steel bowl')).toEqual(['DOG-BOWL-001']);
    expect(await search('bowl steel')).toEqual(['DOG-BOWL-001']);
    // brand + name + tag
    expect(await search('pawplate bowl dishwasher')).toEqual(['DOG-BOWL-001']);
    expect(await search('bowl aquarium')).toEqual([]);
  });

  it('ignores little words such as "for" and "the" between real ones', async () => {
    expect(await search('bowl for the dog')).toContain('DOG-BOWL-001');
    expect(await search('food for dogs')).toContain('DOG-FOOD-CHK-30');
  });

  it('ignores repeated words and extra spaces', async () => {
    expect(await search('  steel   steel  BOWL  ')).toEqual(['DOG-BOWL-001']);
  });
});

describe('hostile or odd input', () => {
  it.each([
    `"&|!:*()'`,
    'bowl:*',
    '!bowl',
    'bowl | cat',
    'bowl & !cat',
    'bowl <-> dog',
    "'; drop table catalog.product; --",
    "' or 1=1 --",
    '\\',
    '%_',
    '$1',
    '?',
    'NULL',
    '(((((',
    '🐶🐱',
    'ä ö ü ß',
    '日本語',
    'a'.repeat(200),
    'x '.repeat(100),
  ])('answers %j without an error', async (text) => {
    const res = await request(PRODUCTS_PAGE, { search: text, first: 100 });
    expect(res.errors).toBeUndefined();
    const page = res.data.products;
    expect(page.totalCount).toBe(page.nodes.length);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a NUL character as BAD_USER_INPUT naming the field, like every text input', async () => {
    const res = await request(PRODUCTS_PAGE, { search: '\u0000', first: 100 });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors?.[0]?.extensions)).toContain('search');
  });

  it('keeps the words of a query full of operators', async () => {
    expect(await search('bowl:*')).toContain('DOG-BOWL-001');
    expect(await search('(steel) & !bowl')).toEqual(['DOG-BOWL-001']);
    expect(await search('"stainless-steel"')).toEqual(['DOG-BOWL-001']);
  });

  it('finds nothing for punctuation alone', async () => {
    expect(await productsPage(request, { search: `"&|!:*()'` })).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('leaves the catalogue intact after an injection attempt', async () => {
    await search("'; drop table catalog.product; --");
    expect(await search('bowl')).toContain('DOG-BOWL-001');
  });

  it.each([
    ['an empty search', ''],
    ['a blank search', '   '],
    ['no search', null],
  ])('treats %s as the plain listing', async (_case, text) => {
    const listing = await allPages(request, { first: 100 });
    const searched = await allPages(request, { search: text, first: 100 });
    expect(skusOf(searched)).toEqual(skusOf(listing));
    expect(searched[0].totalCount).toBe(listing[0].totalCount);
  });

  it('refuses a search longer than 200 characters with BAD_USER_INPUT naming `search`', async () => {
    const res = await request(PRODUCTS_PAGE, { search: 'a'.repeat(201) });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(['search']);
  });
});

describe('search with filters and statuses', () => {
  let word: string;
  const skus: Record<string, string> = {};

  beforeAll(async () => {
    word = nonce('quib');
    skus.dogs = (await createProduct({ name: `Dog ${word}`, category: 'Dogs' })).sku;
    skus.cats = (await createProduct({ name: `Cat ${word}`, category: 'Cats' })).sku;
    skus.comingSoon = (await createProduct({ name: `Soon ${word}`, category: 'Cats', status: 'COMING_SOON' })).sku;
    skus.discontinued = (await createProduct({ name: `Gone ${word}`, category: 'Cats' })).sku;
    await setStatus(skus.discontinued, 'DISCONTINUED');
  });

  it('combines search with a category', async () => {
    expect(await search(word, undefined, { category: 'Dogs' })).toEqual([skus.dogs]);
    expect(await search('bowl', undefined, { category: 'Dogs' })).toEqual(['DOG-BOWL-001']);
    expect(await search('bowl', undefined, { category: 'Fish' })).toEqual([]);
  });

  it('combines search with a status and with both', async () => {
    expect(await search(word, undefined, { status: 'COMING_SOON' })).toEqual([skus.comingSoon]);
    expect(await search(word, undefined, { status: 'ACTIVE', category: 'Cats' })).toEqual([skus.cats]);
    const page = await productsPage(request, { search: word, category: 'Cats' });
    expect(page.totalCount).toBe(2);
  });

  it.each([
    ['an anonymous caller', undefined],
    ['a guest', 'GUEST'],
    ['a customer', 'CUSTOMER'],
  ] as const)('never shows %s a DISCONTINUED product in search results', async (_who, role) => {
    const token = role ? tokens[role] : undefined;
    expect(new Set(await search(word, token))).toEqual(new Set([skus.dogs, skus.cats, skus.comingSoon]));
    expect(await search(word, token, { status: 'DISCONTINUED' })).toEqual([]);
    expect((await productsPage(request, { search: word }, token)).totalCount).toBe(3);
  });

  it('shows staff DISCONTINUED search results, and only those when they ask for that status', async () => {
    expect(new Set(await search(word, tokens.CATALOG_MANAGER))).toEqual(new Set(Object.values(skus)));
    expect(await search(word, tokens.ADMIN, { status: 'DISCONTINUED' })).toEqual([skus.discontinued]);
  });
});

describe('paging through search results', () => {
  let word: string;
  let expected: string[];

  beforeAll(async () => {
    word = nonce('pagy');
    const created: { sku: string; where: string }[] = [];
    // equal ranks in runs (same field, same text) so page boundaries fall inside ties
    for (let i = 0; i < 9; i += 1) created.push({ sku: (await createProduct({ name: `Tidy ${word}` })).sku, where: 'name' });
    for (let i = 0; i < 9; i += 1) created.push({ sku: (await createProduct({ tags: [word] })).sku, where: 'tags' });
    for (let i = 0; i < 9; i += 1) {
      created.push({ sku: (await createProduct({ description: `Goes with a ${word}${i % 3 ? '' : ` and another ${word}`}.` })).sku, where: 'description' });
    }
    expected = created.map((c) => c.sku);
  });

  it('gives 20 results per page by default and counts them all', async () => {
    const page = await productsPage(request, { search: word });
    expect(page.nodes).toHaveLength(20);
    expect(page.totalCount).toBe(27);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it.each([1, 2, 4, 5, 13, 27, 100])('chains pages of %d in one stable best-first order, no duplicates or gaps', async (first) => {
    const reference = await search(word);
    const pages = await allPages(request, { search: word, first });
    const skus = skusOf(pages);

    expect(skus).toEqual(reference);
    expect(new Set(skus)).toEqual(new Set(expected));
    expect(skus).toHaveLength(27);
    for (const page of pages) expect(page.totalCount).toBe(27);
    for (const page of pages.slice(0, -1)) expect(page.nodes).toHaveLength(first);
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    // best first: every name match, then every tag match, then the description matches
    const rankOfField = (sku: string) => Math.floor(expected.indexOf(sku) / 9);
    expect(skus.map(rankOfField)).toEqual([...skus.map(rankOfField)].sort());
  });

  it('pages a multi-word search too', async () => {
    const pages = await allPages(request, { search: `${word} tidy`, first: 4 });
    expect(skusOf(pages)).toHaveLength(9);
    expect(new Set(skusOf(pages))).toEqual(new Set(expected.slice(0, 9)));
  });

  it('refuses a browse cursor or a malformed cursor on a search with BAD_USER_INPUT naming `after`', async () => {
    const browse = await productsPage(request, { first: 1 });
    for (const after of [browse.pageInfo.endCursor, 'garbage!', Buffer.from('[1,"r","high","X"]').toString('base64url')]) {
      const res = await request(PRODUCTS_PAGE, { search: word, after });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(errorFields(res)).toEqual(['after']);
    }
    const searchPage = await productsPage(request, { search: word, first: 1 });
    const res = await request(PRODUCTS_PAGE, { after: searchPage.pageInfo.endCursor });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(['after']);
  });

  it('answers no results with an empty page', async () => {
    expect(await productsPage(request, { search: nonce('nothing') })).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
