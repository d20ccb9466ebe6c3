import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queriesDuring } from '../support/queries.js';
import type { Stack } from '../support/stack.js';
import { perMessage, statementKind, TransactionLog } from '../support/transaction-log.js';
import { completeCheckout, errorCode, PLACE_ORDER, placeOrder, startOrdersWorld, type EventPublisher, type OrdersWorld } from './support.js';

/**
 * What placeOrder sends PostgreSQL once the checkout is complete, message by message: the locking
 * read of the checkout with one read of the prices and the order number after it, and the
 * placement's one write, which carries the COMMIT (store/order-placement.statement.ts).
 */

let world: OrdersWorld;
let stack: Stack;
let events: EventPublisher;
let sql: pg.Pool;
const log = new TransactionLog();

beforeAll(async () => {
  ({ stack, events, sql } = world = await startOrdersWorld());
  log.install();
});

afterAll(async () => {
  log.uninstall();
  await world?.stop();
});

/** This context's statements by what they do; the rest as every such test names them (statementKind). */
function kind(text: string): string {
  return statementKind(text, (statement) => {
    if (/^select \* from "orders"\.checkout where id = .* for update/i.test(statement)) return 'checkout row lock';
    if (/^with placeable as .*nextval\(.*order_number_seq.*product_price/i.test(statement)) return 'order number and prices';
    return undefined;
  });
}

/** The placement's messages as the process sent them, during `work`: each one's text. */
async function placementMessages(checkoutId: string, work: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  await queriesDuring(work, (text) => {
    if (text.includes(checkoutId) || /order_number_seq/.test(text)) texts.push(text);
    return false;
  });
  return texts;
}

const sequenceValueOf = async (orderId: string) => Number((await sql.query('select number from orders.customer_order where id = $1', [orderId])).rows[0].number.slice('CS-'.length));

const priceOf = async (sku: string, cents: number) =>
  sql.query(`insert into orders.product_price (sku, price_cents, currency, version) values ($1, $2, 'USD', 'test') on conflict (sku) do update set price_cents = excluded.price_cents`, [sku, cents]);

describe('placeOrder, message by message', () => {
  it('locks the checkout and reads the prices with the order number in one message, and writes the placement with its COMMIT', async () => {
    const { token, checkoutId } = await events.startCheckout();
    await completeCheckout(stack, token, checkoutId);

    let order: Awaited<ReturnType<typeof placeOrder>> | undefined;
    const messages = await placementMessages(checkoutId, async () => {
      order = await placeOrder(stack, token, checkoutId);
    });

    const [placement, ...others] = log.transactionsWith(order!.id);
    expect(others).toEqual([]);
    expect(placement!.map(perMessage(kind))).toEqual([
      'BEGIN',
      'checkout row lock; order number and prices',
      expect.stringMatching(/^one write: update checkout \+ insert customer_order \+ .*insert order_saga.*insert outbox/),
      'COMMIT',
    ]);
    // two round trips: BEGIN and the read of the prices and number travel with the lock, the COMMIT with the write
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatch(/insert into "orders"\.customer_order[\s\S]*;\s*COMMIT;\s*$/i);

    const { rows } = await sql.query('select o.number, o.checkout_id, c.status, c.order_id from orders.customer_order o join orders.checkout c on c.id = o.checkout_id where o.id = $1', [order!.id]);
    expect(rows).toEqual([{ number: expect.stringMatching(/^CS-\d+$/), checkout_id: checkoutId, status: 'COMPLETED', order_id: order!.id }]);
  });

  it('numbers orders from the sequence, one value per placement, and leaves a gap for a refused one', async () => {
    const first = await events.startCheckout();
    await completeCheckout(stack, first.token, first.checkoutId);
    const firstOrder = await placeOrder(stack, first.token, first.checkoutId);

    // the catalog's price moved since the cart: refused (PRICE_CHANGED) — a number was drawn all the same
    const drifted = await events.startCheckout();
    await completeCheckout(stack, drifted.token, drifted.checkoutId);
    await priceOf('DOG-BOWL-001', 1_499);
    try {
      const refused = await stack.request(PLACE_ORDER, { checkoutId: drifted.checkoutId }, drifted.token);
      expect(errorCode(refused)).toBe('PRICE_CHANGED');

      const acknowledged = await placeOrder(stack, drifted.token, drifted.checkoutId, true);
      expect(acknowledged.items.map((item) => item.unitPrice.cents)).toEqual([1_499]);
      expect(await sequenceValueOf(acknowledged.id)).toBeGreaterThan((await sequenceValueOf(firstOrder.id)) + 1);
    } finally {
      await sql.query(`delete from orders.product_price where sku = 'DOG-BOWL-001' and version = 'test'`);
    }
  });

  it('draws no number for a placement that cannot be accepted: a repeat, or someone else\'s checkout', async () => {
    const mine = await events.startCheckout();
    const theirs = await events.startCheckout();
    await completeCheckout(stack, mine.token, mine.checkoutId);
    await completeCheckout(stack, theirs.token, theirs.checkoutId);
    const first = await placeOrder(stack, mine.token, mine.checkoutId);

    expect((await placeOrder(stack, mine.token, mine.checkoutId)).id).toBe(first.id);
    expect(errorCode(await stack.request(PLACE_ORDER, { checkoutId: theirs.checkoutId }, mine.token))).toBe('NOT_FOUND');

    const next = await placeOrder(stack, theirs.token, theirs.checkoutId);
    expect(await sequenceValueOf(next.id)).toBe((await sequenceValueOf(first.id)) + 1);
  });
});
