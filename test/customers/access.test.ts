import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  ADD_ADDRESS,
  addAddress,
  addressInput,
  CUSTOMER,
  errorCode,
  login,
  ME,
  myAddresses,
  registerCustomer,
  REMOVE_ADDRESS,
  SET_DEFAULT_ADDRESS,
  STAFF_PASSWORD,
  START_GUEST_SESSION,
  UPDATE_ADDRESS,
  type Address,
} from './support.js';

/** Who may see and change whose data (SPEC §2): customers only their own; CUSTOMER_SERVICE and ADMIN read any customer. */

let stack: Stack;
/** Tokens from real staff sign-ins with the development seed. */
const staff = {} as Record<'ADMIN' | 'CUSTOMER_SERVICE' | 'WAREHOUSE' | 'CATALOG_MANAGER', string>;

beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph]);
  staff.ADMIN = (await login(stack, 'admin@crittersupply.dev', STAFF_PASSWORD)).token;
  staff.CUSTOMER_SERVICE = (await login(stack, 'cs@crittersupply.dev', STAFF_PASSWORD)).token;
  staff.WAREHOUSE = (await login(stack, 'warehouse@crittersupply.dev', STAFF_PASSWORD)).token;
  staff.CATALOG_MANAGER = (await login(stack, 'catalog@crittersupply.dev', STAFF_PASSWORD)).token;
});

afterAll(async () => {
  await stack?.stop();
});

/** Two customers with one address each. */
async function twoCustomers() {
  const owner = await registerCustomer(stack, { firstName: 'Olive', lastName: 'Owner' });
  const intruder = await registerCustomer(stack, { firstName: 'Ivan', lastName: 'Intruder' });
  const ownersAddress = await addAddress(stack, owner.token, { nickname: 'Secret Den', line1: '13 Hidden Burrow' });
  const intrudersAddress = await addAddress(stack, intruder.token, { nickname: 'Lair' });
  return { owner, intruder, ownersAddress, intrudersAddress };
}

describe("a customer's own address book", () => {
  it('shows a customer only their own addresses', async () => {
    const { owner, intruder, ownersAddress, intrudersAddress } = await twoCustomers();
    expect(await myAddresses(stack, owner.token)).toEqual([ownersAddress]);
    expect(await myAddresses(stack, intruder.token)).toEqual([intrudersAddress]);
  });

  it.each([
    ['updateAddress', UPDATE_ADDRESS, (id: string) => ({ id, input: addressInput({ nickname: 'Mine now' }) })],
    ['removeAddress', REMOVE_ADDRESS, (id: string) => ({ id })],
    ['setDefaultAddress', SET_DEFAULT_ADDRESS, (id: string) => ({ id })],
  ])("answers %s on another customer's address with NOT_FOUND, shows nothing of it and changes nothing", async (_name, query, variables) => {
    const { owner, intruder, ownersAddress, intrudersAddress } = await twoCustomers();
    // A second address of the intruder's own, so that setDefault would have something to move.
    await addAddress(stack, intruder.token);

    const res = await stack.request(query, variables(ownersAddress.id), intruder.token);

    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.data).toBeNull();
    // The answer is the one a made-up id gets: nothing of the owner's address leaks.
    const unknown = await stack.request(query, variables(randomUUID()), intruder.token);
    expect(res.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(JSON.stringify(res)).not.toMatch(/Secret Den|Hidden Burrow/);
    expect(await myAddresses(stack, owner.token)).toEqual([ownersAddress]);
    expect((await myAddresses(stack, intruder.token)).find((a) => a.id === intrudersAddress.id)).toEqual(intrudersAddress);
  });

  it('lets staff and guests manage no address book: staff FORBIDDEN, guests and anonymous UNAUTHENTICATED', async () => {
    const guest = (await stack.request(START_GUEST_SESSION)).data.startGuestSession.token;
    for (const [token, code] of [
      [staff.ADMIN, 'FORBIDDEN'],
      [staff.CUSTOMER_SERVICE, 'FORBIDDEN'],
      [guest, 'UNAUTHENTICATED'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      expect(errorCode(await stack.request(ADD_ADDRESS, { input: addressInput() }, token))).toBe(code);
    }
  });

  it('answers `me` with null for an anonymous caller', async () => {
    const res = await stack.request(ME);
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toBeNull();
  });
});

describe('reading any customer (staff)', () => {
  it.each(['CUSTOMER_SERVICE', 'ADMIN'] as const)('lets %s read any customer with their address book', async (role) => {
    const { owner, ownersAddress } = await twoCustomers();

    const res = await stack.request(CUSTOMER, { id: owner.customer.id }, staff[role]);

    expect(res.errors).toBeUndefined();
    expect(res.data.customer).toEqual({ ...owner.customer, addresses: [ownersAddress] as Address[] });
  });

  it('answers null for a customer that does not exist', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const res = await stack.request(CUSTOMER, { id }, staff.CUSTOMER_SERVICE);
      expect(res.errors).toBeUndefined();
      expect(res.data.customer).toBeNull();
    }
  });

  it.each(['WAREHOUSE', 'CATALOG_MANAGER'] as const)('refuses %s with FORBIDDEN and no data', async (role) => {
    const { owner } = await twoCustomers();
    const res = await stack.request(CUSTOMER, { id: owner.customer.id }, staff[role]);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.data?.customer ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toContain(owner.customer.email);
  });

  it('refuses customers (even for themselves) and guests with FORBIDDEN, and anonymous callers with UNAUTHENTICATED', async () => {
    const { owner, intruder } = await twoCustomers();
    const guest = (await stack.request(START_GUEST_SESSION)).data.startGuestSession.token;
    for (const [token, code] of [
      [intruder.token, 'FORBIDDEN'],
      [owner.token, 'FORBIDDEN'],
      [guest, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await stack.request(CUSTOMER, { id: owner.customer.id }, token);
      expect(errorCode(res)).toBe(code);
      expect(JSON.stringify(res)).not.toContain(owner.customer.email);
    }
  });
});

describe('entity references (defence in depth at the subgraph)', () => {
  // Sent straight to the customers subgraph, as the gateway would in a query plan; a plain
  // string on purpose: `_entities` is not part of the client API the schema check validates.
  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id email } } }`;

  const resolveReference = async (id: string, token: string) => {
    const response = await fetch(stack.subgraphs.customers!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...stack.asGateway, authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ENTITIES, variables: { representations: [{ __typename: 'Customer', id }] } }),
    });
    return (await response.json()) as { data?: { _entities: ({ id: string; email: string } | null)[] }; errors?: unknown[] };
  };

  it("resolves a Customer reference for the customer themself and for CUSTOMER_SERVICE, never for another customer or WAREHOUSE", async () => {
    const { owner, intruder } = await twoCustomers();

    expect((await resolveReference(owner.customer.id, owner.token)).data?._entities).toEqual([{ id: owner.customer.id, email: owner.customer.email }]);
    expect((await resolveReference(owner.customer.id, staff.CUSTOMER_SERVICE)).data?._entities).toEqual([{ id: owner.customer.id, email: owner.customer.email }]);
    expect((await resolveReference(owner.customer.id, intruder.token)).data?._entities).toEqual([null]);
    expect((await resolveReference(owner.customer.id, staff.WAREHOUSE)).data?._entities).toEqual([null]);
  });
});
