/**
 * `npm run demo`: three purchases against a running system (`npm start`), as a client would make
 * them through the gateway, printing the live `orderUpdated` events of each:
 *   1. a purchase that goes PLACED → CONFIRMED → SHIPPED → DELIVERED (warehouse staff dispatch it);
 *   2. a declined card (PLACED → CANCELLED, PAYMENT_DECLINED);
 *   3. a purchase the customer cancels (→ CANCELLED, payment refunded).
 * Operations: examples/demo.graphql. Gateway: GATEWAY_URL (default http://127.0.0.1:4000/graphql).
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadOperations, operation } from './cluster/operations.js';

const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const STEP_TIMEOUT_MS = 60_000;

const operations = loadOperations('examples/demo.graphql');

async function call<T = any>(name: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: operation(operations, name), variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(`${name}: ${body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ')}`);
  return body.data as T;
}

/** Retries while the system is still learning about something just created (projections). */
async function until<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** All of the customer's order updates, from before the first order is placed: none is missed. */
class OrderFeed {
  private readonly statuses = new Map<string, string[]>();
  private readonly labels = new Map<string, string>();
  private readonly waiters: { orderId: string; status: string; resolve: () => void }[] = [];
  private readonly stop: () => void;

  constructor(client: Client) {
    this.stop = client.subscribe<any>(
      { query: operation(operations, 'DemoOrderUpdated') },
      {
        next: ({ data, errors }) => {
          if (errors?.length) return console.log(`  orderUpdated error: ${errors[0]!.message}`);
          const update = data.orderUpdated;
          const orderId = update.order.id as string;
          this.statuses.set(orderId, [...(this.statuses.get(orderId) ?? []), update.status]);
          const extra = [update.order.cancellationReason, update.order.payment && `payment ${update.order.payment.status}`].filter(Boolean).join(', ');
          console.log(`  [${this.labels.get(orderId) ?? orderId}] orderUpdated: ${update.previousStatus ?? '—'} → ${update.status}${extra ? ` (${extra})` : ''}`);
          for (const w of this.waiters.filter((w) => w.orderId === orderId && w.status === update.status)) w.resolve();
        },
        error: (err) => console.log(`  subscription ended: ${String(err)}`),
        complete: () => {},
      },
    );
  }

  label(orderId: string, label: string): void {
    this.labels.set(orderId, label);
  }

  reached(orderId: string, status: string): Promise<void> {
    if (this.statuses.get(orderId)?.includes(status)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`order ${orderId}: no ${status} within ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
      this.waiters.push({ orderId, status, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  close(): void {
    this.stop();
  }
}

async function placeOrder(token: string, addressId: string, paymentToken: string, sku: string): Promise<{ id: string; total: { formatted: string } }> {
  const { createCart } = await call('DemoCreateCart', {}, token);
  const added: any = await until(`${sku} to be addable`, () => call('DemoAddItem', { cartId: createCart.id, sku, quantity: 1 }, token));
  for (const warning of added.addCartItem.warnings) console.log(`  warning ${warning.code}: ${warning.message}`);
  const { checkoutCart } = await call('DemoCheckoutCart', { cartId: createCart.id }, token);
  await call('DemoShipTo', { checkoutId: checkoutCart.id, addressId }, token);
  await call('DemoShipBy', { checkoutId: checkoutCart.id, method: 'STANDARD' }, token);
  await call('DemoPayWith', { checkoutId: checkoutCart.id, paymentToken }, token);
  const { placeOrder } = await call('DemoPlaceOrder', { checkoutId: checkoutCart.id }, token);
  console.log(`  placed order ${placeOrder.id} for ${placeOrder.total.formatted}`);
  return placeOrder;
}

async function main(): Promise<void> {
  console.log(`CritterSupply demo against ${gatewayUrl}\n`);
  const { login } = await call('DemoLogin', { email: 'alice@critter.test', password: 'critter-demo-pass' });
  const staff = (await call('DemoLogin', { email: 'warehouse@crittersupply.dev', password: 'critter-staff-dev' })).login.token as string;
  const address = login.customer.addresses.find((a: { isDefault: boolean }) => a.isDefault) ?? login.customer.addresses[0];
  if (!address) throw new Error('alice has no saved address: is the demo data seeded (SEED_DEMO_DATA)?');
  const ws = createClient({ url: gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${login.token}` } });
  const feed = new OrderFeed(ws);

  try {
    console.log(`1. ${login.customer.firstName} buys a dog bowl, ships to "${address.nickname}"`);
    const bought = await placeOrder(login.token, address.id, 'tok_visa', 'DOG-BOWL-001');
    feed.label(bought.id, 'purchase');
    await feed.reached(bought.id, 'CONFIRMED');
    const shipment = await until('the shipment', async () => (await call('DemoOrderShipments', { orderId: bought.id }, login.token)).order.shipments[0]);
    const dispatched = await call('DemoDispatch', { shipmentId: shipment.id }, staff);
    console.log(`  warehouse dispatched it with ${dispatched.dispatchShipment.carrier} ${dispatched.dispatchShipment.trackingNumber}`);
    await feed.reached(bought.id, 'SHIPPED');
    await call('DemoDeliver', { shipmentId: shipment.id }, staff);
    await feed.reached(bought.id, 'DELIVERED');

    console.log('\n2. a declined card');
    const declined = await placeOrder(login.token, address.id, 'tok_decline_insufficient_funds', 'CAT-TREE-5FT');
    feed.label(declined.id, 'declined');
    await feed.reached(declined.id, 'CANCELLED');

    console.log('\n3. a purchase the customer cancels');
    const regret = await placeOrder(login.token, address.id, 'tok_visa', 'FISH-TANK-20G');
    feed.label(regret.id, 'cancelled');
    await feed.reached(regret.id, 'CONFIRMED');
    await call('DemoCancelOrder', { orderId: regret.id, reason: 'changed my mind' }, login.token);
    await feed.reached(regret.id, 'CANCELLED');
    console.log('\nDone. The e-mails these orders sent are in the development inbox (maildev): http://127.0.0.1:1080');
  } finally {
    feed.close();
    await ws.dispose();
  }
}

main().catch((err) => {
  console.error(`\ndemo failed: ${err instanceof Error ? err.message : String(err)}`);
  console.error('Is the system running? Start it with `npm start` (see README).');
  process.exit(1);
});
