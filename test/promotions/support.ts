import { randomUUID } from 'node:crypto';
import { eventually } from '../support/config.js';
import type { GraphQLResponse, Stack } from '../support/stack.js';
import { ADD_ITEM, CHECKOUT_CART, CREATE_CART, completeCheckout, ok } from '../orders/support.js';

/** Shared by the promotions tests: coupon operations and a shopper's way from cart to checkout with a coupon. */

export const CREATE_COUPON = /* GraphQL */ `
  mutation PromotionsTestCreateCoupon($input: CreateCouponInput!) {
    createCoupon(input: $input) {
      code
      description
      percentOff
      validUntil
      maxRedemptions
      redemptions
      active
    }
  }
`;

export const DEACTIVATE_COUPON = /* GraphQL */ `
  mutation PromotionsTestDeactivateCoupon($code: ID!) {
    deactivateCoupon(code: $code) {
      code
      active
    }
  }
`;

export const COUPONS = /* GraphQL */ `
  query PromotionsTestCoupons($first: Int, $after: String) {
    coupons(first: $first, after: $after) {
      nodes {
        code
        percentOff
        maxRedemptions
        redemptions
        active
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const CART_COUPON_FIELDS = /* GraphQL */ `
  fragment PromotionsTestCart on Cart {
    id
    updatedAt
    subtotal {
      cents
    }
    discount {
      cents
      currency
      formatted
    }
    coupon {
      code
      description
      percentOff
    }
  }
`;

export const APPLY_COUPON = /* GraphQL */ `
  mutation PromotionsTestApplyCoupon($cartId: ID!, $code: String!) {
    applyCoupon(cartId: $cartId, code: $code) {
      cart {
        ...PromotionsTestCart
      }
      warnings {
        code
      }
    }
  }
  ${CART_COUPON_FIELDS}
`;

export const REMOVE_COUPON = /* GraphQL */ `
  mutation PromotionsTestRemoveCoupon($cartId: ID!) {
    removeCoupon(cartId: $cartId) {
      cart {
        ...PromotionsTestCart
      }
    }
  }
  ${CART_COUPON_FIELDS}
`;

export const CART = /* GraphQL */ `
  query PromotionsTestReadCart($id: ID!) {
    cart(id: $id) {
      ...PromotionsTestCart
    }
  }
  ${CART_COUPON_FIELDS}
`;

export const MERGE_CART = /* GraphQL */ `
  mutation PromotionsTestMergeCart($guestToken: String!) {
    mergeCart(guestToken: $guestToken) {
      ...PromotionsTestCart
    }
  }
  ${CART_COUPON_FIELDS}
`;

export const CHECKOUT_DISCOUNT = /* GraphQL */ `
  query PromotionsTestCheckout($id: ID!) {
    checkout(id: $id) {
      id
      subtotal {
        cents
      }
      discount {
        cents
      }
      couponCode
      shippingCost {
        cents
      }
      total {
        cents
      }
    }
  }
`;

export const PLACE = /* GraphQL */ `
  mutation PromotionsTestPlaceOrder($checkoutId: ID!, $acknowledgePriceChanges: Boolean) {
    placeOrder(checkoutId: $checkoutId, acknowledgePriceChanges: $acknowledgePriceChanges) {
      id
      status
      couponCode
      subtotal {
        cents
      }
      discount {
        cents
      }
      shippingCost {
        cents
      }
      total {
        cents
      }
    }
  }
`;

export const ORDER_MONEY = /* GraphQL */ `
  query PromotionsTestOrderMoney($id: ID!) {
    order(id: $id) {
      id
      status
      couponCode
      discount {
        cents
      }
      total {
        cents
      }
      payment {
        status
        amount {
          cents
        }
      }
    }
  }
`;

export const CANCEL = /* GraphQL */ `
  mutation PromotionsTestCancelOrder($orderId: ID!) {
    cancelOrder(orderId: $orderId, reason: "changed my mind") {
      id
      status
    }
  }
`;

export interface CouponInput {
  code?: string;
  description?: string;
  percentOff?: number;
  validUntil?: string | null;
  maxRedemptions?: number | null;
}

/** A new coupon (catalog manager), returned once carts and orders both know it. */
export async function createCoupon(stack: Stack, input: CouponInput = {}): Promise<{ code: string; percentOff: number }> {
  const code = input.code ?? `T${randomUUID().slice(0, 8).toUpperCase()}`;
  const created = ok(await stack.request(CREATE_COUPON, { input: { description: 'Test coupon', percentOff: 10, ...input, code } }, await stack.tokenFor('CATALOG_MANAGER'))).createCoupon;
  await couponKnown(stack, created.code);
  return created;
}

/**
 * Waits until the cart's projection knows the coupon (a throw-away guest cart accepts it). Orders
 * learns it from the same event on its own: tests wait for a checkout to show the discount before
 * placing.
 */
export async function couponKnown(stack: Stack, code: string): Promise<void> {
  const guest = await stack.tokenFor('GUEST');
  const cartId = ok(await stack.request(CREATE_CART, {}, guest)).createCart.id as string;
  await eventually(async () => {
    const res = await stack.request(APPLY_COUPON, { cartId, code }, guest);
    return !res.errors;
  }, { what: `the cart to know coupon ${code}`, timeoutMs: 20_000, intervalMs: 100 });
}

export interface ShopperCheckout {
  token: string;
  customerId: string;
  cartId: string;
  checkoutId: string;
}

/** A new customer's cart of `quantity` × `sku` with `code` applied, checked out and every checkout step done. */
export async function checkoutWithCoupon(stack: Stack, sku: string, quantity: number, code: string | null, customerId: string = randomUUID()): Promise<ShopperCheckout> {
  const token = await stack.tokenFor('CUSTOMER', customerId);
  const cartId = ok(await stack.request(CREATE_CART, {}, token)).createCart.id as string;
  ok(await stack.request(ADD_ITEM, { cartId, sku, quantity }, token));
  if (code) ok(await stack.request(APPLY_COUPON, { cartId, code }, token));
  const checkoutId = ok(await stack.request(CHECKOUT_CART, { cartId }, token)).checkoutCart.id as string;
  await completeCheckout(stack, token, checkoutId);
  return { token, customerId, cartId, checkoutId };
}

/** The checkout as orders shows it once its discount is what `probe` expects (orders' ledger learns coupons by events). */
export function checkoutWhen(stack: Stack, token: string, checkoutId: string, probe: (checkout: any) => boolean, what: string): Promise<any> {
  return eventually(async () => {
    const checkout = ok(await stack.request(CHECKOUT_DISCOUNT, { id: checkoutId }, token)).checkout;
    return probe(checkout) ? checkout : undefined;
  }, { what, timeoutMs: 30_000, intervalMs: 100 });
}

export function errorOf(res: GraphQLResponse): { code: string; rule?: string; message: string } {
  const error = res.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(res.data)}`);
  return { code: error.extensions?.code, rule: error.extensions?.rule, message: error.message };
}
