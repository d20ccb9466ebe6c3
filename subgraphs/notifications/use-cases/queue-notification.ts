import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { Envelope } from '../../../events/contract.js';
import { schemaOf } from '../../../events/inbox.js';
import { executeDeferred } from '../../../platform/postgres-driver.js';
import type { DataOf, NotificationKind } from '../templates/index.js';
import { renderEmail } from '../templates/render.js';

/** An e-mail to write: which kind, to whom, about which order, with the template's data. */
export interface Draft<K extends NotificationKind = NotificationKind> {
  kind: K;
  to: { email: string; customerId: string | null };
  orderId: string | null;
  data: DataOf<K>;
}

/**
 * Renders the e-mail and stores it QUEUED, due at once, in the handler's transaction (with the
 * event's inbox row). Unique per (event, kind, recipient): a replayed event writes nothing. The
 * insert is the trigger's last write and nothing reads its result, so it travels with the COMMIT
 * (executeDeferred): no round trip of its own.
 */
export async function queueNotification(em: EntityManager, draft: Draft, cause: Envelope): Promise<void> {
  const email = await renderEmail(draft.kind, draft.data as never);
  const schema = schemaOf(em);
  await executeDeferred(
    em,
    `insert into "${schema}".notification
       (id, event_id, kind, recipient, customer_id, order_id, subject, html, text, status, attempts, event_at, next_attempt_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, now())
     on conflict (event_id, kind, recipient) do nothing`,
    [uuidv7(), cause.id, draft.kind, draft.to.email, draft.to.customerId, draft.orderId, email.subject, email.html, email.text, new Date(cause.occurredAt)],
  );
}
