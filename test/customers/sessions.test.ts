import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair, importPKCS8, type CryptoKey } from 'jose';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { DEV_JWT_PRIVATE_KEY } from '../../platform/dev-keys.js';
import { eventually } from '../support/config.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  ADD_ADDRESS,
  addressInput,
  CustomersDb,
  DEMO_PASSWORD,
  errorCode,
  errorFields,
  jwtClaims,
  LOGIN,
  login,
  ME,
  PASSWORD,
  REGISTER,
  registerCustomer,
  registration,
  STAFF_PASSWORD,
  START_GUEST_SESSION,
  uniqueEmail,
} from './support.js';

/** Registration, sign-in, guest and staff sessions, driven through the gateway as a storefront would. */

const MAX_FAILURES = 3;
const FAILURE_WINDOW_MS = 3_000;

const CREATE_PRODUCT = /* GraphQL */ `
  mutation CustomersTestCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      sku
    }
  }
`;
const BROWSE = /* GraphQL */ `
  query CustomersTestBrowseProducts($search: String, $sku: ID!) {
    products(search: $search, first: 5) {
      totalCount
      nodes {
        sku
        name
        price {
          formatted
        }
      }
    }
    product(sku: $sku) {
      sku
      name
    }
  }
`;

let stack: Stack;
let db: CustomersDb;

beforeAll(async () => {
  // A short throttle window, so the throttle can be seen to lift without waiting 15 minutes.
  stack = await startStack([customersSubgraph, catalogSubgraph], {
    LOGIN_MAX_FAILURES: String(MAX_FAILURES),
    LOGIN_FAILURE_WINDOW_MS: String(FAILURE_WINDOW_MS),
  });
  db = new CustomersDb(stack.env.databaseUrl);
  await db.connect();
});

afterAll(async () => {
  await db?.close();
  await stack?.stop();
});

const lifetimeSeconds = (token: string) => {
  const claims = jwtClaims(token);
  return claims.exp - claims.iat;
};

describe('registerCustomer', () => {
  it('creates the account and signs the customer in at once', async () => {
    const input = registration({ email: `  ${uniqueEmail('New.Shopper')}  `, firstName: '  Pat ', lastName: ' Pawson  ' });
    const res = await stack.request(REGISTER, { input });

    expect(res.errors).toBeUndefined();
    const session = res.data.registerCustomer;
    expect(session.role).toBe('CUSTOMER');
    expect(session.customer).toMatchObject({ email: input.email.trim(), firstName: 'Pat', lastName: 'Pawson' });
    expect(jwtClaims(session.token)).toMatchObject({ role: 'CUSTOMER', sub: session.customer.id });

    const me = await stack.request(ME, {}, session.token);
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toEqual({ id: session.customer.id, email: input.email.trim(), firstName: 'Pat', lastName: 'Pawson', addresses: [] });
  });

  it('accepts the limits themselves: a 256-character e-mail, a 10-character password, 100-character names', async () => {
    const local = 'x'.repeat(256 - '@critter.test'.length);
    const email = `${local}@critter.test`;
    expect(email).toHaveLength(256);
    const res = await stack.request(REGISTER, { input: registration({ email, password: 'kibble4cat', firstName: 'F'.repeat(100), lastName: 'L'.repeat(100) }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerCustomer.customer.email).toBe(email);
  });

  it.each([
    ['an e-mail without @', { email: 'not-an-email' }, ['email']],
    ['an e-mail without a domain dot', { email: 'pat@critter' }, ['email']],
    ['an e-mail with spaces inside', { email: 'pat pawson@critter.test' }, ['email']],
    ['an empty e-mail', { email: '   ' }, ['email']],
    ['an e-mail over 256 characters', { email: `${'x'.repeat(257 - '@critter.test'.length)}@critter.test` }, ['email']],
    ['a 9-character password', { password: '123456789' }, ['password']],
    ['one of the most common passwords', { password: '1234567890' }, ['password']],
    ['a password of one repeated character', { password: 'aaaaaaaaaa' }, ['password']],
    ['the e-mail as password', { email: 'pat.pawson@critter.test', password: 'Pat.Pawson@critter.test' }, ['password']],
    ['an empty first name', { firstName: '' }, ['firstName']],
    ['a blank last name', { lastName: '   ' }, ['lastName']],
    ['a 101-character first name', { firstName: 'F'.repeat(101) }, ['firstName']],
    ['a 101-character last name', { lastName: 'L'.repeat(101) }, ['lastName']],
    ['several problems at once', { email: 'nope', password: 'short', firstName: '', lastName: 'L'.repeat(101) }, ['email', 'firstName', 'lastName', 'password']],
  ])('refuses %s with BAD_USER_INPUT naming the field, and creates nothing', async (_what, overrides, fields) => {
    const [customersBefore, eventsBefore] = [await db.customerCount(), await db.outboxCount()];

    const res = await stack.request(REGISTER, { input: registration(overrides) });

    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
    expect(res.data).toBeNull();
    expect(await db.customerCount()).toBe(customersBefore);
    expect(await db.outboxCount()).toBe(eventsBefore);
  });

  it('refuses an e-mail already registered, whatever its case, with CONFLICT and changes nothing', async () => {
    const email = uniqueEmail('taken');
    await registerCustomer(stack, { email });
    const [customersBefore, eventsBefore] = [await db.customerCount(), await db.outboxCount()];

    const res = await stack.request(REGISTER, { input: registration({ email: ` ${email.toUpperCase()} `, password: 'another password' }) });

    expect(errorCode(res)).toBe('CONFLICT');
    expect(errorFields(res)).toEqual(['email']);
    expect(await db.customerCount()).toBe(customersBefore);
    expect(await db.outboxCount()).toBe(eventsBefore);
    // The first owner's password still works; the second attempt's does not.
    await expect(login(stack, email, PASSWORD)).resolves.toMatchObject({ role: 'CUSTOMER' });
    expect(errorCode(await stack.request(LOGIN, { email, password: 'another password' }))).toBe('UNAUTHENTICATED');
  });

  it('lets exactly one of several simultaneous registrations of one e-mail through; the others get CONFLICT', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => stack.request(REGISTER, { input: registration({ email: i % 2 ? email.toUpperCase() : email }) })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
  });

  it("refuses a staff account's e-mail with CONFLICT (one e-mail signs in to one account)", async () => {
    const res = await stack.request(REGISTER, { input: registration({ email: 'CS@crittersupply.dev' }) });
    expect(errorCode(res)).toBe('CONFLICT');
  });

  it('records CustomerRegistered in the outbox without the password or its hash, and the relay publishes it', async () => {
    const session = await registerCustomer(stack, { firstName: 'Evie', lastName: 'Event' });
    const customerId = session.customer.id;

    const events = await db.eventsFor(customerId);
    expect(events.map((e) => e.type)).toEqual(['CustomerRegistered']);
    const [event] = events;
    expect(event!.subject).toBe(`${stack.env.namespace}.customers.customer-registered.v1`);
    expect(event!.customerId).toBe(customerId);
    expect(event!.payload).toEqual({ customerId, email: session.customer.email, firstName: 'Evie', lastName: 'Event', registeredAt: expect.any(String) });
    const stored = JSON.stringify(event!.envelope);
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toMatch(/scrypt\$/);
    expect(stored).not.toMatch(/password|hash/i);

    await eventually(async () => (await db.eventsFor(customerId, 'CustomerRegistered'))[0]?.publishedAt, { what: 'CustomerRegistered published' });
  });
});

describe('login', () => {
  it('signs a customer in with a token whose role and subject the graph honours', async () => {
    const registered = await registerCustomer(stack);

    const res = await stack.request(LOGIN, { email: `  ${registered.customer.email.toUpperCase()} `, password: PASSWORD });

    expect(res.errors).toBeUndefined();
    const session = res.data.login;
    expect(session.role).toBe('CUSTOMER');
    expect(session.customer).toEqual(registered.customer);
    expect(jwtClaims(session.token)).toMatchObject({ role: 'CUSTOMER', sub: registered.customer.id });
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const me = await stack.request(ME, {}, session.token);
    expect(me.data.me).toMatchObject({ id: registered.customer.id, email: registered.customer.email });
  });

  it('answers a wrong e-mail and a wrong password with UNAUTHENTICATED and the same message', async () => {
    const { customer } = await registerCustomer(stack);

    const unknownEmail = await stack.request(LOGIN, { email: uniqueEmail('nobody'), password: PASSWORD });
    const wrongPassword = await stack.request(LOGIN, { email: customer.email, password: 'not the password' });

    expect(errorCode(unknownEmail)).toBe('UNAUTHENTICATED');
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(unknownEmail.errors![0]!.message).toBe(wrongPassword.errors![0]!.message);
    expect(unknownEmail.data).toBeNull();
    expect(wrongPassword.data).toBeNull();
  });

  it('answers an e-mail no account can have (too long) like any wrong password', async () => {
    const res = await stack.request(LOGIN, { email: `${'x'.repeat(300)}@critter.test`, password: PASSWORD });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toBe((await stack.request(LOGIN, { email: uniqueEmail('nobody'), password: PASSWORD })).errors![0]!.message);
  });

  it('throttles repeated failures for one e-mail, even with the right password, until they leave the window', async () => {
    const { customer } = await registerCustomer(stack);
    const other = await registerCustomer(stack);

    // Failures count per e-mail whatever its case.
    for (let i = 0; i < MAX_FAILURES; i++) {
      const email = i % 2 ? customer.email.toUpperCase() : customer.email;
      expect(errorCode(await stack.request(LOGIN, { email, password: `wrong password ${i}` }))).toBe('UNAUTHENTICATED');
    }
    const throttled = await stack.request(LOGIN, { email: customer.email, password: PASSWORD });

    expect(errorCode(throttled)).toBe('UNAUTHENTICATED');
    expect(throttled.errors![0]!.message).toMatch(/too many/i);
    expect(throttled.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.data).toBeNull();
    // Another e-mail is not affected.
    await expect(login(stack, other.customer.email, PASSWORD)).resolves.toMatchObject({ role: 'CUSTOMER' });

    // Refused attempts do not count, so the account opens again once the window has passed.
    const session = await eventually(
      async () => {
        const res = await stack.request(LOGIN, { email: customer.email, password: PASSWORD });
        return res.data?.login as { role: string } | undefined;
      },
      { timeoutMs: FAILURE_WINDOW_MS + 5_000, intervalMs: 250, what: 'the throttle to lift' },
    );
    expect(session.role).toBe('CUSTOMER');
  });

  it('lets no more than the limit of simultaneous wrong guesses be checked', async () => {
    const { customer } = await registerCustomer(stack);
    const results = await Promise.all(Array.from({ length: MAX_FAILURES + 4 }, (_, i) => stack.request(LOGIN, { email: customer.email, password: `guess number ${i}` })));

    expect(results.every((r) => errorCode(r) === 'UNAUTHENTICATED')).toBe(true);
    const checked = results.filter((r) => !/too many/i.test(r.errors![0]!.message));
    expect(checked).toHaveLength(MAX_FAILURES);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const { customer } = await registerCustomer(stack);
    for (let i = 0; i < MAX_FAILURES - 1; i++) await stack.request(LOGIN, { email: customer.email, password: 'wrong password' });
    await login(stack, customer.email, PASSWORD);
    for (let i = 0; i < MAX_FAILURES - 1; i++) await stack.request(LOGIN, { email: customer.email, password: 'wrong password' });

    await expect(login(stack, customer.email, PASSWORD)).resolves.toMatchObject({ role: 'CUSTOMER' });
  });
});

describe('startGuestSession', () => {
  it('returns a GUEST token with a new guest id as subject and no customer', async () => {
    const first = await stack.request(START_GUEST_SESSION);
    const second = await stack.request(START_GUEST_SESSION);

    expect(first.errors).toBeUndefined();
    const session = first.data.startGuestSession;
    expect(session).toMatchObject({ role: 'GUEST', customer: null });
    const claims = jwtClaims(session.token);
    expect(claims.role).toBe('GUEST');
    expect(claims.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(jwtClaims(second.data.startGuestSession.token).sub).not.toBe(claims.sub);
  });

  it('gives a guest no customer: `me` is null', async () => {
    const { token } = (await stack.request(START_GUEST_SESSION)).data.startGuestSession;
    const res = await stack.request(ME, {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toBeNull();
  });

  it('lets a guest browse products', async () => {
    const sku = `CUS-${Date.now().toString(36).toUpperCase()}`;
    const created = await stack.request(
      CREATE_PRODUCT,
      { input: { sku, name: 'Guest Test Chew Toy', description: 'A chew toy.', category: 'Toys', price: { cents: 899, currency: 'USD' } } },
      await stack.tokenFor('CATALOG_MANAGER'),
    );
    expect(created.errors).toBeUndefined();
    const { token } = (await stack.request(START_GUEST_SESSION)).data.startGuestSession;

    const res = await stack.request(BROWSE, { search: 'Guest Test Chew', sku }, token);

    expect(res.errors).toBeUndefined();
    expect(res.data.product).toEqual({ sku, name: 'Guest Test Chew Toy' });
    expect(res.data.products.nodes).toContainEqual({ sku, name: 'Guest Test Chew Toy', price: { formatted: '$8.99' } });
  });

  it('does not give a guest an address book (UNAUTHENTICATED)', async () => {
    const { token } = (await stack.request(START_GUEST_SESSION)).data.startGuestSession;
    const res = await stack.request(ADD_ADDRESS, { input: addressInput() }, token);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('staff sign-in (development seed)', () => {
  it.each([
    ['admin@crittersupply.dev', 'ADMIN'],
    ['cs@crittersupply.dev', 'CUSTOMER_SERVICE'],
    ['warehouse@crittersupply.dev', 'WAREHOUSE'],
    ['catalog@crittersupply.dev', 'CATALOG_MANAGER'],
  ])('signs %s in with role %s in the token and no customer', async (email, role) => {
    const session = await login(stack, email, STAFF_PASSWORD);

    expect(session.role).toBe(role);
    expect(session.customer).toBeNull();
    expect(jwtClaims(session.token).role).toBe(role);
    const me = await stack.request(ME, {}, session.token);
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toBeNull();
  });

  it('refuses a staff account with the wrong password like any other', async () => {
    const res = await stack.request(LOGIN, { email: 'admin@crittersupply.dev', password: DEMO_PASSWORD });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toBe((await stack.request(LOGIN, { email: uniqueEmail('nobody'), password: DEMO_PASSWORD })).errors![0]!.message);
  });
});

describe('session lifetimes', () => {
  it('gives customers 24 hours, guests 7 days and staff 8 hours, and expiresAt says so', async () => {
    const customer = await registerCustomer(stack);
    const signedIn = await login(stack, customer.customer.email, PASSWORD);
    const guest = (await stack.request(START_GUEST_SESSION)).data.startGuestSession;
    const staff = await login(stack, 'cs@crittersupply.dev', STAFF_PASSWORD);

    expect(lifetimeSeconds(customer.token)).toBe(24 * 3600);
    expect(lifetimeSeconds(signedIn.token)).toBe(24 * 3600);
    expect(lifetimeSeconds(guest.token)).toBe(7 * 24 * 3600);
    expect(lifetimeSeconds(staff.token)).toBe(8 * 3600);
    for (const session of [customer, signedIn, guest, staff]) {
      expect(new Date(session.expiresAt).getTime()).toBe(jwtClaims(session.token).exp * 1000);
    }
  });
});

describe('tokens the graph refuses', () => {
  const sign = async (key: CryptoKey, claims: { role: string; sub: string }, expiresAt: string | number = '1h') =>
    new SignJWT({ role: claims.role })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(stack.env.config.jwt.issuer)
      .setAudience(stack.env.config.jwt.audience)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(key);

  it('answers a token signed with another key with 401 UNAUTHENTICATED, whatever it claims', async () => {
    const { customer } = await registerCustomer(stack);
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await sign(privateKey, { role: 'ADMIN', sub: customer.id });

    for (const query of [ME, ADD_ADDRESS]) {
      const res = await stack.request(query, query === ME ? {} : { input: addressInput() }, forged);
      expect(res.status).toBe(401);
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      expect(res.data).toBeUndefined();
    }
  });

  it('answers an expired token with 401 UNAUTHENTICATED', async () => {
    const { customer } = await registerCustomer(stack);
    const key = await importPKCS8(DEV_JWT_PRIVATE_KEY, 'ES256');
    const expired = await sign(key, { role: 'CUSTOMER', sub: customer.id }, Math.floor(Date.now() / 1000) - 60);

    const res = await stack.request(ME, {}, expired);
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('answers a token whose claims were edited after signing with 401', async () => {
    const { token } = (await stack.request(START_GUEST_SESSION)).data.startGuestSession;
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url'), signature].join('.');

    const res = await stack.request(ME, {}, tampered);
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('demo customers (SEED_DEMO_DATA)', () => {
  it.each([
    ['alice@critter.test', 'Alice'],
    ['bob@critter.test', 'Bob'],
  ])('seeds %s, who signs in with the demo password and has a default address', async (email, firstName) => {
    const session = await login(stack, email, DEMO_PASSWORD);
    expect(session).toMatchObject({ role: 'CUSTOMER', customer: { email, firstName } });

    const me = await stack.request(ME, {}, session.token);
    expect(me.data.me.addresses).toEqual([expect.objectContaining({ nickname: 'Home', isDefault: true, country: 'US', verification: 'VERIFIED' })]);
    const registered = await db.eventsFor(session.customer!.id, 'CustomerRegistered');
    expect(registered).toHaveLength(1);
  });
});
