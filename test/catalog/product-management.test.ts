import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { errorCode, errorFields, OutboxReader, PRODUCT_FIELDS, productInput, uniqueSku, type ProductInput } from './support.js';

/** Catalog staff operations, driven through the gateway as a back-office client would. */

const CREATE = /* GraphQL */ `
  mutation CatalogTestCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      ...CatalogTestProduct
    }
  }
  ${PRODUCT_FIELDS}
`;
const UPDATE = /* GraphQL */ `
  mutation CatalogTestUpdateProduct($sku: ID!, $input: UpdateProductInput!) {
    updateProduct(sku: $sku, input: $input) {
      ...CatalogTestProduct
    }
  }
  ${PRODUCT_FIELDS}
`;
const CHANGE_PRICE = /* GraphQL */ `
  mutation CatalogTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {
    changeProductPrice(sku: $sku, price: $price) {
      ...CatalogTestProduct
    }
  }
  ${PRODUCT_FIELDS}
`;
const CHANGE_STATUS = /* GraphQL */ `
  mutation CatalogTestChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {
    changeProductStatus(sku: $sku, status: $status, reason: $reason) {
      ...CatalogTestProduct
    }
  }
  ${PRODUCT_FIELDS}
`;
const PRODUCT = /* GraphQL */ `
  query CatalogTestProduct($sku: ID!) {
    product(sku: $sku) {
      ...CatalogTestProduct
    }
  }
  ${PRODUCT_FIELDS}
`;

let stack: Stack;
let outbox: OutboxReader;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  stack = await startStack([catalogSubgraph]);
  outbox = new OutboxReader(stack.env.databaseUrl);
  await outbox.connect();
  for (const role of ['GUEST', 'CUSTOMER', 'CUSTOMER_SERVICE', 'WAREHOUSE', 'CATALOG_MANAGER', 'ADMIN'] as const) tokens[role] = await stack.tokenFor(role);
});

afterAll(async () => {
  await outbox?.close();
  await stack?.stop();
});

const asManager = (query: string, variables: Record<string, unknown>) => stack.request(query, variables, tokens.CATALOG_MANAGER);
const asAdmin = (query: string, variables: Record<string, unknown>) => stack.request(query, variables, tokens.ADMIN);

async function createProduct(overrides: Partial<ProductInput> = {}) {
  const res = await asManager(CREATE, { input: productInput(overrides) });
  expect(res.errors).toBeUndefined();
  return res.data.createProduct as { sku: string; name: string; status: string; price: { cents: number } };
}

async function readProduct(sku: string) {
  const res = await stack.request(PRODUCT, { sku });
  expect(res.errors).toBeUndefined();
  return res.data.product;
}

describe('who may change the catalogue', () => {
  const mutations: [string, (sku: string) => [string, Record<string, unknown>]][] = [
    ['createProduct', () => [CREATE, { input: productInput() }]],
    ['updateProduct', (sku) => [UPDATE, { sku, input: { name: 'Renamed by an intruder' } }]],
    ['changeProductPrice', (sku) => [CHANGE_PRICE, { sku, price: { cents: 1 } }]],
    ['changeProductStatus', (sku) => [CHANGE_STATUS, { sku, status: 'OUT_OF_SEASON' }]],
  ];
  const refusals: [string, Role | null, string][] = [
    ['an anonymous caller', null, 'UNAUTHENTICATED'],
    ['a guest', 'GUEST', 'FORBIDDEN'],
    ['a customer', 'CUSTOMER', 'FORBIDDEN'],
    ['customer service', 'CUSTOMER_SERVICE', 'FORBIDDEN'],
    ['warehouse staff', 'WAREHOUSE', 'FORBIDDEN'],
  ];
  const cases = mutations.flatMap(([mutation, build]) => refusals.map(([who, role, code]) => [mutation, who, code, role, build] as const));

  it.each(cases)('refuses %s by %s with %s and changes nothing', async (_mutation, _who, code, role, build) => {
    const product = await createProduct();
    const before = await readProduct(product.sku);
    const eventsBefore = await outbox.eventsFor(product.sku);
    const [query, variables] = build(product.sku);

    const res = await stack.request(query, variables, role ? tokens[role] : undefined);

    expect(errorCode(res)).toBe(code);
    expect(await readProduct(product.sku)).toEqual(before);
    expect(await outbox.eventsFor(product.sku)).toEqual(eventsBefore);
    if ('input' in variables && (variables.input as ProductInput).sku) expect(await readProduct((variables.input as ProductInput).sku)).toBeNull();
  });

  it.each([
    ['a catalog manager', 'CATALOG_MANAGER'],
    ['an admin', 'ADMIN'],
  ] as const)('lets %s run every catalogue mutation', async (_who, role) => {
    const input = productInput();
    const token = tokens[role];
    expect((await stack.request(CREATE, { input }, token)).errors).toBeUndefined();
    expect((await stack.request(UPDATE, { sku: input.sku, input: { name: 'Renamed' } }, token)).errors).toBeUndefined();
    expect((await stack.request(CHANGE_PRICE, { sku: input.sku, price: { cents: 777 } }, token)).errors).toBeUndefined();
    expect((await stack.request(CHANGE_STATUS, { sku: input.sku, status: 'COMING_SOON' }, token)).errors).toBeUndefined();
  });
});

describe('createProduct', () => {
  it('creates an ACTIVE product with an upper-cased SKU and records ProductCreated with the full product', async () => {
    const sku = uniqueSku();
    const res = await asManager(CREATE, {
      input: productInput({ sku: sku.toLowerCase(), name: '  Bamboo Litter Scoop  ', tags: ['scoop', ' Scoop ', 'bamboo'], price: { cents: 1299 } }),
    });

    expect(res.errors).toBeUndefined();
    expect(res.data.createProduct).toMatchObject({
      sku,
      name: 'Bamboo Litter Scoop',
      tags: ['scoop', 'bamboo'],
      status: 'ACTIVE',
      price: { cents: 1299, currency: 'USD', formatted: '$12.99' },
    });
    const events = await outbox.eventsFor(sku);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('ProductCreated');
    expect(events[0].subject).toBe(`${stack.env.namespace}.catalog.product-created.v1`);
    expect(events[0].payload).toMatchObject({ sku, name: 'Bamboo Litter Scoop', category: 'Test Supplies', price: { cents: 1299, currency: 'USD' }, status: 'ACTIVE' });
  });

  it('refuses a SKU that exists already, whatever its case, with CONFLICT', async () => {
    const product = await createProduct();
    const res = await asManager(CREATE, { input: productInput({ sku: product.sku.toLowerCase(), name: 'Impostor' }) });
    expect(errorCode(res)).toBe('CONFLICT');
    expect((await readProduct(product.sku)).name).toBe(product.name);
    expect(await outbox.eventsFor(product.sku)).toHaveLength(1);
  });

  it.each<[string, Partial<ProductInput>, string[]]>([
    ['a two-character SKU', { sku: 'AB' }, ['sku']],
    ['a SKU with punctuation', { sku: 'DOG_BOWL!' }, ['sku']],
    ['a blank name', { name: '   ' }, ['name']],
    ['a 101-character name', { name: 'x'.repeat(101) }, ['name']],
    ['a 2001-character description', { description: 'x'.repeat(2001) }, ['description']],
    ['an empty category', { category: '' }, ['category']],
    ['a 101-character brand', { brand: 'x'.repeat(101) }, ['brand']],
    ['a 51-character tag', { tags: ['x'.repeat(51)] }, ['tags[0]']],
    ['an image without alt text', { images: [{ url: 'https://images.example.test/a.jpg', altText: '' }] }, ['images[0].altText']],
    ['an image with a non-http URL', { images: [{ url: 'data:image/png;base64,AAAA', altText: 'A' }] }, ['images[0].url']],
    ['a zero price', { price: { cents: 0 } }, ['price.cents']],
    ['a negative price', { price: { cents: -5 } }, ['price.cents']],
    ['a price in euros', { price: { cents: 500, currency: 'EUR' } }, ['price.currency']],
    ['several problems at once', { name: '', category: '', price: { cents: 0 } }, ['category', 'name', 'price.cents']],
  ])('refuses %s with BAD_USER_INPUT naming the fields, creating nothing', async (_case, override, fields) => {
    const sku = uniqueSku();
    const input = productInput({ sku, ...override });
    const res = await asManager(CREATE, { input });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
    expect(await readProduct(sku)).toBeNull();
    expect(await outbox.eventsFor(sku)).toEqual([]);
  });

  it('creates a product in the status it is given', async () => {
    const product = await createProduct({ status: 'COMING_SOON' });
    expect(product.status).toBe('COMING_SOON');
  });
});

describe('updateProduct', () => {
  it('changes only the given fields and records ProductUpdated naming them', async () => {
    const product = await createProduct({ brand: 'Oldco' });
    const res = await asManager(UPDATE, { sku: product.sku, input: { name: 'Deluxe Kibble Scoop', brand: null, tags: ['deluxe'] } });

    expect(res.errors).toBeUndefined();
    expect(res.data.updateProduct).toMatchObject({ name: 'Deluxe Kibble Scoop', brand: null, tags: ['deluxe'], category: 'Test Supplies' });
    const [event] = await outbox.eventsFor(product.sku, 'ProductUpdated');
    expect(event.payload.changedFields).toEqual(['name', 'brand', 'tags']);
    expect(event.payload.product).toMatchObject({ sku: product.sku, name: 'Deluxe Kibble Scoop', brand: null, tags: ['deluxe'] });
  });

  it('records nothing when the update changes nothing', async () => {
    const product = await createProduct();
    const res = await asManager(UPDATE, { sku: product.sku, input: { name: product.name, tags: ['scoop', 'feeding'] } });
    expect(res.errors).toBeUndefined();
    expect(await outbox.eventsFor(product.sku, 'ProductUpdated')).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a blank name', { name: ' ' }, ['name']],
    ['a null category', { category: null }, ['category']],
    ['a 51-character category', { category: 'x'.repeat(51) }, ['category']],
    ['an image with a bad URL', { images: [{ url: 'not a url', altText: 'x' }] }, ['images[0].url']],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_case, input, fields) => {
    const product = await createProduct();
    const before = await readProduct(product.sku);
    const res = await asManager(UPDATE, { sku: product.sku, input });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
    expect(await readProduct(product.sku)).toEqual(before);
    expect(await outbox.eventsFor(product.sku, 'ProductUpdated')).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown SKU', async () => {
    expect(errorCode(await asManager(UPDATE, { sku: uniqueSku(), input: { name: 'Ghost' } }))).toBe('NOT_FOUND');
  });
});

describe('changeProductPrice', () => {
  it('changes the price and records ProductPriceChanged with the old and the new price', async () => {
    const product = await createProduct({ price: { cents: 1299 } });
    const res = await asManager(CHANGE_PRICE, { sku: product.sku, price: { cents: 1499, currency: 'USD' } });

    expect(res.errors).toBeUndefined();
    expect(res.data.changeProductPrice.price).toEqual({ cents: 1499, currency: 'USD', formatted: '$14.99' });
    const events = await outbox.eventsFor(product.sku, 'ProductPriceChanged');
    expect(events.map((e) => e.payload)).toEqual([
      { sku: product.sku, previousPrice: { cents: 1299, currency: 'USD' }, currentPrice: { cents: 1499, currency: 'USD' } },
    ]);
    expect(events[0].subject).toBe(`${stack.env.namespace}.catalog.product-price-changed.v1`);
  });

  it('records nothing when the price stays the same', async () => {
    const product = await createProduct({ price: { cents: 1299 } });
    const res = await asManager(CHANGE_PRICE, { sku: product.sku, price: { cents: 1299 } });
    expect(res.errors).toBeUndefined();
    expect(await outbox.eventsFor(product.sku, 'ProductPriceChanged')).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['zero', { cents: 0 }, ['price.cents']],
    ['negative', { cents: -100 }, ['price.cents']],
    ['in another currency', { cents: 100, currency: 'CAD' }, ['price.currency']],
  ])('refuses a price that is %s with BAD_USER_INPUT and keeps the old one', async (_case, price, fields) => {
    const product = await createProduct({ price: { cents: 1299 } });
    const res = await asManager(CHANGE_PRICE, { sku: product.sku, price });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
    expect((await readProduct(product.sku)).price.cents).toBe(1299);
    expect(await outbox.eventsFor(product.sku, 'ProductPriceChanged')).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown SKU', async () => {
    expect(errorCode(await asManager(CHANGE_PRICE, { sku: uniqueSku(), price: { cents: 100 } }))).toBe('NOT_FOUND');
  });
});

describe('changeProductStatus', () => {
  it('moves the product and records ProductStatusChanged with the reason', async () => {
    const product = await createProduct();
    const res = await asManager(CHANGE_STATUS, { sku: product.sku, status: 'OUT_OF_SEASON', reason: 'Summer line ended' });
    expect(res.errors).toBeUndefined();
    expect(res.data.changeProductStatus.status).toBe('OUT_OF_SEASON');
    expect((await outbox.eventsFor(product.sku, 'ProductStatusChanged')).map((e) => e.payload)).toEqual([
      { sku: product.sku, previousStatus: 'ACTIVE', status: 'OUT_OF_SEASON', reason: 'Summer line ended' },
    ]);
  });

  it('records nothing when the status stays the same', async () => {
    const product = await createProduct();
    expect((await asManager(CHANGE_STATUS, { sku: product.sku, status: 'ACTIVE' })).errors).toBeUndefined();
    expect(await outbox.eventsFor(product.sku, 'ProductStatusChanged')).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown SKU', async () => {
    expect(errorCode(await asManager(CHANGE_STATUS, { sku: uniqueSku(), status: 'ACTIVE' }))).toBe('NOT_FOUND');
  });
});

describe('a DISCONTINUED product', () => {
  async function discontinued() {
    const product = await createProduct({ price: { cents: 2500 } });
    const res = await asManager(CHANGE_STATUS, { sku: product.sku, status: 'DISCONTINUED', reason: 'Supplier stopped making it' });
    expect(res.errors).toBeUndefined();
    return product.sku;
  }

  it.each<[string, (sku: string) => [string, Record<string, unknown>]]>([
    ['updated', (sku) => [UPDATE, { sku, input: { name: 'Revived?' } }]],
    ['re-priced', (sku) => [CHANGE_PRICE, { sku, price: { cents: 100 } }]],
    ['moved to COMING_SOON', (sku) => [CHANGE_STATUS, { sku, status: 'COMING_SOON' }]],
    ['returned to ACTIVE by a catalog manager', (sku) => [CHANGE_STATUS, { sku, status: 'ACTIVE' }]],
  ])('cannot be %s (BAD_USER_INPUT, nothing changes)', async (_case, build) => {
    const sku = await discontinued();
    const before = await readProduct(sku);
    const eventsBefore = await outbox.eventsFor(sku);
    const [query, variables] = build(sku);
    const res = await asManager(query, variables);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(await readProduct(sku)).toEqual(before);
    expect(await outbox.eventsFor(sku)).toEqual(eventsBefore);
  });

  it('cannot be moved to anything but ACTIVE, even by an ADMIN', async () => {
    const sku = await discontinued();
    expect(errorCode(await asAdmin(CHANGE_STATUS, { sku, status: 'OUT_OF_SEASON' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await asAdmin(CHANGE_PRICE, { sku, price: { cents: 100 } }))).toBe('BAD_USER_INPUT');
  });

  it('goes back to ACTIVE when an ADMIN says so, and can be edited again', async () => {
    const sku = await discontinued();
    const res = await asAdmin(CHANGE_STATUS, { sku, status: 'ACTIVE', reason: 'Back by popular demand' });
    expect(res.errors).toBeUndefined();
    expect(res.data.changeProductStatus.status).toBe('ACTIVE');
    expect((await outbox.eventsFor(sku, 'ProductStatusChanged')).map((e) => e.payload)).toEqual([
      { sku, previousStatus: 'ACTIVE', status: 'DISCONTINUED', reason: 'Supplier stopped making it' },
      { sku, previousStatus: 'DISCONTINUED', status: 'ACTIVE', reason: 'Back by popular demand' },
    ]);
    expect((await asManager(CHANGE_PRICE, { sku, price: { cents: 2000 } })).errors).toBeUndefined();
  });

  it('is still visible by SKU to anyone (carts and orders refer to it)', async () => {
    const sku = await discontinued();
    const res = await stack.request(PRODUCT, { sku: sku.toLowerCase() });
    expect(res.data.product).toMatchObject({ sku, status: 'DISCONTINUED' });
  });
});

describe('product(sku)', () => {
  it('returns null for an unknown or malformed SKU', async () => {
    expect((await stack.request(PRODUCT, { sku: uniqueSku() })).data.product).toBeNull();
    expect((await stack.request(PRODUCT, { sku: "x' or '1'='1" })).data.product).toBeNull();
  });

  it('serves the seeded catalogue', async () => {
    expect(await readProduct('DOG-BOWL-001')).toMatchObject({ name: 'Stainless Steel Dog Bowl', category: 'Dogs', price: { formatted: '$12.99' } });
  });
});
