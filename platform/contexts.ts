import { z } from 'zod';

/**
 * The registry of bounded contexts: one entry each, and the only place a new context is declared.
 * Its name, default port (`<NAME>_PORT` overrides it), the settings only it reads and how they
 * become its typed section of `Config`, and the codegen mappers of its resolvers.
 *
 * Read by platform/config.ts (ports, settings, production refusals), codegen.ts (resolver types),
 * scripts/schema (composition and routing URLs), the dev launcher, scripts/cluster (the chaos and
 * benchmark harness) and test/deploy/manifests.test.ts (one Deployment per context). Adding a
 * context is one entry here plus its folder under subgraphs/ and its manifest under deploy/k8s.
 */

export interface SettingsRules {
  production: boolean;
  env: 'development' | 'test' | 'production';
  /** Push a sentence per refused value; every problem of every context is reported at once. */
  problems: string[];
}

export interface ContextDefinition<TShape extends z.ZodRawShape = z.ZodRawShape, TSection = unknown> {
  /** Default port: the gateway has 4000, contexts count up from 4001. */
  port: number;
  /** Environment variables this context alone reads, validated at boot with everything else. */
  settings: TShape;
  /** The context's section of Config (`config.<name>`), built from its parsed settings. */
  configure(settings: z.output<z.ZodObject<TShape>>, rules: SettingsRules): TSection;
  /** GraphQL type → `./module#Export` relative to `subgraphs/<name>/__generated__/` (codegen `mappers`). */
  mappers?: Record<string, string>;
}

/** Keeps each entry's settings and section types precise while checking the shape. */
const context = <TShape extends z.ZodRawShape, TSection>(definition: ContextDefinition<TShape, TSection>) => definition;

const positiveMs = z.coerce.number().int().positive();
export const settingBool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Signs carrier webhooks outside production (tests sign with it too); refused in production. */
export const DEV_CARRIER_WEBHOOK_SECRET = 'critter-carrier-webhook-dev-secret';

/** The development mail server: maildev, started by `npm start` (SMTP here, its inbox on 1080). */
export const DEV_SMTP_URL = 'smtp://127.0.0.1:1025';
/** The sender outside production; production names its own (a real, SPF-covered domain). */
export const DEV_MAIL_FROM = 'CritterSupply <orders@crittersupply.dev>';
/** Where a development mail server runs: loopback (npm start) or the compose service. */
const DEV_SMTP_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', 'maildev']);

export const CONTEXTS = {
  customers: context({
    port: 4001,
    settings: {
      /** Failed sign-ins for one e-mail from all addresses together within LOGIN_FAILURE_WINDOW_MS; then every attempt waits. */
      LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(100),
      /** The first wait of an address that used its LOGIN_MAX_FAILURES for an e-mail; doubles per further failure, at most the window. */
      LOGIN_RETRY_DELAY_MS: positiveMs.default(30_000),
    },
    configure: (s) => ({ login: { maxFailuresPerEmail: s.LOGIN_MAX_FAILURES_PER_EMAIL, retryDelayMs: s.LOGIN_RETRY_DELAY_MS } }),
    mappers: {
      Customer: '../store/customer.entity.js#CustomerRecord',
      Address: '../store/address.entity.js#AddressRecord',
      Session: '../use-cases/session.js#SessionResult',
    },
  }),

  catalog: context({
    port: 4002,
    settings: {},
    configure: () => ({}),
    mappers: {
      Product: '../store/product.entity.js#ProductRecord',
      Money: '../domain/money.js#Money as MoneyValue',
      ProductConnection: '../use-cases/list-products.js#ProductPage',
    },
  }),

  inventory: context({
    port: 4003,
    settings: {
      /** How long an uncommitted inventory reservation holds stock (SPEC §4: 30 min). */
      RESERVATION_TTL_MS: positiveMs.default(30 * 60_000),
      /** How often inventory looks for expired reservations. */
      RESERVATION_EXPIRY_POLL_MS: positiveMs.default(5_000),
    },
    configure: (s) => ({ reservationTtlMs: s.RESERVATION_TTL_MS, expiryPollMs: s.RESERVATION_EXPIRY_POLL_MS }),
    mappers: {
      Product: '../domain/sku.js#SkuReference',
      ProductAvailability: '../use-cases/read-availability.js#AvailabilityView',
      Warehouse: '../domain/warehouses.js#Warehouse as WarehouseModel',
      WarehouseStock: '../domain/stock-level.js#StockLevel',
      StockMovement: '../store/stock-movement.entity.js#StockMovementRecord',
    },
  }),

  cart: context({
    port: 4004,
    settings: {
      /** How long after its last change a guest cart is abandoned (SPEC §5, PO: 24 h). */
      CART_GUEST_TTL_MS: positiveMs.default(24 * 3600_000),
      /** How often the cart subgraph looks for expired guest carts. */
      CART_EXPIRY_SWEEP_MS: positiveMs.default(30_000),
    },
    configure: (s) => ({ guestTtlMs: s.CART_GUEST_TTL_MS, expirySweepMs: s.CART_EXPIRY_SWEEP_MS }),
    mappers: {
      Cart: '../store/cart.entity.js#CartRecord',
      CartItem: '../domain/cart.js#CartLine',
      CartPayload: '../use-cases/owned-cart.js#CartPayloadResult',
      Checkout: '../use-cases/checkout-cart.js#CheckoutReference',
      Money: '../domain/money.js#Money as MoneyValue',
    },
  }),

  orders: context({
    port: 4005,
    settings: {
      /** A checkout untouched this long is ABANDONED (SPEC §6: 15 min). */
      CHECKOUT_TTL_MS: positiveMs.default(15 * 60_000),
      /** How often orders looks for checkouts to abandon. */
      CHECKOUT_EXPIRY_SWEEP_MS: positiveMs.default(30_000),
      /** How long a checkout request waits for orders to apply CheckoutInitiated before NOT_FOUND. */
      CHECKOUT_WAIT_MS: positiveMs.default(5_000),
      /** An order not CONFIRMED this long after placement goes ON_HOLD (SPEC §6, PO: 5 min). */
      ORDER_CONFIRMATION_TIMEOUT_MS: positiveMs.default(5 * 60_000),
      /** A DELIVERED order becomes CLOSED when its return window ends (SPEC §6: 30 days). */
      ORDER_RETURN_WINDOW_MS: positiveMs.default(30 * 24 * 3600_000),
      /** How long after placement a customer may cancel their own order (SPEC §6, PO: 2 h). */
      ORDER_CUSTOMER_CANCEL_WINDOW_MS: positiveMs.default(2 * 3600_000),
      /** How often orders fires the saga's due timeouts. */
      ORDER_TIMEOUT_POLL_MS: positiveMs.default(1_000),
    },
    configure: (s) => ({
      checkoutTtlMs: s.CHECKOUT_TTL_MS,
      checkoutExpirySweepMs: s.CHECKOUT_EXPIRY_SWEEP_MS,
      checkoutWaitMs: s.CHECKOUT_WAIT_MS,
      confirmationTimeoutMs: s.ORDER_CONFIRMATION_TIMEOUT_MS,
      returnWindowMs: s.ORDER_RETURN_WINDOW_MS,
      customerCancelWindowMs: s.ORDER_CUSTOMER_CANCEL_WINDOW_MS,
      timeoutPollMs: s.ORDER_TIMEOUT_POLL_MS,
    }),
    mappers: {
      Customer: '../use-cases/read-orders.js#CustomerReference',
      Checkout: '../store/checkout.entity.js#CheckoutRecord',
      CheckoutItem: '../domain/checkout.js#CheckoutLine',
      OrderItem: '../domain/checkout.js#CheckoutLine',
      PriceChange: '../domain/checkout.js#PriceChange as PriceChangeValue',
      ShippingAddress: '../domain/address.js#ShippingAddress as ShippingAddressValue',
      Order: '../store/order.entity.js#OrderRecord',
      OrderEvent: '../store/timeline.entity.js#TimelineRecord',
      OrderStatusChange: '../store/status-change.entity.js#StatusChangeRecord',
      OrderConnection: '../use-cases/read-orders.js#OrderPage',
      ShippingOption: '../domain/shipping.js#ShippingOption as ShippingOptionValue',
      Money: '../domain/money.js#Money as MoneyValue',
    },
  }),

  payments: context({
    port: 4006,
    settings: {
      /** Which payment provider adapter payments uses; production must say so explicitly. */
      PAYMENT_GATEWAY: z.enum(['stub', 'stripe']).optional(),
      STRIPE_SECRET_KEY: z.string().min(1).optional(),
      /** Another Stripe API origin (a local fake in tests, a proxy); the official one when unset. */
      STRIPE_API_BASE: z.string().url().optional(),
      /** One payment provider call slower than this counts as a (retriable) timeout. */
      PAYMENT_GATEWAY_TIMEOUT_MS: positiveMs.default(10_000),
      /** Delays between the 3 attempts of a payment call (retry matrix, PO), comma-separated ms. */
      PAYMENT_RETRY_BACKOFF_MS: z.string().regex(/^\d+(,\d+)*$/, 'comma-separated milliseconds, e.g. 500,2000').default('500,2000'),
    },
    configure: (s, { production, problems }) => {
      if (s.PAYMENT_GATEWAY === 'stripe' && !s.STRIPE_SECRET_KEY) problems.push('STRIPE_SECRET_KEY is required when PAYMENT_GATEWAY=stripe');
      return {
        /** null: not chosen (production without PAYMENT_GATEWAY); payments refuses to start then. */
        // the stub approves every card without charging: a default only outside production
        gateway: s.PAYMENT_GATEWAY ?? (production ? null : ('stub' as const)),
        stripe: { secretKey: s.STRIPE_SECRET_KEY, apiBase: s.STRIPE_API_BASE },
        gatewayTimeoutMs: s.PAYMENT_GATEWAY_TIMEOUT_MS,
        retryBackoffMs: s.PAYMENT_RETRY_BACKOFF_MS.split(',').map(Number),
      };
    },
    mappers: {
      Order: '../domain/order-reference.js#OrderReference',
      Payment: '../store/payment.entity.js#PaymentRecord',
      Refund: '../store/refund.entity.js#RefundRecord',
      PaymentAttempt: '../store/payment-attempt.entity.js#PaymentAttemptRecord',
      Money: '../domain/money.js#Money as MoneyValue',
    },
  }),

  fulfillment: context({
    port: 4007,
    settings: {
      /** HMAC key of carrier webhook signatures; no default in production, where the dev key is refused. */
      CARRIER_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
      /** The stub carrier makes delivery attempts of dispatched parcels by itself (default: on in development only). */
      CARRIER_SIMULATION: settingBool.optional(),
      /** How long after dispatch (or the previous attempt) the simulated carrier makes its next delivery attempt. */
      CARRIER_SIMULATION_STEP_MS: positiveMs.default(60_000),
    },
    configure: (s, { production, env, problems }) => {
      if (production && s.CARRIER_WEBHOOK_SECRET === DEV_CARRIER_WEBHOOK_SECRET) problems.push('CARRIER_WEBHOOK_SECRET must not be the development secret in production');
      if (production && s.CARRIER_SIMULATION) problems.push('CARRIER_SIMULATION must not be enabled in production');
      return {
        /** null: not configured (production without CARRIER_WEBHOOK_SECRET); the webhook then answers 503. */
        carrierWebhookSecret: s.CARRIER_WEBHOOK_SECRET ?? (production ? null : DEV_CARRIER_WEBHOOK_SECRET),
        carrierSimulation: s.CARRIER_SIMULATION ?? env === 'development',
        carrierSimulationStepMs: s.CARRIER_SIMULATION_STEP_MS,
      };
    },
    mappers: {
      Order: '../domain/references.js#OrderReference',
      Shipment: '../store/shipment.entity.js#ShipmentRecord',
      ShipmentItem: '../store/shipment.entity.js#ShipmentItem as ShipmentItemRecord',
      ShipmentEvent: '../store/shipment-history.entity.js#ShipmentHistoryRecord',
      ShipmentConnection: '../use-cases/read-shipments.js#ShipmentPage',
    },
  }),

  notifications: context({
    port: 4008,
    settings: {
      /** Where e-mails are sent: smtp:// or smtps:// with credentials; maildev outside production, required in production. */
      SMTP_URL: z.string().url().refine((u) => /^smtps?:$/.test(new URL(u).protocol), 'an smtp:// or smtps:// URL').optional(),
      /** The From of every e-mail, e.g. "CritterSupply <orders@example.com>". */
      MAIL_FROM: z.string().min(3).optional(),
      /** Delays before the 2nd and 3rd attempt of an e-mail (SPEC §10: 5 and 30 min), comma-separated ms. */
      NOTIFICATION_RETRY_DELAYS_MS: z.string().regex(/^\d+(,\d+)*$/, 'comma-separated milliseconds, e.g. 300000,1800000').default('300000,1800000'),
      /** How often the sender looks for e-mails that are due (new ones, retries). */
      NOTIFICATION_POLL_MS: positiveMs.default(5_000),
      /** One SMTP connection, greeting or reply slower than this fails the attempt (retried later). */
      SMTP_TIMEOUT_MS: positiveMs.default(30_000),
      /** The storefront's address, for links in e-mails (the declined card's reorder link: <base>/orders/<id>/reorder). */
      STOREFRONT_URL_BASE: z.string().url().default('http://localhost:5173'),
    },
    configure: (s, { production, problems }) => {
      if (production && s.SMTP_URL && DEV_SMTP_HOSTS.has(new URL(s.SMTP_URL).hostname)) problems.push('SMTP_URL must not be the development mail server (maildev) in production');
      if (production && s.MAIL_FROM === DEV_MAIL_FROM) problems.push('MAIL_FROM must not be the development sender in production');
      return {
        /** null: not configured (production without SMTP_URL); the notifications process refuses to start then. */
        smtpUrl: s.SMTP_URL ?? (production ? null : DEV_SMTP_URL),
        /** null: not configured (production without MAIL_FROM); the notifications process refuses to start then. */
        mailFrom: s.MAIL_FROM ?? (production ? null : DEV_MAIL_FROM),
        retryDelaysMs: s.NOTIFICATION_RETRY_DELAYS_MS.split(',').map(Number),
        pollMs: s.NOTIFICATION_POLL_MS,
        smtpTimeoutMs: s.SMTP_TIMEOUT_MS,
        storefrontUrlBase: s.STOREFRONT_URL_BASE.replace(/\/+$/, ''),
      };
    },
    mappers: {
      Order: '../domain/order-reference.js#OrderReference',
      Notification: '../store/notification.entity.js#NotificationRecord',
      NotificationConnection: '../use-cases/read-notifications.js#NotificationPage',
    },
  }),

  operations: context({
    port: 4009,
    settings: {
      /** Staff review ON_HOLD orders within this (SPEC §6: 1 h); an alert still OPEN after it is escalated. */
      ON_HOLD_REVIEW_TARGET_MS: positiveMs.default(3600_000),
      /** How often operations looks for ON_HOLD alerts past their review target (database clock). */
      ALERT_ESCALATION_POLL_MS: positiveMs.default(30_000),
    },
    configure: (s) => ({ onHoldReviewTargetMs: s.ON_HOLD_REVIEW_TARGET_MS, escalationPollMs: s.ALERT_ESCALATION_POLL_MS }),
    mappers: {
      Order: '../domain/references.js#OrderReference',
      Alert: '../store/alert.entity.js#AlertRecord',
      AlertConnection: '../use-cases/read-alerts.js#AlertPage',
      DeadLetter: '../store/dead-letter-copy.entity.js#DeadLetterCopyRecord',
      DeadLetterConnection: '../use-cases/dead-letters.js#DeadLetterPage',
    },
  }),

  returns: context({
    port: 4010,
    settings: {
      /** Restocking fee on items returned as NO_LONGER_NEEDED or OTHER, in percent (SPEC §12: 15). */
      RETURN_RESTOCKING_FEE_PERCENT: z.coerce.number().int().min(0).max(100).default(15),
    },
    // the request window is the orders' return window (ORDER_RETURN_WINDOW_MS): one setting, so an
    // order closes exactly when its returns stop being accepted
    configure: (s) => ({ restockingFeePercent: s.RETURN_RESTOCKING_FEE_PERCENT }),
    mappers: {
      Order: '../domain/references.js#OrderReference',
      Return: '../store/return.entity.js#ReturnRecord',
      ReturnItem: '../use-cases/read-returns.js#ReturnItemView',
      ReturnLabel: '../store/return.entity.js#ReturnLabelRecord',
      ReturnConnection: '../use-cases/read-returns.js#ReturnPage',
      Money: '../domain/money.js#Money as MoneyValue',
    },
  }),

  promotions: context({
    port: 4011,
    settings: {},
    configure: () => ({}),
    mappers: {
      Coupon: '../store/coupon.entity.js#CouponRecord',
      CouponConnection: '../use-cases/read-coupons.js#CouponPage',
    },
  }),
} as const;

export type ContextName = keyof typeof CONTEXTS;
/** Every context, in registry order (ports, composition and start-up follow it). */
export const CONTEXT_NAMES = Object.keys(CONTEXTS) as ContextName[];

/** Each context's section of Config, typed from its entry. */
export type ContextSections = { [K in ContextName]: ReturnType<(typeof CONTEXTS)[K]['configure']> };

/** The variable that moves a context off its default port, e.g. ORDERS_PORT. */
export const portVariable = (name: ContextName) => `${name.toUpperCase()}_PORT`;
