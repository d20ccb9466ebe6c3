import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createEnvelope, subjectFor, type EventDefinition, type PayloadOf } from '../../events/contract.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import { ensureStream } from '../../events/streams.js';
import { CheckoutInitiated } from '../../events/contracts/cart/index.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { startStack, type GraphQLResponse, type Stack } from '../support/stack.js';
import { eventually } from '../support/config.js';

/** Shared by the orders test files: operations, a reader of orders' tables, and stand-ins for other contexts. */

export const CHECKOUT_FIELDS = /* GraphQL */ `
  fragment OrdersTestCheckout on Checkout {
    id
    status
    items {
      product {
        sku
      }
      quantity
      unitPrice {
        cents
        currency
      }
      lineTotal {
        cents
      }
    }
    shippingAddress {
      line1
      line2
      city
      region
      postalCode
      country
    }
    addressWarnings
    shippingMethod
    shippingCost {
      cents
      formatted
    }
    hasPaymentMethod
    priceChanges {
      product {
        sku
      }
      previousPrice {
        cents
      }
      currentPrice {
        cents
      }
    }
    subtotal {
      cents
    }
    total {
      cents
      formatted
    }
    order {
      id
      status
    }
  }
`;

export const ORDER_FIELDS = /* GraphQL */ `
  fragment OrdersTestOrder on Order {
    id
    status
    customer {
      id
    }
    items {
      product {
        sku
      }
      quantity
      unitPrice {
        cents
      }
      lineTotal {
        cents
      }
    }
    shippingAddress {
      line1
      city
      region
      country
    }
    shippingMethod
    subtotal {
      cents
    }
    shippingCost {
      cents
    }
    total {
      cents
      formatted
    }
    placedAt
    cancellationReason
    timeline {
      type
      occurredAt
      detail
    }
  }
`;

export const CHECKOUT = /* GraphQL */ `
  query OrdersTestCheckout($id: ID!) {
    checkout(id: $id) {
      ...OrdersTestCheckout
    }
  }
  ${CHECKOUT_FIELDS}
`;

export const SET_ADDRESS = /* GraphQL */ `
  mutation OrdersTestSetAddress($checkoutId: ID!, $addressId: ID, $address: AddressInput) {
    setCheckoutShippingAddress(checkoutId: $checkoutId, addressId: $addressId, address: $address) {
      ...OrdersTestCheckout
    }
  }
  ${CHECKOUT_FIELDS}
`;

export const SET_METHOD = /* GraphQL */ `
  mutation OrdersTestSetMethod($checkoutId: ID!, $method: ShippingMethod!) {
    setCheckoutShippingMethod(checkoutId: $checkoutId, method: $method) {
      ...OrdersTestCheckout
    }
  }
  ${CHECKOUT_FIELDS}
`;

export const SET_PAYMENT = /* GraphQL */ `
  mutation OrdersTestSetPayment($checkoutId: ID!, $paymentToken: String!) {
    setCheckoutPaymentMethod(checkoutId: $checkoutId, paymentToken: $paymentToken) {
      ...OrdersTestCheckout
    }
  }
  ${CHECKOUT_FIELDS}
`;

export const PLACE_ORDER = /* GraphQL */ `
  mutation OrdersTestPlaceOrder($checkoutId: ID!, $acknowledgePriceChanges: Boolean) {
    placeOrder(checkoutId: $checkoutId, acknowledgePriceChanges: $acknowledgePriceChanges) {
      ...OrdersTestOrder
    }
  }
  ${ORDER_FIELDS}
`;

export const CANCEL_ORDER = /* GraphQL */ `
  mutation OrdersTestCancelOrder($orderId: ID!, $reason: String!) {
    cancelOrder(orderId: $orderId, reason: $reason) {
      ...OrdersTestOrder
    }
  }
  ${ORDER_FIELDS}
`;

export const ORDER = /* GraphQL */ `
  query OrdersTestOrder($id: ID!) {
    order(id: $id) {
      ...OrdersTestOrder
    }
  }
  ${ORDER_FIELDS}
`;

export const MY_ORDERS = /* GraphQL */ `
  query OrdersTestMyOrders($first: Int, $after: String) {
    myOrders(first: $first, after: $after) {
      nodes {
        id
        status
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const ALL_ORDERS = /* GraphQL */ `
  query OrdersTestAllOrders($status: OrderStatus, $first: Int, $after: String) {
    orders(status: $status, first: $first, after: $after) {
      nodes {
        id
        status
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const ORDER_UPDATED = /* GraphQL */ `
  subscription OrdersTestOrderUpdated($orderId: ID) {
    orderUpdated(orderId: $orderId) {
      status
      previousStatus
      occurredAt
      order {
        id
        status
        total {
          cents
        }
      }
    }
  }
`;

export interface CheckoutView {
  id: string;
  status: string;
  items: { product: { sku: string }; quantity: number; unitPrice: { cents: number; currency: string }; lineTotal: { cents: number } }[];
  shippingAddress: { line1: string; line2: string | null; city: string; region: string; postalCode: string; country: string } | null;
  addressWarnings: string[];
  shippingMethod: string | null;
  shippingCost: { cents: number; formatted: string } | null;
  hasPaymentMethod: boolean;
  priceChanges: { product: { sku: string }; previousPrice: { cents: number }; currentPrice: { cents: number } }[];
  subtotal: { cents: number };
  total: { cents: number; formatted: string };
  order: { id: string; status: string } | null;
}

export interface OrderView {
  id: string;
  status: string;
  customer: { id: string };
  items: { product: { sku: string }; quantity: number; unitPrice: { cents: number }; lineTotal: { cents: number } }[];
  shippingAddress: { line1: string; city: string; region: string; country: string };
  shippingMethod: string;
  subtotal: { cents: number };
  shippingCost: { cents: number };
  total: { cents: number; formatted: string };
  placedAt: string;
  cancellationReason: string | null;
  timeline: { type: string; occurredAt: string; detail: string | null }[];
}

export const errorCode = (res: GraphQLResponse): string | undefined => res.errors?.[0]?.extensions?.code as string | undefined;

export function ok<T = any>(res: GraphQLResponse<T>): T {
  if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data!;
}

export const homeAddress = (overrides: Record<string, unknown> = {}) => ({
  nickname: 'Home',
  line1: '1 Main St',
  city: 'Newark',
  region: 'NJ',
  postalCode: '07102',
  country: 'US',
  ...overrides,
});

/** Sets all three steps (inline address, method, token) of a checkout. */
export async function completeCheckout(stack: Stack, token: string, checkoutId: string, options: { paymentToken?: string; method?: string } = {}): Promise<CheckoutView> {
  ok(await stack.request(SET_ADDRESS, { checkoutId, address: homeAddress() }, token));
  ok(await stack.request(SET_METHOD, { checkoutId, method: options.method ?? 'STANDARD' }, token));
  return ok(await stack.request(SET_PAYMENT, { checkoutId, paymentToken: options.paymentToken ?? 'tok_visa' }, token)).setCheckoutPaymentMethod;
}

export async function placeOrder(stack: Stack, token: string, checkoutId: string, acknowledgePriceChanges?: boolean): Promise<OrderView> {
  return ok(await stack.request(PLACE_ORDER, { checkoutId, acknowledgePriceChanges }, token)).placeOrder;
}

export async function readOrder(stack: Stack, token: string, id: string): Promise<OrderView> {
  return ok(await stack.request(ORDER, { id }, token)).order;
}

/** Polls the order until `probe` accepts it (the saga runs on events). */
export function orderWhen(stack: Stack, token: string, id: string, probe: (order: OrderView) => boolean, what: string, timeoutMs = 20_000): Promise<OrderView> {
  return eventually(
    async () => {
      const order = await readOrder(stack, token, id);
      return probe(order) ? order : undefined;
    },
    { what, timeoutMs, intervalMs: 100 },
  );
}

export const timelineTypes = (order: OrderView): string[] => order.timeline.map((entry) => entry.type);

/**
 * Publishes events as their producing context's relay would (envelope validated by the contract,
 * `msgID` = envelope id): the test plays cart, inventory, payments or fulfillment.
 */
export class EventPublisher {
  private constructor(
    private readonly stack: Stack,
    private readonly broker: Broker,
  ) {}

  static async connect(stack: Stack): Promise<EventPublisher> {
    return new EventPublisher(stack, await connectBroker(stack.env.config.nats, stack.env.log));
  }

  /** Returns the envelope, so a test can deliver the very same message again. */
  async publish<D extends EventDefinition>(definition: D, payload: PayloadOf<D>, meta: { customerId?: string; correlationId?: string } = {}) {
    const envelope = createEnvelope(definition, payload, { customerId: meta.customerId ?? null, correlationId: meta.correlationId ?? null });
    await this.redeliver(definition, envelope);
    return envelope;
  }

  /** Sends an envelope again; a distinct msgID gets it past JetStream's duplicate window, as a replay would. */
  async redeliver(definition: EventDefinition, envelope: { id: string }): Promise<void> {
    await ensureStream(this.broker, definition.context);
    await this.broker.js.publish(subjectFor(this.stack.env.namespace, definition), JSON.stringify(envelope), { msgID: `${envelope.id}:${randomUUID()}` });
  }

  /** Plays cart's checkoutCart: a checkout for `customerId` with these items. */
  /** A new customer's checkout of one bowl, as cart's CheckoutInitiated starts it, and the customer's token. */
  async startCheckout(): Promise<{ customerId: string; token: string; checkoutId: string }> {
    const customerId = randomUUID();
    const token = await this.stack.tokenFor('CUSTOMER', customerId);
    const checkoutId = await this.initiateCheckout(customerId, [{ sku: 'DOG-BOWL-001', quantity: 1, unitPriceCents: 1299 }]);
    return { customerId, token, checkoutId };
  }

  async initiateCheckout(customerId: string, items: { sku: string; quantity: number; unitPriceCents: number; name?: string }[], checkoutId: string = randomUUID()): Promise<string> {
    await this.publish(
      CheckoutInitiated,
      {
        checkoutId,
        cartId: randomUUID(),
        customerId,
        items: items.map((item) => ({ sku: item.sku, name: item.name ?? item.sku, quantity: item.quantity, unitPriceCents: item.unitPriceCents, currency: 'USD' })),
        occurredAt: new Date().toISOString(),
      },
      { customerId, correlationId: checkoutId },
    );
    return checkoutId;
  }

  close(): Promise<void> {
    return this.broker.close();
  }
}

/** Orders alone, played to by an EventPublisher, with a small pool on its database for the test's own reads: what most tests here start. */
export interface OrdersWorld {
  stack: Stack;
  events: EventPublisher;
  sql: pg.Pool;
  stop(): Promise<void>;
}

export async function startOrdersWorld(options: { poolSize?: number } = {}): Promise<OrdersWorld> {
  const stack = await startStack([ordersSubgraph]);
  let events: EventPublisher;
  try {
    events = await EventPublisher.connect(stack);
  } catch (err) {
    await stack.stop();
    throw err;
  }
  const sql = new pg.Pool({ connectionString: stack.env.databaseUrl, max: options.poolSize ?? 2 });
  return {
    stack,
    events,
    sql,
    async stop() {
      await sql.end();
      await events.close();
      await stack.stop();
    },
  };
}

export interface RecordedEvent {
  type: string;
  payload: Record<string, any>;
  customerId: string | null;
  correlationId: string | null;
}

/** Reads the orders context's own tables: what it recorded for other contexts, and its saga rows. */
export class OrdersDb {
  private readonly client: pg.Client;

  constructor(databaseUrl: string) {
    this.client = new pg.Client({ connectionString: databaseUrl });
  }

  async connect(): Promise<this> {
    await this.client.connect();
    return this;
  }

  close(): Promise<void> {
    return this.client.end();
  }

  /**
   * Holds new checkouts back: until `release`, orders' CheckoutInitiated handler waits on this
   * table lock (SHARE: the steps' locking reads still run, and find nothing).
   */
  async holdNewCheckouts(): Promise<{ release(): Promise<void> }> {
    await this.client.query('begin');
    await this.client.query('lock table orders.checkout in share mode');
    return { release: async () => void (await this.client.query('commit')) };
  }

  /** The database's clock, for statementsSince. */
  async now(): Promise<Date> {
    const { rows } = await this.client.query<{ now: Date }>('select clock_timestamp() as now');
    return rows[0]!.now;
  }

  /** The last statement of each other connection to the database, if it started after `since` (pg_stat_activity keeps it while the connection idles). */
  async statementsSince(since: Date): Promise<string[]> {
    // inside holdNewCheckouts' transaction the statistics views would answer from a snapshot
    await this.client.query('select pg_stat_clear_snapshot()');
    const { rows } = await this.client.query<{ query: string }>(
      'select query from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query_start > $1',
      [since],
    );
    return rows.map((row) => row.query);
  }

  /** Events orders recorded about one order (or checkout), in commit order. */
  async eventsFor(correlationId: string, type?: string): Promise<RecordedEvent[]> {
    const { rows } = await this.client.query<{ type: string; envelope: Record<string, any> }>(
      `select type, envelope from orders.outbox where envelope->>'correlationId' = $1 and ($2::text is null or type = $2) order by seq`,
      [correlationId, type ?? null],
    );
    return rows.map((row) => ({ type: row.type, payload: row.envelope.payload, customerId: row.envelope.customerId, correlationId: row.envelope.correlationId }));
  }

  /** Whether orders' inbox shows the message handled (by any of its handlers). */
  async handled(messageId: string): Promise<boolean> {
    const { rows } = await this.client.query<{ n: number }>('select count(*)::int as n from orders.inbox where message_id = $1', [messageId]);
    return rows[0]!.n > 0;
  }

  async timelineLength(orderId: string): Promise<number> {
    const { rows } = await this.client.query<{ n: number }>('select count(*)::int as n from orders.order_timeline where order_id = $1', [orderId]);
    return rows[0]!.n;
  }

  async sagaVersion(orderId: string): Promise<number> {
    const { rows } = await this.client.query<{ version: number }>('select version from orders.order_saga where order_id = $1', [orderId]);
    return rows[0]!.version;
  }

  /** Moves an order's placement into the past (the customer's cancellation window counts from it). */
  async backdatePlacement(orderId: string, hoursAgo: number): Promise<void> {
    const placedAt = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    await this.client.query('update orders.customer_order set placed_at = $2 where id = $1', [orderId, placedAt]);
    // the version moves, as with any write of the saga: a step decided on a copy from before (the
    // shipment's answer, say) then finds it moved instead of writing the old placedAt back
    await this.client.query(`update orders.order_saga set state = jsonb_set(state, '{placedAt}', to_jsonb($2::text)), version = version + 1 where order_id = $1`, [orderId, placedAt]);
  }
}

// ---- the other contexts, driven through the gateway as their clients would ----------------

export const REGISTER = /* GraphQL */ `
  mutation OrdersTestRegister($input: RegisterCustomerInput!) {
    registerCustomer(input: $input) {
      token
      customer {
        id
      }
    }
  }
`;

export const ADD_ADDRESS = /* GraphQL */ `
  mutation OrdersTestAddAddress($input: AddressInput!) {
    addAddress(input: $input) {
      id
    }
  }
`;

export const REMOVE_ADDRESS = /* GraphQL */ `
  mutation OrdersTestRemoveAddress($id: ID!) {
    removeAddress(id: $id)
  }
`;

export const CREATE_PRODUCT = /* GraphQL */ `
  mutation OrdersTestCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      sku
    }
  }
`;

export const CHANGE_PRICE = /* GraphQL */ `
  mutation OrdersTestChangePrice($sku: ID!, $price: MoneyInput!) {
    changeProductPrice(sku: $sku, price: $price) {
      sku
    }
  }
`;

export const CREATE_CART = /* GraphQL */ `
  mutation OrdersTestCreateCart {
    createCart {
      id
    }
  }
`;

export const ADD_ITEM = /* GraphQL */ `
  mutation OrdersTestAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {
    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {
      cart {
        id
      }
    }
  }
`;

export const CHECKOUT_CART = /* GraphQL */ `
  mutation OrdersTestCheckoutCart($cartId: ID!) {
    checkoutCart(cartId: $cartId) {
      ...OrdersTestCheckout
    }
  }
  ${CHECKOUT_FIELDS}
`;

export async function registerCustomer(stack: Stack): Promise<{ token: string; customerId: string }> {
  const email = `orders-${randomUUID().slice(0, 8)}@critter.test`;
  const session = ok(await stack.request(REGISTER, { input: { email, password: 'orders-test-password', firstName: 'Olive', lastName: 'Order' } })).registerCustomer;
  return { token: session.token, customerId: session.customer.id };
}

/** A new product through catalog (as catalog staff); carts can add it once their projection has it. */
export async function createProduct(stack: Stack, catalogToken: string, priceCents: number): Promise<string> {
  const sku = `ORD-${randomUUID().slice(0, 8).toUpperCase()}`;
  ok(
    await stack.request(
      CREATE_PRODUCT,
      { input: { sku, name: `Orders Test Kibble ${sku}`, description: 'Kibble for order tests.', category: 'Order Tests', price: { cents: priceCents, currency: 'USD' } } },
      catalogToken,
    ),
  );
  return sku;
}

/**
 * A customer's cart with these items, checked out (cart's checkoutCart). Retries adding while
 * the cart's projection has not heard of a new product yet.
 */
export async function checkoutCart(stack: Stack, token: string, items: [sku: string, quantity: number][]): Promise<{ response: GraphQLResponse; cartId: string }> {
  const cartId = ok(await stack.request(CREATE_CART, {}, token)).createCart.id as string;
  for (const [sku, quantity] of items) {
    await eventually(async () => !(await stack.request(ADD_ITEM, { cartId, sku, quantity }, token)).errors, { what: `${sku} to be addable to a cart`, timeoutMs: 20_000 });
  }
  return { response: await stack.request(CHECKOUT_CART, { cartId }, token), cartId };
}

export const DISPATCH = /* GraphQL */ `
  mutation OrdersTestDispatch($shipmentId: ID!) {
    dispatchShipment(shipmentId: $shipmentId) {
      id
      status
    }
  }
`;

export const RECORD_DELIVERY = /* GraphQL */ `
  mutation OrdersTestRecordDelivery($shipmentId: ID!, $delivered: Boolean!) {
    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered) {
      id
      status
    }
  }
`;

/** The order with what payments and fulfillment add to it (cross-subgraph, as a client reads it). */
export const ORDER_PAYMENT_AND_SHIPMENTS = /* GraphQL */ `
  query OrdersTestOrderPaymentAndShipments($id: ID!) {
    order(id: $id) {
      id
      status
      payment {
        status
        amount {
          cents
        }
      }
      shipments {
        id
        status
        warehouse {
          id
        }
      }
    }
  }
`;
