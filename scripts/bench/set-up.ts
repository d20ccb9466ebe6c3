import type { GraphQLClient } from '../cluster/graphql-client.js';
import { op } from './checkout-operations.js';

/**
 * bench:checkout's set-up, not measured: stock for every order, and customers who arrive signed in
 * (1,000 simultaneous sign-ins would measure scrypt, not checkout).
 */

const PASSWORD = 'bench-shopper-password';
/** Enough stock per (SKU, warehouse) that no order of the run is cancelled OUT_OF_STOCK. */
const STOCK_PER_WAREHOUSE = 3_000;
/** Sign-ups in parallel during set-up (scrypt: ~0.3 s of CPU each on this machine). */
const SIGN_UP_CONCURRENCY = 8;

/** Warehouse staff receive plenty of every active product in every warehouse; returns the SKUs. */
export async function stockEveryWarehouse(client: GraphQLClient, say: (line: string) => void): Promise<string[]> {
  const staff = (await client.request(op('BenchStaffLogin'), { email: 'warehouse@crittersupply.dev', password: 'critter-staff-dev' })).login.token as string;
  const skus = ((await client.request(op('BenchActiveProducts'), {})).products.nodes as { sku: string }[]).map((p) => p.sku);
  const warehouses = ((await client.request(op('BenchWarehouses'), {}, staff)).warehouses as { id: string }[]).map((w) => w.id);
  for (const sku of skus) {
    await Promise.all(warehouses.map((warehouseId) => client.request(op('BenchReceiveStock'), { sku, warehouseId, quantity: STOCK_PER_WAREHOUSE }, staff)));
  }
  say(`set-up: received ${STOCK_PER_WAREHOUSE} of each of ${skus.length} products in ${warehouses.length} warehouses`);
  return skus;
}

/** Registers `count` customers; returns their session tokens. */
export async function signUp(client: GraphQLClient, count: number, seed: number, say: (line: string) => void): Promise<string[]> {
  say(`set-up: signing up ${count} customers, ${SIGN_UP_CONCURRENCY} at a time (scrypt, ~0.3 s of CPU each: about ${Math.ceil((count * 0.2) / 10) * 10} s for ${count} here; not measured)`);
  const started = performance.now();
  const tokens: string[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: SIGN_UP_CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const input = { email: `bench-${seed.toString(36)}-${i}@critter.test`, password: PASSWORD, firstName: 'Bench', lastName: `Shopper ${i}` };
        tokens[i] = (await client.request(op('BenchRegister'), { input })).registerCustomer.token as string;
      }
    }),
  );
  say(`set-up: ${count} customers signed up in ${((performance.now() - started) / 1000).toFixed(1)} s (${SIGN_UP_CONCURRENCY} at a time)`);
  return tokens;
}
