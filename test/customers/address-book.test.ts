import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { CheckoutAddressSelected } from '../../events/contracts/orders/checkout-address-selected.event.js';
import { CheckoutAddressReleased } from '../../events/contracts/orders/checkout-address-released.event.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  ADD_ADDRESS,
  addAddress,
  addressInput,
  CustomersDb,
  errorCode,
  errorFields,
  myAddresses,
  publishEvent,
  registerCustomer,
  REMOVE_ADDRESS,
  SET_DEFAULT_ADDRESS,
  UPDATE_ADDRESS,
  type Address,
  type AddressInput,
} from './support.js';

/** A customer's address book through the gateway: rules, limits, verification, checkout holds, events. */

const VERIFICATION_TIMEOUT_MS = 300;

let stack: Stack;
let db: CustomersDb;

beforeAll(async () => {
  // The stub verifier never answers for "timeout" addresses; a short timeout keeps that test fast.
  stack = await startStack([customersSubgraph, catalogSubgraph], { ADDRESS_VERIFICATION_TIMEOUT_MS: String(VERIFICATION_TIMEOUT_MS) });
  db = new CustomersDb(stack.env.databaseUrl);
  await db.connect();
});

afterAll(async () => {
  await db?.close();
  await stack?.stop();
});

/** A newly registered customer's token and id. */
async function newCustomer(): Promise<{ token: string; id: string }> {
  const session = await registerCustomer(stack);
  return { token: session.token, id: session.customer.id };
}

const defaults = (book: Address[]) => book.filter((a) => a.isDefault).map((a) => a.id);

describe('adding addresses', () => {
  it('saves a verified address as given and makes the first one the default', async () => {
    const { token } = await newCustomer();
    const input = addressInput({ nickname: 'Home', line2: 'Apt 4', isDefault: false });

    const res = await stack.request(ADD_ADDRESS, { input }, token);

    expect(res.errors).toBeUndefined();
    const { isDefault: _ignored, ...given } = input;
    expect(res.data.addAddress).toEqual({ ...given, id: expect.any(String), isDefault: true, verification: 'VERIFIED' });
    expect(await myAddresses(stack, token)).toEqual([res.data.addAddress]);
  });

  it('keeps the current default unless the new address asks to be the default', async () => {
    const { token } = await newCustomer();
    const home = await addAddress(stack, token, { nickname: 'Home' });
    const work = await addAddress(stack, token);
    expect(work.isDefault).toBe(false);

    const cabin = await addAddress(stack, token, { nickname: 'Cabin', isDefault: true });

    expect(cabin.isDefault).toBe(true);
    const book = await myAddresses(stack, token);
    expect(defaults(book)).toEqual([cabin.id]);
    // The default first, then oldest first.
    expect(book.map((a) => a.id)).toEqual([cabin.id, home.id, work.id]);
  });

  it('keeps exactly one default when addresses are added at the same time', async () => {
    const { token } = await newCustomer();
    const added = await Promise.all(Array.from({ length: 5 }, (_, i) => stack.request(ADD_ADDRESS, { input: addressInput({ isDefault: i % 2 === 0 }) }, token)));

    expect(added.every((r) => !r.errors)).toBe(true);
    const book = await myAddresses(stack, token);
    expect(book).toHaveLength(5);
    expect(defaults(book)).toHaveLength(1);
  });

  it('upper-cases the country and treats a blank line2 as none', async () => {
    const { token } = await newCustomer();
    const address = await addAddress(stack, token, { country: 'us', line2: '   ' });
    expect(address).toMatchObject({ country: 'US', line2: null, verification: 'VERIFIED' });
  });
});

describe('field limits', () => {
  it('accepts every field at its limit', async () => {
    const { token } = await newCustomer();
    const input = addressInput({
      nickname: 'N'.repeat(50),
      line1: `1 ${'L'.repeat(98)}`,
      city: 'C'.repeat(50),
      region: 'R'.repeat(50),
      postalCode: 'P'.repeat(20),
      country: 'GB',
    });
    const res = await stack.request(ADD_ADDRESS, { input }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.addAddress).toMatchObject({ nickname: input.nickname, line1: input.line1, city: input.city, region: input.region, postalCode: input.postalCode, country: 'GB' });
  });

  it.each<[string, Partial<AddressInput>, string[]]>([
    ['an empty nickname', { nickname: '  ' }, ['nickname']],
    ['a 51-character nickname', { nickname: 'N'.repeat(51) }, ['nickname']],
    ['an empty line1', { line1: '' }, ['line1']],
    ['a 101-character line1', { line1: 'L'.repeat(101) }, ['line1']],
    ['a 101-character line2', { line2: 'L'.repeat(101) }, ['line2']],
    ['an empty city', { city: ' ' }, ['city']],
    ['a 51-character city', { city: 'C'.repeat(51) }, ['city']],
    ['an empty region', { region: '' }, ['region']],
    ['a 51-character region', { region: 'R'.repeat(51) }, ['region']],
    ['an empty postal code', { postalCode: '' }, ['postalCode']],
    ['a 21-character postal code', { postalCode: '9'.repeat(21) }, ['postalCode']],
    ['a three-letter country', { country: 'USA' }, ['country']],
    ['a one-letter country', { country: 'U' }, ['country']],
    ['a country with a digit', { country: 'U1' }, ['country']],
    ['an empty country', { country: '' }, ['country']],
    ['several problems at once', { nickname: '', city: 'C'.repeat(51), country: 'USA' }, ['city', 'country', 'nickname']],
  ])('refuses %s with BAD_USER_INPUT naming the field, on add and on update, and changes nothing', async (_what, overrides, fields) => {
    const { token, id } = await newCustomer();
    const existing = await addAddress(stack, token);
    const bookBefore = await myAddresses(stack, token);
    const eventIds = async () => (await db.eventsFor(id)).map((e) => e.envelope.id as string);
    const eventsBefore = await eventIds();

    const added = await stack.request(ADD_ADDRESS, { input: addressInput(overrides) }, token);
    const updated = await stack.request(UPDATE_ADDRESS, { id: existing.id, input: addressInput(overrides) }, token);

    for (const res of [added, updated]) {
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(errorFields(res)).toEqual(fields);
      expect(res.data).toBeNull();
    }
    expect(await myAddresses(stack, token)).toEqual(bookBefore);
    expect(await eventIds()).toEqual(eventsBefore);
  });

  it('keeps nicknames unique per customer, case-insensitively, but not across customers', async () => {
    const alice = await newCustomer();
    const bob = await newCustomer();
    const home = await addAddress(stack, alice.token, { nickname: 'Home' });
    const work = await addAddress(stack, alice.token, { nickname: 'Work' });

    const duplicate = await stack.request(ADD_ADDRESS, { input: addressInput({ nickname: ' HOME ' }) }, alice.token);
    expect(errorCode(duplicate)).toBe('BAD_USER_INPUT');
    expect(errorFields(duplicate)).toEqual(['nickname']);

    const renamedOntoOther = await stack.request(UPDATE_ADDRESS, { id: work.id, input: addressInput({ nickname: 'home' }) }, alice.token);
    expect(errorCode(renamedOntoOther)).toBe('BAD_USER_INPUT');
    expect(errorFields(renamedOntoOther)).toEqual(['nickname']);

    // Keeping (or re-casing) one's own nickname is fine, and another customer may use it.
    const recased = await stack.request(UPDATE_ADDRESS, { id: home.id, input: addressInput({ nickname: 'HOME' }) }, alice.token);
    expect(recased.errors).toBeUndefined();
    expect(recased.data.updateAddress.nickname).toBe('HOME');
    await expect(addAddress(stack, bob.token, { nickname: 'Home' })).resolves.toMatchObject({ nickname: 'Home' });
    expect((await myAddresses(stack, alice.token)).map((a) => a.nickname).sort()).toEqual(['HOME', 'Work']);
  });

  // JavaScript lower-cases a final Σ to ς and İ to i + dot; PostgreSQL's lower() (which the unique
  // index uses) does not. Such nicknames are still the same nickname, never an internal error.
  it.each([
    ['ΟΔΟΣ', 'οδοσ'],
    ['İzmir', 'izmir'],
  ])('refuses %s next to %s as the same nickname (BAD_USER_INPUT), on add and on update', async (first, second) => {
    const { token, id } = await newCustomer();
    await addAddress(stack, token, { nickname: first });
    const other = await addAddress(stack, token, { nickname: 'Other' });
    const eventsBefore = (await db.eventsFor(id)).length;

    const added = await stack.request(ADD_ADDRESS, { input: addressInput({ nickname: second }) }, token);
    const renamed = await stack.request(UPDATE_ADDRESS, { id: other.id, input: addressInput({ nickname: second }) }, token);

    for (const res of [added, renamed]) {
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(errorFields(res)).toEqual(['nickname']);
    }
    expect((await myAddresses(stack, token)).map((a) => a.nickname).sort()).toEqual(['Other', first].sort());
    expect((await db.eventsFor(id)).length).toBe(eventsBefore);
  });
});

describe('address verification', () => {
  it('marks an address the service confirms VERIFIED', async () => {
    const { token } = await newCustomer();
    expect((await addAddress(stack, token)).verification).toBe('VERIFIED');
  });

  it("replaces the input with the service's suggestion and says CORRECTED", async () => {
    const { token } = await newCustomer();
    const input = addressInput({ line1: '  1   Main  Street ', city: 'springfield', region: 'il', postalCode: '627011234' });

    const address = await addAddress(stack, token, input);

    expect(address).toMatchObject({ line1: '1 Main Street', city: 'Springfield', region: 'IL', postalCode: '62701-1234', verification: 'CORRECTED' });
    expect((await myAddresses(stack, token))[0]).toEqual(address);
  });

  it.each([
    ['an unknown postal code', { postalCode: '00000' }],
    ['a street the service does not know', { line1: '1 Invalid Road' }],
  ])('saves %s anyway, marked INVALID', async (_what, overrides) => {
    const { token } = await newCustomer();
    const address = await addAddress(stack, token, overrides);
    expect(address).toMatchObject({ ...overrides, verification: 'INVALID' });
    expect(await myAddresses(stack, token)).toEqual([address]);
  });

  it('saves the address as entered, marked UNVERIFIED, when the service does not answer in time', async () => {
    const { token } = await newCustomer();
    const started = Date.now();

    const address = await addAddress(stack, token, { line1: '7 Timeout Terrace', region: 'il' });

    const took = Date.now() - started;
    expect(address).toMatchObject({ line1: '7 Timeout Terrace', region: 'il', verification: 'UNVERIFIED' });
    expect(took).toBeGreaterThanOrEqual(VERIFICATION_TIMEOUT_MS - 20);
    expect(took).toBeLessThan(5_000);
  });

  it('saves the address as entered, marked UNVERIFIED, when the service is down', async () => {
    const { token } = await newCustomer();
    const address = await addAddress(stack, token, { line1: '9 Unavailable Avenue' });
    expect(address).toMatchObject({ line1: '9 Unavailable Avenue', verification: 'UNVERIFIED' });
  });

  it('verifies again on update', async () => {
    const { token } = await newCustomer();
    const address = await addAddress(stack, token);

    const corrected = await stack.request(UPDATE_ADDRESS, { id: address.id, input: addressInput({ nickname: address.nickname, city: 'shelbyville' }) }, token);
    expect(corrected.data.updateAddress).toMatchObject({ id: address.id, city: 'Shelbyville', verification: 'CORRECTED' });

    const invalid = await stack.request(UPDATE_ADDRESS, { id: address.id, input: addressInput({ nickname: address.nickname, postalCode: '00000' }) }, token);
    expect(invalid.data.updateAddress).toMatchObject({ id: address.id, postalCode: '00000', verification: 'INVALID' });
  });
});

describe('changing the book', () => {
  it('updates every field of an address', async () => {
    const { token } = await newCustomer();
    const address = await addAddress(stack, token, { nickname: 'Home' });
    const input = { nickname: 'Old Home', line1: '22 Elm Road', line2: 'Unit 9', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US' };

    const res = await stack.request(UPDATE_ADDRESS, { id: address.id, input }, token);

    expect(res.errors).toBeUndefined();
    expect(res.data.updateAddress).toEqual({ ...input, id: address.id, isDefault: true, verification: 'VERIFIED' });
    expect(await myAddresses(stack, token)).toEqual([res.data.updateAddress]);
  });

  it('moves the default with setDefaultAddress, keeping exactly one, and is idempotent', async () => {
    const { token } = await newCustomer();
    const home = await addAddress(stack, token);
    const work = await addAddress(stack, token);

    const res = await stack.request(SET_DEFAULT_ADDRESS, { id: work.id }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.setDefaultAddress).toMatchObject({ id: work.id, isDefault: true });
    expect(defaults(await myAddresses(stack, token))).toEqual([work.id]);

    const again = await stack.request(SET_DEFAULT_ADDRESS, { id: work.id }, token);
    expect(again.data.setDefaultAddress).toMatchObject({ id: work.id, isDefault: true });
    const book = await myAddresses(stack, token);
    expect(defaults(book)).toEqual([work.id]);
    expect(book.find((a) => a.id === home.id)!.isDefault).toBe(false);
  });

  it('keeps exactly one default when several addresses are made the default at the same time', async () => {
    const { token } = await newCustomer();
    const book = [];
    for (let i = 0; i < 4; i++) book.push(await addAddress(stack, token));

    const results = await Promise.all(book.map((a) => stack.request(SET_DEFAULT_ADDRESS, { id: a.id }, token)));

    expect(results.every((r) => !r.errors)).toBe(true);
    expect(defaults(await myAddresses(stack, token))).toHaveLength(1);
  });

  it('moves the default with updateAddress(isDefault: true) and refuses to unset the default', async () => {
    const { token } = await newCustomer();
    const home = await addAddress(stack, token);
    const work = await addAddress(stack, token);

    const promoted = await stack.request(UPDATE_ADDRESS, { id: work.id, input: addressInput({ nickname: work.nickname, isDefault: true }) }, token);
    expect(promoted.data.updateAddress.isDefault).toBe(true);
    expect(defaults(await myAddresses(stack, token))).toEqual([work.id]);

    const unset = await stack.request(UPDATE_ADDRESS, { id: work.id, input: addressInput({ nickname: work.nickname, isDefault: false }) }, token);
    expect(errorCode(unset)).toBe('BAD_USER_INPUT');
    expect(errorFields(unset)).toEqual(['isDefault']);
    expect(defaults(await myAddresses(stack, token))).toEqual([work.id]);

    // Omitting isDefault keeps the current choice.
    const kept = await stack.request(UPDATE_ADDRESS, { id: home.id, input: addressInput({ nickname: home.nickname, city: 'Chicago' }) }, token);
    expect(kept.data.updateAddress).toMatchObject({ city: 'Chicago', isDefault: false });
  });

  it('removes an address; removing the default promotes the oldest remaining one', async () => {
    const { token } = await newCustomer();
    const home = await addAddress(stack, token);
    const work = await addAddress(stack, token);
    const cabin = await addAddress(stack, token);

    const removedOther = await stack.request(REMOVE_ADDRESS, { id: cabin.id }, token);
    expect(removedOther.data).toEqual({ removeAddress: true });
    expect((await myAddresses(stack, token)).map((a) => a.id)).toEqual([home.id, work.id]);

    const removedDefault = await stack.request(REMOVE_ADDRESS, { id: home.id }, token);
    expect(removedDefault.data).toEqual({ removeAddress: true });
    expect(await myAddresses(stack, token)).toEqual([{ ...work, isDefault: true }]);

    await stack.request(REMOVE_ADDRESS, { id: work.id }, token);
    expect(await myAddresses(stack, token)).toEqual([]);
  });

  it.each([
    ['an address that was removed', 'removed'],
    ['an id that names no address', 'random'],
    ['an id that is not a UUID', 'garbage'],
  ])('answers NOT_FOUND for %s', async (_what, kind) => {
    const { token } = await newCustomer();
    const address = await addAddress(stack, token);
    const id = kind === 'random' ? randomUUID() : kind === 'garbage' ? 'not-a-uuid' : address.id;
    if (kind === 'removed') await stack.request(REMOVE_ADDRESS, { id }, token);
    for (const [query, variables] of [
      [REMOVE_ADDRESS, { id }],
      [SET_DEFAULT_ADDRESS, { id }],
      [UPDATE_ADDRESS, { id, input: addressInput() }],
    ] as const) {
      const res = await stack.request(query, variables, token);
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.data).toBeNull();
    }
  });
});

describe('addresses held by a checkout in progress', () => {
  const select = (customerId: string, checkoutId: string, addressId: string | null) =>
    publishEvent(stack, CheckoutAddressSelected, { checkoutId, customerId, addressId }, { customerId });
  const release = (customerId: string, checkoutId: string, addressId: string | null, outcome: 'COMPLETED' | 'ABANDONED') =>
    publishEvent(stack, CheckoutAddressReleased, { checkoutId, customerId, addressId, outcome }, { customerId });

  it('refuses to remove an address a checkout in progress uses (CONFLICT), and allows it once the checkout ends', async () => {
    const { token, id: customerId } = await newCustomer();
    const home = await addAddress(stack, token);
    const checkoutId = randomUUID();

    await select(customerId, checkoutId, home.id);
    await eventually(async () => (await db.checkoutHold(checkoutId))?.addressId === home.id, { what: 'the checkout to hold the address' });

    const refused = await stack.request(REMOVE_ADDRESS, { id: home.id }, token);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.data).toBeNull();
    expect(await myAddresses(stack, token)).toEqual([home]);
    expect(await db.eventsFor(customerId, 'CustomerAddressRemoved')).toEqual([]);
    // Editing it or making it the default is still fine (orders keeps its own copy).
    expect((await stack.request(SET_DEFAULT_ADDRESS, { id: home.id }, token)).errors).toBeUndefined();

    await release(customerId, checkoutId, home.id, 'COMPLETED');
    await eventually(async () => (await db.checkoutHold(checkoutId))?.ended, { what: 'the checkout to end' });

    const removed = await stack.request(REMOVE_ADDRESS, { id: home.id }, token);
    expect(removed.data).toEqual({ removeAddress: true });
  });

  it('frees the saved address when the checkout switches to another one', async () => {
    const { token, id: customerId } = await newCustomer();
    const home = await addAddress(stack, token);
    const work = await addAddress(stack, token);
    const checkoutId = randomUUID();

    await select(customerId, checkoutId, home.id);
    await eventually(async () => (await db.checkoutHold(checkoutId))?.addressId === home.id, { what: 'home held' });
    await select(customerId, checkoutId, work.id);
    await eventually(async () => (await db.checkoutHold(checkoutId))?.addressId === work.id, { what: 'work held' });

    expect((await stack.request(REMOVE_ADDRESS, { id: home.id }, token)).data).toEqual({ removeAddress: true });
    expect(errorCode(await stack.request(REMOVE_ADDRESS, { id: work.id }, token))).toBe('CONFLICT');
  });

  it("does not let a checkout pin another customer's address", async () => {
    const owner = await newCustomer();
    const other = await newCustomer();
    const ownersAddress = await addAddress(stack, owner.token);
    const checkoutId = randomUUID();

    await select(other.id, checkoutId, ownersAddress.id);
    await eventually(async () => (await db.checkoutHold(checkoutId)) !== null, { what: 'the selection to be processed' });

    expect(await db.checkoutHold(checkoutId)).toEqual({ addressId: null, ended: false });
    expect((await stack.request(REMOVE_ADDRESS, { id: ownersAddress.id }, owner.token)).data).toEqual({ removeAddress: true });
  });
});

describe('address-book events in the outbox', () => {
  it('records added, default-changed, updated and removed events with the address as saved', async () => {
    const { token, id: customerId } = await newCustomer();
    const home = await addAddress(stack, token, { nickname: 'Home' });
    const work = await addAddress(stack, token, { nickname: 'Work', city: 'springfield' });
    const updated = (await stack.request(UPDATE_ADDRESS, { id: work.id, input: addressInput({ nickname: 'Office' }) }, token)).data.updateAddress as Address;
    await stack.request(SET_DEFAULT_ADDRESS, { id: work.id }, token);
    await stack.request(REMOVE_ADDRESS, { id: work.id }, token);

    expect(work).toMatchObject({ city: 'Springfield', verification: 'CORRECTED' });

    const events = await db.eventsFor(customerId);
    // The snapshot in the events is the address exactly as the API returned it.
    const snapshot = (address: Address) => ({ ...address });
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['CustomerRegistered', expect.anything()],
      ['CustomerAddressAdded', { customerId, address: snapshot(home) }],
      ['CustomerDefaultAddressChanged', { customerId, addressId: home.id, previousAddressId: null }],
      ['CustomerAddressAdded', { customerId, address: snapshot(work) }],
      ['CustomerAddressUpdated', { customerId, address: snapshot(updated) }],
      ['CustomerDefaultAddressChanged', { customerId, addressId: work.id, previousAddressId: home.id }],
      ['CustomerAddressRemoved', { customerId, addressId: work.id }],
      ['CustomerDefaultAddressChanged', { customerId, addressId: home.id, previousAddressId: work.id }],
    ]);
    expect(events.every((e) => e.customerId === customerId)).toBe(true);
    expect(events.every((e) => e.subject.startsWith(`${stack.env.namespace}.customers.`))).toBe(true);
    await eventually(async () => (await db.eventsFor(customerId)).every((e) => e.publishedAt), { what: 'the relay to publish them' });
  });

  it('records the last address removed as the default becoming none', async () => {
    const { token, id: customerId } = await newCustomer();
    const home = await addAddress(stack, token);
    await stack.request(REMOVE_ADDRESS, { id: home.id }, token);

    const [last] = (await db.eventsFor(customerId, 'CustomerDefaultAddressChanged')).slice(-1);
    expect(last!.payload).toEqual({ customerId, addressId: null, previousAddressId: home.id });
  });
});
