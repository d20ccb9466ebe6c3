import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';
import { errorCode, LOGIN, PASSWORD, registerCustomer, STAFF_PASSWORD } from '../customers/support.js';
import type { GraphQLResponse } from '../support/stack.js';

/**
 * Finding 5: wrong passwords must not be a weapon. A guesser at one address is slowed down and
 * then refused, while the owner signs in from anywhere else; guesses spread over many addresses
 * still meet a ceiling per e-mail. Addresses reach the gateway as a proxy one hop in front would
 * report them (X-Forwarded-For with TRUST_PROXY_HOPS=1).
 */

const FREE_FAILURES = 5;
const PER_EMAIL_CEILING = 12;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack([customersSubgraph], {
    TRUST_PROXY_HOPS: '1',
    LOGIN_MAX_FAILURES: String(FREE_FAILURES),
    LOGIN_MAX_FAILURES_PER_EMAIL: String(PER_EMAIL_CEILING),
    // Long enough that no attempt in this file outlives the delay, whatever the machine's load.
    LOGIN_RETRY_DELAY_MS: String(5 * 60_000),
    // Every guess here comes from a handful of addresses; the client budget is not under test.
    GATEWAY_RATE_LIMIT_PER_MINUTE: '10000',
  });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

let nextAddress = 1;
/** A fresh documentation address (RFC 5737) per call, so tests do not share allowances. */
const anAddress = () => `198.51.100.${nextAddress++}`;

async function signIn(from: string, email: string, password: string): Promise<GraphQLResponse> {
  const response = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
  });
  return (await response.json()) as GraphQLResponse;
}

const refusedForNow = (res: GraphQLResponse) => {
  expect(errorCode(res)).toBe('UNAUTHENTICATED');
  expect(res.errors![0]!.message).toMatch(/too many/i);
  expect(res.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
  expect(res.data).toBeNull();
};

describe('wrong passwords from one address', () => {
  it('do not lock the owner out elsewhere; the guessing address must wait, even with the right password', async () => {
    const { customer } = await registerCustomer(stack);
    const attacker = anAddress();
    const owner = anAddress();

    for (let i = 0; i < FREE_FAILURES; i++) {
      const res = await signIn(attacker, customer.email, `wrong guess ${i}`);
      expect(res.errors![0]!.message).toBe('Invalid e-mail or password');
    }
    refusedForNow(await signIn(attacker, customer.email, `wrong guess ${FREE_FAILURES}`));
    refusedForNow(await signIn(attacker, customer.email, PASSWORD));

    const res = await signIn(owner, customer.email, PASSWORD);
    expect(res.errors).toBeUndefined();
    expect(res.data!.login).toMatchObject({ role: 'CUSTOMER', customer: { id: customer.id } });
    // The owner's success does not give the guesser a fresh allowance.
    refusedForNow(await signIn(attacker, customer.email, PASSWORD));
  });

  it('do not lock a staff member out either (staff e-mails are public)', async () => {
    const attacker = anAddress();
    for (let i = 0; i < FREE_FAILURES + 2; i++) await signIn(attacker, 'cs@crittersupply.dev', `wrong guess ${i}`);
    refusedForNow(await signIn(attacker, 'cs@crittersupply.dev', STAFF_PASSWORD));

    const res = await signIn(anAddress(), 'cs@crittersupply.dev', STAFF_PASSWORD);
    expect(res.errors).toBeUndefined();
    expect(res.data!.login).toMatchObject({ role: 'CUSTOMER_SERVICE' });
  });

  it('cannot be forged past by a client-sent address header', async () => {
    const { customer } = await registerCustomer(stack);
    const attacker = anAddress();
    for (let i = 0; i < FREE_FAILURES; i++) await signIn(attacker, customer.email, `wrong guess ${i}`);

    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': attacker, 'x-critter-client-address': anAddress() },
      body: JSON.stringify({ query: LOGIN, variables: { email: customer.email, password: PASSWORD } }),
    });
    refusedForNow((await response.json()) as GraphQLResponse);
  });
});

describe('wrong passwords from many addresses', () => {
  it('meet a ceiling per e-mail that holds for every address', async () => {
    const { customer } = await registerCustomer(stack);
    // Each address stays within its free failures; together they reach the ceiling.
    for (let i = 0; i < PER_EMAIL_CEILING; i++) {
      const res = await signIn(anAddress(), customer.email, `wrong guess ${i}`);
      expect(res.errors![0]!.message).toBe('Invalid e-mail or password');
    }
    refusedForNow(await signIn(anAddress(), customer.email, `wrong guess ${PER_EMAIL_CEILING}`));
    refusedForNow(await signIn(anAddress(), customer.email, PASSWORD));
  });
});
