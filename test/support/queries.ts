import pg from 'pg';
import { StatementProbe } from '../../platform/prepared-statements.js';
import type { Orm } from '../../platform/database.js';
import type { DirectPostgreSqlConnection, StatementForms } from '../../platform/postgres-driver.js';

/** How a context ORM sends statements given as text (its statement probe, its inlining). */
export const statementFormsOf = (orm: Orm): StatementForms => (orm.em.getConnection() as unknown as DirectPostgreSqlConnection).statementForms();

/**
 * How many `pg.Client#query` calls the process makes while `work` runs — one per message the ORM,
 * the kit and raw clients ask for (lazy BEGIN's is answered without a message) — counting only
 * those whose text `counts` accepts. A message of prepared statements counts once (its statements
 * tested together, values inlined as the text would read); the statement probe's Parse, on a
 * connection of its own, is not the work's.
 */
export async function queriesDuring(work: () => Promise<unknown>, counts: (text: string) => boolean = () => true): Promise<number> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let calls = 0;
  proto.query = function countedForTest(this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; readableTexts?: string[] } | undefined;
    const text = typeof config === 'string' ? config : (config?.text ?? config?.readableTexts?.join(';\n') ?? '');
    if (!StatementProbe.isProbe(config) && counts(text)) calls++;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return calls;
}
