import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { errorCode, errorFields, registerCustomer } from './support.js';

/** Customer service finds a customer by (part of) their e-mail: staff only, case-insensitive, literal text. */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack([customersSubgraph]);
});
afterAll(async () => {
  await stack?.stop();
});

const SEARCH = /* GraphQL */ `
  query CustomersTestSearch($email: String!, $first: Int) {
    customers(email: $email, first: $first) {
      id
      email
      firstName
    }
  }
`;

describe('staff customer search by e-mail', () => {
  it('finds customers whose e-mail contains the text, whatever its case, sorted by e-mail', async () => {
    const tag = randomBytes(4).toString('hex');
    const zed = await registerCustomer(stack, { email: `Zed.${tag}@Pets.test`, firstName: 'Zed' });
    const amy = await registerCustomer(stack, { email: `amy.${tag}@pets.test`, firstName: 'Amy' });
    await registerCustomer(stack, { email: `someone.else@pets.test`, firstName: 'Other' });

    const res = await stack.request(SEARCH, { email: tag.toUpperCase() }, await stack.tokenFor('CUSTOMER_SERVICE'));
    expect(res.errors).toBeUndefined();
    expect(res.data.customers).toEqual([
      { id: amy.customer.id, email: `amy.${tag}@pets.test`, firstName: 'Amy' },
      { id: zed.customer.id, email: `Zed.${tag}@Pets.test`, firstName: 'Zed' },
    ]);

    const limited = await stack.request(SEARCH, { email: `${tag}@pets`, first: 1 }, await stack.tokenFor('ADMIN'));
    expect(limited.data.customers.map((c: { firstName: string }) => c.firstName)).toEqual(['Amy']);
  });

  it('treats % and _ as plain characters, not wildcards', async () => {
    await registerCustomer(stack, { email: `wild.${randomBytes(4).toString('hex')}@pets.test` });
    const res = await stack.request(SEARCH, { email: 'wild%pets' }, await stack.tokenFor('CUSTOMER_SERVICE'));
    expect(res.data.customers).toEqual([]);
    const underscore = await stack.request(SEARCH, { email: 'wild_' }, await stack.tokenFor('CUSTOMER_SERVICE'));
    expect(underscore.data.customers).toEqual([]);
  });

  it.each([
    ['WAREHOUSE', 'FORBIDDEN'],
    ['CATALOG_MANAGER', 'FORBIDDEN'],
    ['CUSTOMER', 'FORBIDDEN'],
  ] as const)('refuses %s (%s)', async (role, code) => {
    const res = await stack.request(SEARCH, { email: 'pets.test' }, await stack.tokenFor(role));
    expect(errorCode(res)).toBe(code);
    expect(res.data?.customers ?? null).toBeNull();
  });

  it('refuses anonymous callers (UNAUTHENTICATED)', async () => {
    expect(errorCode(await stack.request(SEARCH, { email: 'pets.test' }))).toBe('UNAUTHENTICATED');
  });

  it.each([
    [{ email: 'ab' }, ['email']],
    [{ email: '  ab  ' }, ['email']],
    [{ email: 'pets', first: 0 }, ['first']],
    [{ email: 'pets', first: 51 }, ['first']],
  ])('answers BAD_USER_INPUT naming the field for %j', async (variables, fields) => {
    const res = await stack.request(SEARCH, variables, await stack.tokenFor('CUSTOMER_SERVICE'));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
  });
});
