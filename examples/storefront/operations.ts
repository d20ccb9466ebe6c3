import { graphql } from './__generated__/index.js';

/**
 * Every operation the example storefront sends. Typed by codegen's client preset from
 * schema/api.graphql (`npm run codegen` writes ./__generated__); `npm run schema:check` validates
 * them against the API schema, so a breaking change to the graph fails before a client breaks.
 */

export const BrowseProducts = graphql(`
  query ExampleBrowseProducts($search: String, $first: Int = 20) {
    products(search: $search, first: $first) {
      nodes {
        sku
        name
        status
        purchasable
        price {
          cents
          formatted
        }
        availability {
          inStock
        }
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const StartGuestSession = graphql(`
  mutation ExampleStartGuestSession {
    startGuestSession {
      token
      expiresAt
    }
  }
`);

export const CreateCart = graphql(`
  mutation ExampleCreateCart {
    createCart {
      id
    }
  }
`);

export const AddCartItem = graphql(`
  mutation ExampleAddCartItem($cartId: ID!, $sku: ID!, $quantity: Int!) {
    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {
      cart {
        id
        itemCount
        subtotal {
          formatted
        }
      }
      warnings {
        sku
        code
        message
      }
    }
  }
`);

export const RegisterCustomer = graphql(`
  mutation ExampleRegisterCustomer($input: RegisterCustomerInput!) {
    registerCustomer(input: $input) {
      token
    }
  }
`);

export const Login = graphql(`
  mutation ExampleLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      customer {
        id
        firstName
      }
    }
  }
`);

export const MergeCart = graphql(`
  mutation ExampleMergeCart($guestToken: String!) {
    mergeCart(guestToken: $guestToken) {
      id
      itemCount
      items {
        product {
          sku
        }
        quantity
      }
    }
  }
`);

export const CheckoutCart = graphql(`
  mutation ExampleCheckoutCart($cartId: ID!) {
    checkoutCart(cartId: $cartId) {
      id
      shippingOptions {
        method
        cost {
          formatted
        }
        minDays
        maxDays
      }
    }
  }
`);

export const SetShippingAddress = graphql(`
  mutation ExampleSetShippingAddress($checkoutId: ID!, $address: AddressInput!) {
    setCheckoutShippingAddress(checkoutId: $checkoutId, address: $address) {
      id
      addressWarnings
    }
  }
`);

export const SetShippingMethod = graphql(`
  mutation ExampleSetShippingMethod($checkoutId: ID!, $method: ShippingMethod!) {
    setCheckoutShippingMethod(checkoutId: $checkoutId, method: $method) {
      id
      total {
        formatted
      }
    }
  }
`);

export const SetPaymentMethod = graphql(`
  mutation ExampleSetPaymentMethod($checkoutId: ID!, $paymentToken: String!) {
    setCheckoutPaymentMethod(checkoutId: $checkoutId, paymentToken: $paymentToken) {
      id
      hasPaymentMethod
    }
  }
`);

export const PlaceOrder = graphql(`
  mutation ExamplePlaceOrder($checkoutId: ID!) {
    placeOrder(checkoutId: $checkoutId) {
      id
      number
      status
      total {
        formatted
      }
      estimatedDeliveryBy
      statusChanges {
        cursor
      }
    }
  }
`);

export const OrderUpdates = graphql(`
  subscription ExampleOrderUpdates($orderId: ID!, $after: String) {
    orderUpdated(orderId: $orderId, after: $after) {
      status
      previousStatus
      occurredAt
      cursor
      order {
        id
        number
        updatedAt
      }
    }
  }
`);

export const Reorder = graphql(`
  mutation ExampleReorder($orderId: ID!) {
    reorder(orderId: $orderId) {
      cart {
        id
        itemCount
        subtotal {
          formatted
        }
      }
      warnings {
        sku
        code
        message
      }
    }
  }
`);
