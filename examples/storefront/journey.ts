import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import type WebSocket from 'ws';
import type { ExampleOrderUpdatesSubscription, OrderStatus } from './__generated__/graphql.js';
import { httpClient, subscriptionClient } from './client.js';
import {
  AddCartItem,
  BrowseProducts,
  CheckoutCart,
  CreateCart,
  Login,
  MergeCart,
  OrderUpdates,
  PlaceOrder,
  RegisterCustomer,
  Reorder,
  SetPaymentMethod,
  SetShippingAddress,
  SetShippingMethod,
  StartGuestSession,
} from './operations.js';

export interface JourneyOptions {
  /** http(s)://…/graphql of the gateway. */
  httpUrl: string;
  /** ws(s)://…/graphql (the same path). */
  wsUrl: string;
  /** What to look for in the catalogue. */
  search?: string;
  /** Stops following the order at this status. */
  until?: OrderStatus;
  log?: (line: string) => void;
}

export interface JourneyResult {
  sku: string;
  orderId: string;
  orderNumber: string;
  /** Every status change received live, in order (previous → next). */
  updates: { previousStatus: OrderStatus | null; status: OrderStatus; cursor: string }[];
  /** Connections the subscription client made: the first, then one per reconnect. */
  connections: number;
  reorderedItemCount: number;
}

/**
 * The whole shopper journey against a running gateway, as a storefront does it: browse anonymously,
 * fill a guest cart, sign in (a new account) and merge the guest cart, check out with the cheapest
 * shipping option, place the order, follow it live — dropping the socket once on purpose and
 * resuming from the last cursor — and finally reorder it.
 */
export async function runJourney(options: JourneyOptions): Promise<JourneyResult> {
  const log = options.log ?? (() => {});
  const request = httpClient(options.httpUrl);

  // 1. Browse (no token: a CDN may cache this as a GET)
  const { products } = await request(BrowseProducts, { search: options.search ?? 'bowl', first: 10 });
  const product = products.nodes.find((p) => p.purchasable && p.availability.inStock);
  if (!product) throw new Error(`nothing purchasable and in stock for "${options.search ?? 'bowl'}"`);
  log(`browse: ${products.totalCount} found; picking ${product.name} (${product.price.formatted})`);

  // 2. A guest cart
  const guest = await request(StartGuestSession, {});
  const guestCart = await request(CreateCart, {}, guest.startGuestSession.token);
  const added = await request(AddCartItem, { cartId: guestCart.createCart.id, sku: product.sku, quantity: 2 }, guest.startGuestSession.token);
  for (const warning of added.addCartItem.warnings) log(`warning: ${warning.code} ${warning.message}`);
  log(`guest cart: ${added.addCartItem.cart.itemCount} item(s), ${added.addCartItem.cart.subtotal.formatted}`);

  // 3. Sign up, sign in, and merge the guest cart into the customer's
  const email = `shopper-${randomUUID()}@example.test`;
  const password = `correct-horse-${randomUUID()}`;
  await request(RegisterCustomer, { input: { email, password, firstName: 'Sam', lastName: 'Shopper' } });
  const { login } = await request(Login, { email, password });
  const token = login.token;
  const { mergeCart } = await request(MergeCart, { guestToken: guest.startGuestSession.token }, token);
  log(`signed in as ${login.customer?.firstName}; merged cart has ${mergeCart.itemCount} item(s)`);

  // 4. Checkout: address, the cheapest shipping option, a payment token from the provider's SDK
  const { checkoutCart } = await request(CheckoutCart, { cartId: mergeCart.id }, token);
  const cheapest = checkoutCart.shippingOptions[0];
  log(`shipping options: ${checkoutCart.shippingOptions.map((o) => `${o.method} ${o.cost.formatted} (${o.minDays}-${o.maxDays} days)`).join(', ')}`);
  await request(
    SetShippingAddress,
    { checkoutId: checkoutCart.id, address: { nickname: 'Home', line1: '1 Main St', city: 'Newark', region: 'NJ', postalCode: '07102', country: 'US' } },
    token,
  );
  await request(SetShippingMethod, { checkoutId: checkoutCart.id, method: cheapest.method }, token);
  await request(SetPaymentMethod, { checkoutId: checkoutCart.id, paymentToken: 'tok_visa' }, token);

  // 5. Place it
  const { placeOrder } = await request(PlaceOrder, { checkoutId: checkoutCart.id }, token);
  log(`order ${placeOrder.number}: ${placeOrder.status}, ${placeOrder.total.formatted}, by ${placeOrder.estimatedDeliveryBy}`);

  // 6. Follow it live; the socket is dropped once (no close frame, as when a phone loses its
  //    network) and graphql-ws reconnects, re-sending this same payload: `after` is kept at the
  //    last cursor seen, so the gateway replays what was missed and nothing twice.
  const until = options.until ?? 'CONFIRMED';
  let connections = 0;
  let dropped = false;
  const ws = subscriptionClient(options.wsUrl, token, {
    onConnected: (socket: WebSocket) => {
      connections += 1;
      if (!dropped) {
        dropped = true;
        setImmediate(() => socket.terminate());
      }
    },
  });
  // from the cursor of PLACED: whatever happened since placement is replayed first
  const variables: { orderId: string; after: string | null } = { orderId: placeOrder.id, after: placeOrder.statusChanges[0]?.cursor ?? null };
  const updates: JourneyResult['updates'] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const stop = ws.subscribe<ExampleOrderUpdatesSubscription>(
        { query: print(OrderUpdates), variables },
        {
          next: ({ data, errors }) => {
            if (errors?.length || !data) return reject(new Error(JSON.stringify(errors)));
            const { status, previousStatus, cursor } = data.orderUpdated;
            variables.after = cursor;
            updates.push({ status, previousStatus: previousStatus ?? null, cursor });
            log(`live: ${previousStatus ?? '-'} → ${status}`);
            if (status === until || status === 'CANCELLED' || status === 'ON_HOLD') {
              stop();
              resolve();
            }
          },
          error: reject,
          complete: () => resolve(),
        },
      );
    });
  } finally {
    await ws.dispose();
  }

  // 7. Reorder it: the same items, today's prices, into the customer's active cart
  const { reorder } = await request(Reorder, { orderId: placeOrder.id }, token);
  log(`reordered: cart ${reorder.cart.itemCount} item(s), ${reorder.cart.subtotal.formatted}`);

  return { sku: product.sku, orderId: placeOrder.id, orderNumber: placeOrder.number, updates, connections, reorderedItemCount: reorder.cart.itemCount };
}
