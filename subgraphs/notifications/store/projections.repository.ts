import type { SqlStatement } from '../../../platform/combined-statement.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { schemaOf } from '../../../events/inbox.js';
import { plainRecord } from '../../../platform/plain-record.js';
import type { OrderFacts } from '../domain/order-facts.js';
import { OrderSummaryEntity, type OrderSummaryRecord } from './order-summary.entity.js';
import { RecipientEntity, type RecipientRecord } from './recipient.entity.js';

/**
 * The event-fed copies notifications writes e-mails from. Writes are idempotent upserts, so a
 * replayed or late event never moves a projection backwards.
 */
export class ProjectionsRepository {
  private readonly schema: string;

  constructor(private readonly em: EntityManager) {
    this.schema = schemaOf(em);
  }

  /** Keeps the newest address and names: an event older than what the row reflects changes nothing. */
  async upsertRecipient(recipient: RecipientRecord): Promise<void> {
    await this.em.execute(
      `insert into "${this.schema}".recipient (customer_id, email, first_name, last_name, as_of) values (?, ?, ?, ?, ?)
       on conflict (customer_id) do update set email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name, as_of = excluded.as_of
       where recipient.as_of <= excluded.as_of`,
      [recipient.customerId, recipient.email, recipient.firstName, recipient.lastName, recipient.asOf],
      'run',
    );
  }

  /**
   * The order and its customer in ONE select, for an e-mail that needs both: either is null while
   * its event has not been applied yet. Plain records: nothing here is ever written back.
   */
  async findOrderWithRecipient(orderId: string): Promise<{ order: OrderSummaryRecord | null; recipient: RecipientRecord | null }> {
    const [row] = await this.em.execute<Record<string, unknown>[]>(
      `select o.*, ${RECIPIENT_COLUMNS.map((column) => `r.${column} as ${RECIPIENT_PREFIX}${column}`).join(', ')}
         from "${this.schema}".order_summary o left join "${this.schema}".recipient r on r.customer_id = o.customer_id
        where o.order_id = ?`,
      [orderId],
    );
    if (!row) return { order: null, recipient: null };
    const { own, prefixed } = splitPrefixed(row, RECIPIENT_PREFIX);
    return { order: plainRecord(this.em, OrderSummaryEntity, own), recipient: prefixed.customer_id === null ? null : plainRecord(this.em, RecipientEntity, prefixed) };
  }

  async findOrdersOwners(orderIds: readonly string[]): Promise<{ orderId: string; customerId: string }[]> {
    if (!orderIds.length) return [];
    return this.em.find(OrderSummaryEntity, { orderId: { $in: [...orderIds] } }, { fields: ['orderId', 'customerId'] });
  }
}

/** The recipient's columns travel beside the order's under this prefix (both tables have customer_id). */
const RECIPIENT_PREFIX = 'recipient__';
const RECIPIENT_COLUMNS = ['customer_id', 'email', 'first_name', 'last_name', 'as_of'] as const;

function splitPrefixed(row: Record<string, unknown>, prefix: string): { own: Record<string, unknown>; prefixed: Record<string, unknown> } {
  const own: Record<string, unknown> = {};
  const prefixed: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column.startsWith(prefix)) prefixed[column.slice(prefix.length)] = value;
    else own[column] = value;
  }
  return { own, prefixed };
}

/** OrderPlaced → the order's summary; a repeat changes nothing but a missing number. */
/** What an order's capture records (PaymentCaptured); fails, retried, while OrderPlaced has not made the row. */
export function orderCaptureUpdate(schema: string, orderId: string, amountCents: number): SqlStatement {
  return {
    sql: `update "${schema}".order_summary set captured_cents = ? where order_id = ? returning order_id`,
    params: [amountCents, orderId],
    failsWhenNoRow: `order ${orderId} is not known yet (OrderPlaced not applied); retrying`,
  };
}

export function orderSummaryInsert(schema: string, orderId: string, customerId: string, facts: Omit<OrderFacts, 'capturedCents'>): SqlStatement {
  return {
    sql: `insert into "${schema}".order_summary
         (order_id, customer_id, number, items, subtotal_cents, discount_cents, coupon_code, shipping_cents, total_cents, currency, shipping_address, shipping_method, placed_at)
       values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
       on conflict (order_id) do update set number = coalesce(order_summary.number, excluded.number)`,
    params: [
      orderId,
      customerId,
      facts.number,
      JSON.stringify(facts.items),
      facts.subtotalCents,
      facts.discountCents,
      facts.couponCode,
      facts.shippingCents,
      facts.totalCents,
      facts.currency,
      JSON.stringify(facts.shippingAddress),
      facts.shippingMethod,
      facts.placedAt,
    ],
  };
}
