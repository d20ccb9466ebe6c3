import pg from 'pg';
import { sleep } from '../cluster/ports.js';
import { formatMs, summarize } from './percentiles.js';

/** SPEC §11: the confirmation e-mail within 5 minutes of the order's confirmation. */
export const CONFIRMATION_EMAIL_TARGET_MS = 5 * 60_000;

/**
 * The confirmation e-mails of a stage's confirmed orders, read from notifications' rows (stored
 * with their event's time, their queueing time and the SMTP server's acceptance), by stage of the
 * pipeline: CONFIRMED event → e-mail queued (consumer lag, rendering) → accepted by the SMTP server
 * (sender), and end to end.
 */
export interface ConfirmationEmails {
  eventToQueuedMs: number[];
  queuedToAcceptedMs: number[];
  eventToAcceptedMs: number[];
  /** Confirmed orders without an accepted confirmation e-mail when the wait ended. */
  missing: number;
}

interface Row {
  order_id: string;
  event_at: Date;
  created_at: Date;
  sent_at: Date | null;
}

/** Waits (up to `timeoutMs`) until every order's confirmation e-mail was accepted, then measures them. */
export async function confirmationEmails(databaseUrl: string, orderIds: string[], timeoutMs: number): Promise<ConfirmationEmails> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let rows: Row[] = [];
    for (;;) {
      ({ rows } = await client.query<Row>(
        `select order_id, event_at, created_at, sent_at from notifications.notification
          where kind = 'ORDER_CONFIRMED' and status = 'SENT' and order_id = any($1::uuid[])`,
        [orderIds],
      ));
      if (rows.length >= orderIds.length || Date.now() > deadline) break;
      await sleep(500);
    }
    const ms = (from: Date, to: Date) => to.getTime() - from.getTime();
    return {
      eventToQueuedMs: rows.map((r) => ms(r.event_at, r.created_at)),
      queuedToAcceptedMs: rows.map((r) => ms(r.created_at, r.sent_at!)),
      eventToAcceptedMs: rows.map((r) => ms(r.event_at, r.sent_at!)),
      missing: orderIds.length - new Set(rows.map((r) => r.order_id)).size,
    };
  } finally {
    await client.end();
  }
}

export function confirmationEmailReport(stages: { customers: number; emails: ConfirmationEmails }[], table: (header: string[], rows: string[][]) => string): string {
  const rows = stages.flatMap(({ customers, emails }) =>
    (
      [
        ['CONFIRMED → queued', emails.eventToQueuedMs],
        ['queued → SMTP accepted', emails.queuedToAcceptedMs],
        ['CONFIRMED → SMTP accepted', emails.eventToAcceptedMs],
      ] as const
    ).map(([stage, samples]) => {
      const s = summarize(samples);
      return [String(customers), stage, String(s.count), formatMs(s.p50), formatMs(s.p99), formatMs(s.max), String(emails.missing)];
    }),
  );
  return `confirmation e-mail latency (SPEC §11: within ${formatMs(CONFIRMATION_EMAIL_TARGET_MS)} of CONFIRMED), from notifications' rows\n${table(
    ['stage (customers)', 'pipeline stage', 'n', 'p50', 'p99', 'max', 'missing'],
    rows,
  )}\n`;
}

export function confirmationEmailMisses(customers: number, emails: ConfirmationEmails): string[] {
  const missed: string[] = [];
  const total = summarize(emails.eventToAcceptedMs);
  if (total.count && !(total.p99 <= CONFIRMATION_EMAIL_TARGET_MS)) missed.push(`${customers} customers: confirmation e-mail p99 ${formatMs(total.p99)} > ${formatMs(CONFIRMATION_EMAIL_TARGET_MS)}`);
  if (emails.missing) missed.push(`${customers} customers: ${emails.missing} confirmed order(s) without an accepted confirmation e-mail`);
  return missed;
}
