import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../../subgraphs/catalog/subgraph.js';
import { forkEm } from '../../platform/subgraph-runtime.js';
import { startStack, type Stack } from '../support/stack.js';

/** Every context purges its inbox on a schedule (INBOX_RETENTION_DAYS, INBOX_PURGE_INTERVAL_MS) without wiring of its own. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack([catalogSubgraph], { INBOX_RETENTION_DAYS: '7', INBOX_PURGE_INTERVAL_MS: '100' });
});
afterAll(() => stack?.stop());

const inboxIds = async () => {
  const rows = await forkEm(stack.subgraphs.catalog!.runtime.orm).getConnection().execute<{ message_id: string }[]>(`select message_id from catalog.inbox order by message_id`);
  return rows.map((r) => r.message_id);
};

describe('inbox purge', () => {
  it('deletes dedupe rows older than the retention and keeps the recent ones', async () => {
    const em = forkEm(stack.subgraphs.catalog!.runtime.orm);
    await em.getConnection().execute(
      `insert into catalog.inbox (message_id, handler, processed_at) values
         ('00000000-0000-7000-8000-000000000001', 'old-handler', now() - interval '8 days'),
         ('00000000-0000-7000-8000-000000000002', 'recent-handler', now() - interval '6 days')`,
    );
    await expect.poll(inboxIds, { timeout: 10_000, interval: 100 }).toEqual(['00000000-0000-7000-8000-000000000002']);
  });
});
