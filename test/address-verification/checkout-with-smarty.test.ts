import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartSubgraph } from '../../subgraphs/cart/subgraph.js';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { customersSubgraph } from '../../subgraphs/customers/subgraph.js';
import { inventorySubgraph } from '../../subgraphs/inventory/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { eventually } from '../support/config.js';
import { FakeSmarty, smartyCandidate } from '../support/fake-smarty.js';
import { startStack, type Stack } from '../support/stack.js';
import { checkoutCart, createProduct, homeAddress, ok, placeOrder, registerCustomer, SET_ADDRESS, SET_METHOD, SET_PAYMENT, type CheckoutView } from '../orders/support.js';

/**
 * Checkout through the gateway with orders configured for Smarty (ADDRESS_VERIFIER=smarty, the
 * API at a local fake of https://www.smarty.com/docs/cloud/us-street-api): a Smarty outage never
 * blocks a checkout, the breaker opens and spares Smarty, and closes when it is back.
 */

let smarty: FakeSmarty;
let stack: Stack;
let kibble: string;

beforeAll(async () => {
  smarty = await FakeSmarty.start();
  // homeAddress(): 1 Main St, Newark NJ 07102
  smarty.know('1 Main St', [smartyCandidate({ primaryNumber: '1', streetName: 'Main', streetSuffix: 'St', city: 'Newark', state: 'NJ', zip: '07102', plus4: '4321', dpv: 'Y' })]);
  stack = await startStack([customersSubgraph, catalogSubgraph, inventorySubgraph, cartSubgraph, ordersSubgraph], {
    ADDRESS_VERIFIER: 'smarty',
    SMARTY_AUTH_ID: smarty.authId,
    SMARTY_AUTH_TOKEN: smarty.authToken,
    SMARTY_API_BASE: smarty.url,
    // one address check (3 attempts) opens the breaker; it probes again 5 s later
    OUTBOUND_BREAKER_FAILURES: '3',
    OUTBOUND_BREAKER_HALF_OPEN_MS: '5000',
    OUTBOUND_RETRY_DELAY_MS: '10',
  });
  kibble = await createProduct(stack, await stack.tokenFor('CATALOG_MANAGER'), 1_299);
});
afterAll(async () => {
  await stack?.stop();
  await smarty?.stop();
});

async function freshCheckout() {
  const customer = await registerCustomer(stack);
  const { response } = await checkoutCart(stack, customer.token, [[kibble, 1]]);
  return { token: customer.token, checkout: ok(response).checkoutCart as CheckoutView };
}

const setAddress = async (token: string, checkoutId: string): Promise<CheckoutView> =>
  ok(await stack.request(SET_ADDRESS, { checkoutId, address: homeAddress() }, token)).setCheckoutShippingAddress;
const ordersReady = async () => (await fetch(stack.subgraphs.orders!.url.replace(/\/graphql$/, '/ready'))).json();

describe('checkout with Smarty address verification', () => {
  it('verifies the shipping address with Smarty', async () => {
    const { token, checkout } = await freshCheckout();
    const updated = await setAddress(token, checkout.id);
    expect(updated.addressWarnings).toEqual([]);
    expect(updated.shippingAddress).toMatchObject({ line1: '1 Main St', city: 'Newark', region: 'NJ', postalCode: '07102' });
    expect(smarty.requests.at(-1)!.get('street')).toBe('1 Main St');
  });

  it('Smarty down: the checkout proceeds with UNVERIFIED, the breaker opens and later checks fail fast; Smarty back: the breaker closes', async () => {
    const { token, checkout } = await freshCheckout();
    const second = await freshCheckout();
    smarty.outage(503);

    const before = smarty.requests.length;
    const degraded = await setAddress(token, checkout.id);
    expect(degraded.addressWarnings).toEqual([expect.stringMatching(/^UNVERIFIED/)]);
    expect(smarty.requests.length - before).toBe(3); // the first attempt and two retries; the breaker is open now

    // open: the next check is not held up by Smarty at all
    const reached = smarty.requests.length;
    expect((await setAddress(second.token, second.checkout.id)).addressWarnings).toEqual([expect.stringMatching(/^UNVERIFIED/)]);
    expect(smarty.requests.length).toBe(reached);
    expect(await ordersReady()).toMatchObject({ status: 'ready', outbound: { smarty: 'open' }, openCircuits: ['smarty'] });

    // and the checkout goes on to an order
    ok(await stack.request(SET_METHOD, { checkoutId: checkout.id, method: 'STANDARD' }, token));
    ok(await stack.request(SET_PAYMENT, { checkoutId: checkout.id, paymentToken: 'tok_visa' }, token));
    expect((await placeOrder(stack, token, checkout.id)).id).toEqual(expect.any(String));

    smarty.recover();
    const verified = await eventually(async () => (await setAddress(second.token, second.checkout.id)).addressWarnings.length === 0, {
      timeoutMs: 30_000,
      intervalMs: 250,
      what: 'the address to be verified again after the breaker closed',
    });
    expect(verified).toBe(true);
    expect(await ordersReady()).toMatchObject({ outbound: { smarty: 'closed' }, openCircuits: [] });
  });
});
