import { GraphQLClient, GraphQLFailure, isTransient } from '../cluster/graphql-client.js';
import type { Random } from '../cluster/random.js';
import { sleep } from '../cluster/ports.js';
import type { ChaosCoupon } from './staff.js';

/**
 * The stream of shoppers: customers register (first order) or sign in (later ones), fill a cart
 * with 1–3 products, go through the three checkout steps and place the order — with a mix of
 * payment tokens the stub provider understands (`tok_visa` succeeds, `tok_decline` is declined,
 * `tok_flaky` fails the first call of every operation, then succeeds). Every request is retried
 * the way a front end would while the system is under fault: transient errors again and again,
 * `placeOrder` (idempotent per checkout) until it answers. An order counts as "told" only when
 * `placeOrder` answered with its id: those are the orders the oracle holds the system to.
 *
 * A share of the shoppers applies one of the run's coupons to the cart before checking out. A
 * refusal (`extensions.rule`: used up, already used by this customer…) leaves the cart as it was
 * and the shopper goes on without; `COUPON_UNKNOWN` is tried again for a while, since the cart's
 * projection of coupons may lag behind their creation. Every shopper places without acknowledging
 * first, as a front end would: when the coupon ran out between apply and place (PRICE_CHANGED with
 * the coupon's rule) the shopper sees the new total, acknowledges, and places without it.
 */
export interface ToldOrder {
  id: string;
  checkoutId: string;
  customerEmail: string;
  paymentToken: string;
  totalCents: number;
  /** What the coupon took off (0 without one) and its code, as placeOrder answered. */
  discountCents: number;
  couponCode: string | null;
  /** Milliseconds since the run started. */
  placedAt: number;
  phase: string;
}

export interface WorkloadStats {
  started: number;
  told: number;
  /** Checkouts given up on (the order may still exist if placeOrder's answer was lost). */
  gaveUp: number;
  /** Requests retried after a transient failure. */
  retries: number;
  /** A cart or checkout started over after an ambiguous failure. */
  restarts: number;
  /** Coupons applied to a cart (applyCoupon accepted). */
  couponsApplied: number;
  /** applyCoupon refusals by rule (the shopper went on without a coupon). */
  couponRefusals: Record<string, number>;
  /** placeOrder answered PRICE_CHANGED (by rule; `PRICES` without one) and the shopper acknowledged. */
  priceChanges: Record<string, number>;
}

export const SHOPPER_PASSWORD = 'chaos-shopper-password';
const ORDER_DEADLINE_MS = 240_000;

/** ACTIVE seed products: plenty of stock, plus the low-stock ones (out-of-stock cancellations happen). */
const PRODUCTS: [sku: string, weight: number][] = [
  ['DOG-BOWL-001', 6], ['DOG-FOOD-CHK-30', 3], ['DOG-LEASH-6FT', 3], ['DOG-TOY-ROPE', 3], ['DOG-HARNESS-M', 2],
  ['CAT-TREE-5FT', 2], ['CAT-LITTER-CLMP', 3], ['CAT-FOOD-SALM-12', 3], ['CAT-TOY-WAND', 3], ['BIRD-SEED-PARA-5', 2],
  ['BIRD-PERCH-NAT', 2], ['FISH-TANK-20G', 2], ['FISH-FILTER-HOB', 2], ['FISH-FOOD-FLK', 3],
  ['SMALL-HAY-TIM', 2], ['SMALL-CAGE-HAM', 2], ['SMALL-WHEEL-SIL', 2], ['REPT-TERR-40G', 1],
  ['REPT-SUB-COCO', 2], ['MULTI-SHAMPOO-OAT', 3], ['MULTI-BRUSH-SLK', 3],
  ['BIRD-CAGE-FLT', 1], ['CAT-FOUNTAIN-2L', 1], ['DOG-BED-ORTHO-L', 1], ['FISH-HEATER-100W', 1],
];
/** Percent of shoppers who apply a coupon (one of the run's, picked evenly). */
const COUPON_SHARE = 40;
/** How long a shopper keeps trying a code the cart does not know yet before going on without it. */
const UNKNOWN_COUPON_PATIENCE_MS = 15_000;
const PAYMENT_TOKENS: [token: string, weight: number][] = [['tok_visa', 70], ['tok_decline', 15], ['tok_flaky', 15]];
const ADDRESSES = [
  { line1: '1 Broad St', city: 'Newark', region: 'NJ', postalCode: '07102' },
  { line1: '20 Pike St', city: 'Seattle', region: 'WA', postalCode: '98101' },
  { line1: '300 High St', city: 'Columbus', region: 'OH', postalCode: '43215' },
  { line1: '44 Elm St', city: 'Dallas', region: 'TX', postalCode: '75201' },
  { line1: '5 Ocean Ave', city: 'Miami', region: 'FL', postalCode: '33101' },
  { line1: '600 Sunset Blvd', city: 'Los Angeles', region: 'CA', postalCode: '90028' },
];
const METHODS = ['STANDARD', 'EXPRESS', 'NEXT_DAY'];

const REGISTER = /* GraphQL */ `mutation ChaosRegister($input: RegisterCustomerInput!) { registerCustomer(input: $input) { token } }`;
const LOGIN = /* GraphQL */ `mutation ChaosLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const CREATE_CART = /* GraphQL */ `mutation ChaosCreateCart { createCart { id } }`;
const ADD_ITEM = /* GraphQL */ `mutation ChaosAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) { addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) { cart { id } } }`;
const CHECKOUT_CART = /* GraphQL */ `mutation ChaosCheckoutCart($cartId: ID!) { checkoutCart(cartId: $cartId) { id } }`;
const SET_ADDRESS = /* GraphQL */ `mutation ChaosSetAddress($checkoutId: ID!, $address: AddressInput) { setCheckoutShippingAddress(checkoutId: $checkoutId, address: $address) { id } }`;
const SET_METHOD = /* GraphQL */ `mutation ChaosSetMethod($checkoutId: ID!, $method: ShippingMethod!) { setCheckoutShippingMethod(checkoutId: $checkoutId, method: $method) { id } }`;
const SET_PAYMENT = /* GraphQL */ `mutation ChaosSetPayment($checkoutId: ID!, $paymentToken: String!) { setCheckoutPaymentMethod(checkoutId: $checkoutId, paymentToken: $paymentToken) { id } }`;
const APPLY_COUPON = /* GraphQL */ `mutation ChaosApplyCoupon($cartId: ID!, $code: String!) { applyCoupon(cartId: $cartId, code: $code) { cart { id discount { cents } } } }`;
const PLACE_ORDER = /* GraphQL */ `mutation ChaosPlaceOrder($checkoutId: ID!, $acknowledgePriceChanges: Boolean!) {
  placeOrder(checkoutId: $checkoutId, acknowledgePriceChanges: $acknowledgePriceChanges) { id status total { cents } discount { cents } couponCode }
}`;

export class Workload {
  readonly told = new Map<string, ToldOrder>();
  readonly stats: WorkloadStats = { started: 0, told: 0, gaveUp: 0, retries: 0, restarts: 0, couponsApplied: 0, couponRefusals: {}, priceChanges: {} };
  private readonly registered = new Set<string>();
  /** A customer shops one checkout at a time: a customer has one active cart. */
  private readonly shopping = new Map<string, Promise<void>>();
  private readonly client: GraphQLClient;

  constructor(
    gatewayUrl: string,
    private readonly random: Random,
    private readonly runId: string,
    private readonly customers: number,
    private readonly startedAt: number,
    private readonly say: (line: string) => void,
    private readonly coupons: readonly ChaosCoupon[] = [],
  ) {
    this.client = new GraphQLClient(gatewayUrl);
  }

  get requestFailures(): Map<string, number> {
    return this.client.failures;
  }

  get requests(): number {
    return this.client.requests;
  }

  /**
   * Places `count` orders, starting one every `1 / ratePerSecond` seconds (open loop: a slow
   * system does not slow the arrivals), at most `concurrency` checkouts in progress at once.
   */
  async run(count: number, options: { ratePerSecond: number; concurrency: number; phase: string; stop?: () => boolean }): Promise<void> {
    const begin = Date.now();
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < count && !options.stop?.(); i++) {
      const due = begin + (i * 1_000) / options.ratePerSecond;
      if (due > Date.now()) await sleep(due - Date.now());
      while (inFlight.size >= options.concurrency) await Promise.race(inFlight);
      const checkout: Promise<void> = this.shop(options.phase).finally(() => inFlight.delete(checkout));
      inFlight.add(checkout);
    }
    await Promise.all(inFlight);
  }

  /** One shopper's checkout, end to end. Never throws. */
  private async shop(phase: string): Promise<void> {
    this.stats.started++;
    const deadline = Date.now() + ORDER_DEADLINE_MS;
    const email = `chaos-${this.runId}-${this.random.int(this.customers)}@critter.test`;
    const lines = this.pickLines();
    const paymentToken = this.random.weighted(PAYMENT_TOKENS);
    const address = { ...this.random.pick(ADDRESSES), country: 'US' };
    const method = this.random.pick(METHODS);
    const coupon = this.coupons.length && this.random.int(100) < COUPON_SHARE ? this.random.pick([...this.coupons]).code : undefined;
    const previous = this.shopping.get(email) ?? Promise.resolve();
    let done = () => {};
    const turn = new Promise<void>((resolve) => (done = resolve));
    this.shopping.set(email, previous.then(() => turn));
    await previous;
    try {
      for (let restart = 0; ; restart++) {
        const token = await this.signIn(email, deadline);
        const checkoutId = await this.fillCartAndCheckOut(token, lines, coupon, deadline);
        if (!checkoutId) {
          if (restart >= 3) throw new Error('checkoutCart kept failing');
          this.stats.restarts++;
          continue;
        }
        await this.retry(() => this.client.request(SET_ADDRESS, { checkoutId, address: { nickname: 'Home', ...address } }, token), deadline, true);
        await this.retry(() => this.client.request(SET_METHOD, { checkoutId, method }, token), deadline, true);
        await this.retry(() => this.client.request(SET_PAYMENT, { checkoutId, paymentToken }, token), deadline, true);
        const order = await this.place(checkoutId, token, deadline);
        this.told.set(order.id, {
          id: order.id,
          checkoutId,
          customerEmail: email,
          paymentToken,
          totalCents: order.total.cents,
          discountCents: order.discount.cents,
          couponCode: order.couponCode,
          placedAt: Date.now() - this.startedAt,
          phase,
        });
        this.stats.told++;
        return;
      }
    } catch (err) {
      this.stats.gaveUp++;
      this.say(`  a checkout was given up: ${(err as Error).message}`);
    } finally {
      done();
    }
  }

  /** Registers on the customer's first checkout, signs in on later ones. */
  private async signIn(email: string, deadline: number): Promise<string> {
    if (!this.registered.has(email)) {
      try {
        const session = await this.retry(() => this.client.request(REGISTER, { input: { email, password: SHOPPER_PASSWORD, firstName: 'Chaos', lastName: 'Shopper' } }), deadline);
        this.registered.add(email);
        return session.registerCustomer.token as string;
      } catch (err) {
        // Registered by an attempt whose answer was lost: sign in.
        if (!(err instanceof GraphQLFailure && err.code === 'CONFLICT')) throw err;
      }
    }
    const session = await this.retry(() => this.client.request(LOGIN, { email, password: SHOPPER_PASSWORD }), deadline);
    this.registered.add(email);
    return session.login.token as string;
  }

  /**
   * Places without acknowledging; PRICE_CHANGED (the coupon stopped applying, or a price moved) is
   * shown to the customer, who acknowledges the new total and places again.
   */
  private async place(checkoutId: string, token: string, deadline: number): Promise<{ id: string; total: { cents: number }; discount: { cents: number }; couponCode: string | null }> {
    const place = (acknowledgePriceChanges: boolean) => this.retry(() => this.client.request(PLACE_ORDER, { checkoutId, acknowledgePriceChanges }, token), deadline, true);
    try {
      return (await place(false)).placeOrder;
    } catch (err) {
      if (!(err instanceof GraphQLFailure && err.code === 'PRICE_CHANGED')) throw err;
      const rule = String(err.extensions.rule ?? 'PRICES');
      this.stats.priceChanges[rule] = (this.stats.priceChanges[rule] ?? 0) + 1;
      return (await place(true)).placeOrder;
    }
  }

  /** A new cart with the lines (and the coupon, if it applies), checked out; undefined when checkoutCart's outcome is unknown (start over). */
  private async fillCartAndCheckOut(token: string, lines: [string, number][], coupon: string | undefined, deadline: number): Promise<string | undefined> {
    const cart = await this.retry(() => this.client.request(CREATE_CART, {}, token), deadline);
    const cartId = cart.createCart.id as string;
    // NOT_FOUND: the cart's product projection may lag behind a broker restart.
    for (const [sku, quantity] of lines) await this.retry(() => this.client.request(ADD_ITEM, { cartId, sku, quantity }, token), deadline, true);
    if (coupon) await this.applyCoupon(cartId, coupon, token, deadline);
    let ambiguous = false;
    for (;;) {
      try {
        const checkout = await this.client.request(CHECKOUT_CART, { cartId }, token);
        return checkout.checkoutCart.id as string;
      } catch (err) {
        if (err instanceof GraphQLFailure && err.code === 'CONFLICT' && ambiguous) return undefined; // checked out by the lost attempt
        if (!isTransient(err) || Date.now() > deadline) throw err;
        ambiguous ||= !(err instanceof GraphQLFailure) || err.ambiguous;
        this.stats.retries++;
        await sleep(500);
      }
    }
  }

  /** Applies the coupon; a refusal is counted by rule and the cart stays as it was. */
  private async applyCoupon(cartId: string, code: string, token: string, deadline: number): Promise<void> {
    const patience = Date.now() + UNKNOWN_COUPON_PATIENCE_MS;
    for (;;) {
      try {
        await this.retry(() => this.client.request(APPLY_COUPON, { cartId, code }, token), deadline);
        this.stats.couponsApplied++;
        return;
      } catch (err) {
        if (!(err instanceof GraphQLFailure && err.code === 'BAD_USER_INPUT')) throw err;
        const rule = String(err.extensions.rule ?? 'BAD_USER_INPUT');
        if (rule === 'COUPON_UNKNOWN' && Date.now() < patience) {
          this.stats.retries++;
          await sleep(500);
          continue;
        }
        this.stats.couponRefusals[rule] = (this.stats.couponRefusals[rule] ?? 0) + 1;
        return;
      }
    }
  }

  private async retry<T = any>(request: () => Promise<T>, deadline: number, notFoundIsTransient = false): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request();
      } catch (err) {
        const transient = isTransient(err) || (notFoundIsTransient && err instanceof GraphQLFailure && err.code === 'NOT_FOUND');
        if (!transient || Date.now() > deadline) throw err;
        this.stats.retries++;
        await sleep(Math.min(2_000, 200 * attempt));
      }
    }
  }

  private pickLines(): [string, number][] {
    const count = 1 + this.random.int(3);
    const lines = new Map<string, number>();
    while (lines.size < count) lines.set(this.random.weighted(PRODUCTS), 1 + this.random.int(2));
    return [...lines];
  }
}
