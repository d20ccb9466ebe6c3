import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../events/contract.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { messageIdFor } from '../../subgraphs/notifications/domain/message-id.js';
import type { AttemptOutcome } from '../../subgraphs/notifications/domain/retry-schedule.js';
import { SenderDoorbell, startSender } from '../../subgraphs/notifications/jobs/sender.job.js';
import type { Mailer, OutgoingEmail } from '../../subgraphs/notifications/mail/smtp-mailer.js';
import { queueNotification } from '../../subgraphs/notifications/use-cases/queue-notification.js';
import { SEND_BATCH, sendDue, type SenderDeps } from '../../subgraphs/notifications/use-cases/send-due-notifications.js';
import { eventually } from '../support/config.js';
import { TransactionLog } from '../support/transaction-log.js';
import { startNotifications, uniqueEmail, type NotificationsWorld } from './support.js';

/**
 * The sender's turn, driven directly with a fake mailer and clock against notifications' own
 * database: one statement takes the due rows (locked, SKIP LOCKED; at most a batch) and tells
 * whether more are due, one writes the outcomes. The process's own sender polls every 10 minutes
 * and nothing rings it here (rows are queued without the handler), so only the senders a test
 * starts touch the queue.
 */
const MAIL_FROM = 'CritterSupply <orders@crittersupply.dev>';

let world: NotificationsWorld;
let sql: pg.Client;
const em = () => world.stack.subgraphs.notifications!.runtime.orm.em.fork() as EntityManager;

/** Statements of finished transactions; the test's own `sql` client never sends BEGIN, so only the ORM's are recorded. */
const transactions = new TransactionLog();

beforeAll(async () => {
  world = await startNotifications({ NOTIFICATION_POLL_MS: '600000' });
  sql = new pg.Client({ connectionString: world.stack.env.databaseUrl });
  await sql.connect();
  transactions.install();
});
afterAll(async () => {
  transactions.uninstall();
  await sql?.end();
  await world?.stop();
});
beforeEach(async () => {
  await sql.query('delete from notifications.notification');
  transactions.clear();
});

/** The transaction whose statements name `id` (the ORM inlines parameters), as statement kinds. */
function statementsNaming(id: string): string[] {
  const found = transactions.transactionsWith(id);
  expect(found).toHaveLength(1);
  return found[0]!.map((text) => {
    if (/^(begin|commit|rollback)/i.test(text)) return text.replace(/;$/, '').toUpperCase();
    if (/^with claimed as \( ?select \* from "notifications"\.notification .* for update skip locked\) select claimed\.\*, exists/i.test(text)) return 'claim';
    if (/^with w1 as \( ?update "notifications"\.notification set status/i.test(text)) return /insert into "notifications"\.outbox/.test(text) ? 'outcome+outbox' : 'outcome';
    return text.slice(0, 60);
  });
}

/** A fake SMTP server answering from a script (then accepting), recording what it was given. */
function scriptedMailer(answers: AttemptOutcome[] = []): Mailer & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    sent,
    async send(email) {
      sent.push(email);
      return answers.shift() ?? { kind: 'accepted' };
    },
    close() {},
  };
}

/** A fake SMTP server that accepts everything but holds the first conversation until `release()`; `entered` once it holds it. */
function mailerHoldingTheFirst(): { mailer: Mailer; entered: Promise<void>; release: () => void; sent: OutgoingEmail[] } {
  let inSmtp!: () => void;
  const entered = new Promise<void>((resolve) => (inSmtp = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const sent: OutgoingEmail[] = [];
  const mailer: Mailer = {
    async send(email) {
      sent.push(email);
      if (sent.length === 1) {
        inSmtp();
        await released;
      }
      return { kind: 'accepted' };
    },
    close() {},
  };
  return { mailer, entered, release, sent };
}

const deps = (mailer: Mailer, clock: () => Date = () => new Date(Date.now() + 1_000), retryDelaysMs = [60_000, 120_000]): SenderDeps => ({
  mailer,
  mailFrom: MAIL_FROM,
  eventNamespace: world.stack.env.namespace,
  retryDelaysMs,
  clock,
});

/** A password-reset e-mail queued as the handler queues it (due now, by the database's clock). */
async function queued(): Promise<{ id: string; to: string; customerId: string; eventId: string }> {
  const to = uniqueEmail();
  const customerId = randomUUID();
  const cause = { id: randomUUID(), occurredAt: new Date().toISOString() } as Envelope;
  const draft = { kind: 'PASSWORD_RESET' as const, to: { email: to, customerId }, orderId: null, data: { firstName: 'Alice', resetUrl: 'https://shop.example/reset?token=1', expiresAt: new Date() } };
  await em().transactional((tx) => queueNotification(tx, draft, cause));
  const { rows } = await sql.query<{ id: string }>('select id from notifications.notification where recipient = $1', [to]);
  return { id: rows[0]!.id, to, customerId, eventId: cause.id };
}

async function row(id: string) {
  const { rows } = await sql.query(
    `select status, attempts, last_error as "lastError", next_attempt_at as "nextAttemptAt", sent_at as "sentAt", failed_at as "failedAt"
       from notifications.notification where id = $1`,
    [id],
  );
  return rows[0];
}

describe('the sender', () => {
  it('sends an e-mail once when two senders look for it at the same time', async () => {
    const { id } = await queued();
    // the first sender is held inside its SMTP conversation (row locked) while the second looks
    const { mailer, entered, release, sent } = mailerHoldingTheFirst();
    const first = sendDue(em(), deps(mailer), world.stack.env.log);
    await entered;
    const second = await sendDue(em(), deps(mailer), world.stack.env.log);
    release();

    expect(second).toEqual({ outcomes: [], moreDue: false });
    expect(await first).toEqual({ outcomes: ['sent'], moreDue: false });
    expect(sent.map((email) => email.messageId)).toEqual([messageIdFor(id, MAIL_FROM)]);
    expect(await row(id)).toMatchObject({ status: 'SENT', attempts: 1, lastError: null, nextAttemptAt: null });
  });

  it('retries a refused e-mail when its schedule says, with the same Message-ID, in one statement per attempt', async () => {
    const { id } = await queued();
    const mailer = scriptedMailer([{ kind: 'refused', permanent: false, error: '451 4.3.0 try again later' }]);
    const t0 = new Date(Date.now() + 1_000);
    const at = (ms: number) => () => new Date(t0.getTime() + ms);
    const log = world.stack.env.log;

    transactions.clear();
    expect(await sendDue(em(), deps(mailer, at(0)), log)).toEqual({ outcomes: ['retry-scheduled'], moreDue: false });
    expect(await row(id)).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: '451 4.3.0 try again later', nextAttemptAt: new Date(t0.getTime() + 60_000), sentAt: null });
    expect(statementsNaming(id)).toEqual(['BEGIN', 'claim', 'outcome', 'COMMIT']);

    expect(await sendDue(em(), deps(mailer, at(59_999)), log)).toEqual({ outcomes: [], moreDue: false });
    expect(mailer.sent).toHaveLength(1);

    expect(await sendDue(em(), deps(mailer, at(60_000)), log)).toEqual({ outcomes: ['sent'], moreDue: false });
    expect(await row(id)).toMatchObject({ status: 'SENT', attempts: 2, lastError: null, nextAttemptAt: null, sentAt: new Date(t0.getTime() + 60_000) });
    expect(mailer.sent.map((e) => e.messageId)).toEqual([messageIdFor(id, MAIL_FROM), messageIdFor(id, MAIL_FROM)]);
  });

  it('fails after the last attempt and announces NotificationFailed in the statement that records it', async () => {
    const { id, to, customerId, eventId } = await queued();
    const refusal: AttemptOutcome = { kind: 'refused', permanent: false, error: '421 4.4.2 timeout' };
    const mailer = scriptedMailer([refusal, refusal]);
    const t0 = new Date(Date.now() + 1_000);
    const log = world.stack.env.log;

    await sendDue(em(), deps(mailer, () => t0, [1_000]), log);
    transactions.clear();
    expect(await sendDue(em(), deps(mailer, () => new Date(t0.getTime() + 1_000), [1_000]), log)).toEqual({ outcomes: ['failed'], moreDue: false });
    expect(statementsNaming(id)).toEqual(['BEGIN', 'claim', 'outcome+outbox', 'COMMIT']);
    expect(await row(id)).toMatchObject({ status: 'FAILED', attempts: 2, lastError: '421 4.4.2 timeout', nextAttemptAt: null, failedAt: new Date(t0.getTime() + 1_000) });

    const { rows } = await sql.query<{ envelope: Record<string, any> }>(`select envelope from notifications.outbox where type = 'NotificationFailed' and envelope->'payload'->>'notificationId' = $1`, [id]);
    expect(rows.map((r) => r.envelope)).toEqual([
      expect.objectContaining({
        customerId,
        causationId: eventId,
        payload: { notificationId: id, kind: 'PASSWORD_RESET', to, orderId: null, attempts: 2, error: '421 4.4.2 timeout', permanent: false },
      }),
    ]);
  });

  it('says whether more e-mails are due when it takes one', async () => {
    const a = await queued();
    const b = await queued();
    const mailer = scriptedMailer();
    expect(await sendDue(em(), deps(mailer), world.stack.env.log, 1)).toEqual({ outcomes: ['sent'], moreDue: true });
    expect(await sendDue(em(), deps(mailer), world.stack.env.log, 1)).toEqual({ outcomes: ['sent'], moreDue: false });
    expect(mailer.sent.map((e) => e.to)).toEqual([a.to, b.to]);
  });

  it('takes the e-mails due together in one turn: one claim, every outcome in one statement, one commit', async () => {
    const rows = [await queued(), await queued(), await queued()];
    // the second is refused for good (the SMTP conversations run at once, so the script answers by
    // order of sending): its failure is announced in the statement with the others' outcomes
    const mailer = scriptedMailer([{ kind: 'accepted' }, { kind: 'refused', permanent: true, error: '550 5.1.1 no such user' }]);
    transactions.clear();
    expect(await sendDue(em(), deps(mailer), world.stack.env.log)).toEqual({ outcomes: ['sent', 'failed', 'sent'], moreDue: false });

    expect(mailer.sent.map((e) => e.to).sort()).toEqual(rows.map((r) => r.to).sort());
    const [look, ...others] = transactions.transactionsWith('with claimed as');
    expect(others).toHaveLength(0);
    for (const { id } of rows) expect(look!.some((text) => text.includes(id))).toBe(true);
    expect(statementsNaming(rows[0]!.id)).toEqual(['BEGIN', 'claim', 'outcome+outbox', 'COMMIT']);
    expect(await row(rows[0]!.id)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(await row(rows[1]!.id)).toMatchObject({ status: 'FAILED', attempts: 1, lastError: '550 5.1.1 no such user' });
    expect(await row(rows[2]!.id)).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('takes at most a batch in one turn, and says the rest are due', async () => {
    const rows = [];
    for (let i = 0; i <= SEND_BATCH; i++) rows.push(await queued());
    const mailer = scriptedMailer();
    expect(await sendDue(em(), deps(mailer), world.stack.env.log)).toEqual({ outcomes: Array(SEND_BATCH).fill('sent'), moreDue: true });
    expect(await sendDue(em(), deps(mailer), world.stack.env.log)).toEqual({ outcomes: ['sent'], moreDue: false });
    expect(mailer.sent.map((e) => e.to)).toEqual(rows.map((r) => r.to));
  });

  it('answers a ring heard while it was busy with the look it takes next: no look finds nothing', async () => {
    const rows = [await queued(), await queued()];
    // the first e-mail's SMTP conversation is held, so the third is queued (and rung) while the worker is busy
    const { mailer, entered, release, sent } = mailerHoldingTheFirst();
    const doorbell = new SenderDoorbell();
    transactions.clear();
    const sender = startSender({ orm: world.stack.subgraphs.notifications!.runtime.orm, deps: deps(mailer), pollMs: 600_000, workers: 1, log: world.stack.env.log, doorbell });
    try {
      await entered;
      rows.push(await queued());
      doorbell.ring(); // as the handler that queued it does, after its commit
      release();
      await eventually(async () => (await sql.query(`select 1 from notifications.notification where status <> 'SENT'`)).rowCount === 0, { what: 'all three e-mails sent', timeoutMs: 5_000 });
    } finally {
      await sender.stop();
    }
    expect(sent.map((email) => email.to).sort()).toEqual(rows.map((r) => r.to).sort());
    // two looks, each taking e-mails: the first took the two queued at start, the second (after the
    // first committed) the third, answering the ring heard meanwhile
    const looks = transactions.transactionsWith('with claimed as');
    expect(looks.map((statements) => statements.some((text) => /update "notifications"\.notification\s+set status/i.test(text)))).toEqual([true, true]);
  });

  it('sends every e-mail queued together after one ring, without waiting for a poll', async () => {
    const rows = [await queued(), await queued(), await queued()];
    const mailer = scriptedMailer();
    const doorbell = new SenderDoorbell();
    const sender = startSender({ orm: world.stack.subgraphs.notifications!.runtime.orm, deps: deps(mailer), pollMs: 600_000, workers: 1, log: world.stack.env.log, doorbell });
    try {
      // the worker's first look finds the rows at start; one ring as well, as a handler would
      doorbell.ring();
      await eventually(
        async () => {
          const { rows: unsent } = await sql.query(`select 1 from notifications.notification where status <> 'SENT'`);
          return unsent.length === 0;
        },
        { what: 'all three e-mails sent', timeoutMs: 5_000 },
      );
      expect(mailer.sent.map((e) => e.to).sort()).toEqual(rows.map((r) => r.to).sort());
    } finally {
      await sender.stop();
    }
  });
});
