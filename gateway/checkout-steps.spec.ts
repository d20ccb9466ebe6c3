import { describe, expect, it } from 'vitest';
import { CheckoutSteps } from './checkout-steps.js';

describe('CheckoutSteps', () => {
  const steps = new CheckoutSteps();
  const stepOf = (body: unknown) => steps.stepOf(body);

  it('tells the checkout mutations from the other operations, by field name whatever the alias', () => {
    expect(stepOf({ query: 'mutation { checkoutCart(cartId: "c") { id } }' })).toBe('first');
    expect(stepOf({ query: 'mutation Place($id: ID!) { placeOrder(checkoutId: $id) { id } }' })).toBe('later');
    expect(stepOf({ query: 'mutation { ship: setCheckoutShippingMethod(checkoutId: "c", method: STANDARD) { id } }' })).toBe('later');
    expect(stepOf({ query: 'mutation { addCartItem(cartId: "c", sku: "s", quantity: 1) { id } }' })).toBeUndefined();
    expect(stepOf({ query: 'mutation { placeOrder: addCartItem(cartId: "c", sku: "s", quantity: 1) { id } }' })).toBeUndefined();
    // a query that reads a checkout is not a step of it
    expect(stepOf({ query: '{ checkout(id: "c") { id } }' })).toBeUndefined();
  });

  it('picks the operation the request names in a document of several', () => {
    const query = 'mutation Add { addCartItem(cartId: "c", sku: "s", quantity: 1) { id } } mutation Pay { placeOrder(checkoutId: "c") { id } }';
    expect(stepOf({ query, operationName: 'Pay' })).toBe('later');
    expect(stepOf({ query, operationName: 'Add' })).toBeUndefined();
    // Apollo refuses these; the admission gate only declines to put them first
    expect(stepOf({ query })).toBeUndefined();
    expect(stepOf({ query, operationName: 'Missing' })).toBeUndefined();
  });

  it('is not fooled by what it cannot read', () => {
    expect(stepOf(undefined)).toBeUndefined(); // a GET, or a body that is not JSON
    expect(stepOf({ extensions: { persistedQuery: { sha256Hash: 'abc' } } })).toBeUndefined();
    expect(stepOf({ query: 'mutation { placeOrder(' })).toBeUndefined();
    expect(stepOf({ query: 42 })).toBeUndefined();
  });
});
