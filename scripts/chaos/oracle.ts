import type { ReceivedEmail } from '../cluster/smtp-sink.js';
import { emailChecks } from './email-oracle.js';
import type { ConsumerState, SystemProbe } from './system-probe.js';
import { SCHEMAS } from './system-probe.js';
import type { ToldOrder } from './workload.js';

/**
 * The oracle: after quiescence, SQL over every context's schema (and JetStream's own state) must
 * show that every order the client was told about settled exactly once, money and stock add up,
 * and the messaging left nothing behind. Each check lists what broke it.
 */
export interface Check {
  name: string;
  ok: boolean;
  /** Counts when it holds; the offending rows (a few) when it does not. */
  detail: string;
}

export interface OracleInput {
  told: ToldOrder[];
  /** The one message poisoned on purpose: its id, the context whose stream got it, the schema whose handler must dead-letter it. */
  poison: { id: string; streamContext: string; schema: string };
  /** Orders customer service closed from ON_HOLD. */
  closedOnHold: Set<string>;
  /** Whether the poisoned message is still in its stream (false once the broker lost its store). */
  poisonInStream: boolean;
  /** Processes that exited on their own during the run. */
  crashes: string[];
  /** Every e-mail the run's SMTP server accepted, copies included. */
  emails: readonly ReceivedEmail[];
}

const CONFIRMED_OR_LATER = ['CONFIRMED', 'SHIPPED', 'DELIVERED', 'CLOSED'];
/** Units of a stock row that came back from customers (RETURNED moves them from shipped to available). */
const RETURNED_UNITS = `(select coalesce(sum(m.delta_available), 0) from inventory.stock_movement m where m.kind = 'RETURNED' and m.sku = s.sku and m.warehouse_id = s.warehouse_id)`;
const RESTING = [...CONFIRMED_OR_LATER, 'CANCELLED'];

export async function runOracle(probe: SystemProbe, input: OracleInput): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (name: string, problems: unknown[], okDetail: string) =>
    checks.push({ name, ok: problems.length === 0, detail: problems.length ? `${problems.length} problem(s): ${problems.slice(0, 5).map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' | ')}` : okDetail });

  // 1. Every order the client was told about exists, exactly once (ids are primary keys).
  const toldIds = input.told.map((o) => o.id);
  const found = new Set((await probe.query<{ id: string }>(`select id::text as id from orders.customer_order where id = any($1::uuid[])`, [toldIds])).map((r) => r.id));
  const allOrders = await probe.count(`select count(*) as n from orders.customer_order`);
  check('every order placeOrder answered exists exactly once', toldIds.filter((id) => !found.has(id)).map((id) => `missing ${id}`), `${found.size} told, ${allOrders} in orders.customer_order (${allOrders - found.size} placed but never told: answer lost)`);

  // 2. Every order rests: terminal, or CONFIRMED and later; none PLACED; none left ON_HOLD (staff closed them).
  const orders = await probe.query<{ id: string; status: string; total_cents: number; cancellation_reason: string | null }>(
    `select id::text as id, status, total_cents, cancellation_reason from orders.customer_order`,
  );
  check('every order is CONFIRMED or later, or CANCELLED (ON_HOLD ones closed by staff)', orders.filter((o) => !RESTING.includes(o.status)).map((o) => `${o.id} ${o.status}`), `${orders.length} orders at rest`);

  // 3. One payment per order; captured − every refund = what the customer kept: the total less its
  //    refunded returns once confirmed, 0 once cancelled.
  const money = await probe.query<{ id: string; status: string; total_cents: number; payments: string; net: string; returned: string }>(`
    select o.id::text as id, o.status, o.total_cents, count(p.id) as payments, coalesce(sum(p.captured_cents - p.refunded_cents), 0) as net,
           (select coalesce(sum(r.refund_cents), 0) from returns.return r where r.order_id = o.id and r.status = 'REFUNDED') as returned
      from orders.customer_order o left join payments.payment p on p.order_id = o.id
     group by o.id, o.status, o.total_cents`);
  check('one payment per order', money.filter((m) => Number(m.payments) !== 1).map((m) => `${m.id} has ${m.payments}`), `${money.length} orders, one payment each`);
  check(
    'captured − refunded = total − refunded returns for CONFIRMED+ orders, 0 for cancelled ones',
    money
      .filter((m) => (CONFIRMED_OR_LATER.includes(m.status) ? Number(m.net) !== m.total_cents - Number(m.returned) : m.status === 'CANCELLED' && Number(m.net) !== 0))
      .map((m) => `${m.id} ${m.status} total ${m.total_cents} returned ${m.returned} net ${m.net}`),
    `${money.filter((m) => CONFIRMED_OR_LATER.includes(m.status)).length} paid (${money.filter((m) => Number(m.returned) > 0).length} less a refunded return), ${money.filter((m) => m.status === 'CANCELLED').length} cancelled with nothing kept`,
  );
  const orphanPayments = await probe.count(`select count(*) as n from payments.payment p where not exists (select 1 from orders.customer_order o where o.id = p.order_id)`);
  const openRefunds = await probe.query(`select id, order_id, status, failure_reason from payments.refund where status <> 'COMPLETED'`);
  check('no payment without an order, no refund pending or failed', [...(orphanPayments ? [`${orphanPayments} payments without an order`] : []), ...openRefunds], 'none');
  const doubleCharges = await probe.query(`
    select payment_id, operation, count(*) as n from payments.payment_attempt
     where outcome = 'SUCCEEDED' and operation in ('AUTHORIZE', 'CAPTURE') group by payment_id, operation having count(*) > 1`);
  check('at most one successful authorization and one capture per payment (attempt log)', doubleCharges, 'none repeated');

  // 3b. Coupons: every total is subtotal − discount + shipping; orders' redemption counters equal their
  // unreleased redemption rows and never pass a limit; a cancelled order holds no redemption.
  const badTotals = await probe.query(`
    select id::text as id, subtotal_cents, discount_cents, shipping_cents, total_cents from orders.customer_order
     where total_cents <> subtotal_cents - discount_cents + shipping_cents`);
  const badCounters = await probe.query(`
    select a.code, a.redemptions, a.max_redemptions, count(r.order_id) filter (where r.released_at is null) as held
      from orders.coupon_allowance a left join orders.coupon_redemption r on r.code = a.code
     group by a.code, a.redemptions, a.max_redemptions
    having a.redemptions <> count(r.order_id) filter (where r.released_at is null) or a.redemptions > coalesce(a.max_redemptions, a.redemptions)`);
  const keptByCancelled = await probe.query(`
    select r.order_id::text as order_id, r.code from orders.coupon_redemption r join orders.customer_order o on o.id = r.order_id
     where o.status = 'CANCELLED' and r.released_at is null`);
  check('total = subtotal − discount + shipping; coupon counters = redemptions held, within limits; cancelled orders hold none', [...badTotals, ...badCounters, ...keptByCancelled], 'consistent');

  // 3c. The money of a discounted order is its discounted total, recomputed here from its parts (not
  //     the stored total): what payments authorized and captured, and captured − refunded less the
  //     refunded returns once confirmed (0 once cancelled); and what the client was told is what is stored.
  const paid = await probe.query<{ id: string; status: string; discounted: number; discount_cents: number; amount_cents: number; captured_cents: number; net: number; returned: string }>(`
    select o.id::text as id, o.status, o.subtotal_cents - o.discount_cents + o.shipping_cents as discounted, o.discount_cents,
           p.amount_cents, p.captured_cents, p.captured_cents - p.refunded_cents as net,
           (select coalesce(sum(r.refund_cents), 0) from returns.return r where r.order_id = o.id and r.status = 'REFUNDED') as returned
      from orders.customer_order o join payments.payment p on p.order_id = o.id`);
  const stored = new Map((await probe.query<{ id: string; total_cents: number; discount_cents: number; coupon_code: string | null }>(`select id::text as id, total_cents, discount_cents, coupon_code from orders.customer_order`)).map((o) => [o.id, o]));
  const discounted = paid.filter((p) => p.discount_cents > 0);
  check(
    'every payment is for the discounted total (authorized, captured, captured − refunded = total − refunded returns; 0 cancelled); told totals and discounts are stored',
    [
      ...paid
        .filter((p) =>
          (p.amount_cents !== 0 && p.amount_cents !== p.discounted) ||
          (p.captured_cents !== 0 && p.captured_cents !== p.discounted) ||
          (CONFIRMED_OR_LATER.includes(p.status) && p.net !== p.discounted - Number(p.returned)) ||
          (p.status === 'CANCELLED' && p.net !== 0),
        )
        .map((p) => `${p.id} ${p.status}: discounted total ${p.discounted}, authorized ${p.amount_cents}, captured ${p.captured_cents}, net ${p.net}, returned ${p.returned}`),
      ...input.told
        .filter((t) => stored.has(t.id))
        .filter((t) => { const o = stored.get(t.id)!; return o.total_cents !== t.totalCents || o.discount_cents !== t.discountCents || o.coupon_code !== t.couponCode; })
        .map((t) => `${t.id} told total ${t.totalCents} discount ${t.discountCents} ${t.couponCode ?? 'no coupon'}, stored ${JSON.stringify(stored.get(t.id))}`),
    ],
    `${paid.length} payments, ${discounted.length} for discounted orders (${discounted.reduce((sum, p) => sum + p.discount_cents, 0)} cents off in all)`,
  );

  // 3d. However the placements raced, no coupon discounted more live orders than its limit, and
  //     promotions' redemption count (a projection of orders' events) caught up with them.
  const perCoupon = await probe.query<{ code: string; max_redemptions: number | null; redemptions: number; orders: string; cancelled: string }>(`
    select c.code, c.max_redemptions, c.redemptions,
           count(o.id) filter (where o.status <> 'CANCELLED') as orders, count(o.id) filter (where o.status = 'CANCELLED') as cancelled
      from promotions.coupon c left join orders.customer_order o on o.coupon_code = c.code
     group by c.code, c.max_redemptions, c.redemptions order by c.code`);
  const strayCodes = await probe.query(`select id::text as id, coupon_code from orders.customer_order o where coupon_code is not null and not exists (select 1 from promotions.coupon c where c.code = o.coupon_code)`);
  check(
    'discounted orders (not cancelled) per coupon ≤ its limit, = promotions\' redemption count; no order with an unknown coupon',
    [
      ...perCoupon
        .filter((c) => (c.max_redemptions !== null && Number(c.orders) > c.max_redemptions) || c.redemptions !== Number(c.orders))
        .map((c) => `${c.code}: ${c.orders} discounted orders, limit ${c.max_redemptions ?? 'none'}, promotions counts ${c.redemptions}`),
      ...strayCodes,
    ],
    perCoupon.map((c) => `${c.code} ${c.orders}/${c.max_redemptions ?? '∞'}${Number(c.cancelled) ? ` (+${c.cancelled} cancelled, released)` : ''}`).join(', ') || 'no coupons',
  );

  // 4. Stock conservation per SKU and warehouse, from the movement log and the reservations.
  const stock = await probe.query<Record<string, string | number>>(`
    select s.sku, s.warehouse_id, s.available, s.reserved, s.committed, s.shipped,
           coalesce(sum(m.delta_available), 0) as m_available, coalesce(sum(m.delta_reserved), 0) as m_reserved,
           coalesce(sum(m.delta_committed), 0) as m_committed, coalesce(sum(m.delta_shipped), 0) as m_shipped,
           coalesce(sum(m.delta_available + m.delta_reserved + m.delta_committed + m.delta_shipped) filter (where m.kind in ('SEEDED', 'RECEIVED', 'ADJUSTED')), 0) as received
      from inventory.stock_level s left join inventory.stock_movement m on m.sku = s.sku and m.warehouse_id = s.warehouse_id
     group by s.sku, s.warehouse_id, s.available, s.reserved, s.committed, s.shipped`);
  const n = (v: string | number | undefined) => Number(v ?? 0);
  check(
    'stock: received = available + reserved + committed + shipped, and each bucket = its movement log',
    stock
      .filter((s) => n(s.received) !== n(s.available) + n(s.reserved) + n(s.committed) + n(s.shipped) || (['available', 'reserved', 'committed', 'shipped'] as const).some((b) => n(s[b]) !== n(s[`m_${b}`])))
      .map((s) => s),
    `${stock.length} stock rows, ${stock.reduce((sum, s) => sum + n(s.received), 0)} units received: ${stock.reduce((sum, s) => sum + n(s.available), 0)} available, ${stock.reduce((sum, s) => sum + n(s.committed), 0)} committed, ${stock.reduce((sum, s) => sum + n(s.shipped), 0)} shipped, ${stock.reduce((sum, s) => sum + n(s.reserved), 0)} reserved`,
  );
  const unbalancedMoves = await probe.query(`
    select id, sku, warehouse_id, kind from inventory.stock_movement
     where kind not in ('SEEDED', 'RECEIVED', 'ADJUSTED') and delta_available + delta_reserved + delta_committed + delta_shipped <> 0`);
  check('stock moves between buckets never create or destroy units', unbalancedMoves, 'all balanced');
  const heldVsBuckets = await probe.query(`
    with held as (
      select r.warehouse_id, l->>'sku' as sku, r.status, sum((l->>'quantity')::int) as qty
        from inventory.reservation r cross join lateral jsonb_array_elements(r.lines) l
       where r.status in ('RESERVED', 'COMMITTED', 'SHIPPED') group by 1, 2, 3)
    select s.sku, s.warehouse_id, s.reserved, s.committed, s.shipped,
           coalesce(sum(h.qty) filter (where h.status = 'RESERVED'), 0) as r_reserved,
           coalesce(sum(h.qty) filter (where h.status = 'COMMITTED'), 0) as r_committed,
           coalesce(sum(h.qty) filter (where h.status = 'SHIPPED'), 0) as r_shipped,
           ${RETURNED_UNITS} as returned
      from inventory.stock_level s left join held h on h.sku = s.sku and h.warehouse_id = s.warehouse_id
     group by s.sku, s.warehouse_id, s.reserved, s.committed, s.shipped
    having s.reserved <> coalesce(sum(h.qty) filter (where h.status = 'RESERVED'), 0)
        or s.committed <> coalesce(sum(h.qty) filter (where h.status = 'COMMITTED'), 0)
        or s.shipped <> coalesce(sum(h.qty) filter (where h.status = 'SHIPPED'), 0) - ${RETURNED_UNITS}`);
  check('stock buckets = the units of the reservations in that state (shipped: less the units returned to stock)', heldVsBuckets, 'they match');

  // 4b. Returns: each ended (refunded or rejected); accepted units restocked exactly once where the
  //     order shipped from; each refund asked of payments completed for the amount the return shows.
  const returns = await probe.query<{ id: string; status: string; refund_cents: number; refunded: string | null; refund_status: string | null; accepted: string; restocked: string }>(`
    select r.id::text as id, r.status, r.refund_cents, p.amount_cents::text as refunded, p.status as refund_status,
           (select coalesce(sum((l->>'acceptedQuantity')::int), 0) from jsonb_array_elements(r.lines) l) as accepted,
           (select coalesce(sum(m.delta_available), 0) from inventory.stock_movement m
             where m.kind = 'RETURNED' and m.reference = r.id::text and m.warehouse_id = r.warehouse_id) as restocked
      from returns.return r left join payments.refund p on p.id = r.refund_id`);
  check(
    'every return ended (REFUNDED or REJECTED), its accepted units restocked once, its refund completed for its amount',
    returns
      .filter((r) =>
        !['REFUNDED', 'REJECTED'].includes(r.status) ||
        Number(r.accepted) !== Number(r.restocked) ||
        (r.status === 'REFUNDED' && r.refund_cents > 0 && (r.refund_status !== 'COMPLETED' || Number(r.refunded) !== r.refund_cents)),
      )
      .map((r) => `${r.id} ${r.status}: refund ${r.refund_cents} (payments: ${r.refund_status ?? 'none'} ${r.refunded ?? ''}), accepted ${r.accepted}, restocked ${r.restocked}`),
    `${returns.length} returns, ${returns.reduce((n, r) => n + Number(r.restocked), 0)} unit(s) restocked`,
  );
  const reservations = await probe.query<{ id: string; status: string; reservations: string; reservation: string | null }>(`
    select o.id::text as id, o.status, count(r.id) as reservations, max(r.status) as reservation
      from orders.customer_order o left join inventory.reservation r on r.order_id = o.id::text
     group by o.id, o.status`);
  const expectedReservation: Record<string, string[]> = {
    CONFIRMED: ['COMMITTED'],
    SHIPPED: ['SHIPPED'],
    DELIVERED: ['SHIPPED'],
    CLOSED: ['SHIPPED'],
    CANCELLED: ['RELEASED', 'EXPIRED', 'FAILED'],
  };
  check(
    'one reservation per order, in the state its order implies (cancelled: nothing held)',
    reservations.filter((r) => Number(r.reservations) !== 1 || !(expectedReservation[r.status] ?? []).includes(r.reservation ?? '')).map((r) => `${r.id} ${r.status}: ${r.reservations} reservation(s), ${r.reservation}`),
    `${reservations.length} orders`,
  );

  // 5. Fulfillment: one shipment per confirmed order, none moving for a cancelled one.
  const shipments = await probe.query<{ id: string; status: string; shipments: string; shipment: string | null }>(`
    select o.id::text as id, o.status, count(s.id) as shipments, max(s.status) as shipment
      from orders.customer_order o left join fulfillment.shipment s on s.order_id = o.id::text
     group by o.id, o.status`);
  const expectedShipment: Record<string, (string | null)[]> = { CONFIRMED: ['ASSIGNED'], SHIPPED: ['DISPATCHED', 'DELIVERY_FAILED'], DELIVERED: ['DELIVERED'], CLOSED: ['DELIVERED'], CANCELLED: [null, 'CANCELLED'] };
  check(
    'one shipment per confirmed order, in the state its order implies',
    shipments.filter((s) => Number(s.shipments) > 1 || !(expectedShipment[s.status] ?? []).includes(s.shipment)).map((s) => `${s.id} ${s.status}: ${s.shipments} shipment(s), ${s.shipment}`),
    `${shipments.filter((s) => s.shipment).length} shipments`,
  );

  // 6. The saga took each step once: no status announced twice for one order.
  const repeatedStatus = await probe.query(`
    select envelope->'payload'->>'orderId' as order_id, envelope->'payload'->>'status' as status, count(*) as n
      from orders.outbox where type = 'OrderStatusChanged' group by 1, 2 having count(*) > 1`);
  check('each order status announced at most once (no step taken twice)', repeatedStatus, 'none repeated');

  // 7. ON_HOLD orders closed by customer service were compensated (covered above; named here).
  const closed = money.filter((m) => input.closedOnHold.has(m.id));
  check(
    'ON_HOLD orders closed by staff are CANCELLED with nothing captured and no stock held',
    closed.filter((m) => m.status !== 'CANCELLED' || Number(m.net) !== 0).map((m) => `${m.id} ${m.status} net ${m.net}`),
    `${closed.length} closed`,
  );

  // 7b. Operations: every order that went ON_HOLD has exactly one alert (dedupe under redeliveries),
  // resolved once staff closed the order.
  const onHoldAlerts = await probe.query<{ id: string; status: string; alerts: string; open: string }>(`
    select o.id::text as id, o.status, count(a.id) as alerts, count(a.id) filter (where a.status <> 'RESOLVED') as open
      from orders.customer_order o left join operations.alert a on a.kind = 'ORDER_ON_HOLD' and a.order_id = o.id
     where exists (select 1 from orders.outbox e where e.type = 'OrderStatusChanged' and e.envelope->'payload'->>'orderId' = o.id::text and e.envelope->'payload'->>'status' = 'ON_HOLD')
     group by o.id, o.status`);
  check(
    'every order that went ON_HOLD has exactly one alert, resolved once the order left ON_HOLD',
    onHoldAlerts.filter((a) => Number(a.alerts) !== 1 || (a.status !== 'ON_HOLD' && Number(a.open) !== 0)).map((a) => `${a.id} ${a.status}: ${a.alerts} alert(s), ${a.open} open`),
    `${onHoldAlerts.length} ON_HOLD order(s), one alert each`,
  );

  // 8. Messaging: no unpublished outbox row, dead letters = exactly the poisoned message.
  const pending = await probe.pendingOutbox();
  check('no unpublished outbox rows in any schema', Object.entries(pending).map(([s, c]) => `${s}: ${c}`), `${SCHEMAS.length} schemas clean`);
  const deadLetters = await probe.query<{ schema: string; message_id: string; handler: string; error: string }>(
    SCHEMAS.map((s) => `select '${s}' as schema, message_id, handler, error from "${s}".dead_letter`).join(' union all '),
  );
  const unexpected = deadLetters.filter((d) => !(d.schema === input.poison.schema && d.message_id === input.poison.id));
  check(
    'the dead-letter store holds exactly the message poisoned on purpose',
    [...unexpected.map((d) => `${d.schema}/${d.handler}: ${d.message_id} (${d.error})`), ...(deadLetters.length === unexpected.length ? [`the poisoned message ${input.poison.id} is not in ${input.poison.schema}.dead_letter`] : [])],
    `1 dead letter: ${input.poison.schema}/${deadLetters.find((d) => d.message_id === input.poison.id)?.handler}`,
  );
  const copies = await probe.query<{ context: string; event_id: string; alerts: string }>(`
    select c.context, c.event_id, count(a.id) as alerts from operations.dead_letter_copy c
      left join operations.alert a on a.kind = 'MESSAGE_DEAD_LETTERED' and a.subject = 'dead-letter:' || c.context || ':' || c.id::text
     group by c.context, c.event_id`);
  check(
    'operations lists every dead letter (and only those), each with one alert',
    [
      ...deadLetters.filter((d) => !copies.some((c) => c.context === d.schema && c.event_id === d.message_id)).map((d) => `${d.schema}/${d.handler}: ${d.message_id} not in operations.dead_letter_copy`),
      ...copies.filter((c) => Number(c.alerts) !== 1 || !deadLetters.some((d) => d.schema === c.context && d.message_id === c.event_id)).map((c) => `${c.context}: ${c.event_id} copied with ${c.alerts} alert(s)`),
    ],
    `${copies.length} copied`,
  );

  // 9. No event lost: every outbox row reached every handler subscribed to its subject (its inbox has
  //    it). A selective handler acks the events it ignores without an inbox row: for those, the
  //    consumer's ack floor at or past the row's stream sequence is the proof.
  const consumers = await probe.consumers();
  const lost: string[] = [];
  let deliveries = 0;
  for (const consumer of consumers) {
    const route = routeOf(consumer, probe.namespace);
    if (!route) continue;
    const [total, missing] = await Promise.all([
      probe.count(`select count(*) as n from "${route.producer}".outbox where subject = $1`, [consumer.filterSubject]),
      probe.count(
        `select count(*) as n from "${route.producer}".outbox o where o.subject = $1
            and not exists (select 1 from "${route.consumer}".inbox i where i.message_id = o.id::text and i.handler = $2)
            and not ($3 and o.stream_seq <= $4)`,
        [consumer.filterSubject, route.handler, consumer.selective, consumer.ackFloor],
      ),
    ]);
    deliveries += total;
    if (missing) lost.push(`${missing} of ${total} ${consumer.filterSubject} never handled by ${consumer.name}`);
  }
  check('every recorded event reached every handler subscribed to it (inbox row present; for a selective handler, acked)', lost, `${consumers.length} durable consumers, ${deliveries} (event, handler) pairs`);

  // 10. Each stream holds every outbox row of its context exactly once.
  const mismatched: string[] = [];
  for (const schema of SCHEMAS) {
    const stream = `${probe.namespace}_${schema}`.toUpperCase();
    const rows = await probe.count(`select count(*) as n from "${schema}".outbox`);
    const expected = rows + (input.poisonInStream && schema === input.poison.streamContext ? 1 : 0);
    const held = await probe.streamMessages(stream).catch(() => ({ messages: -1, lastSeq: -1 }));
    if (held.messages !== expected) mismatched.push(`${stream}: ${held.messages} messages for ${expected} expected`);
  }
  check('every stream holds each outbox row of its context exactly once', mismatched, `${SCHEMAS.length} streams`);

  // 11. No process died on its own.
  check('no process crashed', input.crashes, 'none');

  // 12. Customer e-mails: exactly one per confirmation and per dispatch, at the SMTP server.
  checks.push(...(await emailChecks(probe, input.emails)));
  return checks;
}

/** Which schema produced the events a durable consumer reads, and which handler (inbox) it feeds. */
function routeOf(consumer: ConsumerState, namespace: string): { producer: string; consumer: string; handler: string } | undefined {
  const producer = consumer.stream.slice(namespace.length + 1).toLowerCase();
  const dash = consumer.name.indexOf('-');
  const consuming = consumer.name.slice(0, dash);
  if (!SCHEMAS.includes(producer as (typeof SCHEMAS)[number]) || !SCHEMAS.includes(consuming as (typeof SCHEMAS)[number])) return undefined;
  return { producer, consumer: consuming, handler: consumer.name.slice(dash + 1) };
}
