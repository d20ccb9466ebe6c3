import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';
import { RawSocket } from '../support/ws.js';
import { CustomersDb, LOGIN, ME, PASSWORD, errorCode, jwtClaims, login, registerCustomer } from './support.js';

/** refreshSession, logout, password change and reset, profile updates: through the gateway, revocation everywhere. */

let stack: Stack;
let db: CustomersDb;
beforeAll(async () => {
  stack = await startStack([customersSubgraph, catalogSubgraph, cartSubgraph], { RESET_LINK_URL_BASE: 'https://shop.example/reset-password' });
  db = new CustomersDb(stack.env.databaseUrl);
  await db.connect();
});
afterAll(async () => {
  await db?.close();
  await stack?.stop();
});

const REFRESH = 'mutation { refreshSession { token expiresAt role customer { id } } }';
const LOGOUT = 'mutation { logout }';
const REQUEST_RESET = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation ($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) { token role customer { id email } } }';
const CHANGE = 'mutation ($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }';
const UPDATE_PROFILE = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id firstName lastName } }';

/** Whether the gateway (HTTP) still accepts `token` for the caller's own data. */
const accepted = async (token: string) => (await stack.request(ME, {}, token)).status === 200;
const refusedEverywhere = (token: string) => eventually(async () => !(await accepted(token)), { what: 'the revoked token to be refused' });

describe('refreshSession and logout', () => {
  it('refreshes within the same session; logout revokes the token and its refreshes at the gateway and the subscription edge', async () => {
    const customer = await registerCustomer(stack);
    const refreshed = await stack.request(REFRESH, {}, customer.token);
    expect(refreshed.errors).toBeUndefined();
    const fresh = refreshed.data.refreshSession.token as string;
    expect(jwtClaims(fresh).sid).toBe(jwtClaims(customer.token).sid);
    expect(refreshed.data.refreshSession.customer.id).toBe(customer.customer.id);

    const other = await login(stack, customer.customer.email, PASSWORD); // another device: another session
    const socket = await RawSocket.open(stack.wsUrl);
    await socket.init(fresh);

    expect((await stack.request(LOGOUT, {}, customer.token)).data).toEqual({ logout: true });
    await refusedEverywhere(customer.token);
    await refusedEverywhere(fresh);
    expect((await socket.closed).code).toBe(4403);
    const res = await stack.request(ME, {}, fresh);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].message).toMatch(/revoked/i);
    // the other device stays signed in
    expect(await accepted(other.token)).toBe(true);
  });
});

describe('password reset', () => {
  it('publishes PasswordResetRequested with a working single-use link; the reset revokes every other session', async () => {
    const customer = await registerCustomer(stack);
    expect((await stack.request(REQUEST_RESET, { email: customer.customer.email.toUpperCase() })).data).toEqual({ requestPasswordReset: true });
    const [requested] = await eventually(async () => {
      const events = await db.eventsFor(customer.customer.id, 'PasswordResetRequested');
      return events.length && events.every((e) => e.publishedAt) ? events : undefined;
    }, { what: 'PasswordResetRequested in the stream' });
    expect(requested.payload).toMatchObject({ customerId: customer.customer.id, email: customer.customer.email, firstName: 'Pat' });
    const link = new URL(requested.payload.resetUrl);
    expect(`${link.origin}${link.pathname}`).toBe('https://shop.example/reset-password');
    const token = link.searchParams.get('token')!;
    expect(Date.parse(requested.payload.expiresAt) - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(JSON.stringify(await db.eventsFor(customer.customer.id))).not.toContain(`"token":"${token}"`);

    const weak = await stack.request(RESET, { token, newPassword: '1234567890' });
    expect(errorCode(weak)).toBe('BAD_USER_INPUT');
    const reset = await stack.request(RESET, { token, newPassword: 'a brand new password' });
    expect(reset.errors).toBeUndefined();
    expect(reset.data.resetPassword.customer.id).toBe(customer.customer.id);
    expect(await accepted(reset.data.resetPassword.token)).toBe(true);
    await refusedEverywhere(customer.token);
    expect((await stack.request(LOGIN, { email: customer.customer.email, password: 'a brand new password' })).errors).toBeUndefined();

    const again = await stack.request(RESET, { token, newPassword: 'yet another password' });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
  });

  it('answers true for an unknown e-mail and publishes nothing', async () => {
    const before = await db.outboxCount();
    expect((await stack.request(REQUEST_RESET, { email: 'nobody.here@critter.test' })).data).toEqual({ requestPasswordReset: true });
    expect(await db.outboxCount()).toBe(before);
  });
});

describe('changePassword', () => {
  it('needs the current password and revokes the other sessions, keeping this one', async () => {
    const customer = await registerCustomer(stack);
    const other = await login(stack, customer.customer.email, PASSWORD);
    const wrong = await stack.request(CHANGE, { currentPassword: 'not my password', newPassword: 'a brand new password' }, customer.token);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect((await stack.request(CHANGE, { currentPassword: PASSWORD, newPassword: 'a brand new password' }, customer.token)).data).toEqual({ changePassword: true });
    await refusedEverywhere(other.token);
    expect(await accepted(customer.token)).toBe(true);
  });
});

describe('updateProfile', () => {
  it('changes the names and publishes CustomerProfileUpdated', async () => {
    const customer = await registerCustomer(stack);
    const res = await stack.request(UPDATE_PROFILE, { input: { firstName: ' Patricia ' } }, customer.token);
    expect(res.data.updateProfile).toEqual({ id: customer.customer.id, firstName: 'Patricia', lastName: 'Pawson' });
    const [event] = await db.eventsFor(customer.customer.id, 'CustomerProfileUpdated');
    expect(event.payload).toEqual({ customerId: customer.customer.id, email: customer.customer.email, firstName: 'Patricia', lastName: 'Pawson' });
    expect(errorCode(await stack.request(UPDATE_PROFILE, { input: { lastName: '  ' } }, customer.token))).toBe('BAD_USER_INPUT');
  });
});
