import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createEnvelope, subjectFor, type EventDefinition, type EventMetadata, type PayloadOf } from '../../events/contract.js';
import { StockLevelChanged } from '../../events/contracts/inventory/stock-level-changed.event.js';
import { StockLevelsChanged } from '../../events/contracts/inventory/stock-levels-changed.event.js';
import { connectBroker, type Broker } from '../../events/nats.js';
import { eventually } from '../support/config.js';
import type { GraphQLResponse, Stack } from '../support/stack.js';

/** Shared by the cart test files: operations, product and stock set-up, readers of cart's tables. */

export const CART_FIELDS = /* GraphQL */ `
  fragment CartTestCart on Cart {
    id
    status
    itemCount
    subtotal {
      cents
      currency
      formatted
    }
    expiresAt
    updatedAt
    customer {
      id
    }
    items {
      quantity
      unitPrice {
        cents
        currency
      }
      lineTotal {
        cents
      }
      product {
        sku
      }
    }
  }
`;

export const CREATE_CART = /* GraphQL */ `
  mutation CartTestCreateCart {
    createCart {
      ...CartTestCart
    }
  }
  ${CART_FIELDS}
`;

export const CART = /* GraphQL */ `
  query CartTestCart($id: ID!) {
    cart(id: $id) {
      ...CartTestCart
    }
  }
  ${CART_FIELDS}
`;

export const MY_CART = /* GraphQL */ `
  query CartTestMyCart {
    myCart {
      ...CartTestCart
    }
  }
  ${CART_FIELDS}
`;

export const ADD_ITEM = /* GraphQL */ `
  mutation CartTestAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {
    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {
      cart {
        ...CartTestCart
      }
      warnings {
        sku
        code
        message
      }
    }
  }
  ${CART_FIELDS}
`;

export const CHANGE_QUANTITY = /* GraphQL */ `
  mutation CartTestChangeQuantity($cartId: ID!, $sku: ID!, $quantity: Int!) {
    changeCartItemQuantity(cartId: $cartId, sku: $sku, quantity: $quantity) {
      cart {
        ...CartTestCart
      }
      warnings {
        sku
        code
      }
    }
  }
  ${CART_FIELDS}
`;

export const REMOVE_ITEM = /* GraphQL */ `
  mutation CartTestRemoveItem($cartId: ID!, $sku: ID!) {
    removeCartItem(cartId: $cartId, sku: $sku) {
      cart {
        ...CartTestCart
      }
      warnings {
        sku
        code
      }
    }
  }
  ${CART_FIELDS}
`;

export const CLEAR_CART = /* GraphQL */ `
  mutation CartTestClearCart($cartId: ID!) {
    clearCart(cartId: $cartId) {
      ...CartTestCart
    }
  }
  ${CART_FIELDS}
`;

export const MERGE_CART = /* GraphQL */ `
  mutation CartTestMergeCart($guestToken: String!) {
    mergeCart(guestToken: $guestToken) {
      ...CartTestCart
    }
  }
  ${CART_FIELDS}
`;

export const CHECKOUT_CART = /* GraphQL */ `
  mutation CartTestCheckoutCart($cartId: ID!) {
    checkoutCart(cartId: $cartId) {
      id
    }
  }
`;

export const CREATE_PRODUCT = /* GraphQL */ `
  mutation CartTestCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      sku
    }
  }
`;

export const CHANGE_PRODUCT_PRICE = /* GraphQL */ `
  mutation CartTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {
    changeProductPrice(sku: $sku, price: $price) {
      sku
    }
  }
`;

export const CHANGE_PRODUCT_STATUS = /* GraphQL */ `
  mutation CartTestChangeProductStatus($sku: ID!, $status: ProductStatus!) {
    changeProductStatus(sku: $sku, status: $status) {
      sku
    }
  }
`;

export interface CartView {
  id: string;
  status: string;
  itemCount: number;
  subtotal: { cents: number; currency: string; formatted: string };
  expiresAt: string | null;
  updatedAt: string;
  customer: { id: string } | null;
  items: { quantity: number; unitPrice: { cents: number; currency: string }; lineTotal: { cents: number }; product: { sku: string } }[];
}

export const errorCode = (res: GraphQLResponse): string | undefined => res.errors?.[0]?.extensions?.code as string | undefined;

/** A SKU no other test (or the seed) uses. */
export const uniqueSku = (prefix = 'CRT'): string => `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;

/** The data of a response that must have succeeded. */
export function ok<T = any>(res: GraphQLResponse<T>): T {
  if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export async function createCart(stack: Stack, token: string): Promise<CartView> {
  return ok(await stack.request(CREATE_CART, {}, token)).createCart;
}

/** Creates a product through catalog (as catalog staff) and waits until the cart's projection can add it. */
export async function createProduct(stack: Stack, catalogToken: string, options: { priceCents?: number; status?: string; name?: string } = {}): Promise<string> {
  const sku = uniqueSku();
  ok(
    await stack.request(
      CREATE_PRODUCT,
      {
        input: {
          sku,
          name: options.name ?? `Cart Test Chew Toy ${sku}`,
          description: 'A chew toy for cart tests.',
          category: 'Cart Tests',
          price: { cents: options.priceCents ?? 1_000, currency: 'USD' },
          status: options.status ?? 'ACTIVE',
        },
      },
      catalogToken,
    ),
  );
  return sku;
}

/**
 * Waits until the cart's product projection knows `sku` as addable: probed with a throw-away
 * customer's cart so the callers' carts and events stay untouched.
 */
export async function waitUntilAddable(stack: Stack, sku: string): Promise<number> {
  const started = Date.now();
  const probe = await stack.tokenFor('CUSTOMER', randomUUID());
  const cart = await createCart(stack, probe);
  await eventually(async () => !(await stack.request(ADD_ITEM, { cartId: cart.id, sku, quantity: 1 }, probe)).errors, {
    what: `${sku} to reach the cart's product projection`,
    timeoutMs: 20_000,
  });
  return Date.now() - started;
}

/** Waits until the cart's projection shows `probe` true for the SKU (e.g. after a price or status change). */
export async function waitForProjection(tables: CartTables, sku: string, probe: (row: ProductProjectionRow) => boolean): Promise<void> {
  await eventually(async () => {
    const row = await tables.product(sku);
    return row !== undefined && probe(row);
  }, { what: `cart's projection of ${sku}`, timeoutMs: 20_000 });
}

/** Publishes inventory's events as inventory would (the cart's consumers cannot tell the difference). */
export class InventoryStandIn {
  private constructor(private readonly broker: Broker, private readonly namespace: string) {}

  static async connect(stack: Stack): Promise<InventoryStandIn> {
    return new InventoryStandIn(await connectBroker(stack.env.config.nats, stack.env.log), stack.env.namespace);
  }

  /** Publishes as inventory would; `occurredAt` back-dates it (a late delivery of an older event). Returns the envelope id. */
  async publish<D extends EventDefinition>(definition: D, payload: PayloadOf<D>, meta: EventMetadata = {}, occurredAt?: Date): Promise<string> {
    const envelope = { ...createEnvelope(definition, payload, meta), ...(occurredAt ? { occurredAt: occurredAt.toISOString() } : {}) };
    await this.broker.js.publish(subjectFor(this.namespace, definition), JSON.stringify(envelope), { msgID: envelope.id });
    return envelope.id;
  }

  /** Announces the SKU's total stock; low stock below 10 as inventory defines it. */
  stockLevel(sku: string, totalAvailable: number, occurredAt?: Date): Promise<string> {
    return this.stockLevels([[sku, totalAvailable]], occurredAt);
  }

  /** Announces several SKUs' totals in one event, as one inventory transaction does. */
  stockLevels(levels: [sku: string, totalAvailable: number][], occurredAt?: Date): Promise<string> {
    return this.publish(StockLevelsChanged, { levels: levels.map(([sku, totalAvailable]) => levelOf(sku, totalAvailable)) }, {}, occurredAt);
  }

  /** The one-per-SKU event inventory recorded before StockLevelsChanged. */
  legacyStockLevel(sku: string, totalAvailable: number): Promise<string> {
    return this.publish(StockLevelChanged, levelOf(sku, totalAvailable));
  }

  close(): Promise<void> {
    return this.broker.close();
  }
}

export interface CartEventRow {
  type: string;
  customerId: string | null;
  correlationId: string | null;
  payload: Record<string, any>;
}

export interface ProductProjectionRow {
  sku: string;
  name: string | null;
  price_cents: number | null;
  status: string | null;
}

/** Reads the cart context's tables directly: its outbox (what was recorded, in commit order) and projections. */
export class CartTables {
  private readonly client: pg.Pool;

  constructor(databaseUrl: string) {
    this.client = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  }

  async connect(): Promise<this> {
    await this.client.query('select 1');
    return this;
  }

  close(): Promise<void> {
    return this.client.end();
  }

  /** Outbox events of one cart (CartChanged by cartId, CheckoutInitiated by cartId too). */
  async eventsOf(cartId: string, type?: string): Promise<CartEventRow[]> {
    const { rows } = await this.client.query<{ type: string; envelope: { customerId: string | null; correlationId: string | null; payload: Record<string, any> } }>(
      `select type, envelope from cart.outbox
        where envelope->'payload'->>'cartId' = $1 and ($2::text is null or type = $2)
        order by seq`,
      [cartId, type ?? null],
    );
    return rows.map((row) => ({ type: row.type, customerId: row.envelope.customerId, correlationId: row.envelope.correlationId, payload: row.envelope.payload }));
  }

  async reasonsOf(cartId: string): Promise<string[]> {
    return (await this.eventsOf(cartId, 'CartChanged')).map((e) => e.payload.reason);
  }

  async history(cartId: string): Promise<{ reason: string; sku: string | null; event_id: string; detail: Record<string, any> | null }[]> {
    const { rows } = await this.client.query('select reason, sku, event_id, detail from cart.cart_history where cart_id = $1 order by seq', [cartId]);
    return rows;
  }

  async product(sku: string): Promise<ProductProjectionRow | undefined> {
    const { rows } = await this.client.query<ProductProjectionRow>('select sku, name, price_cents, status from cart.product_projection where sku = $1', [sku]);
    return rows[0];
  }

  async stock(sku: string): Promise<{ total_available: number } | undefined> {
    const { rows } = await this.client.query('select total_available from cart.stock_projection where sku = $1', [sku]);
    return rows[0];
  }

  /** The owner's carts by status (every row, not just what the API shows). */
  async cartsOf(ownerId: string): Promise<{ id: string; status: string }[]> {
    const { rows } = await this.client.query('select id, status from cart.cart where owner_id = $1 order by created_at', [ownerId]);
    return rows;
  }

  /** Runs SQL as the database owner (test set-up such as a failing trigger). */
  async run(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  /** Whether cart's handler `handler` has handled event `eventId` (its inbox row). */
  async handled(eventId: string, handler: string): Promise<boolean> {
    const { rowCount } = await this.client.query('select 1 from cart.inbox where message_id = $1 and handler = $2', [eventId, handler]);
    return (rowCount ?? 0) > 0;
  }
}

export const START_GUEST_SESSION = /* GraphQL */ `
  mutation CartTestStartGuestSession {
    startGuestSession {
      token
    }
  }
`;

export const REGISTER_CUSTOMER = /* GraphQL */ `
  mutation CartTestRegisterCustomer($input: RegisterCustomerInput!) {
    registerCustomer(input: $input) {
      token
      customer {
        id
      }
    }
  }
`;

export const LOGIN = /* GraphQL */ `
  mutation CartTestLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      customer {
        id
      }
    }
  }
`;

export async function startGuestSession(stack: Stack): Promise<string> {
  return ok(await stack.request(START_GUEST_SESSION)).startGuestSession.token;
}

/** Registers a new customer; returns the e-mail and password to sign in with. */
export async function registerCustomer(stack: Stack): Promise<{ email: string; password: string; customerId: string }> {
  const email = `cart-${randomBytes(4).toString('hex')}@critter.test`;
  const password = 'cart-test-password';
  const session = ok(await stack.request(REGISTER_CUSTOMER, { input: { email, password, firstName: 'Casey', lastName: 'Cart' } })).registerCustomer;
  return { email, password, customerId: session.customer.id };
}

export async function login(stack: Stack, email: string, password: string): Promise<{ token: string; customerId: string }> {
  const session = ok(await stack.request(LOGIN, { email, password })).login;
  return { token: session.token, customerId: session.customer.id };
}

const levelOf = (sku: string, totalAvailable: number) => ({ sku, totalAvailable, lowStock: totalAvailable > 0 && totalAvailable < 10, inStock: totalAvailable > 0 });
