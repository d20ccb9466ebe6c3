import type pg from 'pg';
import type { JetStreamClient } from '@nats-io/jetstream';

export interface PendingRow {
  id: string;
  subject: string;
  data: string;
}

/** A row JetStream acknowledged (stored, or dropped as a duplicate it already held), at `streamSeq`. */
export interface StoredRow {
  id: string;
  streamSeq: number;
}

export interface PublishOutcome {
  /** The prefix of the rows the stream acknowledged, in order: to be marked published. */
  stored: StoredRow[];
  published: number;
  /** Rows JetStream had already stored (a re-publish inside the duplicate window). */
  duplicates: number;
  /** The publish error that ended the batch early; the failed row and those after it stay pending. */
  failure?: { id: string; error: unknown };
  /**
   * JetStream stored a new message at a sequence the outbox had already recorded: the stream
   * went backwards (lost data). The batch stopped there, leaving that row pending; the relay
   * reconciles the outbox with the stream before it publishes again.
   */
  streamWentBack?: { id: string; streamSeq: number };
  /** The highest stream sequence acknowledged in this batch (0 when none). */
  highestStreamSeq: number;
}

/**
 * Marks rows published and reads the next pending ones, in `seq` order, in ONE statement: the
 * relay's only round trip per batch (relay.ts holds a batch's marks until its next read). The
 * read sees the rows before the mark (one snapshot), so it leaves out the ones just marked by id.
 * `readNext: false` only marks.
 *
 * No transaction and no row locks: only the relay holding the context's advisory lock calls this
 * (relay.ts), so nobody else claims these rows. A named statement: the relay's connection is its
 * own, so PostgreSQL parses and plans it once per connection instead of on every batch of the
 * busiest loop of every context.
 */
export async function markAndReadPending(
  client: pg.Client,
  options: { schema: string; batchSize: number; marked: readonly StoredRow[]; readNext?: boolean },
): Promise<PendingRow[]> {
  const table = `"${options.schema}".outbox`;
  const { rows } = await client.query<PendingRow>({
    name: `outbox-mark-and-read:${options.schema}`,
    text: `with marked as (
         update ${table} o set published_at = now(), stream_seq = p.stream_seq, attempts = o.attempts + 1, last_error = null
           from unnest($1::uuid[], $2::bigint[]) as p(id, stream_seq) where o.id = p.id)
       select id, subject, envelope::text as data from ${table}
        where published_at is null and not (id = any($1::uuid[])) and $4::boolean order by seq limit $3`,
    values: [options.marked.map((s) => s.id), options.marked.map((s) => s.streamSeq), options.batchSize, options.readNext ?? true],
  });
  return rows;
}

/**
 * Publishes rows with `msgID` = row id and reports which prefix the stream acknowledged. A
 * failure ends the batch at that row so order is kept. Marking is the caller's (markAndReadPending):
 * if the process dies after a publish but before the mark, the rows stay pending and are
 * re-published with the same `msgID`, which JetStream drops inside the duplicate window. A relay
 * that lost its lock mid-batch (its connection broke) cannot mark anything, and its publishes are
 * the same duplicates.
 */
export async function publishRows(
  rows: readonly PendingRow[],
  options: {
    stream: string;
    js: JetStreamClient;
    publishTimeoutMs: number;
    /** The highest stream sequence already recorded in the outbox; a new message at or below it means data loss. */
    recordedStreamSeq?: number;
  },
): Promise<PublishOutcome> {
  const outcome: PublishOutcome = { stored: [], published: 0, duplicates: 0, highestStreamSeq: 0 };
  // Every publish of the batch is sent at once (pipelined on the one connection, so the stream
  // stores them in this order) and then the acks are read in order: one round trip per batch
  // instead of one per row. Only the prefix up to the first failure is marked; rows after it that
  // the stream did store stay pending and are re-published, which JetStream drops as duplicates.
  const acks = await Promise.allSettled(
    rows.map((row) => options.js.publish(row.subject, row.data, { msgID: row.id, expect: { streamName: options.stream }, timeout: options.publishTimeoutMs })),
  );
  for (const [i, row] of rows.entries()) {
    const settled = acks[i]!;
    if (settled.status === 'rejected') {
      outcome.failure = { id: row.id, error: settled.reason };
      break;
    }
    const ack = settled.value;
    if (!ack.duplicate && options.recordedStreamSeq !== undefined && ack.seq <= options.recordedStreamSeq) {
      outcome.streamWentBack = { id: row.id, streamSeq: ack.seq };
      break;
    }
    outcome.stored.push({ id: row.id, streamSeq: ack.seq });
    outcome.highestStreamSeq = Math.max(outcome.highestStreamSeq, ack.seq);
    if (ack.duplicate) outcome.duplicates++;
    else outcome.published++;
  }
  return outcome;
}

/** The failed row keeps its attempt count and error, for operators. */
export async function recordPublishFailure(client: pg.Client, schema: string, failure: { id: string; error: unknown }): Promise<void> {
  await client.query(`update "${schema}".outbox set attempts = attempts + 1, last_error = $2 where id = $1`, [failure.id, describeError(failure.error)]);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
