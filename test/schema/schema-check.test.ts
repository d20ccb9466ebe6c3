import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { coordinateOf, findUnlistedBreakingChanges, parseAllowList } from '../../scripts/schema/breaking-changes.js';
import { composeSupergraph, type SubgraphService } from '../../scripts/schema/compose.js';
import { checkContract } from '../../scripts/schema/contract.js';
import { extractDocuments, validateOperations, type OperationSource } from '../../scripts/schema/operations.js';

// Fixtures are plain strings on purpose: a `gql`/`graphql` tag or a GraphQL magic comment would make
// them client operations for codegen and for the schema check itself.

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';
const service = (name: SubgraphService['name'], sdl: string): SubgraphService => ({ name, url: `http://127.0.0.1/${name}`, typeDefs: parse(`${LINK}\n${sdl}`) });

const catalog = service('catalog', 'type Query { product(sku: ID!): Product }\ntype Product @key(fields: "sku") { sku: ID! name: String! stock: Int! }');
const orders = (extraOrderFields = 'total: Int!') =>
  service('orders', `type Query { order(id: ID!): Order }\ntype Order @key(fields: "id") { id: ID! ${extraOrderFields} }\ntype Product @key(fields: "sku", resolvable: false) { sku: ID! }`);

function apiSchemaOf(...services: SubgraphService[]) {
  const composition = composeSupergraph(services);
  if (!composition.ok) throw new Error(composition.errors.map((e) => e.message).join('\n'));
  return composition.apiSchema;
}

describe('composition', () => {
  it('fails with coded errors when two subgraphs give a field incompatible types', () => {
    const clash = service('inventory', 'type Query { stock: Int }\ntype Product @key(fields: "sku") { sku: ID! name: Int }');
    const result = composeSupergraph([catalog, clash]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.code)).toContain('FIELD_TYPE_MISMATCH');
  });

  it('produces a sorted API schema without federation internals', () => {
    const result = composeSupergraph([catalog, orders()]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.supergraphSdl).toContain('@join__graph(name: "orders"');
    expect(result.apiSdl).not.toMatch(/join__|@key|_entities/);
    expect(result.apiSdl.indexOf('type Order')).toBeLessThan(result.apiSdl.indexOf('type Product'));
  });
});

describe('breaking changes against the previous API schema', () => {
  const previous = apiSchemaOf(catalog, orders());
  const fieldRemoved = apiSchemaOf(catalog, orders(''));

  it('fails on a breaking change that is not in the allow-list', () => {
    const report = findUnlistedBreakingChanges(previous, fieldRemoved, []);
    expect(report.unlisted).toEqual([{ type: 'FIELD_REMOVED', coordinate: 'Order.total', description: 'Order.total was removed.' }]);
  });

  it.each([['Order.total'], ['Order.total was removed.']])('passes when the change is listed as %j with a reason', (change) => {
    const report = findUnlistedBreakingChanges(previous, fieldRemoved, [{ change, reason: 'No client reads it (checked the persisted documents).' }]);
    expect(report.unlisted).toEqual([]);
    expect(report.entryErrors).toEqual([]);
    expect(report.allowed).toHaveLength(1);
  });

  it('fails when the listed change has no reason', () => {
    const report = findUnlistedBreakingChanges(previous, fieldRemoved, [{ change: 'Order.total' }, { change: 'Order.total', reason: '  ' }]);
    expect(report.unlisted).toHaveLength(1);
    expect(report.entryErrors).toHaveLength(2);
    expect(report.entryErrors[0]).toMatch(/"reason" is required/);
  });

  it('passes a non-breaking addition and notes allow-list entries that match nothing', () => {
    const report = findUnlistedBreakingChanges(previous, apiSchemaOf(catalog, orders('total: Int! note: String')), [{ change: 'Order.total', reason: 'old' }]);
    expect(report.changes).toEqual([]);
    expect(report.unusedEntries).toHaveLength(1);
  });

  it('rejects an allow-list that is not a JSON array', () => {
    expect(parseAllowList('{"change": "Order.total"}').errors).toHaveLength(1);
    expect(parseAllowList(undefined)).toEqual({ entries: [], errors: [] });
  });

  it.each([
    ['ARG_REMOVED', 'Query.products arg first was removed.', 'Query.products(first:)'],
    ['REQUIRED_ARG_ADDED', 'A required arg sku on Query.product was added.', 'Query.product(sku:)'],
    ['ARG_CHANGED_KIND', 'Query.order arg id has changed type from ID! to Int!.', 'Query.order(id:)'],
    ['VALUE_REMOVED_FROM_ENUM', 'ON_HOLD was removed from enum type OrderStatus.', 'OrderStatus.ON_HOLD'],
    ['REQUIRED_INPUT_FIELD_ADDED', 'A required field note on input type AddressInput was added.', 'AddressInput.note'],
    ['FIELD_CHANGED_KIND', 'Order.total changed type from Int! to Int.', 'Order.total'],
    ['TYPE_REMOVED', 'Standard scalar Int was removed because it is not referenced anymore.', 'Int'],
    ['TYPE_REMOVED_FROM_UNION', 'Cart was removed from union type SearchResult.', 'SearchResult'],
    ['DIRECTIVE_REMOVED', 'cacheControl was removed.', '@cacheControl'],
  ])('names the coordinate of %s', (type, description, coordinate) => {
    expect(coordinateOf({ type: type as never, description })).toBe(coordinate);
  });
});

describe('contract', () => {
  // Shaped like CONTRACT.graphql: shared types first, sections, field-group comments, roots.
  const contract = `
scalar DateTime
type Money { cents: Int! currency: String! }

# ---------------------------------------------------------------- customers subgraph

type Customer {
  id: ID!
  email: String!
  # orders subgraph
  orders: [Order!]!
}

# ---------------------------------------------------------------- orders subgraph

type Order {
  id: ID!
  total: Money!
  placedAt: DateTime!
}

type OrderUpdated {
  order: Order!
}

# ---------------------------------------------------------------- roots

type Query {
  # customers
  me: Customer
  # orders
  order(id: ID!): Order
}

type Subscription {
  "Status changes of the subscriber's orders."
  orderUpdated(orderId: ID): OrderUpdated!
}
`;
  const all = ['customers', 'orders'] as const;
  const customersOnly = (fields = 'id: ID! email: String!') =>
    apiSchemaOf(service('customers', `type Query { me: Customer }\ntype Customer @key(fields: "id") { ${fields} }`));

  it('reports gaps owned by a missing subgraph as not yet provided', () => {
    const report = checkContract(contract, customersOnly(), ['customers'], all);
    expect(report.failures).toEqual([]);
    const pending = Object.fromEntries(report.notYetProvided.map((c) => [c.coordinate, c.owners]));
    // Customer.orders by its comment, Subscription by its field's return type, Money and DateTime by their users.
    expect(pending).toMatchObject({ 'Customer.orders': ['orders'], Subscription: ['orders'], Order: ['orders'], Money: ['orders'], DateTime: ['orders'], 'Query.order': ['orders'] });
    expect(report.notYetByOwner).toEqual({ orders: expect.any(Number) });
    expect(report.provided + report.notYetByOwner.orders).toBe(report.itemCount);
  });

  it('fails on a gap in a subgraph that exists', () => {
    const report = checkContract(contract, customersOnly('id: ID!'), ['customers'], all);
    expect(report.failures.map((c) => [c.coordinate, c.owners])).toEqual([['Customer.email', ['customers']]]);
    expect(report.missing).toBe(1);
  });

  it('fails on every gap once all subgraphs exist', () => {
    const report = checkContract(contract, customersOnly(), ['customers', 'orders'], all);
    expect(report.notYetProvided).toEqual([]);
    expect(report.failures.map((c) => c.coordinate)).toContain('Customer.orders');
  });

  it('fails on a missing shared type once a subgraph that uses it exists', () => {
    const ordersApi = apiSchemaOf(
      service('customers', 'type Query { me: Customer }\ntype Customer @key(fields: "id") { id: ID! email: String! orders: [Order!]! }\ntype Order @key(fields: "id", resolvable: false) { id: ID! }'),
      service('orders', 'type Query { order(id: ID!): Order }\ntype Order @key(fields: "id") { id: ID! total: Int! placedAt: String! }'),
    );
    const report = checkContract(contract, ordersApi, ['customers', 'orders'], [...all, 'cart']);
    expect(report.failures.map((c) => c.coordinate)).toEqual(expect.arrayContaining(['Money', 'DateTime', 'Order.total', 'Subscription']));
  });
});

describe('client operations', () => {
  const api = apiSchemaOf(catalog, orders());
  // Line 1: import; the graphql() document starts on line 3, its bad field is on line 5.
  const testFile = [
    "import { graphql } from '../__generated__/index.js';",
    '',
    'const Product = graphql(`',
    '  query Product($sku: ID!) {',
    '    product(sku: $sku) { sku nope }',
    '  }',
    '`);',
    "const notADocument = `query { ignored }`;",
    'const Order = gql`query Order { order(id: "1") { id ${"interpolated"} total ...OrderBits } }`;',
    'const Bits = /* GraphQL */ `fragment OrderBits on Order { id }`;',
  ].join('\n');

  it('extracts graphql() calls, gql tags and magic-comment templates, not plain strings', () => {
    const docs = extractDocuments('test/x.test.ts', testFile);
    expect(docs.map((d) => [d.line, d.column])).toEqual([[3, 26], [9, 19], [10, 29]]);
    expect(docs[1].body).toMatch(/ id {19}total /); // `${…}` blanked, positions kept
  });

  it('reports an invalid operation with its file and line', () => {
    const { problems, operationCount } = validateOperations(api, extractDocuments('test/x.test.ts', testFile));
    expect(operationCount).toBe(2);
    expect(problems).toEqual([{ file: 'test/x.test.ts', line: 5, column: 30, message: 'Cannot query field "nope" on type "Product". Did you mean "name"?' }]);
  });

  it('reports syntax errors and names used twice across files', () => {
    const sources: OperationSource[] = [
      { file: 'examples/a.graphql', line: 1, column: 1, body: 'query Same { order(id: "1") { id } }\n' },
      { file: 'examples/b.graphql', line: 1, column: 1, body: '\nquery Same { order(id: "2") { id } }\nquery Broken {' },
      { file: 'test/schema-fixture.ts', line: 1, column: 1, body: 'type Query { ignored: Int }' },
    ];
    const { problems } = validateOperations(api, sources);
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['examples/b.graphql:3']);
    expect(problems[0].message).toMatch(/Syntax Error/);

    const { problems: duplicate } = validateOperations(api, sources.slice(0, 1).concat({ ...sources[1], body: '\nquery Same { order(id: "2") { id } }' }));
    expect(duplicate).toEqual([expect.objectContaining({ file: 'examples/b.graphql', line: 2, message: expect.stringMatching(/"Same" is also used at examples\/a.graphql:1/) })]);
  });
});
