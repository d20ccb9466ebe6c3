/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ExampleBrowseProducts($search: String, $first: Int = 20) {\n    products(search: $search, first: $first) {\n      nodes {\n        sku\n        name\n        status\n        purchasable\n        price {\n          cents\n          formatted\n        }\n        availability {\n          inStock\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ExampleBrowseProductsDocument,
    "\n  mutation ExampleStartGuestSession {\n    startGuestSession {\n      token\n      expiresAt\n    }\n  }\n": typeof types.ExampleStartGuestSessionDocument,
    "\n  mutation ExampleCreateCart {\n    createCart {\n      id\n    }\n  }\n": typeof types.ExampleCreateCartDocument,
    "\n  mutation ExampleAddCartItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        id\n        itemCount\n        subtotal {\n          formatted\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n": typeof types.ExampleAddCartItemDocument,
    "\n  mutation ExampleRegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n    }\n  }\n": typeof types.ExampleRegisterCustomerDocument,
    "\n  mutation ExampleLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      customer {\n        id\n        firstName\n      }\n    }\n  }\n": typeof types.ExampleLoginDocument,
    "\n  mutation ExampleMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      id\n      itemCount\n      items {\n        product {\n          sku\n        }\n        quantity\n      }\n    }\n  }\n": typeof types.ExampleMergeCartDocument,
    "\n  mutation ExampleCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      id\n      shippingOptions {\n        method\n        cost {\n          formatted\n        }\n        minDays\n        maxDays\n      }\n    }\n  }\n": typeof types.ExampleCheckoutCartDocument,
    "\n  mutation ExampleSetShippingAddress($checkoutId: ID!, $address: AddressInput!) {\n    setCheckoutShippingAddress(checkoutId: $checkoutId, address: $address) {\n      id\n      addressWarnings\n    }\n  }\n": typeof types.ExampleSetShippingAddressDocument,
    "\n  mutation ExampleSetShippingMethod($checkoutId: ID!, $method: ShippingMethod!) {\n    setCheckoutShippingMethod(checkoutId: $checkoutId, method: $method) {\n      id\n      total {\n        formatted\n      }\n    }\n  }\n": typeof types.ExampleSetShippingMethodDocument,
    "\n  mutation ExampleSetPaymentMethod($checkoutId: ID!, $paymentToken: String!) {\n    setCheckoutPaymentMethod(checkoutId: $checkoutId, paymentToken: $paymentToken) {\n      id\n      hasPaymentMethod\n    }\n  }\n": typeof types.ExampleSetPaymentMethodDocument,
    "\n  mutation ExamplePlaceOrder($checkoutId: ID!) {\n    placeOrder(checkoutId: $checkoutId) {\n      id\n      number\n      status\n      total {\n        formatted\n      }\n      estimatedDeliveryBy\n      statusChanges {\n        cursor\n      }\n    }\n  }\n": typeof types.ExamplePlaceOrderDocument,
    "\n  subscription ExampleOrderUpdates($orderId: ID!, $after: String) {\n    orderUpdated(orderId: $orderId, after: $after) {\n      status\n      previousStatus\n      occurredAt\n      cursor\n      order {\n        id\n        number\n        updatedAt\n      }\n    }\n  }\n": typeof types.ExampleOrderUpdatesDocument,
    "\n  mutation ExampleReorder($orderId: ID!) {\n    reorder(orderId: $orderId) {\n      cart {\n        id\n        itemCount\n        subtotal {\n          formatted\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n": typeof types.ExampleReorderDocument,
};
const documents: Documents = {
    "\n  query ExampleBrowseProducts($search: String, $first: Int = 20) {\n    products(search: $search, first: $first) {\n      nodes {\n        sku\n        name\n        status\n        purchasable\n        price {\n          cents\n          formatted\n        }\n        availability {\n          inStock\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ExampleBrowseProductsDocument,
    "\n  mutation ExampleStartGuestSession {\n    startGuestSession {\n      token\n      expiresAt\n    }\n  }\n": types.ExampleStartGuestSessionDocument,
    "\n  mutation ExampleCreateCart {\n    createCart {\n      id\n    }\n  }\n": types.ExampleCreateCartDocument,
    "\n  mutation ExampleAddCartItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        id\n        itemCount\n        subtotal {\n          formatted\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n": types.ExampleAddCartItemDocument,
    "\n  mutation ExampleRegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n    }\n  }\n": types.ExampleRegisterCustomerDocument,
    "\n  mutation ExampleLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      customer {\n        id\n        firstName\n      }\n    }\n  }\n": types.ExampleLoginDocument,
    "\n  mutation ExampleMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      id\n      itemCount\n      items {\n        product {\n          sku\n        }\n        quantity\n      }\n    }\n  }\n": types.ExampleMergeCartDocument,
    "\n  mutation ExampleCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      id\n      shippingOptions {\n        method\n        cost {\n          formatted\n        }\n        minDays\n        maxDays\n      }\n    }\n  }\n": types.ExampleCheckoutCartDocument,
    "\n  mutation ExampleSetShippingAddress($checkoutId: ID!, $address: AddressInput!) {\n    setCheckoutShippingAddress(checkoutId: $checkoutId, address: $address) {\n      id\n      addressWarnings\n    }\n  }\n": types.ExampleSetShippingAddressDocument,
    "\n  mutation ExampleSetShippingMethod($checkoutId: ID!, $method: ShippingMethod!) {\n    setCheckoutShippingMethod(checkoutId: $checkoutId, method: $method) {\n      id\n      total {\n        formatted\n      }\n    }\n  }\n": types.ExampleSetShippingMethodDocument,
    "\n  mutation ExampleSetPaymentMethod($checkoutId: ID!, $paymentToken: String!) {\n    setCheckoutPaymentMethod(checkoutId: $checkoutId, paymentToken: $paymentToken) {\n      id\n      hasPaymentMethod\n    }\n  }\n": types.ExampleSetPaymentMethodDocument,
    "\n  mutation ExamplePlaceOrder($checkoutId: ID!) {\n    placeOrder(checkoutId: $checkoutId) {\n      id\n      number\n      status\n      total {\n        formatted\n      }\n      estimatedDeliveryBy\n      statusChanges {\n        cursor\n      }\n    }\n  }\n": types.ExamplePlaceOrderDocument,
    "\n  subscription ExampleOrderUpdates($orderId: ID!, $after: String) {\n    orderUpdated(orderId: $orderId, after: $after) {\n      status\n      previousStatus\n      occurredAt\n      cursor\n      order {\n        id\n        number\n        updatedAt\n      }\n    }\n  }\n": types.ExampleOrderUpdatesDocument,
    "\n  mutation ExampleReorder($orderId: ID!) {\n    reorder(orderId: $orderId) {\n      cart {\n        id\n        itemCount\n        subtotal {\n          formatted\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n": types.ExampleReorderDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExampleBrowseProducts($search: String, $first: Int = 20) {\n    products(search: $search, first: $first) {\n      nodes {\n        sku\n        name\n        status\n        purchasable\n        price {\n          cents\n          formatted\n        }\n        availability {\n          inStock\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExampleBrowseProducts($search: String, $first: Int = 20) {\n    products(search: $search, first: $first) {\n      nodes {\n        sku\n        name\n        status\n        purchasable\n        price {\n          cents\n          formatted\n        }\n        availability {\n          inStock\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleStartGuestSession {\n    startGuestSession {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ExampleStartGuestSession {\n    startGuestSession {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleCreateCart {\n    createCart {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ExampleCreateCart {\n    createCart {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleAddCartItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        id\n        itemCount\n        subtotal {\n          formatted\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExampleAddCartItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        id\n        itemCount\n        subtotal {\n          formatted\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleRegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation ExampleRegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      customer {\n        id\n        firstName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExampleLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      customer {\n        id\n        firstName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      id\n      itemCount\n      items {\n        product {\n          sku\n        }\n        quantity\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExampleMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      id\n      itemCount\n      items {\n        product {\n          sku\n        }\n        quantity\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      id\n      shippingOptions {\n        method\n        cost {\n          formatted\n        }\n        minDays\n        maxDays\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExampleCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      id\n      shippingOptions {\n        method\n        cost {\n          formatted\n        }\n        minDays\n        maxDays\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleSetShippingAddress($checkoutId: ID!, $address: AddressInput!) {\n    setCheckoutShippingAddress(checkoutId: $checkoutId, address: $address) {\n      id\n      addressWarnings\n    }\n  }\n"): (typeof documents)["\n  mutation ExampleSetShippingAddress($checkoutId: ID!, $address: AddressInput!) {\n    setCheckoutShippingAddress(checkoutId: $checkoutId, address: $address) {\n      id\n      addressWarnings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleSetShippingMethod($checkoutId: ID!, $method: ShippingMethod!) {\n    setCheckoutShippingMethod(checkoutId: $checkoutId, method: $method) {\n      id\n      total {\n        formatted\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExampleSetShippingMethod($checkoutId: ID!, $method: ShippingMethod!) {\n    setCheckoutShippingMethod(checkoutId: $checkoutId, method: $method) {\n      id\n      total {\n        formatted\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleSetPaymentMethod($checkoutId: ID!, $paymentToken: String!) {\n    setCheckoutPaymentMethod(checkoutId: $checkoutId, paymentToken: $paymentToken) {\n      id\n      hasPaymentMethod\n    }\n  }\n"): (typeof documents)["\n  mutation ExampleSetPaymentMethod($checkoutId: ID!, $paymentToken: String!) {\n    setCheckoutPaymentMethod(checkoutId: $checkoutId, paymentToken: $paymentToken) {\n      id\n      hasPaymentMethod\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExamplePlaceOrder($checkoutId: ID!) {\n    placeOrder(checkoutId: $checkoutId) {\n      id\n      number\n      status\n      total {\n        formatted\n      }\n      estimatedDeliveryBy\n      statusChanges {\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExamplePlaceOrder($checkoutId: ID!) {\n    placeOrder(checkoutId: $checkoutId) {\n      id\n      number\n      status\n      total {\n        formatted\n      }\n      estimatedDeliveryBy\n      statusChanges {\n        cursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExampleOrderUpdates($orderId: ID!, $after: String) {\n    orderUpdated(orderId: $orderId, after: $after) {\n      status\n      previousStatus\n      occurredAt\n      cursor\n      order {\n        id\n        number\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ExampleOrderUpdates($orderId: ID!, $after: String) {\n    orderUpdated(orderId: $orderId, after: $after) {\n      status\n      previousStatus\n      occurredAt\n      cursor\n      order {\n        id\n        number\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleReorder($orderId: ID!) {\n    reorder(orderId: $orderId) {\n      cart {\n        id\n        itemCount\n        subtotal {\n          formatted\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExampleReorder($orderId: ID!) {\n    reorder(orderId: $orderId) {\n      cart {\n        id\n        itemCount\n        subtotal {\n          formatted\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;