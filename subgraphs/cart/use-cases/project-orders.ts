import type { SqlStatement } from '../../../platform/combined-statement.js';
import type { PastOrderRecord } from '../store/past-order.entity.js';

/** OrderPlaced → the cart's past_order row. An order is placed once; a repeat changes nothing. */
export function placedOrderStatement(schema: string, order: PastOrderRecord): SqlStatement {
  return {
    sql: `insert into "${schema}".past_order (order_id, customer_id, items, placed_at) values (?, ?, ?, ?) on conflict (order_id) do nothing`,
    params: [order.orderId, order.customerId, JSON.stringify(order.items), order.placedAt],
  };
}
