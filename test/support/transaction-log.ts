import pg from 'pg';
import type { Envelope } from '../../events/contract.js';
import type { EventHandler } from '../../events/handler.js';
import { handleOnce } from '../../events/inbox.js';
import type { Orm } from '../../platform/database.js';
import type { Logger } from '../../platform/logger.js';

/**
 * Records the statements of every transaction this process finishes, per connection, at
 * `pg.Client#query` (where the ORM, raw SQL and the kit all pass), as the code asked for them:
 * BEGIN included even when lazy BEGIN sends it with the next statement. A statement is recorded
 * with its values inlined (as the driver sends it until it goes prepared, and as a prepared one
 * reads), so a transaction is found by a value it used (an envelope id, an order id).
 */
export class TransactionLog {
  private readonly finished: string[][] = [];
  private readonly open = new WeakMap<object, string[]>();
  private readonly lastFinished = new WeakMap<object, string[]>();
  private original: ((...args: unknown[]) => unknown) | undefined;

  install(): void {
    const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    this.original = original;
    const record = (client: object, args: unknown[]) => this.record(client, args);
    (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function recordedQuery(this: object, ...args: unknown[]) {
      record(this, args);
      return original.apply(this, args);
    };
  }

  uninstall(): void {
    if (this.original) (pg.Client.prototype as unknown as { query: unknown }).query = this.original;
  }

  /**
   * Forgets the finished transactions, so a test that checks a count sees only the ones it caused;
   * transactions still open stay recorded, as they finish after it.
   */
  clear(): void {
    this.finished.length = 0;
  }

  /**
   * Handles `envelope` as a consumer's delivery would (the kit's inbox path) and answers what it
   * threw, if anything, and the statements of its transaction (found by the envelope id, which the
   * inbox insert carries inlined).
   */
  async deliver(orm: Orm, handler: EventHandler, envelope: Envelope, logger: Logger): Promise<{ error: unknown; statements: string[] }> {
    const error = await handleOnce(orm, handler, envelope, { log: logger, deliveryCount: 1 }).then(
      () => null,
      (err: unknown) => err,
    );
    const [transaction] = this.transactionsWith(envelope.id);
    return { error, statements: transaction ?? [] };
  }

  /** The finished transactions that sent `marker` in one of their statements, oldest first, each as its statements. */
  transactionsWith(marker: string): string[][] {
    return this.finished.filter((texts) => texts.some((text) => text.includes(marker)));
  }

  private record(client: object, args: unknown[]): void {
    const config = args[0] as string | { text?: string; readableTexts?: string[] } | undefined;
    // a message of prepared statements (platform/prepared-statements.ts) as its inlined text would read
    const text = typeof config === 'string' ? config : (config?.text ?? config?.readableTexts?.join(';\n') ?? '');
    if (/^\s*begin\b/i.test(text)) this.open.set(client, []);
    const transaction = this.open.get(client);
    if (!transaction) {
      // the ROLLBACK after a last write sent with its COMMIT failed (PostgreSQL skipped the COMMIT)
      const last = this.lastFinished.get(client);
      if (last && /^\s*rollback\b/i.test(text)) last.push('ROLLBACK;');
      return;
    }
    // a last write sent with its COMMIT (platform/postgres-driver.ts): the two statements it is
    const withCommit = /;\s*commit\s*;?\s*$/i.exec(text);
    transaction.push(...(withCommit ? [oneMessage(text.slice(0, withCommit.index)), 'COMMIT;'] : [oneMessage(text)]));
    if (withCommit || /^\s*(commit|rollback)\b/i.test(text)) {
      this.open.delete(client);
      this.finished.push(transaction);
      this.lastFinished.set(client, transaction);
    }
  }
}

/**
 * A statement by what it does, so a test reads as the list of round trips: transaction control and
 * the kit's inbox row and order lock, then what `own` names (a context's reads and row locks), then
 * a `with …` statement as the writes it combines; anything else as its text.
 */
export function statementKind(text: string, own: (text: string) => string | undefined = () => undefined): string {
  if (/^begin/i.test(text)) return 'BEGIN';
  if (/^commit/i.test(text)) return 'COMMIT';
  if (/^rollback/i.test(text)) return 'ROLLBACK';
  if (/^with inbox as \(insert into "?\w+"?\.inbox.*pg_advisory_xact_lock/is.test(text)) return 'inbox and order lock';
  if (/^insert into "?\w+"?\.inbox/i.test(text)) return 'inbox';
  if (/pg_advisory_xact_lock/i.test(text)) return 'order lock';
  const named = own(text);
  if (named !== undefined) return named;
  if (/^with /i.test(text)) return combinedWrites(text);
  return text;
}

/** A `with …` statement as the writes it makes, e.g. `one write: insert shipment + insert outbox`. */
export function combinedWrites(text: string): string {
  const parts = [...text.matchAll(/(insert into|update) "?\w+"?\."?(\w+)"?/gi)].map((m) => `${m[1]!.split(' ')[0]!.toLowerCase()} ${m[2]}`);
  return `one write: ${parts.join(' + ')}`;
}

/**
 * A message's text, each statement on one line: writes deferred to a transaction's next message
 * (ConnectionTransaction.defer: a delivery's inbox row, say) travel before its statement, one per
 * line, so an entry of the log is still one round trip.
 */
function oneMessage(text: string): string {
  return text
    .split(/;\s*\n/)
    .map((statement) => statement.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** `kind` for each statement of a logged message, joined: "inbox; order lock; payment row lock" is one round trip. */
export const perMessage =
  (kind: (statement: string) => string) =>
  (message: string): string =>
    message.split('\n').map(kind).join('; ');
