import type { ReceivedEmail } from '../cluster/smtp-sink.js';
import type { Check } from './oracle.js';
import type { SystemProbe } from './system-probe.js';

/** The notification row id in a Message-ID the notifications context minted (domain/message-id.ts). */
const NOTIFICATION_ID = /^<notification\.([0-9a-f-]{36})@/i;

/**
 * The e-mail part of the oracle, from what the SMTP server the run killed and restarted really
 * accepted: every order announced CONFIRMED has exactly one confirmation e-mail there, every
 * dispatched shipment exactly one shipment e-mail, and no order that never got there has one.
 * "One" is one message by Message-ID: a copy resent after a crash between the server's acceptance
 * and the commit carries the same Message-ID (mail stores show it once), and is counted apart.
 */
export async function emailChecks(probe: SystemProbe, received: readonly ReceivedEmail[]): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (name: string, problems: string[], okDetail: string) =>
    checks.push({ name, ok: problems.length === 0, detail: problems.length ? `${problems.length} problem(s): ${problems.slice(0, 5).join(' | ')}` : okDetail });

  const rows = await probe.query<{ id: string; kind: string; order_id: string | null; status: string }>(`select id::text as id, kind, order_id::text as order_id, status from notifications.notification`);
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const distinct = new Map<string, number>();
  const strangers: string[] = [];
  for (const email of received) {
    const id = NOTIFICATION_ID.exec(email.messageId)?.[1]?.toLowerCase();
    if (!id || !rowById.has(id)) strangers.push(`${email.messageId} "${email.subject}"`);
    else distinct.set(id, (distinct.get(id) ?? 0) + 1);
  }
  const copies = [...distinct.values()].reduce((n, c) => n + c - 1, 0);
  check('every e-mail the SMTP server accepted is a stored notification', strangers, `${received.length} accepted, ${distinct.size} distinct, ${copies} resent copy(ies) with the same Message-ID`);

  const acceptedPerOrder = (kind: string) => {
    const perOrder = new Map<string, number>();
    for (const id of distinct.keys()) {
      const row = rowById.get(id)!;
      if (row.kind === kind && row.order_id) perOrder.set(row.order_id, (perOrder.get(row.order_id) ?? 0) + 1);
    }
    return perOrder;
  };
  const exactlyOne = (name: string, kind: string, expected: Set<string>) => {
    const accepted = acceptedPerOrder(kind);
    const problems = [
      ...[...expected].filter((orderId) => accepted.get(orderId) !== 1).map((orderId) => `${orderId}: ${accepted.get(orderId) ?? 0} ${kind} e-mail(s)`),
      ...[...accepted.keys()].filter((orderId) => !expected.has(orderId)).map((orderId) => `${orderId}: ${kind} e-mail without the event`),
    ];
    check(name, problems, `${expected.size} orders, one ${kind} e-mail each`);
  };

  const confirmed = await probe.query<{ order_id: string }>(
    `select distinct envelope->'payload'->>'orderId' as order_id from orders.outbox where type = 'OrderStatusChanged' and envelope->'payload'->>'status' = 'CONFIRMED'`,
  );
  exactlyOne('every CONFIRMED order has exactly one confirmation e-mail at the SMTP server, and no other order has one', 'ORDER_CONFIRMED', new Set(confirmed.map((r) => r.order_id)));

  const dispatched = await probe.query<{ order_id: string }>(`select distinct envelope->'payload'->>'orderId' as order_id from fulfillment.outbox where type = 'ShipmentDispatched'`);
  exactlyOne('every dispatched shipment has exactly one shipment e-mail at the SMTP server, and no other order has one', 'SHIPMENT_DISPATCHED', new Set(dispatched.map((r) => r.order_id)));

  const unsent = rows.filter((r) => r.status !== 'SENT');
  check('every stored e-mail was sent (none QUEUED or FAILED at rest)', unsent.map((r) => `${r.id} ${r.kind} ${r.status}`), `${rows.length} sent`);
  return checks;
}
