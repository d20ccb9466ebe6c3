import type { EntityManager } from '@mikro-orm/postgresql';
import type { PastOrderRecord } from '../store/past-order.entity.js';

/** OrderPlaced → the cart's past_order row. An order is placed once; a repeat changes nothing. */
export async function projectPlacedOrder(em: EntityManager, order: PastOrderRecord): Promise<void> {
  await em.execute(
    `insert into "${em.config.get('schema')}".past_order (order_id, customer_id, items, placed_at) values (?, ?, ?, ?) on conflict (order_id) do nothing`,
    [order.orderId, order.customerId, JSON.stringify(order.items), order.placedAt],
    'run',
  );
}
